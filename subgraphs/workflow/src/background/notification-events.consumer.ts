import { consumeBatchOnce, recordDeadLetter, type BackgroundTask, type BusSubscription, type Delivery, type DomainEvent } from '@app/common';
import type { WorkflowDeps } from '../deps.js';
import { NotificationDispatcher } from '../services/notifications/dispatch.js';
import { READ_MODEL_TYPES } from '../services/notifications/read-model.js';
import { TRIGGER_TYPES } from '../services/notifications/triggers.js';

/** Consumer group of notifications: its own, so its processed markers are apart from the workflow's. */
export const NOTIFY_GROUP = 'workflow-notify';

/** Largest run of events handled in one transaction. */
export const NOTIFY_BATCH_SIZE = 200;

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A payload that can never be handled (a bug upstream), as opposed to a database that is away. */
function isUnusable(err: unknown): boolean {
  if (err instanceof TypeError) return true;
  const e = err as { code?: unknown; sqlState?: unknown; cause?: { code?: unknown } };
  const code = String(e.sqlState ?? e.code ?? e.cause?.code ?? '');
  return code.startsWith('22');
}

export interface NotificationEventsConsumer extends BackgroundTask {
  /** Handles one delivery batch (what the bus hands over); exposed for tests of redelivery. */
  handleBatch(deliveries: Delivery[]): Promise<void>;
}

/**
 * Reads every event it needs (read-model updates and triggers) in batches from the bus, each event
 * at most once (consumeBatchOnce: a redelivered batch, or one half-done when a process died, is
 * skipped event by event), and queues what is to be sent; `onQueued` wakes the delivery worker
 * after the commit.
 */
export function createNotificationEventsConsumer(deps: WorkflowDeps, dispatcher: NotificationDispatcher, onQueued: () => void): NotificationEventsConsumer {
  let subscription: BusSubscription | null = null;

  const deadLetter = (delivery: Pick<Delivery, 'raw'>, event: DomainEvent, reason: string) => {
    deps.logger.warn({ eventId: event.id, type: event.type, reason }, 'dead-lettered an event notifications could not use');
    return recordDeadLetter(deps.orm.em.fork(), deps.schema, { group: NOTIFY_GROUP, raw: delivery.raw, reason, eventId: String(event.id).slice(0, 100), eventType: event.type });
  };

  const run = async (events: DomainEvent[]): Promise<number> => {
    let queued = 0;
    await consumeBatchOnce(deps.orm, deps.schema, NOTIFY_GROUP, events, async (em, fresh) => { queued = await dispatcher.handleBatch(em, fresh); });
    return queued;
  };

  async function handleBatch(deliveries: Delivery[]): Promise<void> {
    const wanted: { delivery: Delivery; event: DomainEvent }[] = [];
    for (const delivery of deliveries) {
      const event = delivery.event;
      if (!event || (!TRIGGER_TYPES.has(event.type) && !READ_MODEL_TYPES.has(event.type))) continue;
      if (!UUID.test(event.id)) await deadLetter(delivery, event, 'the event id is not a UUID');
      else wanted.push({ delivery, event });
    }
    if (wanted.length === 0) return;
    let queued = 0;
    try {
      queued = await run(wanted.map((w) => w.event));
    } catch (err) {
      if (!isUnusable(err)) throw err;
      // Some payload in the batch is malformed: one transaction per event finds it and keeps it for an admin (instead of retrying forever).
      for (const { delivery, event } of wanted) {
        try {
          queued += await run([event]);
        } catch (one) {
          if (!isUnusable(one)) throw one;
          await deadLetter(delivery, event, (one as Error).message);
        }
      }
    }
    if (queued > 0) onQueued();
  }

  return {
    name: 'workflow-notification-events',
    handleBatch,
    async start() {
      subscription = await deps.bus.subscribe({ group: NOTIFY_GROUP, batchSize: NOTIFY_BATCH_SIZE, batchHandler: handleBatch });
    },
    async stop() { await subscription?.close(); subscription = null; },
  };
}
