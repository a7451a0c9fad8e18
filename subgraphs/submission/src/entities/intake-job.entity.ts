import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { IntakeKinds, IntakeStatuses } from './enums.js';

/** One uploaded sample sheet: parsed into draft rows, checked by samples, then committed as samples. */
export const IntakeJob = defineEntity({
  name: 'IntakeJob',
  tableName: 'intake_job',
  properties: {
    id: p.uuid().primary().onCreate(() => crypto.randomUUID()),
    kind: p.enum([...IntakeKinds]),
    status: p.enum([...IntakeStatuses]).default('PARSING'),
    /** The submission rows go into; null until commit creates one in `projectId`. */
    submissionId: p.uuid().nullable(),
    /** The project a new submission is created in, when no submission was named. */
    projectId: p.uuid().nullable(),
    labId: p.string().length(100),
    createdBy: p.uuid(),
    filename: p.string().length(255).nullable(),
    /** For a PDF intake: the accepted ai ExtractionJob its rows came from (one intake per extraction). */
    extractionJobId: p.uuid().nullable().unique(),
    rowCount: p.integer().default(0),
    errorCount: p.integer().default(0),
    excludedCount: p.integer().default(0),
    committedCount: p.integer().default(0),
    failedCount: p.integer().default(0),
    /** Header cells that matched no known column, or legacy columns not imported, so the user sees what was ignored. */
    ignoredColumns: p.json<string[]>(),
    /** Why the whole sheet or the commit failed. */
    error: p.text().nullable(),
    /** The caller's key of the commit: the same key again resumes or is a no-op, another key is a conflict. */
    commitKey: p.string().length(200).nullable(),
    committedBy: p.uuid().nullable(),
    /** A commit in progress holds the job until then; a crashed one can be resumed after it passes. */
    leaseUntil: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    committedAt: p.datetime().nullable(),
    version: p.integer().version(),
  },
  indexes: [{ properties: ['labId', 'createdAt'] }, { properties: ['submissionId', 'createdAt'] }, { properties: ['createdAt', 'id'] }],
});
export type IntakeJob = InferEntity<typeof IntakeJob>;
