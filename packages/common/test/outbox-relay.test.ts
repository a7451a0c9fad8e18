import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { MikroORM } from '@mikro-orm/postgresql';
import { SYSTEM, consumeOnce, createEvent, initOrm, OutboxRelay, recordEvents, type DomainEvent, type EventBus } from '../src/index.js';
import { createTestBus, createTestDatabase, deleteTestStream, testLogger, waitFor, type TestDatabase } from '@app/testing';

const schema = 'relaytest';
let db: TestDatabase;
let orm: MikroORM;
let bus: EventBus & { stream: string };
let relay: OutboxRelay;
const logger = testLogger();

const event = (n: number): DomainEvent => createEvent({ source: 'test', principal: SYSTEM }, { type: 'ThingHappened', subject: { type: 'Thing', id: `t-${n}` }, data: { n } }) as DomainEvent;

beforeAll(async () => {
  db = await createTestDatabase();
  bus = createTestBus(logger);
  orm = await initOrm({ databaseUrl: db.url, schema, entities: [], migrations: [], onCommit: () => relay?.kick() });
  relay = new OutboxRelay({ orm, schema, bus, logger, intervalMs: 50 });
});

afterAll(async () => {
  await relay.stop();
  await bus.close();
  await deleteTestStream(bus.stream);
  await orm.close();
  await db.drop();
});

describe('outbox relay', () => {
  it('publishes committed events in order and each consumer group handles each event once', async () => {
    const seen: Record<string, number[]> = { a: [], b: [] };
    const handled = new Map<string, number>();
    const subs = await Promise.all(['a', 'a', 'b'].map((group) => bus.subscribe({
      group,
      handler: async (d) => {
        if (!d.event) throw new Error(d.error);
        await consumeOnce(orm, schema, group, d.event, async () => {
          seen[group]!.push((d.event!.data as { n: number }).n);
          handled.set(`${group}:${d.event!.id}`, (handled.get(`${group}:${d.event!.id}`) ?? 0) + 1);
        });
      },
    })));
    relay.start();
    await orm.em.fork().transactional(async (em) => recordEvents(em, schema, [1, 2, 3].map(event)));
    await waitFor(() => seen.a!.length === 3 && seen.b!.length === 3, { what: 'both groups to see 3 events' });
    expect(seen.b).toEqual([1, 2, 3]);
    expect([...seen.a!].sort()).toEqual([1, 2, 3]);
    expect([...handled.values()].every((n) => n === 1)).toBe(true);
    // Delivery completes before the relay marks the rows sent; wait for the mark too.
    await waitFor(async () => (await relay.pendingCount()) === 0, { what: 'outbox rows marked sent' });
    await Promise.all(subs.map((s) => s.close()));
  });

  it('publishes nothing from a rolled-back transaction', async () => {
    await expect(orm.em.fork().transactional(async (em) => {
      await recordEvents(em, schema, [event(99)]);
      throw new Error('boom');
    })).rejects.toThrow('boom');
    const rows = await orm.em.getConnection().execute(`select count(*)::int as n from "${schema}"."outbox_event" where type = 'ThingHappened' and payload->'data'->>'n' = '99'`);
    expect(rows[0].n).toBe(0);
  });
});
