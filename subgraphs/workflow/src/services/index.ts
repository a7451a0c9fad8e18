import type { BaseContext } from '@app/common';
import type { WorkflowDeps } from '../deps.js';
import type { WorkflowLoaders } from '../loaders/index.js';
import { FlowCellService } from './lab/flow-cell.service.js';
import { PoolService } from './lab/pool.service.js';
import { PoolStepService } from './lab/pool-steps.service.js';
import { SequencingRunService } from './lab/sequencing-run.service.js';
import { BulkService } from './bulk.service.js';
import { QueueService } from './queue.service.js';
import { StepService } from './step.service.js';
import { StepSignatures } from './step-signatures.js';
import { NotificationService } from './notifications/notification.service.js';
import { WebhookService } from './notifications/webhook.service.js';

/** The rules of the workflow domain, bound to one request's caller and entity manager. */
export function createServices(deps: WorkflowDeps, ctx: BaseContext, loaders: WorkflowLoaders) {
  const flowCells = new FlowCellService(deps, ctx, loaders);
  const signatures = new StepSignatures(deps, ctx);
  const steps = new StepService(deps, ctx, flowCells, signatures);
  const bulk = new BulkService(ctx, steps);
  const pools = new PoolService(deps, ctx, loaders, flowCells);
  const runs = new SequencingRunService(deps, ctx, loaders, flowCells, pools);
  return {
    steps, signatures, bulk, queues: new QueueService(ctx),
    flowCells, pools, runs, poolSteps: new PoolStepService(ctx, pools, runs, bulk),
    notifications: new NotificationService(deps, ctx), webhooks: new WebhookService(deps, ctx),
  };
}
export type WorkflowServices = ReturnType<typeof createServices>;
