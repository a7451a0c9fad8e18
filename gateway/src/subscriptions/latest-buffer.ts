import type { WorkflowLiveEvent } from './events.js';

/** Samples whose last delivered seq a buffer remembers (a feed over a huge lab forgets the oldest). */
const REMEMBERED_SAMPLES = 10_000;

/**
 * The source iterator of one subscription: bounded and coalescing. Events are state, not deltas,
 * so while the client is busy only the newest event per sample is kept; an event not newer (by
 * seq) than what the client already got or is about to get is dropped. With more than `capacity`
 * samples pending, the one waiting longest is dropped. graphql-ws pulls the next event only after
 * the socket accepted the previous one, so a slow client coalesces instead of queueing.
 *
 * A hand-written iterator rather than an async generator: a generator's `return()` waits for a
 * pending `next()`, so a quiet subscription could never be closed.
 */
export class LatestEventBuffer implements AsyncIterableIterator<WorkflowLiveEvent> {
  private readonly pending = new Map<string, WorkflowLiveEvent>();
  private readonly delivered = new Map<string, number>();
  private waiting: ((result: IteratorResult<WorkflowLiveEvent>) => void) | null = null;
  /** Delivered before anything pending: a subscription's snapshot. */
  private first: WorkflowLiveEvent | null = null;
  private closed = false;
  /** Events replaced or dropped before the client took them. */
  coalesced = 0;

  constructor(private readonly capacity: number, private readonly onClose: () => void = () => {}) {}

  push(event: WorkflowLiveEvent): void {
    if (this.closed || !this.isNewer(event)) return;
    if (this.waiting) {
      const resolve = this.waiting;
      this.waiting = null;
      this.markDelivered(event);
      resolve({ value: event, done: false });
      return;
    }
    if (this.pending.delete(event.sampleId)) this.coalesced++;
    // Re-inserted at the end so the feed keeps the order in which states became current.
    this.pending.set(event.sampleId, event);
    if (this.pending.size > this.capacity) {
      this.pending.delete(this.pending.keys().next().value!);
      this.coalesced++;
    }
  }

  /**
   * Makes `snapshot` the first message. An event that arrived while the snapshot was being read and
   * is newer still follows it; one that is not newer is dropped. Without this, a newer event would
   * replace the snapshot and a client would begin with a change instead of the state.
   */
  prime(snapshot: WorkflowLiveEvent): void {
    const pending = this.pending.get(snapshot.sampleId);
    if (pending && pending.seq <= snapshot.seq) {
      this.pending.delete(snapshot.sampleId);
      this.coalesced++;
    }
    this.first = snapshot;
  }

  next(): Promise<IteratorResult<WorkflowLiveEvent>> {
    if (this.first) {
      const snapshot = this.first;
      this.first = null;
      this.markDelivered(snapshot);
      return Promise.resolve({ value: snapshot, done: false });
    }
    const first = this.pending.entries().next();
    if (!first.done) {
      const [sampleId, event] = first.value;
      this.pending.delete(sampleId);
      this.markDelivered(event);
      return Promise.resolve({ value: event, done: false });
    }
    if (this.closed) return Promise.resolve({ value: undefined, done: true });
    return new Promise((resolve) => { this.waiting = resolve; });
  }

  return(): Promise<IteratorResult<WorkflowLiveEvent>> {
    this.close();
    return Promise.resolve({ value: undefined, done: true });
  }

  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.pending.clear();
    this.waiting?.({ value: undefined, done: true });
    this.waiting = null;
    this.onClose();
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  private isNewer(event: WorkflowLiveEvent): boolean {
    const primed = this.first?.sampleId === event.sampleId ? this.first.seq : -Infinity;
    const known = Math.max(this.delivered.get(event.sampleId) ?? -Infinity, this.pending.get(event.sampleId)?.seq ?? -Infinity, primed);
    return event.seq > known;
  }

  private markDelivered(event: WorkflowLiveEvent): void {
    this.delivered.delete(event.sampleId);
    this.delivered.set(event.sampleId, event.seq);
    if (this.delivered.size > REMEMBERED_SAMPLES) this.delivered.delete(this.delivered.keys().next().value!);
  }
}
