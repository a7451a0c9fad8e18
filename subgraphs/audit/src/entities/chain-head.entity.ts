import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** The single row every append locks, so the chain has exactly one order (row 1 only). */
export const AuditChainHead = defineEntity({
  name: 'AuditChainHead',
  tableName: 'audit_chain_head',
  properties: {
    id: p.smallint().primary().autoincrement(false),
    lastSeq: p.bigint('number'),
    lastHash: p.string().length(64),
  },
});
export type AuditChainHead = InferEntity<typeof AuditChainHead>;
