import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { CheckpointKinds } from './enums.js';

/**
 * The hash of the chain at a sequence number: PERIODIC every N entries, ANCHOR at the last entry a
 * pruning removed, so verification can restart from the first retained entry.
 */
export const AuditCheckpoint = defineEntity({
  name: 'AuditCheckpoint',
  tableName: 'audit_checkpoint',
  properties: {
    seq: p.bigint('number').primary().autoincrement(false),
    entryId: p.uuid(),
    hash: p.string().length(64),
    kind: p.enum([...CheckpointKinds]),
    createdAt: p.datetime(),
  },
});
export type AuditCheckpoint = InferEntity<typeof AuditCheckpoint>;
