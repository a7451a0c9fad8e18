import type { BusSubscription, DomainEvent, EventBus, Logger } from '@app/common';

/** An in-app notification as `Subscription.notificationAdded` delivers it. */
export interface LiveNotification {
  id: string;
  recipientId: string;
  event: string;
  title: string;
  body: string;
  sampleId: string | null;
  submissionId: string | null;
  createdAt: string;
  readAt: null;
}

export const NOTIFICATIONS_LIVE_GROUP = 'gateway-notifications';
/** Notifications a slow client may have pending; older ones are dropped (the inbox query still has them). */
export const NOTIFICATION_QUEUE_CAPACITY = 100;

const str = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/** The notification a workflow `NotificationCreated` event carries, or null for anything else. */
export function toLiveNotification(event: DomainEvent): LiveNotification | null {
  if (event.type !== 'NotificationCreated') return null;
  const d = (event.data ?? {}) as Record<string, unknown>;
  const recipientId = str(d.recipientId);
  const kind = str(d.event);
  const title = str(d.title);
  if (!recipientId || !kind || !title) return null;
  return {
    id: event.subject.id, recipientId, event: kind, title, body: typeof d.body === 'string' ? d.body : '',
    sampleId: str(d.sampleId), submissionId: str(d.submissionId), createdAt: str(d.createdAt) ?? event.occurredAt, readAt: null,
  };
}

/** A bounded FIFO iterator of one subscriber's notifications (they are deltas, so none is coalesced away). */
export class NotificationQueue implements AsyncIterableIterator<LiveNotification> {
  private readonly pending: LiveNotification[] = [];
  private waiting: ((r: IteratorResult<LiveNotification>) => void) | null = null;
  private closed = false;
  dropped = 0;

  constructor(private readonly onClose: () => void) {}

  push(n: LiveNotification): void {
    if (this.closed) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      resolve({ value: n, done: false });
      return;
    }
    this.pending.push(n);
    if (this.pending.length > NOTIFICATION_QUEUE_CAPACITY) { this.pending.shift(); this.dropped++; }
  }

  next(): Promise<IteratorResult<LiveNotification>> {
    const n = this.pending.shift();
    if (n) return Promise.resolve({ value: n, done: false });
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => { this.waiting = resolve; });
  }

  return(): Promise<IteratorResult<LiveNotification>> {
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.pending.length = 0;
    this.waiting?.({ value: undefined, done: true });
    this.waiting = null;
    this.onClose();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }
}

/** One ephemeral bus subscription per gateway process, fanned out to each recipient's subscribers. */
export class NotificationHub {
  private readonly byUser = new Map<string, Set<(n: LiveNotification) => void>>();
  private subscription: BusSubscription | null = null;
  received = 0;

  constructor(private readonly bus: EventBus, private readonly logger: Logger) {}

  async start(): Promise<void> {
    this.subscription = await this.bus.subscribe({
      group: NOTIFICATIONS_LIVE_GROUP, ephemeral: true,
      handler: async (d) => { if (d.event) this.dispatch(d.event); },
    });
  }

  async stop(): Promise<void> {
    const subscription = this.subscription;
    this.subscription = null;
    this.byUser.clear();
    await subscription?.close();
  }

  /** Listens to one user's notifications; returns the function that stops listening. */
  listen(userId: string, listener: (n: LiveNotification) => void): () => void {
    let set = this.byUser.get(userId);
    if (!set) this.byUser.set(userId, (set = new Set()));
    set.add(listener);
    return () => {
      set.delete(listener);
      if (set.size === 0 && this.byUser.get(userId) === set) this.byUser.delete(userId);
    };
  }

  private dispatch(event: DomainEvent): void {
    const n = toLiveNotification(event);
    if (!n) return;
    this.received++;
    for (const listener of this.byUser.get(n.recipientId) ?? []) {
      try {
        listener(n);
      } catch (err) {
        this.logger.warn({ err, recipientId: n.recipientId }, 'notification listener failed');
      }
    }
  }
}
