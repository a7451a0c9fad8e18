import { isUuid, LabScopedReads, requireRead, ValidationError, type BaseContext, type PageArgs } from '@app/common';
import { ExtractionJob, ExtractionSampleLink } from '../entities/index.js';
import { ExtractionStatuses, type ExtractionStatus } from '../entities/enums.js';
import type { AiLoaders } from '../loaders/index.js';

export interface JobFilter {
  submissionId?: string | null;
  sampleId?: string | null;
  status?: ExtractionStatus | null;
}

/** The filter's part of a job list's where-clause, each id checked; `linked`: the PDF jobs the filter's sample was created from. */
function jobWhere(filter: JobFilter | null | undefined, linked: string[]) {
  for (const field of ['submissionId', 'sampleId'] as const) {
    const value = filter?.[field];
    if (value && !isUuid(value)) throw ValidationError.field(`filter.${field}`, 'must be a UUID');
  }
  if (filter?.status && !ExtractionStatuses.includes(filter.status)) throw ValidationError.field('filter.status', 'is not a status');
  return {
    ...(filter?.submissionId ? { submissionId: filter.submissionId } : {}),
    ...(filter?.sampleId ? (linked.length ? { $or: [{ sampleId: filter.sampleId }, { id: { $in: linked } }] } : { sampleId: filter.sampleId }) : {}),
    ...(filter?.status ? { status: filter.status } : {}),
  };
}

/** Reads of extraction jobs (readers need `samples:read`), lab-scoped for submitters: `byId`, `visible` and `list`. */
export class JobQueryService extends LabScopedReads<ExtractionJob> {
  constructor(ctx: BaseContext, loaders: AiLoaders) {
    super(ctx, { entity: ExtractionJob, typeName: 'ExtractionJob', scope: 'samples:read', byId: loaders.jobById });
  }

  /** Newest first, keyset-paginated on (createdAt, id), narrowed by the filter (a sample's jobs include the quote it was created from). */
  async list(args: PageArgs & { filter?: JobFilter | null }) {
    const sampleId = args.filter?.sampleId;
    let linked: string[] = [];
    if (sampleId && isUuid(sampleId)) {
      requireRead(this.ctx.principal, 'samples:read');
      linked = (await this.ctx.em.find(ExtractionSampleLink, { sampleId })).map((l) => l.jobId);
    }
    return this.page(args, () => jobWhere(args.filter, linked));
  }
}
