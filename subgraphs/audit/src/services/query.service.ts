import type { EntityManager } from '@mikro-orm/postgresql';
import { decodeCursor, pageSize, qualified, toConnection, ValidationError, type Connection, type Principal } from '@app/common';
import { filterSql, type AuditEntryFilter } from './filter.js';
import { ENTRY_COLUMNS, rowFromDb, type EntryRow } from './entry-row.js';
import { toCsv, toJson } from './export-format.js';
import { and, visibleEntries, type SqlPart } from './visibility.js';

const MAX_STATS_DAYS = 400;
const DAY_MS = 86_400_000;

export type ExportFormat = 'CSV' | 'JSON';

/** Reading the trail: lists, single entries, statistics and exports, all through `visibleEntries`. */
export class AuditQueryService {
  private readonly table: string;

  constructor(private readonly em: EntityManager, schema: string, private readonly principal: Principal, private readonly exportMaxRows: number, private readonly now: () => Date) {
    this.table = qualified(schema, 'audit_entry');
  }

  private run<T = Record<string, unknown>>(sql: string, params: unknown[]): Promise<T[]> {
    return this.em.getConnection().execute<T[]>(sql, params, 'all') as Promise<T[]>;
  }

  private where(filter: AuditEntryFilter | null | undefined): SqlPart {
    return and([visibleEntries(this.principal), filterSql(filter)]);
  }

  async list(filter: AuditEntryFilter | null | undefined, first: number | null | undefined, after: string | null | undefined): Promise<Connection<EntryRow>> {
    const where = this.where(filter);
    const limit = pageSize(first);
    const cursor = decodeCursor(after, 1) as [number] | null;
    const page = cursor ? and([where, { sql: 'e.seq < ?', params: [cursor[0]] }]) : where;
    const rows = await this.run(`select ${ENTRY_COLUMNS} from ${this.table} e where ${page.sql} order by e.seq desc limit ?`, [...page.params, limit + 1]);
    return toConnection(rows.map(rowFromDb), limit, (r) => [r.seq], () => this.count(where), !!cursor);
  }

  private async count(where: SqlPart): Promise<number> {
    const [row] = await this.run<{ n: number }>(`select count(*)::int as n from ${this.table} e where ${where.sql}`, where.params);
    return row?.n ?? 0;
  }

  async get(id: string): Promise<EntryRow | null> {
    if (!/^[0-9a-f-]{36}$/i.test(id)) return null;
    const where = and([visibleEntries(this.principal), { sql: 'e.id = ?', params: [id] }]);
    const [row] = await this.run(`select ${ENTRY_COLUMNS} from ${this.table} e where ${where.sql}`, where.params);
    return row ? rowFromDb(row) : null;
  }

  async stats(from: Date, to: Date) {
    if (from > to) throw ValidationError.field('to', 'must not be before from');
    if (to.getTime() - from.getTime() > MAX_STATS_DAYS * DAY_MS) throw ValidationError.field('to', `the period is at most ${MAX_STATS_DAYS} days`);
    const where = this.where({ from, to });
    const [total, byType, byActor, byDay] = await Promise.all([
      this.count(where),
      this.run<{ key: string; count: number }>(`select e.type as key, count(*)::int as count from ${this.table} e where ${where.sql} group by e.type order by count desc, key limit 100`, where.params),
      this.run<{ userId: string | null; name: string | null; count: number }>(
        `select e.actor_user_id as "userId", (array_agg(e.actor_name order by e.seq desc))[1] as name, count(*)::int as count
         from ${this.table} e where ${where.sql} group by e.actor_user_id order by count desc limit 100`, where.params),
      this.run<{ key: string; count: number }>(
        `select to_char(e.occurred_at at time zone 'UTC', 'YYYY-MM-DD') as key, count(*)::int as count from ${this.table} e where ${where.sql} group by 1 order by 1`, where.params),
    ]);
    return { from, to, total, byType, byActor, byDay };
  }

  /** Oldest first, up to the configured limit; `truncated` says when the filter matched more. */
  async export(format: ExportFormat, filter: AuditEntryFilter | null | undefined) {
    const where = this.where(filter);
    const raw = await this.run(`select ${ENTRY_COLUMNS} from ${this.table} e where ${where.sql} order by e.seq asc limit ?`, [...where.params, this.exportMaxRows + 1]);
    const rows = raw.slice(0, this.exportMaxRows).map(rowFromDb);
    const stamp = this.now().toISOString();
    const base = `audit-logs-${stamp.slice(0, 10)}`;
    const content = format === 'CSV'
      ? toCsv(rows)
      : toJson(rows, { timestamp: stamp, filters_applied: filter ?? {}, exported_by: this.principal.userId });
    return {
      filename: `${base}.${format.toLowerCase()}`, contentType: format === 'CSV' ? 'text/csv' : 'application/json',
      rowCount: rows.length, truncated: raw.length > this.exportMaxRows, content,
    };
  }
}
