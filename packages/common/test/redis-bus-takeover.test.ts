import { afterAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { RedisStreamsBus, SYSTEM, createEvent, type DomainEvent } from '../src/index.js';
import { deleteTestStream, testLogger, testStreamName, waitFor } from '@app/testing';

const url = process.env.REDIS_URL;
const describeRedis = url ? describe : describe.skip;
const stream = testStreamName();

afterAll(() => deleteTestStream(stream));

const event = (n: number): DomainEvent => createEvent({ source: 'test', principal: SYSTEM }, { type: 'Numbered', subject: { type: 'Thing', id: `t-${n}` }, data: { n } }) as DomainEvent;

describeRedis('a group member that died holding events', () => {
  it('has them taken over by a new member long before claimIdleMs', async () => {
    const admin = new Redis(url!);
    await admin.xgroup('CREATE', stream, 'g', '0', 'MKSTREAM');
    const publisher = new RedisStreamsBus({ url: url!, stream, logger: testLogger() });
    for (let n = 1; n <= 5; n++) await publisher.publish(event(n));
    // A member that read the events and then crashed: they are pending for it, unacknowledged.
    await admin.xreadgroup('GROUP', 'g', 'dead-member', 'COUNT', '10', 'STREAMS', stream, '>');
    const bus = new RedisStreamsBus({ url: url!, stream, logger: testLogger(), blockMs: 100, claimIdleMs: 600_000, deadMemberMs: 300 });
    const seen: number[] = [];
    const sub = await bus.subscribe({ group: 'g', handler: async (d) => { seen.push((d.event!.data as { n: number }).n); } });
    try {
      await waitFor(() => seen.length >= 5, { what: 'the dead member\'s events', timeoutMs: 5_000 });
      expect(seen.sort()).toEqual([1, 2, 3, 4, 5]);
      const members = (await admin.xinfo('CONSUMERS', stream, 'g')) as unknown[][];
      expect(members.map((m) => m[1])).not.toContain('dead-member');
    } finally {
      await sub.close();
      await bus.close();
      await publisher.close();
      admin.disconnect();
    }
  });
});
