import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Migration } from '@mikro-orm/migrations';
import { TransactionContext, type MikroORM } from '@mikro-orm/postgresql';
import { initOrm, qualified } from '../src/index.js';
import { storageRunBy } from '../src/db/async-context.js';
import { createTestDatabase, type TestDatabase } from '@app/testing';

class Migration20261102000000Widget extends Migration {
  override up(): void {
    this.addSql(`create table ${qualified(this.config.get('schema') as string, 'widget')} (id serial primary key, name text not null)`);
  }
}
class Migration20261103000000WidgetColour extends Migration {
  override up(): void {
    this.addSql(`alter table ${qualified(this.config.get('schema') as string, 'widget')} add column colour text null`);
  }
}

let db: TestDatabase;
const opened: MikroORM[] = [];
async function open(schema: string, migrations: (typeof Migration20261102000000Widget)[] = [Migration20261102000000Widget]): Promise<MikroORM> {
  const orm = await initOrm({ databaseUrl: db.url, schema, entities: [], migrations });
  opened.push(orm);
  return orm;
}
const q = async <T = Record<string, unknown>>(orm: MikroORM, sql: string, params: unknown[] = []) => orm.em.getConnection().execute<T[]>(sql, params);

beforeAll(async () => { db = await createTestDatabase(); });
afterAll(async () => {
  for (const orm of opened) await orm.close();
  await db.drop();
});

describe('initOrm', () => {
  it('creates the schema, the event tables and the subgraph tables', async () => {
    const orm = await open('orm_a');
    const tables = await q<{ table_name: string }>(orm, `select table_name from information_schema.tables where table_schema = 'orm_a' order by table_name`);
    expect(tables.map((t) => t.table_name)).toEqual(['dead_letter_event', 'mikro_orm_migrations', 'outbox_event', 'processed_event', 'widget']);
    const applied = await q<{ name: string }>(orm, `select name from orm_a.mikro_orm_migrations order by id`);
    expect(applied.map((m) => m.name)).toEqual(['Migration20261101000000EventTables', 'Migration20261102000000Widget']);
  });

  it('a second init on the same schema applies nothing again; a new migration is applied alone', async () => {
    const again = await open('orm_a');
    expect((await q(again, `select name from orm_a.mikro_orm_migrations`)).length).toBe(2);
    const more = await open('orm_a', [Migration20261102000000Widget, Migration20261103000000WidgetColour]);
    const applied = await q<{ name: string }>(more, `select name from orm_a.mikro_orm_migrations order by id`);
    expect(applied.map((m) => m.name)).toEqual(['Migration20261101000000EventTables', 'Migration20261102000000Widget', 'Migration20261103000000WidgetColour']);
    await q(more, `insert into orm_a.widget (name, colour) values ('w', 'red')`);
  });

  it('two ORMs with different schemas on one database keep separate tables', async () => {
    const a = opened[0]!;
    const b = await open('orm_b');
    const tablesB = await q<{ table_name: string }>(b, `select table_name from information_schema.tables where table_schema = 'orm_b' order by table_name`);
    expect(tablesB.map((t) => t.table_name)).toContain('outbox_event');
    expect(tablesB.map((t) => t.table_name)).toContain('widget');
    await q(a, `insert into orm_a.widget (name) values ('only in a')`);
    const inB = await q<{ n: number }>(b, `select count(*)::int as n from orm_b.widget`);
    expect(inB[0]!.n).toBe(0);
    // Unqualified names resolve to each ORM's own schema through the entity manager's schema setting.
    expect(a.config.get('schema')).toBe('orm_a');
    expect(b.config.get('schema')).toBe('orm_b');
    expect((await q(b, `select name from orm_b.mikro_orm_migrations`)).length).toBe(2);
  });

  it('kicks onCommit after a transaction commits, not after a rollback', async () => {
    let commits = 0;
    const orm = await initOrm({ databaseUrl: db.url, schema: 'orm_c', entities: [], migrations: [], onCommit: () => { commits++; } });
    opened.push(orm);
    const before = commits;
    await orm.em.fork().transactional(async (em) => { await em.getConnection().execute(`select 1`, [], 'all', em.getTransactionContext()); });
    expect(commits).toBeGreaterThan(before);
    const afterCommit = commits;
    await expect(orm.em.fork().transactional(async () => { throw new Error('no'); })).rejects.toThrow('no');
    expect(commits).toBe(afterCommit);
  });

  it('keeps an open transaction\'s context while another ends, and switches the context storage off once none is open', async () => {
    const orm = opened[0]!;
    let release!: () => void;
    const gate = new Promise<void>((resolve) => { release = resolve; });
    const long = orm.em.fork().transactional(async (em) => {
      await gate;
      // The short transaction has ended meanwhile: this one must still find its own context.
      const current = orm.em.getContext();
      expect(current).toBe(em);
      await current.getConnection().execute(`insert into orm_a.widget (name) values ('rolled back')`, [], 'run', current.getTransactionContext());
      throw new Error('roll back');
    });
    // Another context opens and closes meanwhile (no statement: embedded PostgreSQL runs one transaction at a time).
    await TransactionContext.create(orm.em.fork(), async () => undefined);
    release();
    await expect(long).rejects.toThrow('roll back');
    expect(await q(orm, `select 1 from orm_a.widget where name = 'rolled back'`)).toEqual([]);
    // Node 20's AsyncLocalStorage: a disabled storage no longer keeps the process's promise hooks on.
    expect((TransactionContext as unknown as { storage: { enabled: boolean } }).storage.enabled).toBe(false);
    expect(TransactionContext.currentTransactionContext()).toBeUndefined();
    // The unit of work's flush flag too, once its flush is done.
    const flush = storageRunBy(() => orm.em.fork().flush());
    expect(flush.storage).not.toBeNull();
    await flush.result;
    expect((flush.storage as unknown as { enabled: boolean }).enabled).toBe(false);
  });

  it('counts queries when asked', async () => {
    const counter = { count: 0 };
    const orm = await initOrm({ databaseUrl: db.url, schema: 'orm_a', entities: [], migrations: [Migration20261102000000Widget, Migration20261103000000WidgetColour], queryCounter: counter });
    opened.push(orm);
    const start = counter.count;
    await orm.em.getConnection().execute('select 1');
    await orm.em.getConnection().execute('select 2');
    expect(counter.count - start).toBe(2);
  });

  it('refuses an unsafe schema name in raw SQL helpers', () => {
    expect(() => qualified('a"; drop table x; --', 'outbox_event')).toThrow('not a safe SQL identifier');
    expect(qualified('samples', 'outbox_event')).toBe('"samples"."outbox_event"');
  });
});
