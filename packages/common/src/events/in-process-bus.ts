import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../logger.js';
import type { BatchDeliveryHandler, BusSubscription, DeliveryHandler, EventBus, SubscribeOptions } from './bus.js';
import { parseDelivery, singleHandlerOf } from './bus.js';
import type { DomainEvent } from './envelope.js';

interface Member {
  handler: DeliveryHandler;
  closed: boolean;
}

interface BatchMember {
  batchHandler: BatchDeliveryHandler;
  batchSize: number;
  closed: boolean;
}

/** An event waiting for a batch group; `done` settles its publish (or puts a replayed event back). */
interface Queued {
  raw: string;
  done: (ok: boolean) => void;
}

interface Group {
  members: Member[];
  next: number;
  ephemeral: boolean;
  /** The event types its members take (null: every type); others are passed over unread, as on Redis. */
  types: Set<string> | null;
  /** Events that arrived while a durable group had no live member. */
  pending: string[];
  /** Set when the group's members take batches: events then queue and are handled one run at a time. */
  batch?: { members: BatchMember[]; queue: Queued[]; pumping: boolean };
}

const ATTEMPTS = 4;

/**
 * The embedded-mode bus. `publish` resolves only when every group has handled the event, so the
 * outbox relay marks a row sent only after delivery: a crash never loses an event. A group whose
 * handler keeps failing makes `publish` reject, and the relay retries the row later.
 */
export class InProcessBus implements EventBus {
  readonly kind = 'memory' as const;
  private readonly groups = new Map<string, Group>();
  /** Recent events, so a durable group that subscribes late still sees what it missed. */
  private readonly history: string[] = [];

  constructor(private readonly logger?: Logger, private readonly historyLimit = 10_000, private readonly retryDelayMs = 50) {}

  async publish(event: DomainEvent): Promise<void> {
    return this.publishAll([event]);
  }

  /**
   * Publishes events in order; resolves when every group has handled all of them. A group that
   * takes batches gets them queued together (the relay's batch becomes its runs, as a Redis read
   * would); a single-event group takes them one after another, stopping at one it cannot handle.
   */
  async publishAll(events: DomainEvent[]): Promise<void> {
    const raws = events.map((event) => JSON.stringify(event));
    this.history.push(...raws);
    if (this.history.length > this.historyLimit) this.history.splice(0, this.history.length - this.historyLimit);
    const failures: string[] = [];
    await Promise.all([...this.groups.entries()].map(async ([name, group]) => {
      const wanted = group.types ? raws.filter((_, i) => group.types!.has(events[i]!.type)) : raws;
      if (wanted.length === 0) return;
      const ok = group.batch ? await this.enqueue(group, wanted) : await this.deliverEach(group, wanted);
      if (!ok) failures.push(name);
    }));
    if (failures.length) throw new Error(`${events.length === 1 ? `event ${events[0]!.id}` : `${events.length} events`} not handled by ${failures.join(', ')}`);
  }

  async subscribe(options: SubscribeOptions): Promise<BusSubscription> {
    // Like the Redis bus: every ephemeral subscription is a group of its own (a broadcast), never a member of a shared one.
    const key = options.ephemeral ? `${options.group}:${randomUUID()}` : options.group;
    let group = this.groups.get(key);
    if (!group) {
      group = { members: [], next: 0, ephemeral: !!options.ephemeral, types: options.types ? new Set(options.types) : null, pending: options.ephemeral ? [] : [...this.history] };
      this.groups.set(key, group);
    } else {
      // Members of one group may name different types: the group takes them all.
      group.types = group.types && options.types ? new Set([...group.types, ...options.types]) : null;
    }
    if (options.batchHandler) return this.subscribeBatch(key, group, options);
    const member: Member = { handler: singleHandlerOf(options), closed: false };
    if (group.batch) throw new Error(`subscribe(${options.group}): the group's members take batches; use batchHandler`);
    group.members.push(member);
    await this.drainPending(group);
    return {
      close: async () => {
        member.closed = true;
        const g = this.groups.get(key);
        if (!g) return;
        g.members = g.members.filter((m) => m !== member);
        if (g.members.length === 0 && g.ephemeral) this.groups.delete(key);
      },
    };
  }

  private async subscribeBatch(key: string, group: Group, options: SubscribeOptions): Promise<BusSubscription> {
    if (group.members.length) throw new Error(`subscribe(${options.group}): the group's members take single events; use handler`);
    const member: BatchMember = { batchHandler: options.batchHandler!, batchSize: Math.max(1, options.batchSize ?? 100), closed: false };
    const batch = (group.batch ??= { members: [], queue: [], pumping: false });
    batch.members.push(member);
    // Replay what the group missed ahead of anything queued since; a failed replay goes back to pending.
    const replayed: Queued[] = [];
    const replay = group.pending.splice(0).map((raw) => new Promise<boolean>((resolve) => {
      replayed.push({ raw, done: (ok) => { if (!ok) group.pending.push(raw); resolve(ok); } });
    }));
    batch.queue.unshift(...replayed);
    void this.pump(group);
    await Promise.all(replay);
    return {
      close: async () => {
        member.closed = true;
        batch.members = batch.members.filter((m) => m !== member);
        if (batch.members.length === 0 && group.ephemeral) this.groups.delete(key);
      },
    };
  }

  /** Hands queued events to the batch members, one run (up to batchSize) at a time, in order. */
  private async pump(group: Group): Promise<void> {
    const batch = group.batch!;
    if (batch.pumping) return;
    batch.pumping = true;
    try {
      while (batch.queue.length) {
        const live = batch.members.filter((m) => !m.closed);
        if (live.length === 0) {
          for (const q of batch.queue.splice(0)) {
            if (!group.ephemeral) group.pending.push(q.raw);
            q.done(true);
          }
          return;
        }
        const member = live[group.next++ % live.length]!;
        const run = batch.queue.splice(0, member.batchSize);
        const ok = await this.handleBatch(member, run.map((q) => q.raw));
        for (const q of run) q.done(ok);
      }
    } finally {
      batch.pumping = false;
    }
  }

  private async handleBatch(member: BatchMember, raws: string[]): Promise<boolean> {
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      try {
        await member.batchHandler(raws.map(parseDelivery));
        return true;
      } catch (err) {
        this.logger?.warn({ err, attempt, size: raws.length }, 'event batch handler failed; retrying');
        await sleep(this.retryDelayMs * attempt);
      }
    }
    return false;
  }

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.groups.clear();
  }

  private async drainPending(group: Group): Promise<void> {
    if (group.batch) return;
    while (group.pending.length) {
      const raw = group.pending[0]!;
      if (!(await this.deliver(group, raw))) return;
      group.pending.shift();
    }
  }

  /** Queues events for a batch group all at once (so one run can take them together), then pumps. */
  private async enqueue(group: Group, raws: string[]): Promise<boolean> {
    const queued = raws.map((raw) => new Promise<boolean>((resolve) => group.batch!.queue.push({ raw, done: resolve })));
    void this.pump(group);
    return (await Promise.all(queued)).every(Boolean);
  }

  private async deliverEach(group: Group, raws: string[]): Promise<boolean> {
    for (const raw of raws) if (!(await this.deliver(group, raw))) return false;
    return true;
  }

  /** Round-robin across live members; retries a failing handler a few times before giving up. */
  private async deliver(group: Group, raw: string): Promise<boolean> {
    if (group.batch) return this.enqueue(group, [raw]);
    for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
      const live = group.members.filter((m) => !m.closed);
      if (live.length === 0) {
        if (!group.ephemeral) group.pending.push(raw);
        return true;
      }
      const member = live[group.next++ % live.length]!;
      try {
        await member.handler(parseDelivery(raw));
        return true;
      } catch (err) {
        this.logger?.warn({ err, attempt }, 'event handler failed; retrying');
        await sleep(this.retryDelayMs * attempt);
      }
    }
    return false;
  }
}
