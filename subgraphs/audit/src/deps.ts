import type { SubgraphDeps } from '@app/common';
import type { AuditConfig } from './config.js';

/** Process-wide dependencies of the audit subgraph. */
export type AuditDeps = SubgraphDeps<AuditConfig>;

export const SOURCE = 'audit';
/** Consumer group of the audit trail on the bus (schema/README.md). */
export const CONSUMER_GROUP = 'audit';
