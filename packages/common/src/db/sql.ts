import type { EntityManager } from '@mikro-orm/postgresql';

const IDENTIFIER = /^[a-z_][a-z0-9_]{0,62}$/;

/** Quotes a schema-qualified table name for raw SQL, refusing anything that is not a plain identifier. */
export function qualified(schema: string, table: string): string {
  for (const part of [schema, table]) {
    if (!IDENTIFIER.test(part)) throw new Error(`not a safe SQL identifier: ${part}`);
  }
  return `"${schema}"."${table}"`;
}

/**
 * Runs one statement with its parameters bound by the driver (`?` placeholders) instead of
 * MikroORM's `execute`, which inlines every value into the SQL text: for a multi-row insert of
 * hundreds of JSON payloads that quoting cost more than the statement itself. Runs in `em`'s
 * transaction when it has one, and is logged (and counted) like every other statement.
 */
export async function executeBound<T = unknown>(em: EntityManager, sql: string, params: unknown[], method: 'all' | 'run' = 'all'): Promise<T> {
  const connection = em.getConnection() as unknown as BoundConnection;
  const ctx = em.getTransactionContext();
  return connection.executeQuery(sql, async () => {
    const query = connection.getKnex().raw(sql, params as never[]);
    if (ctx) query.transacting(ctx);
    const res = (await query) as { rows?: unknown[]; rowCount?: number };
    return (method === 'run' ? { affectedRows: res.rowCount ?? 0 } : res.rows ?? []) as T;
  }, { query: sql, params: [] });
}

/** The parts of MikroORM's SQL connection `executeBound` uses (`executeQuery` logs and times a statement). */
interface BoundConnection {
  getKnex(): { raw(sql: string, params: never[]): { transacting(ctx: unknown): unknown } & PromiseLike<unknown> };
  executeQuery<T>(query: string, cb: () => Promise<T>, context: { query: string; params: unknown[] }): Promise<T>;
}
