import type { FlowCellWashResolvers } from '../__generated__/resolvers-types.js';

export const FlowCellWash: FlowCellWashResolvers = {
  by: (w) => (w.byId ? { id: w.byId } : null),
};
