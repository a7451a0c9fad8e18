import type { WorkQueueItemResolvers } from '../__generated__/resolvers-types.js';
import type { WorkflowContext } from '../context.js';
import type { QueueItem } from '../services/queue.service.js';

const stepOf = async (i: QueueItem, ctx: WorkflowContext) => (await ctx.loaders.stepsByWorkflowId.load(i.workflow.id)).find((s) => s.name === i.stepName)!;

export const WorkQueueItem: WorkQueueItemResolvers = {
  sample: (i) => ({ id: i.workflow.sampleId }),
  workflow: (i) => i.workflow,
  step: (i, _, ctx) => stepOf(i, ctx),
  priority: (i) => i.workflow.priority,
  assignee: async (i, _, ctx) => {
    const step = await stepOf(i, ctx);
    return step.assigneeId ? { id: step.assigneeId } : null;
  },
  /** Waiting since the step before it finished (or receipt, or creation, for the first step). */
  waitingSince: async (i, _, ctx) => {
    const steps = await ctx.loaders.stepsByWorkflowId.load(i.workflow.id);
    const step = steps.find((s) => s.name === i.stepName)!;
    const previous = steps.find((s) => s.position === step.position - 1);
    if (step.status !== 'PENDING') return step.statusChangedAt;
    return previous?.completedAt ?? previous?.statusChangedAt ?? i.workflow.receivedAt ?? i.workflow.sampleCreatedAt;
  },
};
