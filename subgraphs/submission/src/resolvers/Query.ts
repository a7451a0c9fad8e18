import type { SubmissionContext } from '../context.js';

export const Query = {
  intakeJob: (_: unknown, { id }: { id: string }, ctx: SubmissionContext) => ctx.services.jobs.get(id),
  intakeJobs: (_: unknown, args: { first?: number; after?: string }, ctx: SubmissionContext) => ctx.services.jobs.list(args),
};
