import { requireRead } from '@app/common';
import type { SampleResolvers } from '../__generated__/resolvers-types.js';

/** Fields files adds to the samples subgraph's Sample. */
export const Sample: SampleResolvers = {
  attachments: (sample, _, ctx) => {
    requireRead(ctx.principal, 'files:read');
    return ctx.loaders.sampleAttachments.load(sample.id);
  },
};
