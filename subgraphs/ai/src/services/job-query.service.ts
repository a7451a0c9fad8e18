import { isUuid, LabScopedReads, ValidationError, type BaseContext, type PageArgs } from '@app/common';
import { ExtractionJob } from '../entities/index.js';
import { ExtractionStatuses, type ExtractionStatus } from '../entities/enums.js';
import type { AiLoaders } from '../loaders/index.js';

export interface JobFilter {
  submissionId?: string | null;
  sampleId?: string | null;
  status?: ExtractionStatus | null;
}

/** The filter's part of a job list's where-clause, each id checked. */
function jobWhere(filter: JobFilter | null | undefined) {
  for (const field of ['submissionId', 'sampleId'] as const) {
    const value = filter?.[field];
    if (value && !isUuid(value)) throw ValidationError.field(`filter.${field}`, 'must be a UUID');
  }
  if (filter?.status && !ExtractionStatuses.includes(filter.status)) throw ValidationError.field('filter.status', 'is not a status');
  return {
    ...(filter?.submissionId ? { submissionId: filter.submissionId } : {}),
    ...(filter?.sampleId ? { sampleId: filter.sampleId } : {}),
    ...(filter?.status ? { status: filter.status } : {}),
  };
}

/** Reads of extraction jobs (readers need `samples:read`), lab-scoped for submitters: `byId`, `visible` and `list`. */
export class JobQueryService extends LabScopedReads<ExtractionJob> {
  constructor(ctx: BaseContext, loaders: AiLoaders) {
    super(ctx, { entity: ExtractionJob, typeName: 'ExtractionJob', scope: 'samples:read', byId: loaders.jobById });
  }

  /** Newest first, keyset-paginated on (createdAt, id), narrowed by the filter. */
  list(args: PageArgs & { filter?: JobFilter | null }) {
    return this.page(args, () => jobWhere(args.filter));
  }
}
