import { FileVersion } from './file-version.entity.js';
import { LegalHold } from './legal-hold.entity.js';
import { StoredFile } from './stored-file.entity.js';
import { UploadTicket } from './upload-ticket.entity.js';

export { FileVersion, LegalHold, StoredFile, UploadTicket };
/** Every entity of this subgraph, listed explicitly for the ORM. */
export const entities = [StoredFile, FileVersion, UploadTicket, LegalHold];
