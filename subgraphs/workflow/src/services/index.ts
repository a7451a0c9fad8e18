import type { BaseContext } from '@app/common';
import type { WorkflowDeps } from '../deps.js';
import { BulkService } from './bulk.service.js';
import { QueueService } from './queue.service.js';
import { StepService } from './step.service.js';
import { NotificationService } from './notifications/notification.service.js';
import { WebhookService } from './notifications/webhook.service.js';

/** The rules of the workflow domain, bound to one request's caller and entity manager. */
export function createServices(deps: WorkflowDeps, ctx: BaseContext) {
  const steps = new StepService(deps, ctx);
  return {
    steps, bulk: new BulkService(ctx, steps), queues: new QueueService(ctx),
    notifications: new NotificationService(deps, ctx), webhooks: new WebhookService(deps, ctx),
  };
}
export type WorkflowServices = ReturnType<typeof createServices>;
