import type { FlowCellPoreCountResolvers } from '../__generated__/resolvers-types.js';

export const FlowCellPoreCount: FlowCellPoreCountResolvers = {
  by: (c) => (c.byId ? { id: c.byId } : null),
  sample: (c) => (c.sampleId ? { id: c.sampleId } : null),
  pool: (c, _, ctx) => (c.poolId ? ctx.loaders.poolById.load(c.poolId) : null),
};
