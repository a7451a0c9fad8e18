import { randomUUID } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Logger } from '../logger.js';
import type { BusSubscription, DeliveryHandler, EventBus, SubscribeOptions } from './bus.js';
import { parseDelivery } from './bus.js';
import type { DomainEvent } from './envelope.js';

interface Member {
  handler: DeliveryHandler;
  closed: boolean;
}

interface Group {
  members: Member[];
  next: number;
  ephemeral: boolean;
  /** Events that arrived while a durable group had no live member. */
  pending: string[];
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
    const raw = JSON.stringify(event);
    this.history.push(raw);
    if (this.history.length > this.historyLimit) this.history.shift();
    const failures: string[] = [];
    await Promise.all([...this.groups.entries()].map(async ([name, group]) => {
      const ok = await this.deliver(group, raw);
      if (!ok) failures.push(name);
    }));
    if (failures.length) throw new Error(`event ${event.id} not handled by ${failures.join(', ')}`);
  }

  async subscribe(options: SubscribeOptions): Promise<BusSubscription> {
    const member: Member = { handler: options.handler, closed: false };
    // Like the Redis bus: every ephemeral subscription is a group of its own (a broadcast), never a member of a shared one.
    const key = options.ephemeral ? `${options.group}:${randomUUID()}` : options.group;
    let group = this.groups.get(key);
    if (!group) {
      group = { members: [], next: 0, ephemeral: !!options.ephemeral, pending: options.ephemeral ? [] : [...this.history] };
      this.groups.set(key, group);
    }
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

  async ping(): Promise<void> {}

  async close(): Promise<void> {
    this.groups.clear();
  }

  private async drainPending(group: Group): Promise<void> {
    while (group.pending.length) {
      const raw = group.pending[0]!;
      if (!(await this.deliver(group, raw))) return;
      group.pending.shift();
    }
  }

  /** Round-robin across live members; retries a failing handler a few times before giving up. */
  private async deliver(group: Group, raw: string): Promise<boolean> {
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
