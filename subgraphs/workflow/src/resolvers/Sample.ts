import type { WorkflowContext } from '../context.js';
import { estimateEta, isOverdue } from '../services/timing.js';

type SampleRef = { id: string };

/** Fields the workflow adds to samples' Sample; invisible workflows read as null / not overdue. */
export const Sample = {
  __resolveReference: (ref: SampleRef) => ({ id: ref.id }),
  workflow: (s: SampleRef, _: unknown, ctx: WorkflowContext) => ctx.loaders.workflowBySampleId.load(s.id),
  eta: async (s: SampleRef, _: unknown, ctx: WorkflowContext) => {
    const w = await ctx.loaders.workflowBySampleId.load(s.id);
    if (!w) return null;
    return estimateEta(await ctx.loaders.stepsByWorkflowId.load(w.id), ctx.now(), w.finishedAt ?? null);
  },
  overdue: async (s: SampleRef, _: unknown, ctx: WorkflowContext) => {
    const w = await ctx.loaders.workflowBySampleId.load(s.id);
    return !!w && isOverdue(w, ctx.now());
  },
};
