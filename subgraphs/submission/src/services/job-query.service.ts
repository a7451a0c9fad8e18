import { decodeCursor, LabScopedReads, pageSize, toConnection, ValidationError, type BaseContext, type PageArgs } from '@app/common';
import { IntakeJob, IntakeRow } from '../entities/index.js';
import { IntakeRowStatuses, type IntakeRowStatus } from '../entities/enums.js';
import type { SubmissionLoaders } from '../loaders/index.js';

/**
 * Reading intake jobs (readers need `samples:read`) and their rows: every query of the subgraph
 * goes through here, lab-scoped (`byId`, `visible`, `list` and `rows`).
 */
export class JobQueryService extends LabScopedReads<IntakeJob> {
  constructor(ctx: BaseContext, loaders: SubmissionLoaders) {
    super(ctx, { entity: IntakeJob, typeName: 'IntakeJob', scope: 'samples:read', byId: loaders.jobById });
  }

  /** Newest first, keyset-paginated on (createdAt, id). */
  list(args: PageArgs) {
    return this.page(args);
  }

  /** Rows of a job already checked for visibility, in sheet order. */
  async rows(job: IntakeJob, args: PageArgs & { status?: IntakeRowStatus | null }) {
    if (args.status && !IntakeRowStatuses.includes(args.status)) throw ValidationError.field('status', 'is not a row status');
    const limit = pageSize(args.first);
    const after = decodeCursor(args.after, 1) as [number] | null;
    const where = { job: job.id, ...(args.status ? { status: args.status } : {}) };
    const page = after ? { rowNumber: { $gt: Number(after[0]) } } : {};
    const rows = await this.ctx.em.find(IntakeRow, { ...where, ...page }, { orderBy: { rowNumber: 'asc' }, limit: limit + 1 });
    return toConnection(rows, limit, (r) => [r.rowNumber], () => this.ctx.em.count(IntakeRow, where), !!after);
  }
}
