import { requireRead } from '@app/common';
import type { SubmissionResolvers } from '../__generated__/resolvers-types.js';

/** Fields submission adds to the samples subgraph's Submission. */
export const Submission: SubmissionResolvers = {
  intake: (submission, _, ctx) => {
    requireRead(ctx.principal, 'samples:read');
    return ctx.loaders.jobsBySubmissionId.load(submission.id);
  },
};
