import { requireRead } from '@app/common';
import type { SubmissionContext } from '../context.js';

/** Fields submission adds to the samples subgraph's Submission. */
export const Submission = {
  intake: (submission: { id: string }, _: unknown, ctx: SubmissionContext) => {
    requireRead(ctx.principal, 'samples:read');
    return ctx.loaders.jobsBySubmissionId.load(submission.id);
  },
};
