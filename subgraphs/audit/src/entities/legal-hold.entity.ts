import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * Entries that must not be pruned while the hold is active: those about a subject (matched against
 * the subject, sample or submission id) and/or those that occurred within a time range.
 */
export const LegalHold = defineEntity({
  name: 'LegalHold',
  tableName: 'legal_hold',
  properties: {
    id: p.uuid().primary().onCreate(() => crypto.randomUUID()),
    subjectId: p.string().length(100).nullable(),
    fromTime: p.datetime().nullable(),
    toTime: p.datetime().nullable(),
    reason: p.text(),
    placedBy: p.string().length(100).nullable(),
    placedAt: p.datetime(),
    releasedAt: p.datetime().nullable(),
    releasedBy: p.string().length(100).nullable(),
    releaseReason: p.text().nullable(),
  },
  indexes: [{ properties: ['releasedAt'] }],
});
export type LegalHold = InferEntity<typeof LegalHold>;
