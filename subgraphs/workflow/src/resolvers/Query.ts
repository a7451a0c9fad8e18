import { requireRead } from '@app/common';
import type { WorkflowContext } from '../context.js';
import type { StepName } from '../entities/enums.js';
import type { PageArgs } from '../services/queue.service.js';

export const Query = {
  workflow: (_: unknown, { sampleId }: { sampleId: string }, ctx: WorkflowContext) => {
    requireRead(ctx.principal, 'workflow:read');
    return ctx.loaders.workflowBySampleId.load(sampleId);
  },
  workQueue: (_: unknown, args: PageArgs & { step: StepName }, ctx: WorkflowContext) => ctx.services.queues.workQueue(args.step, args),
  myWork: (_: unknown, args: PageArgs, ctx: WorkflowContext) => ctx.services.queues.myWork(args),
};
