/** How long a finished answer keeps serving subscribers that pull the same event late. */
export const SHARE_WINDOW_MS = 2_000;

const ignore = () => undefined;

interface Run<T> {
  /** The newest event seq that had been received when this run started: it reflects at least that state. */
  seq: number;
  answer: Promise<T>;
  settled: boolean;
}

interface Entry<T> {
  /** The run answering now (in flight or finished within the window). */
  current: Run<T> | null;
  /** At most one run waiting for `current` to finish; requests for newer events join it. */
  next: Run<T> | null;
  expiry: NodeJS.Timeout | null;
}

/**
 * One hydration per key (entity, visibility, selection) and event, coalesced under load.
 *
 * Semantics, for a request "hydrate key as of event seq s":
 * - a run that started after event s arrived (its `seq` >= s) answers it, in flight or finished
 *   within SHARE_WINDOW_MS: every subscriber of that key shares one execution;
 * - otherwise, if a run is in flight, one follow-up run is queued behind it and every newer
 *   request joins that follow-up (the newest state wins: events 3, 4 and 5 arriving while 2 is
 *   being hydrated cost one more run, not three);
 * - the follow-up always runs, so the state after the last event is always fetched: coalescing
 *   never drops the last event.
 * Events are snapshots (federation.md §2.5, item 9) and hydrations read current state, so a
 * payload for seq 3 may carry the sample as of seq 5: never older than its event.
 * A failed run is forgotten at once so the next request retries.
 */
export class SharedHydrations<T> {
  private readonly entries = new Map<string, Entry<T>>();
  /** Runs started, and requests answered by a run another request started. */
  readonly counts = { runs: 0, shared: 0 };

  answer(key: string, seq: number, run: () => Promise<T>): Promise<T> {
    let entry = this.entries.get(key);
    if (!entry) this.entries.set(key, (entry = { current: null, next: null, expiry: null }));
    if (entry.current && entry.current.seq >= seq) return this.share(entry.current.answer);
    if (entry.next) {
      entry.next.seq = Math.max(entry.next.seq, seq);
      return this.share(entry.next.answer);
    }
    if (entry.current && !entry.current.settled) return this.queue(key, entry, seq, run);
    return this.start(key, entry, seq, run).answer;
  }

  /** Keys held (in flight or within the window): for tests. */
  get size(): number {
    return this.entries.size;
  }

  private share(answer: Promise<T>): Promise<T> {
    this.counts.shared++;
    return answer;
  }

  private queue(key: string, entry: Entry<T>, seq: number, run: () => Promise<T>): Promise<T> {
    const waiting = { seq };
    const answer = entry.current!.answer.then(ignore, ignore).then(() => {
      entry.next = null;
      // Its seq is the newest one that joined while it waited: it starts after all of them arrived.
      return this.start(key, entry, waiting.seq, run).answer;
    });
    entry.next = Object.assign(waiting, { answer, settled: false });
    return answer;
  }

  private start(key: string, entry: Entry<T>, seq: number, run: () => Promise<T>): Run<T> {
    this.counts.runs++;
    if (entry.expiry) clearTimeout(entry.expiry);
    entry.expiry = null;
    const current: Run<T> = { seq, settled: false, answer: run() };
    entry.current = current;
    current.answer.then(
      () => {
        current.settled = true;
        if (entry.current !== current || entry.next) return;
        entry.expiry = setTimeout(() => this.forget(key, entry, current), SHARE_WINDOW_MS);
        entry.expiry.unref();
      },
      () => {
        current.settled = true;
        if (entry.current === current) entry.current = null;
        if (!entry.next) this.forget(key, entry, null);
      },
    );
    return current;
  }

  private forget(key: string, entry: Entry<T>, run: Run<T> | null): void {
    if (entry.current !== run || entry.next) return;
    if (this.entries.get(key) === entry) this.entries.delete(key);
  }
}
