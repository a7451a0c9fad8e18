import { keysetRows, requireRead, type BaseContext, type PageArgs } from '@app/common';
import { raw } from '@mikro-orm/core';
import { Sample } from '../entities/index.js';
import { Priorities, SampleStatuses } from '../entities/enums.js';
import type { SamplesDeps } from '../deps.js';
import type { SampleRow } from '../resolvers/models.js';
import { QUEUE_ORDER, sampleOrder, sampleWhere, type Order, type SampleFilter, type SampleOrderField } from './filters.js';
import { SampleCounts } from './sample-counts.js';
import { sampleJoins, type SampleRelations } from './sample-relations.js';

export interface SampleStats {
  total: number;
  byStatus: { status: string; count: number }[];
  byPriority: { priority: string; count: number }[];
  turnaround: {
    completedCount: number;
    averageHours: number | null;
    medianHours: number | null;
    openCount: number;
    averageOpenAgeHours: number | null;
    oldestOpenSubmittedAt: Date | null;
  };
}

const hours = (value: unknown): number | null => (value === null || value === undefined ? null : Math.round(Number(value) * 100) / 100);

/** Reading samples: filtered lists, the work queue and statistics, all confined to the caller's labs. */
export class SampleQueryService {
  constructor(private readonly deps: SamplesDeps, private readonly ctx: BaseContext) {}

  /**
   * Plain rows, not entities: a list is only read, and hydrating 50 samples was most of a page's CPU.
   * `exactCount` counts the total even where an estimate would be answered (see sample-counts.ts).
   * `relations` the caller will read are joined into the page's statement.
   */
  async list(filter: SampleFilter = {}, orderBy: Order<SampleOrderField> | null = null, args: PageArgs & { exactCount?: boolean | null } = {}, relations: SampleRelations = {}) {
    requireRead(this.ctx.principal, 'samples:read');
    const where = sampleWhere(this.ctx.principal, filter);
    const total = this.counts().lazy(filter, where, !!args.exactCount);
    const page = await keysetRows<SampleRow>(this.ctx.em, Sample, where, sampleOrder(orderBy), args, { count: total.count, joins: sampleJoins(this.ctx.principal, relations) });
    return { ...page, totalCountIsExact: total.isExact };
  }

  /** Samples waiting to start (status SUBMITTED, not withdrawn): urgent first, then oldest. */
  queue(args: PageArgs = {}, relations: SampleRelations = {}) {
    requireRead(this.ctx.principal, 'samples:read');
    const filter: SampleFilter = { status: ['SUBMITTED'] };
    const where = sampleWhere(this.ctx.principal, filter);
    return keysetRows<SampleRow>(this.ctx.em, Sample, where, QUEUE_ORDER, args, { count: this.counts().lazy(filter, where, true).count, joins: sampleJoins(this.ctx.principal, relations) });
  }

  private counts(): SampleCounts {
    return new SampleCounts(this.ctx.em, this.ctx.principal, this.deps.config.SAMPLE_COUNT_ESTIMATE_THRESHOLD);
  }

  async stats(filter: SampleFilter = {}): Promise<SampleStats> {
    requireRead(this.ctx.principal, 'samples:read');
    const where = sampleWhere(this.ctx.principal, filter);
    const em = this.ctx.em;
    const grouped = async (column: 'status' | 'priority') => {
      const rows = await em.createQueryBuilder(Sample).select([column, raw('count(*)::int as n')]).where(where).groupBy(column).execute<{ n: number; status?: string; priority?: string }[]>('all', false);
      return new Map(rows.map((r) => [String(r[column]), Number(r.n)]));
    };
    // The counters answer both groupings when the filter is on counted dimensions only.
    const counted = await this.counts().grouped(filter);
    const byStatus = counted?.byStatus ?? await grouped('status');
    const byPriority = counted?.byPriority ?? await grouped('priority');
    const now = this.deps.now();
    const [t] = await em.createQueryBuilder(Sample).select([
      raw('count(*) filter (where completed_at is not null)::int as completed'),
      raw('avg(extract(epoch from (completed_at - submitted_at)) / 3600) filter (where completed_at is not null) as avg_hours'),
      raw('percentile_cont(0.5) within group (order by extract(epoch from (completed_at - submitted_at)) / 3600) filter (where completed_at is not null) as median_hours'),
      raw('count(*) filter (where completed_at is null)::int as open'),
      raw('avg(extract(epoch from (?::timestamptz - submitted_at)) / 3600) filter (where completed_at is null) as open_hours', [now]),
      raw('min(submitted_at) filter (where completed_at is null) as oldest_open'),
    ]).where(where).execute<Record<string, unknown>[]>('all', false);
    return {
      total: [...byStatus.values()].reduce((a, b) => a + b, 0),
      byStatus: SampleStatuses.map((status) => ({ status, count: byStatus.get(status) ?? 0 })),
      byPriority: [...Priorities].reverse().map((priority) => ({ priority, count: byPriority.get(priority) ?? 0 })),
      turnaround: {
        completedCount: Number(t?.completed ?? 0), averageHours: hours(t?.avg_hours), medianHours: hours(t?.median_hours),
        openCount: Number(t?.open ?? 0), averageOpenAgeHours: hours(t?.open_hours),
        oldestOpenSubmittedAt: t?.oldest_open ? new Date(t.oldest_open as string) : null,
      },
    };
  }
}
