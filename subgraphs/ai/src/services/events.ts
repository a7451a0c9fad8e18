import type { ExtractionJob } from '../entities/index.js';

/** The subject every extraction event carries: readers filter by lab, submission and sample. */
export const jobSubject = (job: Pick<ExtractionJob, 'id' | 'submissionId' | 'sampleId' | 'labId'>) => ({
  type: 'ExtractionJob', id: job.id, submissionId: job.submissionId, sampleId: job.sampleId, labId: job.labId,
});

/** Live progress: published straight on the bus (not the outbox), since a lost tick is harmless. */
export const PROGRESS_EVENT = 'ExtractionProgress';
/** Wakes the worker; written through the outbox with the job, so a queued job is never forgotten. */
export const QUEUED_EVENT = 'ExtractionJobQueued';
