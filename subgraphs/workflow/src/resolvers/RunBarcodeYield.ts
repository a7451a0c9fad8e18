import type { RunBarcodeYieldResolvers } from '../__generated__/resolvers-types.js';

export const RunBarcodeYield: RunBarcodeYieldResolvers = {
  sample: (y) => (y.sampleId ? { id: y.sampleId } : null),
  /** Runs are facility records: a submitter reading their sample's yield sees no run. */
  run: (y, _, ctx) => ctx.services.runs.readable(y.run.id),
};
