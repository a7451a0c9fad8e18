import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { DraftSample } from '../services/pdf/draft.js';
import { ExtractionMethods, ExtractionStages, ExtractionStatuses, SourceKinds } from './enums.js';

/**
 * One run of an extractor over a source (pasted text or a quote PDF). PDF jobs are run by the
 * worker, which claims them with a lease (`leaseOwner` until `leaseExpiresAt`): a job whose
 * worker died is claimed again once the lease runs out, and only the lease holder may finish it.
 */
export const ExtractionJob = defineEntity({
  name: 'ExtractionJob',
  tableName: 'extraction_job',
  properties: {
    id: p.uuid().primary().onCreate(() => crypto.randomUUID()),
    submissionId: p.uuid().nullable(),
    sampleId: p.uuid().nullable(),
    fileId: p.uuid().nullable(),
    sourceKind: p.enum([...SourceKinds]).default('TEXT'),
    filename: p.string().length(255).nullable(),
    status: p.enum([...ExtractionStatuses]).default('QUEUED'),
    method: p.enum([...ExtractionMethods]),
    stage: p.enum([...ExtractionStages]).default('QUEUED'),
    progress: p.decimal('number').precision(4).scale(3).default(0),
    pagesDone: p.integer().default(0),
    pagesTotal: p.integer().nullable(),
    form: p.string().length(10).nullable(),
    warnings: p.json<string[]>().default([]),
    /** The sample table as read (and as corrected): rows in print order. */
    samples: p.json<DraftSample[]>().default([]),
    error: p.text().nullable(),
    attempts: p.integer().default(0),
    leaseOwner: p.string().length(100).nullable(),
    leaseExpiresAt: p.datetime().nullable(),
    llmModel: p.string().length(100).nullable(),
    llmPromptVersion: p.string().length(40).nullable(),
    llmLatencyMs: p.integer().nullable(),
    createdBy: p.uuid(),
    labId: p.string().length(100),
    reviewedBy: p.uuid().nullable(),
    reviewedAt: p.datetime().nullable(),
    rejectReason: p.text().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    startedAt: p.datetime().nullable(),
    finishedAt: p.datetime().nullable(),
  },
  indexes: [
    { properties: ['labId'] },
    { properties: ['submissionId', 'createdAt'] },
    { properties: ['sampleId', 'createdAt'] },
    { properties: ['status', 'createdAt'] },
  ],
});
export type ExtractionJob = InferEntity<typeof ExtractionJob>;
