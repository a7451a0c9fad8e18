import { randomBytes } from 'node:crypto';
import { Redis } from 'ioredis';
import { InProcessBus, RedisStreamsBus, type EventBus, type Logger } from '@app/common';

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
