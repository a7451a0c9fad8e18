import { describe, expect, it } from '@jest/globals';
import { SharedHydrations } from '../src/subscriptions/shared-hydrations.js';

/** A run whose answer the test settles by hand, recording the seq it was started for. */
function controlledRuns() {
  const started: { seq: number; resolve: (v: string) => void; reject: (e: Error) => void }[] = [];
  const run = (seq: number) => () => new Promise<string>((resolve, reject) => { started.push({ seq, resolve, reject }); });
  return { started, run };
}

const flush = () => new Promise((r) => setImmediate(r));

describe('SharedHydrations', () => {
  it('answers every request for an event from one run, per key', async () => {
    const shared = new SharedHydrations<string>();
    const { started, run } = controlledRuns();
    const answers = [shared.answer('k', 1, run(1)), shared.answer('k', 1, run(1)), shared.answer('other', 1, run(1))];
    expect(started).toHaveLength(2);
    started[0]!.resolve('one');
    started[1]!.resolve('other');
    expect(await Promise.all(answers)).toEqual(['one', 'one', 'other']);
    // A late subscriber of the same event, within the window, still shares it.
    expect(await shared.answer('k', 1, run(1))).toBe('one');
    expect(shared.counts).toEqual({ runs: 2, shared: 2 });
  });

  it('coalesces newer events arriving during a run into one follow-up, which always runs (the last event is never lost)', async () => {
    const shared = new SharedHydrations<string>();
    const { started, run } = controlledRuns();
    const first = shared.answer('k', 2, run(2));
    const later = [3, 4, 5].map((seq) => shared.answer('k', seq, run(seq)));
    expect(started.map((s) => s.seq)).toEqual([2]);
    started[0]!.resolve('as of 2');
    expect(await first).toBe('as of 2');
    await flush();
    // One follow-up (the first queued request's run), started after event 5 arrived, answers 3, 4 and 5.
    expect(started.map((s) => s.seq)).toEqual([2, 3]);
    started[1]!.resolve('as of 5');
    expect(await Promise.all(later)).toEqual(['as of 5', 'as of 5', 'as of 5']);
    // An older event than the newest run answers from it (never older than the event); a newer one runs again.
    expect(await shared.answer('k', 4, run(4))).toBe('as of 5');
    const six = shared.answer('k', 6, run(6));
    expect(started).toHaveLength(3);
    started[2]!.resolve('as of 6');
    expect(await six).toBe('as of 6');
  });

  it('forgets a failed run so the next request retries, and a follow-up still runs after a failure', async () => {
    const shared = new SharedHydrations<string>();
    const { started, run } = controlledRuns();
    const failing = shared.answer('k', 1, run(1));
    const follow = shared.answer('k', 2, run(2));
    started[0]!.reject(new Error('subgraph down'));
    await expect(failing).rejects.toThrow('subgraph down');
    await flush();
    started[1]!.resolve('as of 2');
    expect(await follow).toBe('as of 2');
    const retry = shared.answer('k', 3, run(3));
    started[2]!.reject(new Error('again'));
    await expect(retry).rejects.toThrow('again');
    const fresh = shared.answer('k', 3, run(3));
    expect(started).toHaveLength(4);
    started[3]!.resolve('ok');
    expect(await fresh).toBe('ok');
  });
});
