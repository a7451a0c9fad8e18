import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../logger.js';
import type { BackgroundTask } from '../subgraph/module.js';
import type { BusSubscription, Delivery, EventBus } from './bus.js';
import type { DomainEvent } from './envelope.js';
import type { EventType } from './contracts.js';
import { consumeOnce, recordDeadLetter } from './inbox.js';

/** Thrown by an event handler for an event it can never use (missing ids, bad data): the event is dead-lettered, not retried. */
export class UnusableEventError extends Error {}

export interface EventConsumerOptions {
  /** The task's name (logs, shutdown order). */
  name: string;
  /** The consumer group: each event is handled once per group, whatever the number of replicas. */
  group: string;
  /** The event types it handles; every other event of the stream is acknowledged and skipped. */
  types: readonly EventType[];
  deps: { orm: MikroORM; schema: string; bus: EventBus; logger: Logger };
  /** Applies one event inside the transaction that also marks it processed. */
  apply: (em: EntityManager, event: DomainEvent) => Promise<unknown>;
}

/**
 * A consumer that applies some event types once each (consumeOnce, in one transaction with the
 * change); an envelope it cannot read, or an event its handler calls unusable, goes to the dead
 * letters instead of being retried forever. Any other failure is left to the bus to redeliver.
 */
export function createEventConsumer(options: EventConsumerOptions): BackgroundTask {
  const { deps, group } = options;
  const handled = new Set<string>(options.types);
  let subscription: BusSubscription | null = null;
  const deadLetter = (delivery: Delivery, reason: string) => recordDeadLetter(deps.orm.em.fork(), deps.schema, {
    group, raw: delivery.raw, reason, eventId: delivery.event?.id, eventType: delivery.event?.type,
  });

  async function handle(delivery: Delivery): Promise<void> {
    if (!delivery.event) return deadLetter(delivery, delivery.error);
    const event = delivery.event;
    if (!handled.has(event.type)) return;
    try {
      await consumeOnce(deps.orm, deps.schema, group, event, async (em) => { await options.apply(em, event); });
    } catch (err) {
      if (!(err instanceof UnusableEventError)) throw err;
      deps.logger.warn({ eventId: event.id, type: event.type, reason: err.message }, 'dead-lettered an unusable event');
      await deadLetter(delivery, err.message);
    }
  }

  return {
    name: options.name,
    async start() { subscription = await deps.bus.subscribe({ group, types: options.types, handler: handle }); },
    async stop() { await subscription?.close(); subscription = null; },
  };
}
