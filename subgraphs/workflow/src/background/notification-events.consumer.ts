import { consumeOnce, recordDeadLetter, type BackgroundTask, type BusSubscription, type Delivery } from '@app/common';
import type { WorkflowDeps } from '../deps.js';
import { NotificationDispatcher } from '../services/notifications/dispatch.js';
import { READ_MODEL_TYPES } from '../services/notifications/read-model.js';
import { TRIGGER_TYPES } from '../services/notifications/triggers.js';

/** Consumer group of notifications: its own, so its processed markers are apart from the workflow's. */
export const NOTIFY_GROUP = 'workflow-notify';

/**
 * Reads every event it needs (read-model updates and triggers), each at most once (consumeOnce),
 * and queues what is to be sent; `onQueued` wakes the delivery worker after the commit.
 */
export function createNotificationEventsConsumer(deps: WorkflowDeps, dispatcher: NotificationDispatcher, onQueued: () => void): BackgroundTask {
  let subscription: BusSubscription | null = null;

  async function handle(delivery: Delivery): Promise<void> {
    const event = delivery.event;
    if (!event) return;
    if (!TRIGGER_TYPES.has(event.type) && !READ_MODEL_TYPES.has(event.type)) return;
    let queued = 0;
    try {
      await consumeOnce(deps.orm, deps.schema, NOTIFY_GROUP, event, async (em) => { queued = await dispatcher.handle(em, event); });
    } catch (err) {
      if (!(err instanceof TypeError)) throw err;
      // A malformed payload is a bug upstream: keep it for an admin instead of retrying forever.
      deps.logger.warn({ err, eventId: event.id, type: event.type }, 'dead-lettered an event notifications could not use');
      await recordDeadLetter(deps.orm.em.fork(), deps.schema, { group: NOTIFY_GROUP, raw: delivery.raw, reason: err.message, eventId: event.id, eventType: event.type });
      return;
    }
    if (queued > 0) onQueued();
  }

  return {
    name: 'workflow-notification-events',
    async start() { subscription = await deps.bus.subscribe({ group: NOTIFY_GROUP, handler: handle }); },
    async stop() { await subscription?.close(); subscription = null; },
  };
}
