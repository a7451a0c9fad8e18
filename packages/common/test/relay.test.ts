import { afterAll, afterEach, beforeAll, describe, expect, it } from '@jest/globals';
import type { MikroORM } from '@mikro-orm/postgresql';
import { InProcessBus, OutboxRelay, SYSTEM, createEvent, emitEvent, initOrm, recordEvents, type DomainEvent, type EventBus } from '../src/index.js';
import { captureLogger, createTestBus, createTestDatabase, deleteTestStream, testLogger, waitFor, type TestDatabase } from '@app/testing';

const schema = 'relayorder';
let db: TestDatabase;
let orm: MikroORM;
/** A second ORM on the same schema that does not kick any relay on commit. */
let quietOrm: MikroORM;
const relays: OutboxRelay[] = [];
let kick: () => void = () => {};
const logger = testLogger();

const event = (n: number): DomainEvent => createEvent({ source: 'test', principal: SYSTEM }, { type: 'Numbered', subject: { type: 'Thing', id: `t-${n}` }, data: { n } }) as DomainEvent;
const numberOf = (e: DomainEvent) => (e.data as { n: number }).n;
const record = (events: DomainEvent[], via: MikroORM = orm) => via.em.fork().transactional(async (em) => recordEvents(em, schema, events));
type Row = { id: string; sent_at: unknown; last_error: string | null; attempts: number };
const rows = async (events: DomainEvent[]) => {
  const found = await orm.em.getConnection().execute<Row[]>(`select id, sent_at, last_error, attempts from "${schema}"."outbox_event" where id = any(?::uuid[]) order by seq`, [`{${events.map((e) => e.id).join(',')}}`]);
  return found;
};

/** A bus that records what was published, can be taken down, and can hold one event back. */
class RecordingBus implements EventBus {
  readonly kind = 'memory' as const;
  published: number[] = [];
  down = false;
  failuresLeft = 0;
  hold: { id: string; until: Promise<void> } | null = null;
  async publish(e: DomainEvent): Promise<void> {
    if (this.down) throw new Error('bus is down');
    if (this.failuresLeft > 0) {
      this.failuresLeft--;
      throw new Error('transient bus failure');
    }
    if (this.hold?.id === e.id) await this.hold.until;
    this.published.push(numberOf(e));
  }
  async subscribe(): Promise<never> { throw new Error('not used'); }
  async ping(): Promise<void> {}
  async close(): Promise<void> {}
}

function newRelay(bus: EventBus, options: { batchSize?: number; intervalMs?: number; ownConnection?: boolean } = {}): OutboxRelay {
  const relay = new OutboxRelay({ orm, schema, bus, logger: captureLogger('relay', 'info').logger, intervalMs: options.intervalMs ?? 50, batchSize: options.batchSize, ownConnection: options.ownConnection });
  relays.push(relay);
  kick = () => relay.kick();
  return relay;
}

beforeAll(async () => {
  db = await createTestDatabase();
  orm = await initOrm({ databaseUrl: db.url, schema, entities: [], migrations: [], onCommit: () => kick() });
  quietOrm = await initOrm({ databaseUrl: db.url, schema, entities: [], migrations: [] });
});

afterEach(async () => {
  kick = () => {};
  await Promise.all(relays.splice(0).map((r) => r.stop()));
  // Leave no unsent rows behind for the next test.
  await orm.em.getConnection().execute(`update "${schema}"."outbox_event" set sent_at = now() where sent_at is null`);
});

afterAll(async () => {
  await quietOrm.close();
  await orm.close();
  await db.drop();
});

describe('OutboxRelay', () => {
  it('publishes in commit order across many small batches', async () => {
    const bus = new RecordingBus();
    const relay = newRelay(bus, { batchSize: 2 });
    const events = Array.from({ length: 11 }, (_, i) => event(i + 1));
    await record(events.slice(0, 4));
    await record(events.slice(4, 5));
    await record(events.slice(5));
    relay.start();
    await waitFor(() => bus.published.length >= 11, { what: '11 events published' });
    expect(bus.published).toEqual(events.map(numberOf));
    expect(await relay.pendingCount()).toBe(0);
    expect((await rows(events)).every((r) => r.sent_at !== null && r.last_error === null)).toBe(true);
  });

  it('publishes events recorded while it was stopped once it starts', async () => {
    const bus = new RecordingBus();
    const relay = newRelay(bus);
    relay.start();
    await relay.stop();
    const events = [event(1), event(2), event(3)];
    await record(events);
    await new Promise((r) => setTimeout(r, 200));
    expect(bus.published).toEqual([]);
    expect(await relay.pendingCount()).toBe(3);
    relay.start();
    await waitFor(() => bus.published.length === 3, { what: 'the events after start' });
    expect(bus.published).toEqual([1, 2, 3]);
  });

  it('keeps rows unsent with last_error while the bus fails, and sends them in order after it recovers', async () => {
    const bus = new RecordingBus();
    bus.down = true;
    const relay = newRelay(bus, { batchSize: 2 });
    relay.start();
    const events = [event(1), event(2), event(3)];
    await record(events);
    await waitFor(async () => (await rows(events))[0]!.attempts >= 2, { what: 'a few failed attempts' });
    const failing = await rows(events);
    expect(failing.every((r) => r.sent_at === null)).toBe(true);
    expect(failing[0]!.last_error).toBe('bus is down');
    expect(await relay.pendingCount()).toBe(3);
    bus.down = false;
    await waitFor(async () => (await relay.pendingCount()) === 0, { what: 'the outbox to drain' });
    expect(bus.published).toEqual([1, 2, 3]);
    expect((await rows(events)).every((r) => r.sent_at !== null && r.last_error === null)).toBe(true);
  });

  it('retries after N transient failures without losing or reordering events', async () => {
    const bus = new RecordingBus();
    bus.failuresLeft = 3;
    const relay = newRelay(bus, { batchSize: 1 });
    relay.start();
    const events = [event(1), event(2), event(3), event(4)];
    await record(events.slice(0, 2));
    await record(events.slice(2));
    await waitFor(async () => (await relay.pendingCount()) === 0, { what: 'the outbox to drain' });
    expect(bus.published).toEqual([1, 2, 3, 4]);
  });

  // PostgreSQL only: embedded PGlite runs one transaction at a time, so the held ones would block everything.
  (process.env.TEST_DATABASE_URL ? it : it.skip)('with a connection of its own, publishes while every connection of the ORM pool is taken (and again after a restart)', async () => {
    const bus = new RecordingBus();
    const relay = newRelay(bus, { ownConnection: true });
    const few = [event(1), event(2)];
    await record(few, quietOrm);
    // Hold each of the ORM's pooled connections (the default 5) in an open transaction.
    let release!: () => void;
    const released = new Promise<void>((r) => { release = r; });
    const holders = Array.from({ length: 5 }, () => orm.em.fork().transactional(async (em) => {
      await em.getConnection().execute('select 1', [], 'all', em.getTransactionContext());
      await released;
    }));
    try {
      relay.start();
      await waitFor(() => bus.published.length >= 2, { what: 'both events published past the busy pool' });
      expect(bus.published).toEqual([1, 2]);
      await relay.stop();
      relay.start();
      await record([event(3)], quietOrm);
      relay.kick();
      await waitFor(() => bus.published.length >= 3, { what: 'the restarted relay to publish' });
    } finally {
      release();
      await Promise.all(holders);
    }
    expect(bus.published).toEqual([1, 2, 3]);
  });

  it('flush() does not let a concurrent pass overtake the event it is publishing', async () => {
    const bus = new RecordingBus();
    const relay = newRelay(bus, { batchSize: 1, intervalMs: 60_000 });
    relay.start();
    await relay.flush();
    const first = event(1);
    let release!: () => void;
    bus.hold = { id: first.id, until: new Promise<void>((r) => { release = r; }) };
    await record([first], quietOrm); // no kick: only flush() will publish it
    const flushing = relay.flush();
    await waitFor(() => bus.hold && bus.published.length === 0 && relay.pendingCount().then((n) => n === 1), { what: 'flush to hold event 1' });
    await record([event(2)]); // commits kick the relay while flush() is publishing event 1
    await new Promise((r) => setTimeout(r, 300));
    release();
    await flushing;
    await waitFor(async () => (await relay.pendingCount()) === 0, { what: 'the outbox to drain' });
    expect(bus.published).toEqual([1, 2]);
  });

  it('with the in-process bus, a consumer that always fails keeps the row in the outbox', async () => {
    const bus = new InProcessBus(captureLogger('bus', 'info').logger, 10_000, 1);
    let healthy = 0;
    await bus.subscribe({ group: 'broken', handler: async () => { throw new Error('consumer bug'); } });
    await bus.subscribe({ group: 'healthy', handler: async () => { healthy++; } });
    const relay = newRelay(bus, { intervalMs: 60_000 });
    relay.start();
    const e = event(1);
    await record([e]);
    await relay.flush();
    const [row] = await rows([e]);
    expect(row!.sent_at).toBeNull();
    expect(row!.last_error).toContain('not handled by broken');
    expect(healthy).toBeGreaterThanOrEqual(1);
    await bus.close();
  });

  it('emitEvent records an event with the origin as actor, published with the transaction', async () => {
    const bus = createTestBus(logger);
    const got: DomainEvent[] = [];
    const sub = await bus.subscribe({ group: 'emit', handler: async (d) => { if (d.event?.type === 'Emitted') got.push(d.event); } });
    const relay = newRelay(bus);
    relay.start();
    const principal = { ...SYSTEM, kind: 'user' as const, userId: 'u-1', role: 'STAFF' as const, name: 'Sam', via: 'UI' as const };
    const created = await orm.em.fork().transactional((em) => emitEvent(em, schema, { source: 'samples', principal, client: { ip: '1.2.3.4', userAgent: 'ua' }, correlationId: 'corr-1' }, {
      type: 'Emitted', subject: { type: 'Sample', id: 's-1', labId: 'lab-1' }, data: { x: 1 }, before: { a: 1 }, after: { a: 2 },
    }));
    await waitFor(() => got.length === 1, { what: 'the emitted event' });
    expect(got[0]).toEqual(created);
    expect(got[0]).toMatchObject({ source: 'samples', correlationId: 'corr-1', actor: { userId: 'u-1', role: 'STAFF', name: 'Sam', via: 'UI', ip: '1.2.3.4', userAgent: 'ua' } });
    await sub.close();
    await bus.close();
    await deleteTestStream(bus.stream);
  });
});
