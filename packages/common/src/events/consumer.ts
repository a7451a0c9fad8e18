import type { EntityManager, MikroORM } from '@mikro-orm/postgresql';
import type { Logger } from '../logger.js';
import type { BackgroundTask } from '../subgraph/module.js';
import type { BusSubscription, Delivery, EventBus } from './bus.js';
import type { DomainEvent } from './envelope.js';
import type { EventType } from './contracts.js';
import { consumeBatchOnce, consumeOnce, recordDeadLetter } from './inbox.js';

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
  /**
   * Types applied many at a time: a run of consecutive such events in a delivery is applied in one
   * transaction (a 100,000-sample import is 100,000 SampleCreated; one transaction each kept a core busy).
   */
  batch?: { types: readonly EventType[]; size: number; apply: (em: EntityManager, events: DomainEvent[]) => Promise<unknown> };
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

  const batched = new Set<string>(options.batch?.types ?? []);

  /** One transaction for the run, each event at most once; an unusable one sends the run through `handle` one by one, to dead-letter just it. */
  async function applyRun(run: (Delivery & { event: DomainEvent })[]): Promise<void> {
    try {
      await consumeBatchOnce(deps.orm, deps.schema, group, run.map((d) => d.event), (em, fresh) => options.batch!.apply(em, fresh).then(() => undefined));
    } catch (err) {
      if (!(err instanceof UnusableEventError)) throw err;
      for (const delivery of run) await handle(delivery);
    }
  }

  /** In stream order: runs of batched types together, every other event on its own. */
  async function handleBatch(deliveries: Delivery[]): Promise<void> {
    let run: (Delivery & { event: DomainEvent })[] = [];
    for (const delivery of deliveries) {
      if (delivery.event && batched.has(delivery.event.type)) {
        run.push(delivery as Delivery & { event: DomainEvent });
        continue;
      }
      if (run.length) await applyRun(run);
      run = [];
      await handle(delivery);
    }
    if (run.length) await applyRun(run);
  }

  return {
    name: options.name,
    async start() {
      subscription = await deps.bus.subscribe(options.batch
        ? { group, types: options.types, batchSize: options.batch.size, batchHandler: handleBatch }
        : { group, types: options.types, handler: handle });
    },
    async stop() { await subscription?.close(); subscription = null; },
  };
}
