import type { WorkflowContext } from '../context.js';
import type { Workflow as WorkflowEntity } from '../entities/index.js';
import { progressOf } from '../services/progress.js';
import type { PageArgs } from '../services/queue.service.js';
import { estimateEta, isOverdue } from '../services/timing.js';

type Ctx = WorkflowContext;

export const Workflow = {
  __resolveReference: (ref: { id: string }, ctx: Ctx) => ctx.loaders.workflowById.load(ref.id),
  sample: (w: WorkflowEntity) => ({ __typename: 'Sample', id: w.sampleId }),
  status: (w: WorkflowEntity) => w.sampleStatus,
  steps: (w: WorkflowEntity, _: unknown, ctx: Ctx) => ctx.loaders.stepsByWorkflowId.load(w.id),
  currentStep: async (w: WorkflowEntity, _: unknown, ctx: Ctx) =>
    w.currentStep ? (await ctx.loaders.stepsByWorkflowId.load(w.id)).find((s) => s.name === w.currentStep) ?? null : null,
  progress: (w: WorkflowEntity) => progressOf(w.completedSteps),
  eta: async (w: WorkflowEntity, _: unknown, ctx: Ctx) => estimateEta(await ctx.loaders.stepsByWorkflowId.load(w.id), ctx.now(), w.finishedAt ?? null),
  overdue: (w: WorkflowEntity, _: unknown, ctx: Ctx) => isOverdue(w, ctx.now()),
  transitions: (w: WorkflowEntity, args: PageArgs, ctx: Ctx) => ctx.services.queues.transitions(w.id, args),
};
