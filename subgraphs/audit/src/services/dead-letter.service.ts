import type { EntityManager } from '@mikro-orm/postgresql';
import { decodeCursor, pageSize, qualified, requireRole, toConnection, type Connection, type Principal } from '@app/common';

export interface DeadLetterRow {
  id: string;
  consumerGroup: string;
  eventId: string | null;
  eventType: string | null;
  raw: string;
  reason: string;
  receivedAt: Date;
}

/** Events the consumer could not record, newest first (ADMIN only). */
export async function listDeadLetters(em: EntityManager, schema: string, principal: Principal, first?: number | null, after?: string | null): Promise<Connection<DeadLetterRow>> {
  requireRole(principal, 'ADMIN');
  const limit = pageSize(first);
  const cursor = decodeCursor(after, 1) as [string] | null;
  const table = qualified(schema, 'dead_letter_event');
  const run = <T>(sql: string, params: unknown[]) => em.getConnection().execute<T[]>(sql, params, 'all') as Promise<T[]>;
  const rows = await run<DeadLetterRow>(
    `select id::text as id, consumer_group as "consumerGroup", event_id as "eventId", event_type as "eventType", raw, reason, received_at as "receivedAt"
     from ${table} where (?::bigint is null or id < ?::bigint) order by id desc limit ?`, [cursor?.[0] ?? null, cursor?.[0] ?? null, limit + 1]);
  return toConnection(rows, limit, (r) => [r.id], async () => (await run<{ n: number }>(`select count(*)::int as n from ${table}`, []))[0]!.n, !!cursor);
}
