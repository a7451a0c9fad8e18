import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { SYSTEM, createEvent, type DomainEvent } from '@app/common';
import { captureLogger, createTestBus, deleteTestStream, waitFor } from '@app/testing';
import { BusFeed } from '../src/subscriptions/bus-feed.js';
import { BoundedQueue, PushIterator } from '../src/subscriptions/push-iterator.js';

interface Ping { jobId: string; n: number }

const bus = createTestBus();
const { logger, lines } = captureLogger('bus-feed-test', 'info');
const feed = new BusFeed<Ping>(bus, logger, {
  group: 'bus-feed-test', name: 'ping',
  select: (e: DomainEvent) => (e.type === 'Ping' ? { jobId: e.subject.id, n: Number(e.data.n) } : null),
  keyOf: (p) => p.jobId, types: ['Ping'],
});
const publish = (type: string, jobId: string, n: number) => bus.publish(createEvent({ source: 'test', principal: SYSTEM }, { type, subject: { type: 'Job', id: jobId }, data: { n } }) as DomainEvent);

beforeAll(async () => { await feed.start(); });
afterAll(async () => {
  await feed.stop();
  await bus.close();
  await deleteTestStream(bus.stream);
});

describe('BusFeed', () => {
  it('fans each selected event out to the listeners of its key and to listeners of every value', async () => {
    const a: Ping[] = [];
    const every: Ping[] = [];
    const stopA = feed.listen('job-a', (p) => a.push(p));
    const stopAll = feed.listen(null, (p) => every.push(p));
    expect(feed.size).toEqual({ keys: 1, all: 1 });
    await publish('Ping', 'job-a', 1);
    await publish('Other', 'job-a', 2);
    await publish('Ping', 'job-b', 3);
    await waitFor(() => every.length === 2, { what: 'both pings', timeoutMs: 30_000 });
    expect(a).toEqual([{ jobId: 'job-a', n: 1 }]);
    expect(every).toEqual([{ jobId: 'job-a', n: 1 }, { jobId: 'job-b', n: 3 }]);
    stopA();
    stopAll();
    // A key's entry goes with its last listener.
    expect(feed.size).toEqual({ keys: 0, all: 0 });
  });

  it('keeps delivering to the others when one listener throws, and logs it', async () => {
    const got: Ping[] = [];
    const stopBroken = feed.listen('job-c', () => { throw new Error('broken subscriber'); });
    const stop = feed.listen('job-c', (p) => got.push(p));
    await publish('Ping', 'job-c', 1);
    await waitFor(() => got.length === 1, { what: 'the ping', timeoutMs: 30_000 });
    expect(lines.some((l) => l.includes('live listener failed') && l.includes('broken subscriber'))).toBe(true);
    stopBroken();
    stop();
  });

  it('pipes the accepted values of a key into an iterator, and stops listening when it closes', async () => {
    const iterator = feed.pipe('job-d', new PushIterator<Ping>(new BoundedQueue(10)), (p) => p.n % 2 === 0);
    expect(feed.size.keys).toBe(1);
    for (const n of [1, 2, 3, 4]) await publish('Ping', 'job-d', n);
    expect((await iterator.next()).value).toEqual({ jobId: 'job-d', n: 2 });
    expect((await iterator.next()).value).toEqual({ jobId: 'job-d', n: 4 });
    await iterator.return();
    expect(feed.size.keys).toBe(0);
  });
});
