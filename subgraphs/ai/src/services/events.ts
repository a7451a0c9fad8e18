import type { ExtractionJob } from '../entities/index.js';

/** The subject every extraction event carries: readers filter by lab, submission and sample. */
export const jobSubject = (job: Pick<ExtractionJob, 'id' | 'submissionId' | 'sampleId' | 'labId'>) => ({
  type: 'ExtractionJob', id: job.id, submissionId: job.submissionId, sampleId: job.sampleId, labId: job.labId,
});
