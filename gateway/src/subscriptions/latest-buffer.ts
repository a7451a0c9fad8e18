import type { WorkflowLiveEvent } from './events.js';
import { LatestPerKey, PushIterator } from './push-iterator.js';

/** Samples whose last delivered seq a buffer remembers (a feed over a huge lab forgets the oldest). */
const REMEMBERED_SAMPLES = 10_000;

/**
 * The newest event per sample (`LatestPerKey`), minus every event not newer (by seq) than what
 * the client already got or is about to get, behind a snapshot delivered first.
 */
class NewestBySeq extends LatestPerKey<WorkflowLiveEvent> {
  private readonly delivered = new Map<string, number>();
  /** Delivered before anything pending: a subscription's snapshot. */
  private first: WorkflowLiveEvent | null = null;

  constructor(capacity: number) {
    super(capacity, (event) => event.sampleId);
  }

  override add(event: WorkflowLiveEvent): boolean {
    return this.isNewer(event) && super.add(event);
  }

  override take(): WorkflowLiveEvent | undefined {
    const event = this.first ?? super.take();
    this.first = null;
    if (event) this.markDelivered(event);
    return event;
  }

  override clear(): void {
    super.clear();
    this.first = null;
  }

  prime(snapshot: WorkflowLiveEvent): void {
    const pending = this.waiting.get(snapshot.sampleId);
    if (pending && pending.seq <= snapshot.seq) {
      this.waiting.delete(snapshot.sampleId);
      this.dropped++;
    }
    this.first = snapshot;
  }

  private isNewer(event: WorkflowLiveEvent): boolean {
    const primed = this.first?.sampleId === event.sampleId ? this.first.seq : -Infinity;
    const known = Math.max(this.delivered.get(event.sampleId) ?? -Infinity, this.waiting.get(event.sampleId)?.seq ?? -Infinity, primed);
    return event.seq > known;
  }

  private markDelivered(event: WorkflowLiveEvent): void {
    this.delivered.delete(event.sampleId);
    this.delivered.set(event.sampleId, event.seq);
    if (this.delivered.size > REMEMBERED_SAMPLES) this.delivered.delete(this.delivered.keys().next().value!);
  }
}

/**
 * The source iterator of one workflow subscription: bounded and coalescing. Events are state, not
 * deltas, so while the client is busy only the newest event per sample is kept; an event not
 * newer (by seq) than what the client already got or is about to get is dropped. With more than
 * `capacity` samples pending, the one waiting longest is dropped.
 */
export class LatestEventBuffer extends PushIterator<WorkflowLiveEvent> {
  declare protected readonly pending: NewestBySeq;

  constructor(capacity: number, onClose?: () => void) {
    super(new NewestBySeq(capacity));
    if (onClose) this.onClose(onClose);
  }

  /** Events replaced or dropped before the client took them. */
  get coalesced(): number {
    return this.dropped;
  }

  /**
   * Makes `snapshot` the first message. An event that arrived while the snapshot was being read and
   * is newer still follows it; one that is not newer is dropped. Without this, a newer event would
   * replace the snapshot and a client would begin with a change instead of the state.
   */
  prime(snapshot: WorkflowLiveEvent): void {
    if (this.isClosed) return;
    this.pending.prime(snapshot);
    this.deliver();
  }
}
