import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { decodeCursor, pageSize, qualified, toConnection, type Connection, type Principal } from '@app/common';
import { ENTRY_COLUMNS, rowFromDb, type EntryRow } from '../services/entry-row.js';
import { and, visibleEntries, type SqlPart } from '../services/visibility.js';

/** The column a history list is keyed by. */
type HistoryColumn = 'sample_id' | 'submission_id' | 'actor_user_id';

interface PageKey {
  id: string;
  first?: number | null;
  after?: string | null;
}

/**
 * One page of entries per id, newest first, for many ids at once: a window query per distinct
 * (page size, cursor) and one grouped count, whatever the number of ids. Visibility is applied
 * here, so every path to a history goes through it.
 */
function historyLoader(em: EntityManager, schema: string, principal: Principal, column: HistoryColumn) {
  const table = qualified(schema, 'audit_entry');
  const run = (sql: string, params: unknown[]) => em.getConnection().execute<Record<string, unknown>[]>(sql, params, 'all') as Promise<Record<string, unknown>[]>;
  const counts = new DataLoader<string, number>(async (ids) => {
    const where = and([visibleEntries(principal), { sql: `e.${column} in (${ids.map(() => '?').join(', ')})`, params: [...ids] }]);
    const rows = await run(`select e.${column} as k, count(*)::int as n from ${table} e where ${where.sql} group by e.${column}`, where.params);
    const byId = new Map(rows.map((r) => [String(r.k), Number(r.n)]));
    return ids.map((id) => byId.get(id) ?? 0);
  });
  return new DataLoader<PageKey, Connection<EntryRow>, string>(async (keys) => {
    const groups = new Map<string, PageKey[]>();
    for (const key of keys) {
      const args = JSON.stringify([key.first ?? null, key.after ?? null]);
      groups.set(args, [...(groups.get(args) ?? []), key]);
    }
    const results = new Map<PageKey, Connection<EntryRow>>();
    for (const group of groups.values()) {
      const limit = pageSize(group[0]!.first);
      const cursor = decodeCursor(group[0]!.after, 1) as [number] | null;
      const ids = [...new Set(group.map((k) => k.id))];
      const parts: SqlPart[] = [visibleEntries(principal), { sql: `e.${column} in (${ids.map(() => '?').join(', ')})`, params: ids }];
      if (cursor) parts.push({ sql: 'e.seq < ?', params: [cursor[0]] });
      const where = and(parts);
      const rows = await run(
        `select * from (select ${ENTRY_COLUMNS.split(', ').map((c) => `e.${c}`).join(', ')}, row_number() over (partition by e.${column} order by e.seq desc) as rn
         from ${table} e where ${where.sql}) t where t.rn <= ? order by t.seq desc`, [...where.params, limit + 1]);
      const byId = new Map<string, EntryRow[]>();
      for (const raw of rows) {
        const row = rowFromDb(raw);
        const id = String(raw[column]);
        byId.set(id, [...(byId.get(id) ?? []), row]);
      }
      for (const key of group) results.set(key, toConnection(byId.get(key.id) ?? [], limit, (r) => [r.seq], () => counts.load(key.id), !!cursor));
    }
    return keys.map((k) => results.get(k)!);
  }, { cacheKeyFn: (k) => JSON.stringify([k.id, k.first ?? null, k.after ?? null]) });
}

/** Per-request DataLoaders: sample, submission and user histories in a constant number of queries. */
export function createLoaders(em: EntityManager, schema: string, principal: Principal) {
  return {
    sampleHistory: historyLoader(em, schema, principal, 'sample_id'),
    submissionHistory: historyLoader(em, schema, principal, 'submission_id'),
    userActivity: historyLoader(em, schema, principal, 'actor_user_id'),
  };
}
export type AuditLoaders = ReturnType<typeof createLoaders>;
