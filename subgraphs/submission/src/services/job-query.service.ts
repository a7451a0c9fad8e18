import { decodeCursor, labScope, NotFoundError, pageSize, requireRead, toConnection, ValidationError, type BaseContext } from '@app/common';
import { IntakeJob, IntakeRow } from '../entities/index.js';
import { IntakeRowStatuses, type IntakeRowStatus } from '../entities/enums.js';
import type { SubmissionLoaders } from '../loaders/index.js';
import { newestFirstAfter } from './keyset.js';

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

  async list(args: { first?: number; after?: string }) {
    requireRead(this.ctx.principal, 'samples:read');
    const limit = pageSize(args.first);
    const after = decodeCursor(args.after, 2) as [string, string] | null;
    const scope = labScope(this.ctx.principal);
    const where = scope === null ? {} : { labId: scope };
    const rows = await this.ctx.em.find(IntakeJob, { ...where, ...newestFirstAfter(after) }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: limit + 1 });
    return toConnection(rows, limit, (j) => [j.createdAt.toISOString(), j.id], () => this.ctx.em.count(IntakeJob, where), !!after);
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
