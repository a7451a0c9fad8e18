import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * This subgraph's copy of a legal hold the audit subgraph placed (from its LegalHoldPlaced and
 * LegalHoldReleased events; the id is audit's). A purge refuses a file an active hold covers: one
 * about the file, its sample or its submission (`subjectId`) and/or about what happened between
 * `fromTime` and `toTime`. Released holds are kept, so a late or repeated LegalHoldPlaced cannot
 * bring one back.
 */
export const LegalHold = defineEntity({
  name: 'LegalHold',
  tableName: 'legal_hold',
  properties: {
    id: p.uuid().primary(),
    subjectId: p.string().length(100).nullable(),
    fromTime: p.datetime().nullable(),
    toTime: p.datetime().nullable(),
    reason: p.text(),
    placedAt: p.datetime().nullable(),
    releasedAt: p.datetime().nullable(),
  },
  indexes: [{ properties: ['releasedAt'] }, { properties: ['subjectId'] }],
});
export type LegalHold = InferEntity<typeof LegalHold>;
