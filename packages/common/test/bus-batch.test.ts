import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { InProcessBus, RedisStreamsBus, SYSTEM, createEvent, type BusSubscription, type Delivery, type DomainEvent } from '../src/index.js';
import { captureLogger, deleteTestStream, testLogger, testStreamName, waitFor } from '@app/testing';

// Batch delivery (`SubscribeOptions.batchHandler`): runs of events in order, acknowledged together
// after the handler succeeds, delivered again whole when it throws.
const event = (n: number): DomainEvent => createEvent({ source: 'test', principal: SYSTEM }, { type: 'Numbered', subject: { type: 'Thing', id: `t-${n}` }, data: { n } }) as DomainEvent;
const numbers = (batch: Delivery[]) => batch.map((d) => (d.event!.data as { n: number }).n);
const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);
const quietBus = () => new InProcessBus(captureLogger('bus', 'info').logger, 10_000, 1);

describe('InProcessBus batch delivery', () => {
  it('delivers events queued while a batch is being handled as the next batch, in order, bounded by batchSize', async () => {
    const bus = quietBus();
    const batches: number[][] = [];
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    await bus.subscribe({ group: 'audit', batchSize: 4, batchHandler: async (batch) => {
      batches.push(numbers(batch));
      if (batches.length === 1) await gate; // hold the first batch so the others queue up behind it
    } });
    const first = bus.publish(event(1));
    const rest = range(2, 7).map((n) => bus.publish(event(n)));
    release();
    await Promise.all([first, ...rest]);
    expect(batches).toEqual([[1], [2, 3, 4, 5], [6, 7]]);
    await bus.close();
  });

  it('retries a failed batch whole and resolves publish only once it succeeded', async () => {
    const bus = quietBus();
    const attempts: number[][] = [];
    await bus.subscribe({ group: 'audit', batchHandler: async (batch) => {
      attempts.push(numbers(batch));
      if (attempts.length < 3) throw new Error('database away');
    } });
    await bus.publish(event(1));
    expect(attempts).toEqual([[1], [1], [1]]);
    await bus.close();
  });

  it('rejects publish when a batch keeps failing, and other groups still get the event', async () => {
    const bus = quietBus();
    const healthy: number[] = [];
    await bus.subscribe({ group: 'broken', batchHandler: async () => { throw new Error('always'); } });
    await bus.subscribe({ group: 'fine', handler: async (d) => { healthy.push(numbers([d])[0]!); } });
    await expect(bus.publish(event(1))).rejects.toThrow(/not handled by broken/);
    expect(healthy).toEqual([1]);
    await bus.close();
  });

  it('replays what a durable batch group missed (before it existed and while it had no member) in batches', async () => {
    const bus = quietBus();
    for (const n of range(1, 5)) await bus.publish(event(n));
    const first: number[][] = [];
    const sub = await bus.subscribe({ group: 'audit', batchSize: 2, batchHandler: async (b) => { first.push(numbers(b)); } });
    expect(first).toEqual([[1, 2], [3, 4], [5]]);
    await sub.close();
    for (const n of range(6, 8)) await bus.publish(event(n));
    const second: number[][] = [];
    await bus.subscribe({ group: 'audit', batchSize: 10, batchHandler: async (b) => { second.push(numbers(b)); } });
    expect(second).toEqual([[6, 7, 8]]);
    await bus.publish(event(9));
    expect(second).toEqual([[6, 7, 8], [9]]);
    await bus.close();
  });

  it('keeps a replayed batch that failed for the next member instead of dropping it', async () => {
    const bus = quietBus();
    for (const n of range(1, 3)) await bus.publish(event(n));
    const failing = await bus.subscribe({ group: 'audit', batchHandler: async () => { throw new Error('database away'); } });
    await failing.close();
    const seen: number[] = [];
    await bus.subscribe({ group: 'audit', batchHandler: async (b) => { seen.push(...numbers(b)); } });
    expect(seen).toEqual([1, 2, 3]);
    await bus.close();
  });

  it('refuses to mix single and batch members in one group, and a subscription with no handler', async () => {
    const bus = quietBus();
    await bus.subscribe({ group: 'audit', batchHandler: async () => undefined });
    await expect(bus.subscribe({ group: 'audit', handler: async () => undefined })).rejects.toThrow(/batchHandler/);
    await bus.subscribe({ group: 'workflow', handler: async () => undefined });
    await expect(bus.subscribe({ group: 'workflow', batchHandler: async () => undefined })).rejects.toThrow(/single events/);
    await expect(bus.subscribe({ group: 'x' })).rejects.toThrow(/handler or batchHandler is required/);
    await bus.close();
  });
});

const url = process.env.REDIS_URL;
const describeRedis = url ? describe : describe.skip;
const buses: RedisStreamsBus[] = [];
const subs: BusSubscription[] = [];
const streams = new Set<string>();
let admin: Redis | undefined;

function newBus(stream: string): RedisStreamsBus {
  streams.add(stream);
  const bus = new RedisStreamsBus({ url: url!, stream, logger: testLogger(), blockMs: 100, claimIdleMs: 60_000 });
  buses.push(bus);
  return bus;
}
async function pendingFor(stream: string, group: string): Promise<number> {
  admin ??= new Redis(url!);
  const [count] = (await admin.xpending(stream, group)) as [number, ...unknown[]];
  return Number(count);
}

afterEach(async () => {
  await Promise.all(subs.splice(0).map((s) => s.close()));
  await Promise.all(buses.splice(0).map((b) => b.close()));
});
afterAll(async () => {
  for (const stream of streams) await deleteTestStream(stream);
  admin?.disconnect();
});

describeRedis('RedisStreamsBus batch delivery', () => {
  it('hands each read to the batch handler in stream order, at most batchSize at a time, and acks after it succeeds', async () => {
    const stream = testStreamName();
    const bus = newBus(stream);
    for (const n of range(1, 7)) await bus.publish(event(n));
    const batches: number[][] = [];
    subs.push(await bus.subscribe({ group: 'audit', batchSize: 3, batchHandler: async (b) => { batches.push(numbers(b)); } }));
    await waitFor(() => batches.flat().length >= 7, { what: 'seven events' });
    expect(batches).toEqual([[1, 2, 3], [4, 5, 6], [7]]);
    await waitFor(async () => (await pendingFor(stream, 'audit')) === 0, { what: 'acks' });
  });

  it('leaves a failed batch unacknowledged and delivers the whole batch again', async () => {
    const stream = testStreamName();
    const bus = newBus(stream);
    for (const n of range(1, 4)) await bus.publish(event(n));
    const attempts: number[][] = [];
    let pendingAfterFailure = -1;
    subs.push(await bus.subscribe({ group: 'audit', batchSize: 10, batchHandler: async (b) => {
      attempts.push(numbers(b));
      if (attempts.length === 1) throw new Error('database away');
      if (attempts.length === 2) pendingAfterFailure = await pendingFor(stream, 'audit');
    } }));
    // The second attempt is recorded before its look at the pending list answers: wait for that answer.
    await waitFor(() => pendingAfterFailure !== -1, { what: 'redelivery', timeoutMs: 5_000 });
    expect(attempts).toEqual([[1, 2, 3, 4], [1, 2, 3, 4]]);
    expect(pendingAfterFailure).toBe(4);
    await waitFor(async () => (await pendingFor(stream, 'audit')) === 0, { what: 'acks' });
  });

  it('gives a member restarted with the same name its unacknowledged batch again', async () => {
    const stream = testStreamName();
    const bus = newBus(stream);
    for (const n of range(1, 3)) await bus.publish(event(n));
    let crashed = false;
    let sub: BusSubscription | null = null;
    sub = await bus.subscribe({ group: 'audit', consumer: 'audit-1', batchHandler: async () => {
      crashed = true;
      void sub!.close(); // the process dies mid-batch, before any ack
      throw new Error('crash');
    } });
    await waitFor(() => crashed, { what: 'the crash' });
    await sub.close();
    expect(await pendingFor(stream, 'audit')).toBe(3);
    const again: number[][] = [];
    subs.push(await bus.subscribe({ group: 'audit', consumer: 'audit-1', batchHandler: async (b) => { again.push(numbers(b)); } }));
    await waitFor(() => again.length >= 1, { what: 'redelivery' });
    expect(again).toEqual([[1, 2, 3]]);
    await waitFor(async () => (await pendingFor(stream, 'audit')) === 0, { what: 'acks' });
  });
});
