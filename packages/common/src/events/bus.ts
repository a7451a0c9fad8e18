import type { DomainEvent } from './envelope.js';

/** What a consumer receives: the parsed event, or the raw payload when it could not be parsed. */
export type Delivery = { event: DomainEvent; raw: string } | { event: null; raw: string; error: string };

export type DeliveryHandler = (delivery: Delivery) => Promise<void>;

/**
 * Receives several deliveries at once, in stream order; all are acknowledged after it resolves, and
 * all are delivered again when it throws (so it must be idempotent, like every consumer).
 */
export type BatchDeliveryHandler = (deliveries: Delivery[]) => Promise<void>;

export interface SubscribeOptions {
  /**
   * Consumer group: each event is handled once per group, by one of its members. Durable groups
   * start from the beginning of the retained stream the first time and resume where they stopped.
   */
  group: string;
  /** Member name within the group; a restarted member with the same name gets its unacknowledged events again. */
  consumer?: string;
  /** A broadcast subscription sees only events published after it starts and is removed on close. */
  ephemeral?: boolean;
  /** Handles one delivery at a time; required unless `batchHandler` is given. */
  handler?: DeliveryHandler;
  /**
   * Used instead of `handler` when given: one call per read (Redis) or per run of queued events
   * (in-process), at most `batchSize` deliveries each. All members of a group use the same kind.
   */
  batchHandler?: BatchDeliveryHandler;
  /**
   * The event types `handler` (or `batchHandler`) takes: the bus may acknowledge others without
   * delivering them. A handler still ignores types it does not take (a bus may deliver them all).
   */
  types?: readonly string[];
  /** Events fetched per read (and the largest batch). */
  batchSize?: number;
}

/** The single-delivery handler of a subscription, or an error naming what is missing. */
export function singleHandlerOf(options: SubscribeOptions): DeliveryHandler {
  if (options.handler && options.batchHandler) throw new Error(`subscribe(${options.group}): give handler or batchHandler, not both`);
  if (!options.handler) throw new Error(`subscribe(${options.group}): handler or batchHandler is required`);
  return options.handler;
}

export interface BusSubscription {
  /** Stops reading; unacknowledged events stay pending for the group. */
  close(): Promise<void>;
}

/** The transport behind domain events: Redis Streams when distributed, in-process when embedded. */
export interface EventBus {
  readonly kind: 'redis' | 'memory';
  publish(event: DomainEvent): Promise<void>;
  /**
   * Publishes events in order in one exchange with the bus, all or none (a rejection means none is
   * certain to be out; a repeat is harmless, handlers are idempotent). Buses without it get them
   * one `publish` at a time.
   */
  publishAll?(events: DomainEvent[]): Promise<void>;
  subscribe(options: SubscribeOptions): Promise<BusSubscription>;
  /** Resolves when the bus is reachable; used by /readyz. */
  ping(): Promise<void>;
  close(): Promise<void>;
}

export function parseDelivery(raw: string): Delivery {
  try {
    const event = JSON.parse(raw) as DomainEvent;
    if (!event || typeof event.id !== 'string' || typeof event.type !== 'string') {
      return { event: null, raw, error: 'not a domain event envelope (missing id or type)' };
    }
    return { event, raw };
  } catch (err) {
    return { event: null, raw, error: `unparseable JSON: ${(err as Error).message}` };
  }
}
