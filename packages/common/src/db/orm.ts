import type { AsyncLocalStorage } from 'node:async_hooks';
import type { MikroORM, EntitySchema, EventSubscriber, Options } from '@mikro-orm/postgresql';
import type { Constructor } from '@mikro-orm/core';
import type { Migration } from '@mikro-orm/migrations';
import type { Logger } from '../logger.js';
import { loadOnce } from '../load-once.js';
import { allowNamedStatements } from './plain-rows.js';
import { disableWhenIdle, storageRunBy } from './async-context.js';

export interface OrmOptions {
  databaseUrl: string;
  /** The subgraph's own Postgres schema; it reads and writes nothing else. */
  schema: string;
  entities: EntitySchema<any, any>[];
  /** Forward-only migrations in order; the shared event tables are applied first. */
  migrations: Constructor<Migration>[];
  poolMax?: number;
  logger?: Logger;
  /**
   * Called after every commit (e.g. to kick the outbox relay) with the transaction, and with null
   * after a flush outside any transaction (one that wrote nothing, or ran autocommit statements).
   */
  onCommit?: (transaction: object | null) => void;
  /** Logs every SQL statement at debug level and counts them (tests and benchmarks read the count). */
  queryCounter?: { count: number };
}

/**
 * MikroORM is loaded on first use, not at the top: the gateway imports @app/common too and never
 * opens a database, and MikroORM with its driver and migrator costs a process ~40 MB RSS to load
 * (bench/README.md, memory). The imports run one after another (jest's ESM loader, see loadOnce).
 */
const loadOrm = loadOnce(async () => {
  const { MikroORM, TransactionContext } = await import('@mikro-orm/postgresql');
  // Its storage is private in the typings.
  disableWhenIdle((TransactionContext as unknown as { storage: AsyncLocalStorage<unknown> }).storage);
  const { Migrator } = await import('@mikro-orm/migrations');
  const { Migration20261101000000EventTables } = await import('../events/event-tables.migration.js');
  return { MikroORM, Migrator, Migration20261101000000EventTables };
});

/** Boots MikroORM on the subgraph's schema and applies pending migrations before serving. */
export async function initOrm(options: OrmOptions): Promise<MikroORM> {
  const { MikroORM, Migrator, Migration20261101000000EventTables } = await loadOrm();
  const subscribers: EventSubscriber[] = options.onCommit
    ? [{
      afterTransactionCommit: (args) => options.onCommit!((args.transaction as object | undefined) ?? null),
      // A flush inside a transaction commits nothing yet (its commit hook follows); a kick there only
      // made the relay run a pass that found nothing and that the commit's own pass then waited for.
      afterFlush: (args) => { if (!args.em.isInTransaction()) options.onCommit!(null); },
    }]
    : [];
  const counter = options.queryCounter;
  const config: Options = {
    clientUrl: options.databaseUrl,
    schema: options.schema,
    // MikroORM finds the current transaction through AsyncLocalStorage keyed by context name. Several
    // ORMs share a process in embedded mode (and a consumer may run inside another subgraph's commit
    // hook), so each needs its own name or it would pick up another subgraph's transaction.
    contextName: `orm:${options.schema}`,
    entities: options.entities,
    discovery: { warnWhenNoEntities: false },
    extensions: [Migrator],
    pool: { min: 0, max: options.poolMax ?? 5 },
    migrations: {
      tableName: 'mikro_orm_migrations',
      migrationsList: [Migration20261101000000EventTables, ...options.migrations].map((m) => ({ name: m.name, class: m })),
      transactional: true,
      allOrNothing: true,
      silent: true,
      // Migrations are hand-reviewed SQL (scripts/generate-migration.ts diffs entities itself): a
      // snapshot file would be written into the installed code on every start, per database name.
      snapshot: false,
    },
    subscribers,
    debug: counter ? ['query'] : false,
    logger: counter ? (message: string) => { if (message.includes('[query]')) counter.count++; } : undefined,
    allowGlobalContext: false,
    forceUtcTimezone: true,
  };
  const orm = await MikroORM.init(config);
  await migrate(orm, options);
  options.logger?.debug({ schema: options.schema }, 'database migrated');
  // PGlite serves every connection from one session, where named statements would collide.
  const [server] = await orm.em.getConnection().execute<{ version: string }[]>('select version() as version');
  allowNamedStatements(orm.config, !server?.version.includes('PGlite'));
  await releaseFlushContext(orm);
  return orm;
}

let flushContextReleased = false;

/** The unit of work's "inside a flush" storage is module-private: it is the one an empty flush runs (async-context.ts). */
async function releaseFlushContext(orm: MikroORM): Promise<void> {
  if (flushContextReleased) return;
  flushContextReleased = true;
  const { storage, result } = storageRunBy(() => orm.em.fork().flush());
  await result;
  if (storage) disableWhenIdle(storage);
}

/** Errors of two replicas creating the same objects at once: the loser retries and finds them done. */
const CONCURRENT_DDL = new Set(['42P07', '42710', '23505', '40P01']);

function isConcurrentDdl(err: unknown): boolean {
  for (let e = err as { code?: unknown; cause?: unknown } | undefined, i = 0; e && i < 4; e = e.cause as typeof e, i++) {
    if (CONCURRENT_DDL.has(String(e.code))) return true;
  }
  return /already exists|duplicate key value/.test(String((err as Error)?.message));
}

/**
 * Applies pending migrations. Replicas starting together race to create the migrations table and
 * schema objects; the one that loses waits and tries again, then finds the work done.
 */
async function migrate(orm: MikroORM, options: OrmOptions): Promise<void> {
  for (let attempt = 1; ; attempt++) {
    try {
      await orm.em.getConnection().execute(`create schema if not exists "${options.schema}"`);
      await orm.getMigrator().up();
      return;
    } catch (err) {
      if (attempt >= 20 || !isConcurrentDdl(err)) throw err;
      options.logger?.info({ schema: options.schema, attempt }, 'another replica is migrating; trying again');
      await new Promise((resolve) => setTimeout(resolve, 100 * attempt + Math.random() * 200));
    }
  }
}
