import { afterAll, afterEach, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { RedisStreamsBus, SYSTEM, createEvent, type BusSubscription, type Delivery, type DomainEvent, type RedisBusOptions } from '../src/index.js';
import { captureLogger, deleteTestStream, testLogger, testStreamName, waitFor } from '@app/testing';

const url = process.env.REDIS_URL;
const describeRedis = url ? describe : describe.skip;

const event = (n: number): DomainEvent => createEvent({ source: 'test', principal: SYSTEM }, { type: 'Numbered', subject: { type: 'Thing', id: `t-${n}` }, data: { n } }) as DomainEvent;
const numberOf = (d: Delivery) => (d.event!.data as { n: number }).n;
const sorted = (list: number[]) => [...list].sort((a, b) => a - b);

const buses: RedisStreamsBus[] = [];
const subs: BusSubscription[] = [];
const streams = new Set<string>();
let admin: Redis | undefined;

function newBus(stream: string, options: Partial<RedisBusOptions> = {}): RedisStreamsBus {
  streams.add(stream);
  const bus = new RedisStreamsBus({ url: url!, stream, logger: testLogger(), blockMs: 100, claimIdleMs: 60_000, ...options });
  buses.push(bus);
  return bus;
}
async function track(sub: Promise<BusSubscription>): Promise<BusSubscription> {
  const s = await sub;
  subs.push(s);
  return s;
}

afterEach(async () => {
  await Promise.all(subs.splice(0).map((s) => s.close()));
  await Promise.all(buses.splice(0).map((b) => b.close()));
});

afterAll(async () => {
  for (const stream of streams) await deleteTestStream(stream);
  admin?.disconnect();
});

function redis(): Redis {
  admin ??= new Redis(url!);
  return admin;
}
async function pendingFor(stream: string, group: string): Promise<number> {
  const [count] = (await redis().xpending(stream, group)) as [number, ...unknown[]];
  return Number(count);
}

describeRedis('RedisStreamsBus', () => {
  it('publishes right after it is constructed (before the connection is up)', async () => {
    const stream = testStreamName();
    const bus = newBus(stream);
    await expect(bus.publish(event(1))).resolves.toBeUndefined();
    await expect(bus.ping()).resolves.toBeUndefined();
    expect(await redis().xlen(stream)).toBe(1);
  });

  it('publishAll adds a batch in order in one exchange, and rejects when the bus is closed', async () => {
    const stream = testStreamName();
    const bus = newBus(stream);
    await bus.publishAll(Array.from({ length: 250 }, (_, i) => event(i + 1)));
    const entries = (await redis().xrange(stream, '-', '+')) as [string, string[]][];
    expect(entries.map(([, fields]) => (JSON.parse(fields[fields.indexOf('event') + 1]!) as DomainEvent<{ n: number }>).data.n)).toEqual(Array.from({ length: 250 }, (_, i) => i + 1));
    await bus.close();
    await expect(bus.publishAll([event(251)])).rejects.toThrow();
    expect(await redis().xlen(stream)).toBe(250);
  });

  it('a subscriber that names its types is handed only those; the rest are acknowledged unread', async () => {
    const stream = testStreamName();
    const bus = newBus(stream);
    const typed = (n: number, type: string) => ({ ...event(n), type }) as DomainEvent;
    // An entry written before entries carried their type is handed over, for the handler to judge.
    await redis().xadd(stream, '*', 'event', JSON.stringify(typed(0, 'Other')));
    await bus.publishAll([1, 2, 3, 4, 5, 6].map((n) => typed(n, n % 2 ? 'Wanted' : 'Other')));
    const seen: string[] = [];
    await track(bus.subscribe({ group: 'typed', types: ['Wanted'], handler: async (d) => { seen.push(`${d.event!.type}-${numberOf(d)}`); } }));
    await waitFor(() => seen.length >= 4, { what: 'the wanted events' });
    expect(seen).toEqual(['Other-0', 'Wanted-1', 'Wanted-3', 'Wanted-5']);
    await waitFor(async () => (await pendingFor(stream, 'typed')) === 0, { what: 'every entry acknowledged' });
  });

  it('handles each event once per group across two members; every group gets every event', async () => {
    const stream = testStreamName();
    const busA = newBus(stream);
    const busB = newBus(stream);
    const members: number[][] = [[], []];
    const other: number[] = [];
    await track(busA.subscribe({ group: 'audit', consumer: 'a', batchSize: 2, handler: async (d) => { members[0]!.push(numberOf(d)); } }));
    await track(busB.subscribe({ group: 'audit', consumer: 'b', batchSize: 2, handler: async (d) => { members[1]!.push(numberOf(d)); } }));
    await track(busB.subscribe({ group: 'notify', handler: async (d) => { other.push(numberOf(d)); } }));
    for (let n = 1; n <= 20; n++) await busA.publish(event(n));
    const all = Array.from({ length: 20 }, (_, i) => i + 1);
    await waitFor(() => members.flat().length >= 20 && other.length >= 20, { what: 'all events handled' });
    await new Promise((r) => setTimeout(r, 300)); // room for any duplicate to show up
    expect(sorted(members.flat())).toEqual(all);
    expect(other).toEqual(all);
    expect(await pendingFor(stream, 'audit')).toBe(0);
  });

  it('a member whose handler throws mid-batch gets the unacknowledged events again when restarted with the same name', async () => {
    const stream = testStreamName();
    const bus = newBus(stream);
    const handled: number[] = [];
    let crashed: BusSubscription | null = null;
    let crashing = true;
    // Published before the group exists, so the member reads all five in one batch.
    for (let n = 1; n <= 5; n++) await bus.publish(event(n));
    const sub = await bus.subscribe({ group: 'workers', consumer: 'worker-1', handler: async (d) => {
      if (crashing && numberOf(d) === 3) {
        crashing = false;
        void crashed!.close(); // the process "dies" while handling event 3
        throw new Error('crash');
      }
      handled.push(numberOf(d));
    } });
    crashed = sub;
    await waitFor(() => !crashing, { what: 'the crash' });
    await sub.close();
    expect(handled).toEqual([1, 2]);
    // Events 3..5 were delivered to worker-1 but never acknowledged.
    expect(await pendingFor(stream, 'workers')).toBe(3);
    const again: number[] = [];
    await track(bus.subscribe({ group: 'workers', consumer: 'worker-1', handler: async (d) => { again.push(numberOf(d)); } }));
    await waitFor(() => again.length >= 3, { what: 'redelivery' });
    expect(again).toEqual([3, 4, 5]);
    await waitFor(async () => (await pendingFor(stream, 'workers')) === 0, { what: 'acks' });
  });

  it('a member closed while handling an event (no ack) gets that event again when restarted', async () => {
    const stream = testStreamName();
    const bus = newBus(stream);
    let release!: () => void;
    const blocked = new Promise<void>((r) => { release = r; });
    const first: number[] = [];
    const sub = await bus.subscribe({ group: 'workers', consumer: 'worker-1', handler: async (d) => {
      first.push(numberOf(d));
      if (numberOf(d) === 2) await blocked;
    } });
    for (let n = 1; n <= 3; n++) await bus.publish(event(n));
    await waitFor(() => first.includes(2), { what: 'event 2 to be in progress' });
    const closing = sub.close();
    release();
    await closing;
    expect(first).toEqual([1, 2]);
    const again: number[] = [];
    await track(bus.subscribe({ group: 'workers', consumer: 'worker-1', handler: async (d) => { again.push(numberOf(d)); } }));
    await waitFor(() => again.length >= 2, { what: 'redelivery' });
    expect(again).toEqual([2, 3]);
  });

  it('another member claims events a dead member left pending, once they are idle for claimIdleMs', async () => {
    const stream = testStreamName();
    const deadBus = newBus(stream);
    let dead: BusSubscription | null = null;
    let died = false;
    const sub = await deadBus.subscribe({ group: 'workers', consumer: 'dead', handler: async () => {
      if (!died) {
        died = true;
        void dead!.close();
      }
      throw new Error('dying');
    } });
    dead = sub;
    for (let n = 1; n <= 3; n++) await deadBus.publish(event(n));
    await waitFor(() => died, { what: 'the member to die' });
    await sub.close();
    expect(await pendingFor(stream, 'workers')).toBeGreaterThanOrEqual(1);
    const survivorBus = newBus(stream, { claimIdleMs: 500 });
    const got: number[] = [];
    await track(survivorBus.subscribe({ group: 'workers', consumer: 'survivor', handler: async (d) => { got.push(numberOf(d)); } }));
    await waitFor(() => got.length >= 3, { what: 'the survivor to claim and handle all events' });
    expect(sorted(got)).toEqual([1, 2, 3]);
    await waitFor(async () => (await pendingFor(stream, 'workers')) === 0, { what: 'acks' });
    const consumers = (await redis().xinfo('CONSUMERS', stream, 'workers')) as unknown[][];
    const pendingOf = (name: string) => { const c = consumers.find((x) => x[1] === name); return c ? Number(c[3]) : 0; };
    expect(pendingOf('dead')).toBe(0);
  });

  it('ephemeral subscriptions see only new events, each sees all of them, and their groups are destroyed on close', async () => {
    const stream = testStreamName();
    const bus = newBus(stream);
    await bus.publish(event(1));
    const a: number[] = [];
    const b: number[] = [];
    const subA = await bus.subscribe({ group: 'live', ephemeral: true, handler: async (d) => { a.push(numberOf(d)); } });
    const subB = await bus.subscribe({ group: 'live', ephemeral: true, handler: async (d) => { b.push(numberOf(d)); } });
    const groupsBefore = ((await redis().xinfo('GROUPS', stream)) as unknown[][]).map((g) => String(g[1]));
    expect(groupsBefore.filter((g) => g.startsWith('live:'))).toHaveLength(2);
    await bus.publish(event(2));
    await bus.publish(event(3));
    await waitFor(() => a.length >= 2 && b.length >= 2, { what: 'both live subscribers' });
    expect(a).toEqual([2, 3]);
    expect(b).toEqual([2, 3]);
    await subA.close();
    await subB.close();
    const groupsAfter = ((await redis().xinfo('GROUPS', stream)) as unknown[][]).map((g) => String(g[1]));
    expect(groupsAfter.filter((g) => g.startsWith('live'))).toEqual([]);
  });

  it('delivers a payload that is not an event as a failed parse', async () => {
    const stream = testStreamName();
    const bus = newBus(stream);
    const got: Delivery[] = [];
    await track(bus.subscribe({ group: 'g', handler: async (d) => { got.push(d); } }));
    await redis().xadd(stream, '*', 'event', '{not json');
    await bus.publish(event(1));
    await waitFor(() => got.length >= 2);
    expect(got[0]).toMatchObject({ event: null, raw: '{not json', error: expect.stringContaining('unparseable JSON') });
    expect(got[1]!.event).toMatchObject({ type: 'Numbered' });
  });

  it('stops its read loops when the bus is closed without closing each subscription', async () => {
    const stream = testStreamName();
    const { logger, lines } = captureLogger('bus', 'debug');
    const bus = new RedisStreamsBus({ url: url!, stream, logger, blockMs: 100, claimIdleMs: 60_000 });
    streams.add(stream);
    const seen: number[] = [];
    await bus.subscribe({ group: 'g', handler: async (d) => { seen.push(numberOf(d)); } });
    await bus.publish(event(1));
    await waitFor(() => seen.length === 1);
    await bus.close();
    const before = lines.length;
    await new Promise((r) => setTimeout(r, 1_500));
    const after = lines.slice(before).map((l) => JSON.parse(l) as { msg: string }).filter((l) => l.msg === 'stream read failed; retrying');
    expect(after).toEqual([]);
  });
});
