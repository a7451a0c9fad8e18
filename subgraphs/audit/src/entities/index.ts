import { AuditChainHead } from './chain-head.entity.js';
import { AuditCheckpoint } from './checkpoint.entity.js';
import { AuditEntry } from './audit-entry.entity.js';
import { LegalHold } from './legal-hold.entity.js';
import { RetentionPolicy } from './retention-policy.entity.js';

export { AuditChainHead, AuditCheckpoint, AuditEntry, LegalHold, RetentionPolicy };
/** Every entity of this subgraph, listed explicitly for the ORM. */
export const entities = [AuditEntry, AuditChainHead, AuditCheckpoint, RetentionPolicy, LegalHold];
