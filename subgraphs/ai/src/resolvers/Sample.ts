import { requireRead } from '@app/common';
import type { AiContext } from '../context.js';

/** Fields ai adds to the samples subgraph's Sample. */
export const Sample = {
  aiExtraction: (sample: { id: string }, _: unknown, ctx: AiContext) => {
    requireRead(ctx.principal, 'samples:read');
    return ctx.loaders.latestJobBySampleId.load(sample.id);
  },
};
