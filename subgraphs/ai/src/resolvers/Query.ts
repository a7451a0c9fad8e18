import { decodeCursor, labScope, pageSize, requireRead, toConnection, ValidationError } from '@app/common';
import type { AiContext } from '../context.js';
import { ExtractionJob } from '../entities/index.js';
import { ExtractionStatuses, type ExtractionStatus } from '../entities/enums.js';
import { isUuid } from '../services/validation.js';

export interface JobFilter {
  submissionId?: string | null;
  sampleId?: string | null;
  status?: ExtractionStatus | null;
}

/** The where-clause of a job list: the caller's lab scope plus the filter, each id checked. */
function jobWhere(filter: JobFilter | null | undefined, scope: string | null) {
  for (const field of ['submissionId', 'sampleId'] as const) {
    const value = filter?.[field];
    if (value && !isUuid(value)) throw ValidationError.field(`filter.${field}`, 'must be a UUID');
  }
  if (filter?.status && !ExtractionStatuses.includes(filter.status)) throw ValidationError.field('filter.status', 'is not a status');
  return {
    ...(scope === null ? {} : { labId: scope }),
    ...(filter?.submissionId ? { submissionId: filter.submissionId } : {}),
    ...(filter?.sampleId ? { sampleId: filter.sampleId } : {}),
    ...(filter?.status ? { status: filter.status } : {}),
  };
}

export const Query = {
  extractionJob: (_: unknown, { id }: { id: string }, ctx: AiContext) => {
    requireRead(ctx.principal, 'samples:read');
    return ctx.loaders.jobById.load(id);
  },
  /** Newest first, keyset-paginated on (createdAt, id). */
  extractionJobs: async (_: unknown, args: { filter?: JobFilter; first?: number; after?: string }, ctx: AiContext) => {
    requireRead(ctx.principal, 'samples:read');
    const limit = pageSize(args.first);
    const after = decodeCursor(args.after, 2) as [string, string] | null;
    const where = jobWhere(args.filter, labScope(ctx.principal));
    const page = after ? { $or: [{ createdAt: { $lt: new Date(after[0]) } }, { createdAt: new Date(after[0]), id: { $lt: after[1] } }] } : {};
    const rows = await ctx.em.find(ExtractionJob, { ...where, ...page }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: limit + 1 });
    return toConnection(rows, limit, (j) => [j.createdAt.toISOString(), j.id], () => ctx.em.count(ExtractionJob, where), !!after);
  },
};
