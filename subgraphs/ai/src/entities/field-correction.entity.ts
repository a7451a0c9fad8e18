import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * A reviewer's correction of one field, kept so later jobs can find similar cases: the label the
 * value was read under, what the extractor said, what was right, and the embedding of that text.
 */
export const FieldCorrection = defineEntity({
  name: 'FieldCorrection',
  tableName: 'field_correction',
  properties: {
    id: p.uuid().primary().onCreate(() => crypto.randomUUID()),
    jobId: p.uuid(),
    labId: p.string().length(100),
    form: p.string().length(10).nullable(),
    fieldName: p.string().length(100),
    labelText: p.text(),
    wrongValue: p.text().nullable(),
    rightValue: p.text().nullable(),
    /** Unit-length vector of `fieldName | labelText | wrongValue`. */
    embedding: p.json<number[]>(),
    embeddingModel: p.string().length(100),
    /** Only corrections of accepted jobs are looked up. */
    accepted: p.boolean().default(false),
    createdBy: p.uuid(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  indexes: [{ properties: ['fieldName', 'accepted'] }],
});
export type FieldCorrection = InferEntity<typeof FieldCorrection>;
