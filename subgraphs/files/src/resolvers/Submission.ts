import { requireRead } from '@app/common';
import type { FilesContext } from '../context.js';

/** Fields files adds to the samples subgraph's Submission. */
export const Submission = {
  attachments: (submission: { id: string }, _: unknown, ctx: FilesContext) => {
    requireRead(ctx.principal, 'files:read');
    return ctx.loaders.submissionAttachments.load(submission.id);
  },
};
