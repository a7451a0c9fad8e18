import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { AuditCategories } from './enums.js';

/**
 * One domain event as recorded: append-only (a trigger refuses UPDATE and DELETE outside pruning)
 * and hash-chained by `seq`, so any later change to a row is detectable.
 */
export const AuditEntry = defineEntity({
  name: 'AuditEntry',
  tableName: 'audit_entry',
  properties: {
    seq: p.bigint('number').primary().autoincrement(false),
    id: p.uuid().unique(),
    eventId: p.string().length(100).unique(),
    type: p.string().length(100),
    category: p.enum([...AuditCategories]),
    source: p.string().length(50),
    actorUserId: p.string().length(100).nullable(),
    actorRole: p.string().length(20).nullable(),
    actorName: p.string().length(255).nullable(),
    actorVia: p.string().length(20),
    actorTokenId: p.string().length(100).nullable(),
    actorIp: p.string().length(100).nullable(),
    actorUserAgent: p.text().nullable(),
    subjectType: p.string().length(100),
    subjectId: p.string().length(100),
    sampleId: p.string().length(100).nullable(),
    submissionId: p.string().length(100).nullable(),
    labId: p.string().length(100).nullable(),
    data: p.json<Record<string, unknown>>().nullable(),
    before: p.json<Record<string, unknown>>().nullable(),
    after: p.json<Record<string, unknown>>().nullable(),
    reason: p.text().nullable(),
    correlationId: p.string().length(200).nullable(),
    occurredAt: p.datetime(),
    recordedAt: p.datetime(),
    prevHash: p.string().length(64),
    hash: p.string().length(64),
  },
  indexes: [
    { properties: ['sampleId', 'seq'] },
    { properties: ['submissionId', 'seq'] },
    { properties: ['actorUserId', 'seq'] },
    { properties: ['subjectType', 'subjectId', 'seq'] },
    { properties: ['type', 'seq'] },
    { properties: ['occurredAt'] },
  ],
});
export type AuditEntry = InferEntity<typeof AuditEntry>;
