import { consumeOnce, EventTypes, recordDeadLetter, type BackgroundTask, type BusSubscription, type Delivery } from '@app/common';
import { CONSUMER_GROUP, type FilesDeps } from '../deps.js';
import { LegalHoldService, UnusableEventError } from '../services/legal-hold.service.js';

const HANDLED = new Set<string>([EventTypes.LegalHoldPlaced, EventTypes.LegalHoldReleased]);

/** Keeps the legal holds purges consult (group `files`), each event applied once; events it cannot use are dead-lettered. */
export function createLegalHoldsConsumer(deps: FilesDeps): BackgroundTask {
  const holds = new LegalHoldService();
  let subscription: BusSubscription | null = null;
  const deadLetter = (delivery: Delivery, reason: string) => recordDeadLetter(deps.orm.em.fork(), deps.schema, {
    group: CONSUMER_GROUP, raw: delivery.raw, reason, eventId: delivery.event?.id, eventType: delivery.event?.type,
  });

  async function handle(delivery: Delivery): Promise<void> {
    if (!delivery.event) return deadLetter(delivery, delivery.error);
    const event = delivery.event;
    if (!HANDLED.has(event.type)) return;
    try {
      await consumeOnce(deps.orm, deps.schema, CONSUMER_GROUP, event, (em) => holds.apply(em, event));
    } catch (err) {
      if (!(err instanceof UnusableEventError)) throw err;
      deps.logger.warn({ eventId: event.id, type: event.type, reason: err.message }, 'dead-lettered an unusable event');
      await deadLetter(delivery, err.message);
    }
  }

  return {
    name: 'files-legal-holds',
    async start() { subscription = await deps.bus.subscribe({ group: CONSUMER_GROUP, handler: handle }); },
    async stop() { await subscription?.close(); subscription = null; },
  };
}
