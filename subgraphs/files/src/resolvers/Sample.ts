import { requireRead } from '@app/common';
import type { FilesContext } from '../context.js';

/** Fields files adds to the samples subgraph's Sample. */
export const Sample = {
  attachments: (sample: { id: string }, _: unknown, ctx: FilesContext) => {
    requireRead(ctx.principal, 'files:read');
    return ctx.loaders.sampleAttachments.load(sample.id);
  },
};
