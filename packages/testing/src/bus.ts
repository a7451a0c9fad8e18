import { randomBytes, randomUUID } from 'node:crypto';
import { Redis } from 'ioredis';
import { InProcessBus, RedisStreamsBus, type DomainEvent, type EventBus, type Logger } from '@app/common';

/** A unique stream name, so parallel test files never see each other's events. */
export function testStreamName(): string {
  return `test:events:${Date.now().toString(36)}:${randomBytes(4).toString('hex')}`;
}

/** Redis Streams when REDIS_URL is set, else the in-process bus. */
export function createTestBus(logger?: Logger, stream = testStreamName()): EventBus & { stream: string } {
  const url = process.env.REDIS_URL;
  const bus = url ? new RedisStreamsBus({ url, stream, logger, blockMs: 200, claimIdleMs: 2_000 }) : new InProcessBus(logger);
  return Object.assign(bus, { stream });
}

/** Deletes a test stream and its groups. */
export async function deleteTestStream(stream: string): Promise<void> {
  const url = process.env.REDIS_URL;
  if (!url) return;
  const client = new Redis(url);
  await client.del(stream);
  client.disconnect();
}

/** Events collected in the order the bus delivered them; `close` stops collecting. */
export type CollectedEvents = DomainEvent[] & { close(): Promise<void> };

/** Collects every event `bus` delivers, from the start of its history, in a consumer group of its own. */
export async function collectEvents(bus: EventBus): Promise<CollectedEvents> {
  const events: DomainEvent[] = [];
  const subscription = await bus.subscribe({ group: `test-${randomUUID()}`, handler: async (d) => { if (d.event) events.push(d.event); } });
  return Object.assign(events, { close: () => subscription.close() });
}
