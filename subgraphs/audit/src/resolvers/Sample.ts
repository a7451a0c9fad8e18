import type { SampleResolvers } from '../__generated__/resolvers-types.js';

export const Sample: SampleResolvers = {
  history: (sample, args, ctx) => ctx.loaders.sampleHistory.load({ id: sample.id, ...args }),
};
