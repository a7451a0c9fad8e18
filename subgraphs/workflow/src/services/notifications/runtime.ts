import type { BackgroundTask } from '@app/common';
import type { Express } from 'express';
import { createDeliveryWorkerTask, type DeliveryWorkerTask } from '../../background/notification-delivery.worker.js';
import { createNotificationEventsConsumer } from '../../background/notification-events.consumer.js';
import type { WorkflowDeps } from '../../deps.js';
import { NotificationDispatcher } from './dispatch.js';
import { mountUnsubscribe } from './unsubscribe.js';
import { unsubscribeSecret } from './unsubscribe-token.js';

/** The process-wide parts of notifications: consumer, delivery worker and the unsubscribe route. */
export interface NotificationRuntime {
  background: BackgroundTask[];
  delivery: DeliveryWorkerTask;
  routes(app: Express): void;
}

export function createNotificationRuntime(deps: WorkflowDeps): NotificationRuntime {
  let secret: Promise<string> | null = null;
  const getSecret = () => {
    secret ??= unsubscribeSecret(deps.orm.em.fork(), deps.schema, deps.config.notify.unsubscribeSecret).catch((err) => { secret = null; throw err; });
    return secret;
  };
  const delivery = createDeliveryWorkerTask(deps);
  const consumer = createNotificationEventsConsumer(deps, new NotificationDispatcher(deps, getSecret), () => delivery.kick());
  // Loaded before the consumer starts: inside its transactions a second connection would deadlock PGlite.
  const secretLoader: BackgroundTask = { name: 'workflow-unsubscribe-secret', start: async () => { await getSecret(); }, stop: async () => {} };
  return {
    background: [secretLoader, delivery, consumer],
    delivery,
    routes: (app) => mountUnsubscribe(app, deps, getSecret),
  };
}
