import type { WorkflowResolvers } from '../__generated__/resolvers-types.js';
import { progressOf } from '../services/progress.js';
import { estimateEta, isOverdue } from '../services/timing.js';

export const Workflow: WorkflowResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.workflowById.load(ref.id),
  sample: (w) => ({ id: w.sampleId }),
  status: (w) => w.sampleStatus,
  steps: (w, _, ctx) => ctx.loaders.stepsByWorkflowId.load(w.id),
  currentStep: async (w, _, ctx) =>
    w.currentStep ? (await ctx.loaders.stepsByWorkflowId.load(w.id)).find((s) => s.name === w.currentStep) ?? null : null,
  progress: (w) => progressOf(w.completedSteps),
  eta: async (w, _, ctx) => estimateEta(await ctx.loaders.stepTimingsByWorkflowId.load(w.id), ctx.now(), w.finishedAt ?? null),
  overdue: (w, _, ctx) => isOverdue(w, ctx.now()),
  transitions: (w, args, ctx) => ctx.services.queues.transitions(w.id, args),
};
