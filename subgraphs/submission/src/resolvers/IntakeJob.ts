import type { SubmissionContext } from '../context.js';
import type { IntakeJob as JobEntity } from '../entities/index.js';
import type { IntakeRowStatus } from '../entities/enums.js';

export const IntakeJob = {
  __resolveReference: (ref: { id: string }, ctx: SubmissionContext) => ctx.loaders.jobById.load(ref.id),
  submission: (job: JobEntity) => (job.submissionId ? { __typename: 'Submission', id: job.submissionId } : null),
  rows: (job: JobEntity, args: { status?: IntakeRowStatus; first?: number; after?: string }, ctx: SubmissionContext) => ctx.services.jobs.rows(job, args),
};
