import { describe, expect, it } from '@jest/globals';
import { BoundedQueue, LatestOnly, LatestPerKey, PushIterator } from '../src/subscriptions/push-iterator.js';

interface Item { key: string; n: number }
const item = (key: string, n: number): Item => ({ key, n });
const DONE = { value: undefined, done: true };

/** Everything the iterator holds right now, taken without waiting. */
async function drain<T>(iterator: PushIterator<T>, count: number): Promise<T[]> {
  const values: T[] = [];
  for (let i = 0; i < count; i++) values.push((await iterator.next()).value as T);
  return values;
}

describe('PushIterator', () => {
  it('hands a pushed value to a waiting next() and keeps the rest pending, in order', async () => {
    const iterator = new PushIterator<Item>(new BoundedQueue(10));
    const waiting = iterator.next();
    iterator.push(item('a', 1));
    expect(await waiting).toEqual({ value: item('a', 1), done: false });
    iterator.push(item('a', 2));
    iterator.push(item('b', 1));
    expect(await drain(iterator, 2)).toEqual([item('a', 2), item('b', 1)]);
  });

  it('return() settles a waiting next(), drops what waits, ignores later pushes and runs the cleanups once', async () => {
    let cleanups = 0;
    const iterator = new PushIterator<Item>(new BoundedQueue(10)).onClose(() => cleanups++);
    const waiting = iterator.next();
    expect(await iterator.return()).toEqual(DONE);
    expect(await waiting).toEqual(DONE);
    iterator.push(item('a', 1));
    expect(await iterator.next()).toEqual(DONE);
    iterator.close();
    await iterator.return();
    expect(cleanups).toBe(1);
    // A cleanup registered after the close runs at once.
    iterator.onClose(() => cleanups++);
    expect(cleanups).toBe(2);
  });

  it('close() drops values not yet taken', async () => {
    const iterator = new PushIterator<Item>(new BoundedQueue(10));
    iterator.push(item('a', 1));
    iterator.close();
    expect(await iterator.next()).toEqual(DONE);
  });

  it('ends after delivering the last value, and ignores what is pushed after it', async () => {
    let closed = false;
    const iterator = new PushIterator<Item>(new LatestOnly(), { isLast: (v) => v.n === 0 }).onClose(() => { closed = true; });
    iterator.push(item('a', 1));
    iterator.push(item('a', 0));
    iterator.push(item('a', 5));
    expect(await iterator.next()).toEqual({ value: item('a', 0), done: false });
    expect(closed).toBe(false);
    expect(await iterator.next()).toEqual(DONE);
    expect(closed).toBe(true);
  });

  it('ends a waiting client after the last value it was handed', async () => {
    const iterator = new PushIterator<Item>(new LatestOnly(), { isLast: (v) => v.n === 0 });
    const waiting = iterator.next();
    iterator.push(item('a', 0));
    expect(await waiting).toEqual({ value: item('a', 0), done: false });
    expect(await iterator.next()).toEqual(DONE);
    expect(iterator.isClosed).toBe(true);
  });

  it('closes when the signal aborts, or at once when it already has', async () => {
    const controller = new AbortController();
    const iterator = new PushIterator<Item>(new LatestOnly()).until(controller.signal);
    const waiting = iterator.next();
    controller.abort();
    expect(await waiting).toEqual(DONE);
    expect(new PushIterator<Item>(new LatestOnly()).until(controller.signal).isClosed).toBe(true);
  });

  it('seed() closes the iterator and rethrows when reading the first state fails', async () => {
    let cleanups = 0;
    const failing = new PushIterator<Item>(new LatestOnly()).onClose(() => cleanups++);
    await expect(failing.seed(async () => { throw new Error('not yours'); })).rejects.toThrow('not yours');
    expect(failing.isClosed).toBe(true);
    expect(cleanups).toBe(1);
    const seeded = new PushIterator<Item>(new LatestOnly());
    await seeded.seed(async () => seeded.push(item('a', 1)));
    expect(await seeded.next()).toEqual({ value: item('a', 1), done: false });
  });
});

describe('pending policies', () => {
  it('LatestOnly keeps the newest value and counts the replaced ones', async () => {
    const iterator = new PushIterator<Item>(new LatestOnly());
    for (const n of [1, 2, 3]) iterator.push(item('a', n));
    expect(await iterator.next()).toEqual({ value: item('a', 3), done: false });
    expect(iterator.dropped).toBe(2);
  });

  it('LatestPerKey keeps the newest per key, in the order states became current, at most capacity keys', async () => {
    const iterator = new PushIterator<Item>(new LatestPerKey(2, (v) => v.key));
    for (const v of [item('a', 1), item('b', 1), item('a', 2)]) iterator.push(v);
    expect(await drain(iterator, 2)).toEqual([item('b', 1), item('a', 2)]);
    for (const v of [item('a', 3), item('b', 2), item('c', 1)]) iterator.push(v);
    // c pushed out a, the key waiting longest.
    expect(await drain(iterator, 2)).toEqual([item('b', 2), item('c', 1)]);
    expect(iterator.dropped).toBe(2);
  });

  it('BoundedQueue keeps every value in order and drops the oldest beyond capacity', async () => {
    const iterator = new PushIterator<Item>(new BoundedQueue(2));
    for (const n of [1, 2, 3]) iterator.push(item('a', n));
    expect(await drain(iterator, 2)).toEqual([item('a', 2), item('a', 3)]);
    expect(iterator.dropped).toBe(1);
  });
});
