import type { SampleConnectionResolvers } from '../__generated__/resolvers-types.js';

export const SampleConnection: SampleConnectionResolvers = {
  // Lists that never estimate (the queue) leave it unset: their total is a count.
  totalCountIsExact: (c) => c.totalCountIsExact?.() ?? true,
};
