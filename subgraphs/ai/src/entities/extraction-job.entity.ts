import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { ExtractionMethods, ExtractionStatuses } from './enums.js';

/** One run of an extractor over a source, for a submission (and optionally one sample). */
export const ExtractionJob = defineEntity({
  name: 'ExtractionJob',
  tableName: 'extraction_job',
  properties: {
    id: p.uuid().primary().onCreate(() => crypto.randomUUID()),
    submissionId: p.uuid(),
    sampleId: p.uuid().nullable(),
    fileId: p.uuid().nullable(),
    status: p.enum([...ExtractionStatuses]).default('PENDING'),
    method: p.enum([...ExtractionMethods]),
    progress: p.decimal('number').precision(4).scale(3).default(0),
    error: p.text().nullable(),
    createdBy: p.uuid(),
    labId: p.string().length(100),
    createdAt: p.datetime().onCreate(() => new Date()),
    startedAt: p.datetime().nullable(),
    finishedAt: p.datetime().nullable(),
  },
  indexes: [
    { properties: ['labId'] },
    { properties: ['submissionId', 'createdAt'] },
    { properties: ['sampleId', 'createdAt'] },
  ],
});
export type ExtractionJob = InferEntity<typeof ExtractionJob>;
