/**
 * Totals of sample lists without counting the matching rows (issue 13). A filter on only the
 * counted dimensions (lab, status, priority, archived) is summed from `sample_count` and
 * `sample_count_delta`, which triggers keep exact: exact, and a few rows read whatever the table's
 * size. Any other filter asks the planner first: above SAMPLE_COUNT_ESTIMATE_THRESHOLD rows its
 * estimate is the answer (flagged as such), below it the rows are counted (cheap then); `exact`
 * always counts.
 */
import { raw } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '@app/common';
import { Sample, SampleCount, SampleCountDelta } from '../entities/index.js';
import { lab, type SampleFilter } from './filters.js';

type Where = Record<string, unknown>;

/** A total, and whether it was counted (true) or is the planner's estimate (false). */
export interface SampleTotal { value: number; exact: boolean }

/** The filter fields `sample_count` is keyed by; a filter naming any other cannot be summed from it. */
const COUNTED: ReadonlySet<keyof SampleFilter> = new Set(['status', 'priority', 'labId', 'includeArchived']);

const isAbsent = (value: unknown) =>
  value === null || value === undefined || (Array.isArray(value) && value.length === 0) || (typeof value === 'string' && value.trim() === '');

/** True when the counters answer this filter exactly. */
export function countable(filter: SampleFilter): boolean {
  return Object.entries(filter).every(([field, value]) => COUNTED.has(field as keyof SampleFilter) || isAbsent(value));
}

/** The counters' rows for a countable filter, confined to the caller's labs exactly as sampleWhere confines samples. */
function counterWhere(principal: Principal, f: SampleFilter): Where {
  const parts: Where[] = [...lab(principal, f.labId)];
  if (f.status?.length) parts.push({ status: { $in: f.status } });
  if (f.priority?.length) parts.push({ priority: { $in: f.priority } });
  if (!f.includeArchived) parts.push({ archived: false });
  return { $and: parts };
}

/**
 * Sums of the counters matching `filter`, grouped by `by` (or one total): the folded totals plus
 * the deltas not yet folded, read in ONE statement so both come from one snapshot (read apart, a
 * fold committing in between would drop the deltas it moved, or count them twice).
 */
async function summed(em: EntityManager, principal: Principal, filter: SampleFilter, by?: 'status' | 'priority'): Promise<Map<string, number>> {
  const where = counterWhere(principal, filter);
  const columns = by ? [by, 'n'] : ['n'];
  const parts = [SampleCount, SampleCountDelta].map((entity) =>
    em.createQueryBuilder(entity as typeof SampleCount).select(columns).where(where).getKnexQuery().toSQL());
  const sql = `select ${by ? `"${by}", ` : ''}coalesce(sum(n), 0)::bigint as total from (${parts.map((p) => p.sql).join(' union all ')}) c${by ? ` group by "${by}"` : ''}`;
  const rows = await em.getConnection().execute<{ total: string | number; status?: string; priority?: string }[]>(sql, parts.flatMap((p) => [...p.bindings]));
  return new Map(rows.map((r) => [by ? String(r[by]) : '', Number(r.total)]));
}

/** The planner's row estimate for the samples matching `where` (EXPLAIN only plans; nothing is read). */
async function estimate(em: EntityManager, where: Where): Promise<number> {
  const { sql, bindings } = em.createQueryBuilder(Sample).select(raw('1')).where(where).getKnexQuery().toSQL();
  const [row] = await em.getConnection().execute<Record<string, unknown>[]>(`explain (format json) ${sql}`, [...bindings]);
  const plan = row?.['QUERY PLAN'];
  const parsed = (typeof plan === 'string' ? JSON.parse(plan) : plan) as { Plan: { 'Plan Rows': number } }[];
  return Math.round(parsed[0]!.Plan['Plan Rows']);
}

/** Counts and estimates for one caller; `where` is sampleWhere(principal, filter), which also validated the filter. */
export class SampleCounts {
  constructor(private readonly em: EntityManager, private readonly principal: Principal, private readonly estimateAbove: number) {}

  async total(filter: SampleFilter, where: Where, exact: boolean): Promise<SampleTotal> {
    const counted = countable(filter);
    if (exact && !counted) return { value: await this.em.count(Sample, where as never), exact: true };
    // The counters' sum over the filter's counted fields: the answer when those are all it has,
    // else an upper bound, within the caller's labs, that caps the estimate. The planner multiplies
    // selectivities as if independent, so for a submitter naming another lab it may guess
    // thousands; the bound (0) keeps such a guess from saying anything about another lab.
    const bound = (await summed(this.em, this.principal, filter)).get('') ?? 0;
    if (counted) return { value: bound, exact: true };
    if (bound > this.estimateAbove) {
      const rows = Math.min(await estimate(this.em, where), bound);
      if (rows > this.estimateAbove) return { value: rows, exact: false };
    }
    return { value: await this.em.count(Sample, where as never), exact: true };
  }

  /** Per-status and per-priority counts from the counters, or null when the filter needs the rows. */
  async grouped(filter: SampleFilter): Promise<{ byStatus: Map<string, number>; byPriority: Map<string, number> } | null> {
    if (!countable(filter)) return null;
    return { byStatus: await summed(this.em, this.principal, filter, 'status'), byPriority: await summed(this.em, this.principal, filter, 'priority') };
  }

  /**
   * A total computed once, when first asked for: the connection's totalCount and
   * totalCountIsExact read the same answer, and neither costs anything when not selected.
   */
  lazy(filter: SampleFilter, where: Where, exact: boolean): { count: () => Promise<number>; isExact: () => Promise<boolean> } {
    let answer: Promise<SampleTotal> | null = null;
    const get = () => (answer ??= this.total(filter, where, exact));
    return { count: () => get().then((t) => t.value), isExact: () => get().then((t) => t.exact) };
  }
}
