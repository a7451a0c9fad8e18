import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { spawn, type ChildProcess } from 'node:child_process';
import { createServer } from 'node:net';
import type { MikroORM } from '@mikro-orm/postgresql';
import { Redis } from 'ioredis';
import { OutboxRelay, RedisStreamsBus, SYSTEM, createEvent, initOrm, recordEvents, type BusSubscription, type DomainEvent } from '../src/index.js';
import { captureLogger, createTestDatabase, waitFor, type TestDatabase } from '@app/testing';

// Acceptance: "Killing the Redis server does not fail a mutation; its event arrives after Redis is back."
// Runs against a redis-server child process of its own (only the binary is needed, not REDIS_URL).

const schema = 'outage';
let db: TestDatabase;
let orm: MikroORM;
let bus: RedisStreamsBus;
let relay: OutboxRelay;
let sub: BusSubscription | undefined;
let redis: ChildProcess | null = null;
let port = 0;
const { logger } = captureLogger('outage', 'info');

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port: p } = srv.address() as { port: number };
      srv.close(() => resolve(p));
    });
  });
}

async function startRedis(): Promise<void> {
  const child = spawn('redis-server', ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'], { stdio: 'ignore' });
  redis = child;
  child.once('exit', () => { if (redis === child) redis = null; });
  await waitFor(async () => {
    const probe = new Redis({ port, host: '127.0.0.1', lazyConnect: true, maxRetriesPerRequest: 0, retryStrategy: () => null });
    probe.on('error', () => undefined);
    try {
      await probe.connect();
      return (await probe.ping()) === 'PONG';
    } finally {
      probe.disconnect();
    }
  }, { what: 'redis-server to accept connections', timeoutMs: 15_000, intervalMs: 50 });
}

async function killRedis(): Promise<void> {
  const child = redis;
  if (!child) return;
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  child.kill('SIGKILL');
  await exited;
}

const event = (n: number): DomainEvent => createEvent({ source: 'test', principal: SYSTEM }, { type: 'Numbered', subject: { type: 'Thing', id: `t-${n}` }, data: { n } }) as DomainEvent;
const row = async (id: string) => (await orm.em.getConnection().execute<{ sent_at: unknown; last_error: string | null; attempts: number }[]>(
  `select sent_at, last_error, attempts from "${schema}"."outbox_event" where id = ?`, [id]))[0]!;

beforeAll(async () => {
  port = await freePort();
  await startRedis();
  db = await createTestDatabase();
  bus = new RedisStreamsBus({ url: `redis://127.0.0.1:${port}`, stream: 'outage:events', logger, blockMs: 200, claimIdleMs: 2_000 });
  orm = await initOrm({ databaseUrl: db.url, schema, entities: [], migrations: [], onCommit: () => relay?.kick() });
  relay = new OutboxRelay({ orm, schema, bus, logger, intervalMs: 100 });
});

afterAll(async () => {
  await relay?.stop();
  await sub?.close().catch(() => undefined);
  await bus?.close();
  await orm?.close();
  await db?.drop();
  await killRedis();
});

describe('event bus outage', () => {
  it('a commit succeeds while Redis is down and its event is delivered once Redis is back', async () => {
    const received: string[] = [];
    sub = await bus.subscribe({ group: 'audit', consumer: 'audit-1', handler: async (d) => { if (d.event) received.push(d.event.id); } });
    relay.start();

    const before = event(1);
    await orm.em.fork().transactional(async (em) => recordEvents(em, schema, [before]));
    await waitFor(() => received.includes(before.id), { what: 'the event sent while Redis is up' });

    await killRedis();
    await expect(bus.ping()).rejects.toThrow();

    const during = event(2);
    await expect(orm.em.fork().transactional(async (em) => recordEvents(em, schema, [during]))).resolves.toBeUndefined();
    await waitFor(async () => (await row(during.id)).last_error !== null, { what: 'the relay to try and fail' });
    expect(await relay.pendingCount()).toBe(1);
    expect((await row(during.id)).sent_at).toBeNull();
    expect(received).not.toContain(during.id);

    await startRedis();
    await waitFor(() => received.includes(during.id), { what: 'the event after Redis is back', timeoutMs: 30_000 });
    await waitFor(async () => (await relay.pendingCount()) === 0, { what: 'the outbox row to be marked sent' });
    const sent = await row(during.id);
    expect(sent.sent_at).not.toBeNull();
    expect(sent.last_error).toBeNull();
    expect(received.filter((id) => id === during.id)).toHaveLength(1);
  }, 90_000);
});
