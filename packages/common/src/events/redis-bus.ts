import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis, type RedisOptions } from 'ioredis';
import type { Logger } from '../logger.js';
import type { BusSubscription, EventBus, SubscribeOptions } from './bus.js';
import { parseDelivery, singleHandlerOf } from './bus.js';
import type { DomainEvent } from './envelope.js';

export interface RedisBusOptions {
  url: string;
  /** Stream key; tests use a unique one each. */
  stream: string;
  logger?: Logger;
  /** Approximate stream length kept (events also live in each subgraph's outbox). */
  maxLength?: number;
  /** How long a read blocks waiting for new events. */
  blockMs?: number;
  /** Pending events idle this long are taken over from a member that stopped. */
  claimIdleMs?: number;
  /**
   * A member that has not read for this long is dead (a live one reads every `blockMs`): its
   * pending events are taken over without waiting for `claimIdleMs`. Handlers are idempotent, so
   * taking over from a member that was only slow costs a repeat, never a loss.
   */
  deadMemberMs?: number;
}

type StreamEntry = [id: string, fields: string[]];

/**
 * Distributed bus on one Redis Stream. Each consumer group gets every event once, handled by one
 * member; an event is acknowledged only after its handler succeeds, so a member that dies mid-batch
 * leaves its events pending, to be read again on restart or claimed by another member.
 */
export class RedisStreamsBus implements EventBus {
  readonly kind = 'redis' as const;
  private readonly publisher: Redis;
  private readonly readers = new Set<Redis>();
  private readonly loops = new Set<Promise<void>>();
  /** Resolves when a client first connects (or gives up), so start-up commands do not fail just because the socket is still opening. */
  private readonly firstConnect = new WeakMap<Redis, Promise<void>>();
  private closed = false;
  private readonly options: Required<Omit<RedisBusOptions, 'logger'>> & { logger?: Logger };

  constructor(options: RedisBusOptions) {
    this.options = { maxLength: 1_000_000, blockMs: 1_000, claimIdleMs: 30_000, deadMemberMs: 10_000, ...options };
    this.publisher = this.connect();
  }

  async publish(event: DomainEvent): Promise<void> {
    await this.connected(this.publisher);
    await this.publisher.xadd(this.options.stream, 'MAXLEN', '~', String(this.options.maxLength), '*', ...entryOf(event));
  }

  /** One MULTI/EXEC: a relay's batch costs one round trip instead of one per event. */
  async publishAll(events: DomainEvent[]): Promise<void> {
    if (events.length === 0) return;
    await this.connected(this.publisher);
    const tx = this.publisher.multi();
    for (const event of events) tx.xadd(this.options.stream, 'MAXLEN', '~', String(this.options.maxLength), '*', ...entryOf(event));
    const results = await tx.exec();
    const failed = results?.find(([err]) => err);
    if (!results || failed) throw failed?.[0] ?? new Error('the event batch was discarded');
  }

  async subscribe(options: SubscribeOptions): Promise<BusSubscription> {
    if (!options.batchHandler) singleHandlerOf(options);
    const reader = this.connect();
    this.readers.add(reader);
    const group = options.ephemeral ? `${options.group}:${randomUUID()}` : options.group;
    const consumer = options.consumer ?? `c-${randomUUID()}`;
    await this.ensureGroup(group, options.ephemeral ? '$' : '0');
    let closed = false;
    const loop = this.consume(reader, group, consumer, options, () => closed || this.closed);
    this.loops.add(loop);
    void loop.catch(() => undefined).finally(() => this.loops.delete(loop));
    return {
      close: async () => {
        closed = true;
        reader.disconnect();
        this.readers.delete(reader);
        await loop.catch(() => undefined);
        if (options.ephemeral) await this.publisher.xgroup('DESTROY', this.options.stream, group).catch(() => undefined);
      },
    };
  }

  async ping(): Promise<void> {
    await this.connected(this.publisher);
    await this.publisher.ping();
  }

  async close(): Promise<void> {
    // Read loops check this flag, so they end even when their subscriptions were not closed one by one.
    this.closed = true;
    for (const r of this.readers) r.disconnect();
    this.readers.clear();
    await Promise.all([...this.loops].map((l) => l.catch(() => undefined)));
    this.publisher.disconnect();
  }

  /** Waits (briefly) for a client's first connection; later outages still fail fast. */
  private async connected(client: Redis): Promise<void> {
    if (client.status === 'ready') return;
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.firstConnect.get(client), new Promise<void>((resolve) => { timer = setTimeout(resolve, 2_000); })]);
    clearTimeout(timer);
  }

  private connect(): Redis {
    // Fail fast while Redis is away: the outbox keeps the events and the relay retries.
    const options: RedisOptions = { maxRetriesPerRequest: 1, enableOfflineQueue: false, lazyConnect: false, retryStrategy: (n) => Math.min(n * 200, 2_000) };
    const client = new Redis(this.options.url, options);
    this.firstConnect.set(client, new Promise<void>((resolve) => {
      client.once('ready', () => resolve());
      client.once('end', () => resolve());
    }));
    client.on('error', (err) => this.options.logger?.debug({ err: err.message }, 'redis connection error'));
    return client;
  }

  private async ensureGroup(group: string, startId: string): Promise<void> {
    for (;;) {
      if (this.closed) throw new Error('the event bus is closed');
      try {
        await this.connected(this.publisher);
        await this.publisher.xgroup('CREATE', this.options.stream, group, startId, 'MKSTREAM');
        return;
      } catch (err) {
        if (String((err as Error).message).includes('BUSYGROUP')) return;
        this.options.logger?.warn({ err: (err as Error).message, group }, 'cannot create consumer group yet; retrying');
        await sleep(500);
      }
    }
  }

  private async consume(reader: Redis, group: string, consumer: string, options: SubscribeOptions, isClosed: () => boolean): Promise<void> {
    const count = String(options.batchSize ?? 100);
    // First our own unacknowledged events (after a crash), then new ones.
    let cursor = '0';
    let lastClaim = 0;
    let lastTakeover = 0;
    await this.connected(reader);
    while (!isClosed()) {
      try {
        if (Date.now() - lastTakeover > this.options.deadMemberMs / 5) {
          lastTakeover = Date.now();
          await this.takeOverDeadMembers(reader, group, consumer, options, isClosed);
        }
        if (Date.now() - lastClaim > this.options.claimIdleMs) {
          lastClaim = Date.now();
          await this.claimAbandoned(reader, group, consumer, options, isClosed);
        }
        const res = (await reader.xreadgroup('GROUP', group, consumer, 'COUNT', count, 'BLOCK', String(this.options.blockMs), 'STREAMS', this.options.stream, cursor)) as [string, StreamEntry[]][] | null;
        const entries = res?.[0]?.[1] ?? [];
        if (cursor === '0' && entries.length === 0) cursor = '>';
        await this.handleEntries(reader, group, entries, options, isClosed);
      } catch (err) {
        if (isClosed()) return;
        // Re-read our own pending events: the one that failed has not been acknowledged.
        cursor = '0';
        if (String((err as Error).message).includes('NOGROUP')) await this.ensureGroup(group, '0');
        this.options.logger?.warn({ err: (err as Error).message, group }, 'stream read failed; retrying');
        await sleep(500);
      }
    }
  }

  private async claimAbandoned(reader: Redis, group: string, consumer: string, options: SubscribeOptions, isClosed: () => boolean): Promise<void> {
    const res = (await reader.xautoclaim(this.options.stream, group, consumer, this.options.claimIdleMs, '0', 'COUNT', 100)) as [string, StreamEntry[]];
    await this.handleEntries(reader, group, (res?.[1] ?? []).filter((e) => e && e[1]), options, isClosed);
  }

  /**
   * Events a crashed member had been given and not acknowledged: without this they waited for
   * `claimIdleMs` (30-60 s) because every restarted process joins under a new member name.
   */
  private async takeOverDeadMembers(reader: Redis, group: string, consumer: string, options: SubscribeOptions, isClosed: () => boolean): Promise<void> {
    const members = (await reader.xinfo('CONSUMERS', this.options.stream, group)) as unknown[][];
    for (const fields of members) {
      const member = Object.fromEntries(Array.from({ length: fields.length / 2 }, (_, i) => [String(fields[2 * i]), fields[2 * i + 1]]));
      if (member.name === consumer || Number(member.pending) === 0 || Number(member.idle) < this.options.deadMemberMs) continue;
      for (;;) {
        const stale = (await reader.xpending(this.options.stream, group, 'IDLE', this.options.deadMemberMs, '-', '+', 100, String(member.name))) as [string, ...unknown[]][];
        if (stale.length === 0) break;
        const claimed = (await reader.xclaim(this.options.stream, group, consumer, this.options.deadMemberMs, ...stale.map(([id]) => id))) as StreamEntry[];
        this.options.logger?.info({ group, from: member.name, events: claimed.length }, 'took over the pending events of a member that stopped');
        await this.handleEntries(reader, group, claimed.filter((e) => e && e[1]), options, isClosed);
        if (stale.length < 100) break;
      }
      await reader.xgroup('DELCONSUMER', this.options.stream, group, String(member.name));
    }
  }

  private async handleEntries(reader: Redis, group: string, entries: StreamEntry[], options: SubscribeOptions, isClosed: () => boolean): Promise<void> {
    // Events of types the subscriber does not take are acknowledged together, unread: most of a
    // busy stream is other subgraphs' business, and parsing and acknowledging each cost more than
    // the events it handles.
    const wanted = options.types ? new Set(options.types) : null;
    const isWanted = ([, fields]: StreamEntry) => !wanted || !fieldOf(fields, 'type') || wanted.has(fieldOf(fields, 'type')!);
    const skipped = entries.filter((e) => !isWanted(e)).map(([id]) => id);
    // Not awaited before the wanted ones are handled (see below); awaited with them.
    const skippedAck = skipped.length ? inFlight(reader.xack(this.options.stream, group, ...skipped)) : null;
    const taken = skipped.length ? entries.filter(isWanted) : entries;
    if (options.batchHandler) {
      await skippedAck;
      if (taken.length === 0) return;
      // All or nothing: a failed batch stays pending and the whole read is delivered again.
      await options.batchHandler(taken.map(([, fields]) => parseDelivery(fieldOf(fields, 'event') ?? '')));
      await reader.xack(this.options.stream, group, ...taken.map(([id]) => id));
      return;
    }
    const handler = singleHandlerOf(options);
    // Each event is acknowledged as soon as its handler succeeds, as before, but the next handler
    // does not wait for that round trip: on a busy process every await of Redis is a turn of the
    // event loop, and the tenth event of a read reached the gateway's live feed ten turns late.
    // ioredis sends the acks in order on this connection; a lost one leaves its event pending, to
    // be delivered again (handlers are idempotent), and fails the read like an awaited one did.
    const acks: Promise<unknown>[] = skippedAck ? [skippedAck] : [];
    try {
      for (const [id, fields] of taken) {
        // A subscription closed mid-read handles no more of it (an awaited ack used to stop it):
        // the rest stay pending for the group.
        if (isClosed()) return;
        await handler(parseDelivery(fieldOf(fields, 'event') ?? ''));
        acks.push(inFlight(reader.xack(this.options.stream, group, id)));
      }
    } finally {
      await Promise.all(acks);
    }
  }
}

/**
 * A command answered later (awaited once the read is handled): marked handled now, so a rejection
 * meanwhile is not an unhandled rejection that ends the process; awaiting it still throws.
 */
function inFlight<T>(reply: Promise<T>): Promise<T> {
  reply.catch(() => undefined);
  return reply;
}

/** A stream entry's fields: the type beside the event, so readers can skip what they do not take without parsing it. */
const entryOf = (event: DomainEvent): string[] => ['type', event.type, 'event', JSON.stringify(event)];

/** A field of a stream entry (entries written before the type field have only `event`). */
function fieldOf(fields: string[], name: string): string | undefined {
  for (let i = 0; i + 1 < fields.length; i += 2) if (fields[i] === name) return fields[i + 1];
  return undefined;
}
