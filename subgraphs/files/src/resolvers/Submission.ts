import { requireRead } from '@app/common';
import type { SubmissionResolvers } from '../__generated__/resolvers-types.js';

/** Fields files adds to the samples subgraph's Submission. */
export const Submission: SubmissionResolvers = {
  attachments: (submission, _, ctx) => {
    requireRead(ctx.principal, 'files:read');
    return ctx.loaders.submissionAttachments.load(submission.id);
  },
};
