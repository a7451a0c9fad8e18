import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { MikroORM } from '@mikro-orm/postgresql';
import { OutboxRelay, SYSTEM, createEvent, initOrm, recordEvents, type DomainEvent, type EventBus } from '../src/index.js';
import { captureLogger, createTestDatabase, waitFor, type TestDatabase } from '@app/testing';

// Its own ORM: a connection whose relay takes commits stays that way (relay.test.ts tests the claim alone).
const schema = 'handoff';
let db: TestDatabase;
let orm: MikroORM;
let relay: OutboxRelay | null = null;

const event = (n: number): DomainEvent => createEvent({ source: 'test', principal: SYSTEM }, { type: 'Numbered', subject: { type: 'Thing', id: `h-${n}` }, data: { n } }) as DomainEvent;
const record = (events: DomainEvent[]) => orm.em.fork().transactional(async (em) => recordEvents(em, schema, events));
type Row = { n: number; sent_at: unknown; attempts: number; claimed_until: unknown };
const rows = (events: DomainEvent[]) => orm.em.getConnection().execute<Row[]>(
  `select (payload->'data'->>'n')::int as n, sent_at, attempts, claimed_until from "${schema}"."outbox_event" where id = any(?::uuid[]) order by seq`,
  [`{${events.map((e) => e.id).join(',')}}`],
);

/** Records what was published; can fail the next N publishes, or hold every publish until released. */
class RecordingBus implements EventBus {
  readonly kind = 'memory' as const;
  published: number[] = [];
  failuresLeft = 0;
  held: Promise<void> | null = null;
  async publish(e: DomainEvent): Promise<void> {
    if (this.failuresLeft > 0) {
      this.failuresLeft--;
      throw new Error('transient bus failure');
    }
    await this.held;
    this.published.push((e.data as { n: number }).n);
  }
  async subscribe(): Promise<never> { throw new Error('not used'); }
  async ping(): Promise<void> {}
  async close(): Promise<void> {}
}

/** A relay that takes commits, with a poll too slow to matter within a test: what it publishes came from a handoff or a kick. */
function startRelay(bus: EventBus, intervalMs = 60_000): OutboxRelay {
  relay = new OutboxRelay({ orm, schema, bus, logger: captureLogger('relay', 'info').logger, intervalMs, ownConnection: true, takeCommits: true });
  relay.start();
  return relay;
}

beforeAll(async () => {
  db = await createTestDatabase();
  orm = await initOrm({ databaseUrl: db.url, schema, entities: [], migrations: [], onCommit: (transaction) => relay?.kick(transaction) });
});

afterEach(async () => {
  await relay?.stop();
  relay = null;
  await orm.em.getConnection().execute(`update "${schema}"."outbox_event" set sent_at = now() where sent_at is null`);
});

afterAll(async () => {
  await orm.close();
  await db.drop();
});

describe('rows handed to the relay at commit', () => {
  it('are claimed as inserted and published from memory at commit, without a claim of the relay', async () => {
    const bus = new RecordingBus();
    startRelay(bus);
    const events = [event(1), event(2)];
    await orm.em.fork().transactional(async (em) => {
      await recordEvents(em, schema, events);
      // Claimed by the inserting transaction: no other relay takes them meanwhile.
      const inside = await em.getConnection().execute<Row[]>(`select attempts, claimed_until from "${schema}"."outbox_event" where id = ?`, [events[0]!.id], 'all', em.getTransactionContext());
      expect(inside[0]).toMatchObject({ attempts: 1 });
      expect(inside[0]!.claimed_until).not.toBeNull();
    });
    await waitFor(async () => (await rows(events)).every((r) => r.sent_at !== null), { what: 'rows marked sent' });
    expect(bus.published).toEqual([1, 2]);
    // A claim would have counted a second attempt.
    expect((await rows(events)).map((r) => r.attempts)).toEqual([1, 1]);
  });

  it('of a rolled-back transaction are never published', async () => {
    const bus = new RecordingBus();
    startRelay(bus);
    await expect(orm.em.fork().transactional(async (em) => {
      await recordEvents(em, schema, [event(3)]);
      throw new Error('no');
    })).rejects.toThrow('no');
    await record([event(4)]);
    await waitFor(() => bus.published.length === 1, { what: 'the committed event' });
    expect(bus.published).toEqual([4]);
  });

  it('recorded in a savepoint are claimed by the relay when the transaction commits', async () => {
    const bus = new RecordingBus();
    startRelay(bus);
    const events = [event(5)];
    await orm.em.fork().transactional(async (em) => {
      await em.transactional(async (inner) => recordEvents(inner, schema, events));
      // Not claimed at insert: the savepoint's commit is not the transaction's.
      const inside = await em.getConnection().execute<Row[]>(`select claimed_until from "${schema}"."outbox_event" where id = ?`, [events[0]!.id], 'all', em.getTransactionContext());
      expect(inside[0]!.claimed_until).toBeNull();
    });
    await waitFor(() => bus.published.length === 1, { what: 'the event of the savepoint' });
    expect(bus.published).toEqual([5]);
  });

  it('go after older rows recorded without a handoff', async () => {
    const bus = new RecordingBus();
    startRelay(bus);
    await orm.em.fork().transactional(async (em) => em.transactional(async (inner) => recordEvents(inner, schema, [event(20)])));
    await record([event(21)]);
    await waitFor(() => bus.published.length === 2, { what: 'both events' });
    expect(bus.published).toEqual([20, 21]);
  });

  it('go back to the outbox when more than a thousand wait, and are published once each, in order', async () => {
    const bus = new RecordingBus();
    let release = () => {};
    bus.held = new Promise<void>((resolve) => { release = resolve; });
    startRelay(bus, 50);
    await record([event(100)]);
    // The relay is stuck publishing event 100 while 1,200 more commit.
    for (let from = 101; from <= 1_300; from += 400) await record(Array.from({ length: 400 }, (_, i) => event(from + i)));
    release();
    await waitFor(() => bus.published.length >= 1_201, { what: 'every event published', timeoutMs: 20_000 });
    expect(bus.published).toEqual(Array.from({ length: 1_201 }, (_, i) => 100 + i));
  });

  it('wait behind an event whose publish failed, so nothing overtakes it', async () => {
    const bus = new RecordingBus();
    bus.failuresLeft = 1;
    startRelay(bus, 50);
    await record([event(6)]);
    await record([event(7)]);
    await record([event(8)]);
    await waitFor(() => bus.published.length === 3, { what: 'all three published' });
    expect(bus.published).toEqual([6, 7, 8]);
  });
});
