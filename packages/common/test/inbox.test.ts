import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { MikroORM } from '@mikro-orm/postgresql';
import { SYSTEM, consumeBatchOnce, consumeOnce, createEvent, initOrm, recordDeadLetter, type DomainEvent } from '../src/index.js';
import { createTestDatabase, type TestDatabase } from '@app/testing';

const schema = 'inboxtest';
let db: TestDatabase;
let orm: MikroORM;

const event = (n: number): DomainEvent => createEvent({ source: 'test', principal: SYSTEM }, { type: 'Numbered', subject: { type: 'Thing', id: `t-${n}` }, data: { n } }) as DomainEvent;
const sql = async <T = Record<string, unknown>>(query: string, params: unknown[] = []) => orm.em.getConnection().execute<T[]>(query, params);
const notes = async (eventId: string) => (await sql<{ n: number }>(`select count(*)::int as n from ${schema}.note where event_id = ?`, [eventId]))[0]!.n;
const markers = async (group: string, eventId: string) => (await sql<{ n: number }>(`select count(*)::int as n from ${schema}.processed_event where consumer_group = ? and event_id = ?`, [group, eventId]))[0]!.n;

beforeAll(async () => {
  db = await createTestDatabase();
  orm = await initOrm({ databaseUrl: db.url, schema, entities: [], migrations: [] });
  await sql(`create table ${schema}.note (id serial primary key, event_id uuid not null, text text not null)`);
});

afterAll(async () => {
  await orm.close();
  await db.drop();
});

describe('consumeOnce', () => {
  const addNote = (e: DomainEvent) => async (em: import('@mikro-orm/postgresql').EntityManager) => {
    await em.getConnection().execute(`insert into ${schema}.note (event_id, text) values (?, ?)`, [e.id, 'handled'], 'run', em.getTransactionContext());
  };

  it('runs the handler once and skips a redelivery of the same event id', async () => {
    const e = event(1);
    let calls = 0;
    const handle = async (em: import('@mikro-orm/postgresql').EntityManager) => { calls++; await addNote(e)(em); };
    expect(await consumeOnce(orm, schema, 'audit', e, handle)).toBe(true);
    expect(await consumeOnce(orm, schema, 'audit', e, handle)).toBe(false);
    expect(await consumeOnce(orm, schema, 'audit', JSON.parse(JSON.stringify(e)) as DomainEvent, handle)).toBe(false);
    expect(calls).toBe(1);
    expect(await notes(e.id)).toBe(1);
    expect(await markers('audit', e.id)).toBe(1);
  });

  it('tracks each consumer group separately', async () => {
    const e = event(2);
    expect(await consumeOnce(orm, schema, 'audit', e, async () => {})).toBe(true);
    expect(await consumeOnce(orm, schema, 'search', e, async () => {})).toBe(true);
    expect(await consumeOnce(orm, schema, 'search', e, async () => {})).toBe(false);
  });

  it('a handler that throws leaves no marker and no changes, so a retry works', async () => {
    const e = event(3);
    await expect(consumeOnce(orm, schema, 'audit', e, async (em) => {
      await addNote(e)(em);
      throw new Error('downstream failed');
    })).rejects.toThrow('downstream failed');
    expect(await markers('audit', e.id)).toBe(0);
    expect(await notes(e.id)).toBe(0);
    expect(await consumeOnce(orm, schema, 'audit', e, addNote(e))).toBe(true);
    expect(await notes(e.id)).toBe(1);
    expect(await markers('audit', e.id)).toBe(1);
  });

  it('concurrent deliveries of one event run the handler once', async () => {
    const e = event(4);
    let calls = 0;
    const results = await Promise.all(Array.from({ length: 4 }, () => consumeOnce(orm, schema, 'race', e, async (em) => { calls++; await addNote(e)(em); })));
    expect(results.filter(Boolean)).toHaveLength(1);
    expect(calls).toBe(1);
    expect(await notes(e.id)).toBe(1);
  });
});

describe('consumeBatchOnce', () => {
  const addNotes = async (em: import('@mikro-orm/postgresql').EntityManager, events: DomainEvent[]) => {
    for (const e of events) await em.getConnection().execute(`insert into ${schema}.note (event_id, text) values (?, ?)`, [e.id, 'batch'], 'run', em.getTransactionContext());
  };

  it('hands over only the events not processed before, in order, once each, and marks them in the same transaction', async () => {
    const [a, b, c, d] = [event(10), event(11), event(12), event(13)];
    expect((await consumeBatchOnce(orm, schema, 'batch', [a!, b!], addNotes)).map((e) => e.id)).toEqual([a!.id, b!.id]);
    const seen: string[] = [];
    const handled = await consumeBatchOnce(orm, schema, 'batch', [a!, c!, b!, c!, d!], async (em, fresh) => { seen.push(...fresh.map((e) => e.id)); await addNotes(em, fresh); });
    expect(handled.map((e) => e.id)).toEqual([c!.id, d!.id]);
    expect(seen).toEqual([c!.id, d!.id]);
    let called = false;
    expect(await consumeBatchOnce(orm, schema, 'batch', [a!, b!, c!, d!], async () => { called = true; })).toEqual([]);
    expect(called).toBe(false);
    for (const e of [a!, b!, c!, d!]) {
      expect(await notes(e.id)).toBe(1);
      expect(await markers('batch', e.id)).toBe(1);
    }
  });

  it('a handler that throws leaves none of the batch marked or changed', async () => {
    const [a, b] = [event(14), event(15)];
    await expect(consumeBatchOnce(orm, schema, 'batch', [a!, b!], async (em, fresh) => { await addNotes(em, fresh); throw new Error('crashed mid-batch'); }))
      .rejects.toThrow('crashed mid-batch');
    expect(await markers('batch', a!.id) + await markers('batch', b!.id)).toBe(0);
    expect(await notes(a!.id) + await notes(b!.id)).toBe(0);
    expect(await consumeBatchOnce(orm, schema, 'batch', [a!, b!], addNotes)).toHaveLength(2);
    expect(await notes(a!.id) + await notes(b!.id)).toBe(2);
  });
});

describe('recordDeadLetter', () => {
  type Row = { consumer_group: string; event_id: string | null; event_type: string | null; raw: string; reason: string; received_at: unknown };

  it('stores the raw payload and the reason', async () => {
    await recordDeadLetter(orm.em.fork(), schema, { group: 'audit', raw: '{not json', reason: 'unparseable JSON' });
    await recordDeadLetter(orm.em.fork(), schema, { group: 'audit', raw: '{"id":"x-1","type":"Weird"}', reason: 'unknown type', eventId: 'x-1', eventType: 'Weird' });
    const rows = await sql<Row>(`select * from ${schema}.dead_letter_event where consumer_group = 'audit' order by id`);
    expect(rows).toHaveLength(2);
    expect(rows[0]).toMatchObject({ consumer_group: 'audit', event_id: null, event_type: null, raw: '{not json', reason: 'unparseable JSON' });
    expect(rows[1]).toMatchObject({ event_id: 'x-1', event_type: 'Weird', reason: 'unknown type' });
    expect(rows[0]!.received_at).toBeTruthy();
  });

  it('writes inside the caller\'s transaction (committed with it, rolled back with it)', async () => {
    await orm.em.fork().transactional(async (em) => {
      await recordDeadLetter(em, schema, { group: 'tx', raw: 'kept', reason: 'r' });
    });
    await expect(orm.em.fork().transactional(async (em) => {
      await recordDeadLetter(em, schema, { group: 'tx', raw: 'rolled back', reason: 'r' });
      throw new Error('abort');
    })).rejects.toThrow('abort');
    const rows = await sql<Row>(`select raw from ${schema}.dead_letter_event where consumer_group = 'tx'`);
    expect(rows.map((r) => r.raw)).toEqual(['kept']);
  }, 20_000); // on PGlite a write on a second connection inside the transaction never returns
});
