import { requireRead } from '@app/common';
import type { SubmissionResolvers } from '../__generated__/resolvers-types.js';

/** Fields ai adds to the samples subgraph's Submission. */
export const Submission: SubmissionResolvers = {
  extraction: (submission, _, ctx) => {
    requireRead(ctx.principal, 'samples:read');
    return ctx.loaders.latestJobBySubmissionId.load(submission.id);
  },
};
