/**
 * What a live subscription hands graphql-ws: an async iterator that events are pushed into.
 * graphql-ws pulls the next value only after the socket accepted the previous one, so while a
 * client is slow, values wait in a `Pending` store whose policy bounds them: the newest state
 * only (`latestOnly`, `latestPerKey`), or a bounded queue of deltas (`boundedQueue`).
 *
 * Hand-written rather than an async generator: a generator's `return()` waits for a pending
 * `next()`, so a quiet subscription could never be closed. Here `return()` (the client completed
 * the subscription), `close()` (the socket went, the feed stopped) and the end after a terminal
 * value all settle a waiting `next()` at once and run the cleanups exactly once.
 */

/** What a `PushIterator` holds for a client that has not taken it yet. */
export interface Pending<T> {
  /** Takes a pushed value in; false when the policy refuses it (it is not newer than what is known). */
  add(value: T): boolean;
  /** The next value to deliver, or undefined when none waits. */
  take(): T | undefined;
  clear(): void;
  /** Values replaced or dropped before the client took them. */
  readonly dropped: number;
}

/** Only the newest value waits: for a feed of one thing's state (a job's progress). */
export class LatestOnly<T> implements Pending<T> {
  private value: T | undefined;
  dropped = 0;

  add(value: T): boolean {
    if (this.value !== undefined) this.dropped++;
    this.value = value;
    return true;
  }

  take(): T | undefined {
    const value = this.value;
    this.value = undefined;
    return value;
  }

  clear(): void {
    this.value = undefined;
  }
}

/**
 * The newest value of each key waits, in the order the keys' states became current; with more
 * than `capacity` keys waiting, the one waiting longest is dropped. For a feed of many things' states.
 */
export class LatestPerKey<T> implements Pending<T> {
  protected readonly waiting = new Map<string, T>();
  dropped = 0;

  constructor(private readonly capacity: number, protected readonly keyOf: (value: T) => string) {}

  add(value: T): boolean {
    const key = this.keyOf(value);
    if (this.waiting.delete(key)) this.dropped++;
    // Re-inserted at the end, so the feed keeps the order in which states became current.
    this.waiting.set(key, value);
    if (this.waiting.size > this.capacity) {
      this.waiting.delete(this.waiting.keys().next().value!);
      this.dropped++;
    }
    return true;
  }

  take(): T | undefined {
    const first = this.waiting.entries().next();
    if (first.done) return undefined;
    this.waiting.delete(first.value[0]);
    return first.value[1];
  }

  clear(): void {
    this.waiting.clear();
  }
}

/** Every value waits in order, at most `capacity`; beyond that the oldest is dropped. For deltas. */
export class BoundedQueue<T> implements Pending<T> {
  private readonly waiting: T[] = [];
  dropped = 0;

  constructor(private readonly capacity: number) {}

  add(value: T): boolean {
    this.waiting.push(value);
    if (this.waiting.length > this.capacity) {
      this.waiting.shift();
      this.dropped++;
    }
    return true;
  }

  take(): T | undefined {
    return this.waiting.shift();
  }

  clear(): void {
    this.waiting.length = 0;
  }
}

export interface PushIteratorOptions<T> {
  /** A value after which the feed ends (a job's terminal state): later pushes are ignored, and the iterator is done once it is delivered. */
  isLast?: (value: T) => boolean;
}

const DONE: IteratorResult<never> = { value: undefined, done: true };

export class PushIterator<T> implements AsyncIterableIterator<T> {
  private waiter: ((result: IteratorResult<T>) => void) | null = null;
  private readonly cleanups: (() => void)[] = [];
  private closed = false;
  private ending = false;

  constructor(protected readonly pending: Pending<T>, private readonly options: PushIteratorOptions<T> = {}) {}

  /** Values replaced or dropped before the client took them. */
  get dropped(): number {
    return this.pending.dropped;
  }

  get isClosed(): boolean {
    return this.closed;
  }

  push(value: T): void {
    if (this.closed || this.ending || !this.pending.add(value)) return;
    if (this.options.isLast?.(value)) this.ending = true;
    this.deliver();
  }

  next(): Promise<IteratorResult<T>> {
    const value = this.pending.take();
    if (value !== undefined) return Promise.resolve({ value, done: false });
    if (this.ending) this.close();
    if (this.closed) return Promise.resolve(DONE);
    return new Promise((resolve) => { this.waiter = resolve; });
  }

  return(): Promise<IteratorResult<T>> {
    this.close();
    return Promise.resolve(DONE);
  }

  /** Ends the iterator: what waits is dropped, a waiting `next()` is done, the cleanups run (once). */
  close(): void {
    if (this.closed) return;
    this.closed = true;
    this.pending.clear();
    const waiter = this.waiter;
    this.waiter = null;
    waiter?.(DONE);
    for (const cleanup of this.cleanups.splice(0)) cleanup();
  }

  /** Runs `cleanup` when the iterator closes (at once if it already has). */
  onClose(cleanup: () => void): this {
    if (this.closed) cleanup();
    else this.cleanups.push(cleanup);
    return this;
  }

  /** Closes the iterator when `signal` aborts (the client completed the subscription, or the socket closed). */
  until(signal: AbortSignal): this {
    if (signal.aborted) this.close();
    else signal.addEventListener('abort', () => this.close(), { once: true });
    return this;
  }

  /** Runs `first` (which pushes the current state, or throws when the subscriber may not have it); closes the iterator when it fails. */
  async seed(first: () => Promise<void>): Promise<this> {
    try {
      await first();
    } catch (err) {
      this.close();
      throw err;
    }
    return this;
  }

  [Symbol.asyncIterator](): this {
    return this;
  }

  /** Hands a waiting `next()` what is now pending (a subclass that changes `pending` directly calls this). */
  protected deliver(): void {
    if (!this.waiter) return;
    const value = this.pending.take();
    if (value === undefined) return;
    const waiter = this.waiter;
    this.waiter = null;
    waiter({ value, done: false });
  }
}
