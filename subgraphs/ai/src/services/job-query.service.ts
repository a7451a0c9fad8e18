import { NEWEST_FIRST, NotFoundError, keysetPage, labScope, requireRead, ValidationError, type BaseContext } from '@app/common';
import { ExtractionJob } from '../entities/index.js';
import { ExtractionStatuses, type ExtractionStatus } from '../entities/enums.js';
import type { AiLoaders } from '../loaders/index.js';
import { isUuid } from './validation.js';

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

/** Reads of extraction jobs, lab-scoped for submitters. */
export class JobQueryService {
  constructor(private readonly ctx: BaseContext, private readonly loaders: AiLoaders) {}

  byId(id: string): Promise<ExtractionJob | null> {
    requireRead(this.ctx.principal, 'samples:read');
    return this.loaders.jobById.load(id);
  }

  /** A job the caller may see, or NOT_FOUND (missing and invisible alike). */
  async visible(id: string): Promise<ExtractionJob> {
    const job = await this.byId(id);
    if (!job) throw new NotFoundError('ExtractionJob', id);
    return job;
  }

  /** Newest first, keyset-paginated on (createdAt, id). */
  list(args: { filter?: JobFilter | null; first?: number | null; after?: string | null }) {
    requireRead(this.ctx.principal, 'samples:read');
    const where = jobWhere(args.filter, labScope(this.ctx.principal));
    return keysetPage<ExtractionJob>(this.ctx.em, ExtractionJob, where, NEWEST_FIRST, { first: args.first ?? undefined, after: args.after ?? undefined });
  }
}
