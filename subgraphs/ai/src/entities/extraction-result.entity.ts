import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { FieldSources } from './enums.js';
import { ExtractionJob } from './extraction-job.entity.js';

/** One field an extraction job read, with its confidence, where it came from and any correction. */
export const ExtractionResult = defineEntity({
  name: 'ExtractionResult',
  tableName: 'extraction_result',
  properties: {
    id: p.uuid().primary().onCreate(() => crypto.randomUUID()),
    job: () => p.manyToOne(ExtractionJob),
    /** Position in the source, so results read in source order. */
    position: p.integer(),
    fieldName: p.string().length(100),
    /** Null when the form leaves the field empty or nothing reliable was found. */
    value: p.text().nullable(),
    /** Every marked option, for questions that allow several. */
    values: p.json<string[]>().nullable(),
    confidence: p.decimal('number').precision(4).scale(3),
    source: p.enum([...FieldSources]).default('LAYOUT'),
    sourceText: p.text(),
    warning: p.text().nullable(),
    line: p.integer().nullable(),
    page: p.integer().nullable(),
    boundingBox: p.json<number[]>().nullable(),
    needsReview: p.boolean().default(false),
    /** What the extractor said before a person (or a past correction) changed it. */
    extractedValue: p.json<string | string[] | null>().nullable(),
    correctionId: p.uuid().nullable(),
    correctedBy: p.uuid().nullable(),
    correctedAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
  },
  uniques: [{ properties: ['job', 'position'] }],
});
export type ExtractionResult = InferEntity<typeof ExtractionResult>;
