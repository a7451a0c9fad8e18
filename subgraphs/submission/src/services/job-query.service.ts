import { decodeCursor, keysetPage, labScope, NEWEST_FIRST, NotFoundError, pageSize, requireRead, toConnection, ValidationError, type BaseContext } from '@app/common';
import { IntakeJob, IntakeRow } from '../entities/index.js';
import { IntakeRowStatuses, type IntakeRowStatus } from '../entities/enums.js';
import type { SubmissionLoaders } from '../loaders/index.js';

/** Reading intake jobs and their rows: every query of the subgraph goes through here, lab-scoped. */
export class JobQueryService {
  constructor(private readonly ctx: BaseContext, private readonly loaders: SubmissionLoaders) {}

  async get(id: string): Promise<IntakeJob | null> {
    requireRead(this.ctx.principal, 'samples:read');
    return this.loaders.jobById.load(id);
  }

  /** A job the caller may see, or NOT_FOUND (missing and not visible alike). */
  async require(id: string): Promise<IntakeJob> {
    const job = await this.get(id);
    if (!job) throw new NotFoundError('IntakeJob', id);
    return job;
  }

  list(args: { first?: number | null; after?: string | null }) {
    requireRead(this.ctx.principal, 'samples:read');
    const scope = labScope(this.ctx.principal);
    return keysetPage<IntakeJob>(this.ctx.em, IntakeJob, scope === null ? {} : { labId: scope }, NEWEST_FIRST, args);
  }

  /** Rows of a job already checked for visibility, in sheet order. */
  async rows(job: IntakeJob, args: { status?: IntakeRowStatus | null; first?: number; after?: string }) {
    if (args.status && !IntakeRowStatuses.includes(args.status)) throw ValidationError.field('status', 'is not a row status');
    const limit = pageSize(args.first);
    const after = decodeCursor(args.after, 1) as [number] | null;
    const where = { job: job.id, ...(args.status ? { status: args.status } : {}) };
    const page = after ? { rowNumber: { $gt: Number(after[0]) } } : {};
    const rows = await this.ctx.em.find(IntakeRow, { ...where, ...page }, { orderBy: { rowNumber: 'asc' }, limit: limit + 1 });
    return toConnection(rows, limit, (r) => [r.rowNumber], () => this.ctx.em.count(IntakeRow, where), !!after);
  }
}
