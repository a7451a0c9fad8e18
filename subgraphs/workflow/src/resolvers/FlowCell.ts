import type { FlowCellResolvers } from '../__generated__/resolvers-types.js';

export const FlowCell: FlowCellResolvers = {
  __resolveReference: (ref, ctx) => ctx.services.flowCells.readable(ref.id),
  expired: (c, _, ctx) => c.expiresAt <= ctx.now(),
  warrantyPoreThreshold: (c, _, ctx) => ctx.services.flowCells.warrantyOf(c.productCode),
  loadedPool: (c, _, ctx) => (c.loadedPoolId ? ctx.loaders.poolById.load(c.loadedPoolId) : null),
  loadedSample: (c) => (c.loadedSampleId ? { id: c.loadedSampleId } : null),
  poreCounts: (c, args, ctx) => ctx.services.flowCells.poreCounts(c, args),
  washes: (c, args, ctx) => ctx.services.flowCells.washes(c, args),
};
