import type { IntakeJobResolvers } from '../__generated__/resolvers-types.js';

export const IntakeJob: IntakeJobResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.jobById.load(ref.id),
  submission: (job) => (job.submissionId ? { id: job.submissionId } : null),
  rows: (job, args, ctx) => ctx.services.jobs.rows(job, args),
};
