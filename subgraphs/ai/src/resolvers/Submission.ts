import { requireRead } from '@app/common';
import type { AiContext } from '../context.js';

/** Fields ai adds to the samples subgraph's Submission. */
export const Submission = {
  extraction: (submission: { id: string }, _: unknown, ctx: AiContext) => {
    requireRead(ctx.principal, 'samples:read');
    return ctx.loaders.latestJobBySubmissionId.load(submission.id);
  },
};
