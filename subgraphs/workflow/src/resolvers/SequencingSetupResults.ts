import type { SequencingSetupResultsResolvers } from '../__generated__/resolvers-types.js';

export const SequencingSetupResults: SequencingSetupResultsResolvers = {
  /** The inventory cell the step picked; null for callers who may not read the inventory. */
  stockFlowCell: (r, _, ctx) => (typeof r.stockFlowCellId === 'string' ? ctx.services.flowCells.readable(r.stockFlowCellId) : null),
};
