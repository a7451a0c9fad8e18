import type { BusSubscription, DomainEvent, EventBus, Logger } from '@app/common';
import type { PushIterator } from './push-iterator.js';

export type FeedListener<T> = (value: T) => void;

export interface BusFeedSpec<T> {
  /** Consumer group; ephemeral, so every gateway process gets a group (and every event) of its own. */
  group: string;
  /** What the feed carries, for logs ("workflow", "notification"…). */
  name: string;
  /** The value an event stands for, or null for an event this feed does not carry. */
  select: (event: DomainEvent) => T | null;
  /** The key its listeners follow (a sample, a job, a recipient). */
  keyOf: (value: T) => string;
  /**
   * The event types `select` can turn into a value. The bus acknowledges the others unread, so
   * each gateway feed does not parse (and, on Redis, wait on) every event of the stream.
   */
  types: readonly string[];
}

/**
 * The gateway process's single view of one kind of live value: one ephemeral bus subscription,
 * each event turned into a value by `select` and fanned out in process to the listeners of its
 * key (ref-counted: a key's entry goes when its last listener does) and to listeners of every
 * value. Listeners must not block: the in-process bus awaits this handler before the outbox relay
 * moves on; one that throws is logged and the others still get the value.
 */
export class BusFeed<T> {
  private readonly byKey = new Map<string, Set<FeedListener<T>>>();
  private readonly all = new Set<FeedListener<T>>();
  private subscription: BusSubscription | null = null;
  /** Values received from the bus since start. */
  received = 0;

  constructor(private readonly bus: EventBus, private readonly logger: Logger, private readonly spec: BusFeedSpec<T>) {}

  async start(): Promise<void> {
    this.subscription = await this.bus.subscribe({
      group: this.spec.group, ephemeral: true, types: this.spec.types,
      handler: async (d) => { if (d.event) this.dispatch(d.event); },
    });
  }

  async stop(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = null;
    this.byKey.clear();
    this.all.clear();
    await subscription?.close();
  }

  /** Listens to one key's values (every value when `key` is null); returns the function that stops listening. */
  listen(key: string | null, listener: FeedListener<T>): () => void {
    if (key === null) {
      this.all.add(listener);
      return () => void this.all.delete(listener);
    }
    let listeners = this.byKey.get(key);
    if (!listeners) this.byKey.set(key, (listeners = new Set()));
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0 && this.byKey.get(key) === listeners) this.byKey.delete(key);
    };
  }

  /** Pushes the values of `key` (every value when null) that `accept` lets through into `iterator`, until it closes. */
  pipe<I extends PushIterator<T>>(key: string | null, iterator: I, accept: (value: T) => boolean = () => true): I {
    const unlisten = this.listen(key, (value) => { if (accept(value)) iterator.push(value); });
    return iterator.onClose(unlisten);
  }

  /** Keys with at least one listener, and listeners of every value: for tests and the benchmark. */
  get size(): { keys: number; all: number } {
    return { keys: this.byKey.size, all: this.all.size };
  }

  private dispatch(event: DomainEvent): void {
    const value = this.spec.select(event);
    if (value === null) return;
    this.received++;
    const key = this.spec.keyOf(value);
    for (const listener of [...(this.byKey.get(key) ?? []), ...this.all]) {
      try {
        listener(value);
      } catch (err) {
        // One broken subscriber must not stop the others (or make the bus redeliver).
        this.logger.warn({ err, key, feed: this.spec.name }, 'live listener failed');
      }
    }
  }
}
