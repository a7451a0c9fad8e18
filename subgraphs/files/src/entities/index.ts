import { FileVersion } from './file-version.entity.js';
import { StoredFile } from './stored-file.entity.js';
import { UploadTicket } from './upload-ticket.entity.js';

export { FileVersion, StoredFile, UploadTicket };
/** Every entity of this subgraph, listed explicitly for the ORM. */
export const entities = [StoredFile, FileVersion, UploadTicket];
