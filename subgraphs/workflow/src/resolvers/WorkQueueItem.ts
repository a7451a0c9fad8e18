import type { WorkflowContext } from '../context.js';
import type { QueueItem } from '../services/queue.service.js';

const stepOf = async (i: QueueItem, ctx: WorkflowContext) => (await ctx.loaders.stepsByWorkflowId.load(i.workflow.id)).find((s) => s.name === i.stepName)!;

export const WorkQueueItem = {
  sample: (i: QueueItem) => ({ __typename: 'Sample', id: i.workflow.sampleId }),
  workflow: (i: QueueItem) => i.workflow,
  step: (i: QueueItem, _: unknown, ctx: WorkflowContext) => stepOf(i, ctx),
  priority: (i: QueueItem) => i.workflow.priority,
  assignee: async (i: QueueItem, _: unknown, ctx: WorkflowContext) => {
    const step = await stepOf(i, ctx);
    return step.assigneeId ? { __typename: 'User', id: step.assigneeId } : null;
  },
  /** Waiting since the step before it finished (or receipt, or creation, for the first step). */
  waitingSince: async (i: QueueItem, _: unknown, ctx: WorkflowContext) => {
    const steps = await ctx.loaders.stepsByWorkflowId.load(i.workflow.id);
    const step = steps.find((s) => s.name === i.stepName)!;
    const previous = steps.find((s) => s.position === step.position - 1);
    if (step.status !== 'PENDING') return step.statusChangedAt;
    return previous?.completedAt ?? previous?.statusChangedAt ?? i.workflow.receivedAt ?? i.workflow.sampleCreatedAt;
  },
};
