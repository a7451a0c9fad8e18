import { requireRead } from '@app/common';
import type { SampleResolvers } from '../__generated__/resolvers-types.js';

/** Fields ai adds to the samples subgraph's Sample. */
export const Sample: SampleResolvers = {
  aiExtraction: (sample, _, ctx) => {
    requireRead(ctx.principal, 'samples:read');
    return ctx.loaders.latestJobBySampleId.load(sample.id);
  },
  aiExtractedSample: (sample, _, ctx) => {
    requireRead(ctx.principal, 'samples:read');
    return ctx.loaders.extractedSampleBySampleId.load(sample.id);
  },
};
