import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { ExtractionJob } from './extraction-job.entity.js';

/** One value an extraction job found, with its confidence and where in the source it came from. */
export const ExtractionResult = defineEntity({
  name: 'ExtractionResult',
  tableName: 'extraction_result',
  properties: {
    id: p.uuid().primary().onCreate(() => crypto.randomUUID()),
    job: () => p.manyToOne(ExtractionJob),
    /** Position in the source, so results read in source order. */
    position: p.integer(),
    fieldName: p.string().length(100),
    value: p.text(),
    confidence: p.decimal('number').precision(4).scale(3),
    sourceText: p.text(),
    line: p.integer().nullable(),
    page: p.integer().nullable(),
    boundingBox: p.json<number[]>().nullable(),
    needsReview: p.boolean().default(false),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  uniques: [{ properties: ['job', 'position'] }],
});
export type ExtractionResult = InferEntity<typeof ExtractionResult>;
