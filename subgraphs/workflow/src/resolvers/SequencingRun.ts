import type { SequencingRunResolvers } from '../__generated__/resolvers-types.js';
import { Sequencers } from '../services/lab/devices.js';

export const SequencingRun: SequencingRunResolvers = {
  __resolveReference: (ref, ctx) => ctx.services.runs.byId(ref.id),
  pool: (r, _, ctx) => (r.pool ? ctx.loaders.poolById.load(r.pool.id) : null),
  sample: (r) => (r.sampleId ? { id: r.sampleId } : null),
  flowCell: (r, _, ctx) => ctx.services.flowCells.readable(r.flowCell.id),
  deviceType: (r) => Sequencers[r.model].deviceType,
  barcodeYields: (r, _, ctx) => ctx.services.runs.yields(r),
  finalSummary: (r) => Object.entries(r.finalSummary ?? {}).map(([key, value]) => ({ key, value })),
  startedBy: (r) => (r.startedById ? { id: r.startedById } : null),
  endedBy: (r) => (r.endedById ? { id: r.endedById } : null),
};
