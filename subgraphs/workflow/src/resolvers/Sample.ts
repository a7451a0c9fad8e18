import type { SampleResolvers } from '../__generated__/resolvers-types.js';
import { estimateEta, isOverdue } from '../services/timing.js';

/** Fields the workflow adds to samples' Sample; invisible workflows read as null / not overdue. */
export const Sample: SampleResolvers = {
  __resolveReference: (ref) => ({ id: ref.id }),
  workflow: (s, _, ctx) => ctx.loaders.workflowBySampleId.load(s.id),
  eta: async (s, _, ctx) => {
    const w = await ctx.loaders.workflowBySampleId.load(s.id);
    if (!w) return null;
    return estimateEta(await ctx.loaders.stepTimingsByWorkflowId.load(w.id), ctx.now(), w.finishedAt ?? null);
  },
  overdue: async (s, _, ctx) => {
    const w = await ctx.loaders.workflowBySampleId.load(s.id);
    return !!w && isOverdue(w, ctx.now());
  },
  sequencingYields: (s, _, ctx) => ctx.loaders.yieldsBySampleId.load(s.id),
};
