import { mkdirSync } from 'node:fs';
import type { PGlite } from '@electric-sql/pglite';
import { loadOnce } from '../load-once.js';
import { initDataDirInChild } from './pglite-initdb.js';

export interface EmbeddedPostgres {
  /** A postgres:// URL the ordinary driver connects to. */
  url: string;
  stop(): Promise<void>;
}

export interface EmbeddedPostgresOptions {
  /** Folder for the data files; in memory when omitted. */
  dataDir?: string;
  /** TCP port on 127.0.0.1; 0 picks a free one. */
  port?: number;
  maxConnections?: number;
}

/** Loaded on first use: only embedded mode and tests run PostgreSQL in-process. */
const loadPglite = loadOnce(async () => {
  const { PGlite } = await import('@electric-sql/pglite');
  const { vector } = await import('@electric-sql/pglite-pgvector');
  const { PGLiteSocketServer } = await import('@electric-sql/pglite-socket');
  return { PGlite, vector, PGLiteSocketServer };
});

/** postgresql.conf of the embedded database (PostgreSQL's defaults: 128MB, 64MB, 4MB). */
const EMBEDDED_POSTGRESQL_CONF = ['shared_buffers=16MB', 'maintenance_work_mem=16MB', 'work_mem=4MB'].join('\n');

/**
 * PostgreSQL in-process (PGlite, with pgvector available) behind the wire protocol, so the same driver, ORM and migrations
 * run as in production. PGlite is one session: everything is serialised, and code must never wait
 * on a second connection inside a transaction (stack.md §2).
 */
export async function startEmbeddedPostgres(options: EmbeddedPostgresOptions = {}): Promise<EmbeddedPostgres> {
  if (options.dataDir) {
    mkdirSync(options.dataDir, { recursive: true });
    await initDataDirInChild(options.dataDir);
  }
  const { PGlite, vector, PGLiteSocketServer } = await loadPglite();
  const db = await PGlite.create({
    ...(options.dataDir ? { dataDir: options.dataDir } : {}),
    // PostgreSQL's memory lives in PGlite's WebAssembly memory, which never shrinks: every page a
    // buffer or a sort once touched stays resident. So the buffer pool is small (the files sit in the OS
    // page cache anyway) and so are index builds (migrations, analyze); bench/README.md, memory.
    // One setting per line: PGlite writes this string as postgresql.conf.
    postgresqlconf: EMBEDDED_POSTGRESQL_CONF,
    // pgvector, loaded before the socket serves: `create extension vector` then works over the wire
    // (the ai subgraph's correction retrieval orders by `<=>` when it finds the extension).
    extensions: { vector },
  });
  const server = new PGLiteSocketServer({ db: keepExtendedQueriesWhole(db), host: '127.0.0.1', port: options.port ?? 0, maxConnections: options.maxConnections ?? 100 });
  await server.start();
  const conn = server.getServerConn();
  const port = Number(conn.split(':').pop());
  return {
    url: `postgres://postgres:postgres@127.0.0.1:${port}/postgres`,
    async stop() {
      await server.stop();
      await db.close();
    },
  };
}

/** Extended-protocol messages that open or continue a Parse…Sync sequence. */
const EXTENDED = new Set(['P', 'B', 'D', 'E', 'C', 'H'].map((c) => c.charCodeAt(0)));
const SYNC = 'S'.charCodeAt(0);
const SIMPLE_QUERY = 'Q'.charCodeAt(0);

/**
 * pglite-socket queues each protocol message on its own and, outside a transaction, lets any
 * connection's message go next. A bound query (Parse, Bind, Execute, Sync) from one connection
 * could then be cut by another's query, which drops the unnamed statement ("unnamed prepared
 * statement does not exist"). The queue keeps to one connection while `isInTransaction()` is
 * true, so this view of the database also reports true from a Parse until its Sync. A ROLLBACK
 * the socket sends for a connection that went away ends the sequence too.
 */
function keepExtendedQueriesWhole(db: PGlite): PGlite {
  let inExtendedQuery = false;
  const track = (message: Uint8Array): void => {
    const type = message[0] ?? 0;
    if (EXTENDED.has(type)) inExtendedQuery = true;
    else if (type === SYNC || type === SIMPLE_QUERY) inExtendedQuery = false;
  };
  return new Proxy(db, {
    get(target, property) {
      if (property === 'isInTransaction') return () => inExtendedQuery || target.isInTransaction();
      if (property === 'execProtocolRawStream') {
        return (message: Uint8Array, options: Parameters<PGlite['execProtocolRawStream']>[1]) => {
          track(message);
          return target.execProtocolRawStream(message, options);
        };
      }
      if (property === 'exec') {
        return (...args: Parameters<PGlite['exec']>) => {
          inExtendedQuery = false;
          return target.exec(...args);
        };
      }
      const value = Reflect.get(target, property, target) as unknown;
      return typeof value === 'function' ? value.bind(target) : value;
    },
  });
}
