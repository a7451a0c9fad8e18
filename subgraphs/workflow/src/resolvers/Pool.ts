import type { PoolResolvers } from '../__generated__/resolvers-types.js';

export const Pool: PoolResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.poolById.load(ref.id),
  members: (p, _, ctx) => ctx.services.pools.members(p),
  flowCell: (p, _, ctx) => (p.flowCell ? ctx.services.flowCells.readable(p.flowCell.id) : null),
  createdBy: (p) => (p.createdById ? { id: p.createdById } : null),
};
