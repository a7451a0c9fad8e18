import { EventTypes, ForbiddenError, InvalidTransitionError, NotFoundError, requireWrite, ValidationError, type BaseContext } from '@app/common';
import { IntakeJob, IntakeRow } from '../entities/index.js';
import type { SubmissionDeps } from '../deps.js';
import type { SubmissionLoaders } from '../loaders/index.js';
import { normalizeHeader } from './columns.js';
import { samplesClientOf } from './intake.service.js';
import { emitJobEvent, recountJob } from './job-events.js';
import { cellsOf, checkRows, nameKeyOf } from './row-check.js';
import { LockMode } from '@mikro-orm/core';

/** Jobs whose rows may still be changed: before commit, or after a commit that left rows behind. */
const EDITABLE = ['VALIDATED', 'PARTIALLY_COMMITTED'];
const MAX_EXCLUDE = 1_000;

/** Fixing rows in place and excluding them, each change revalidated by samples and recorded as an event. */
export class RowService {
  constructor(private readonly deps: SubmissionDeps, private readonly ctx: BaseContext, private readonly loaders: SubmissionLoaders) {}

  /** Sets cells (keyed by the sheet's header or a template column name) and checks the row again. */
  async update(rowId: string, values: Record<string, unknown>): Promise<IntakeRow> {
    requireWrite(this.ctx.principal, 'samples:write', 'ADMIN', 'STAFF', 'SUBMITTER');
    const entries = Object.entries(values ?? {});
    if (typeof values !== 'object' || values === null || Array.isArray(values) || entries.length === 0) throw ValidationError.field('values', 'must be an object of column → value');
    if (entries.length > 50) throw ValidationError.field('values', 'may set at most 50 cells');
    for (const [column, value] of entries) {
      if (value !== null && typeof value !== 'string' && typeof value !== 'number') throw ValidationError.field(`values.${column}`, 'must be text or a number');
      if (String(value ?? '').length > 10_000) throw ValidationError.field(`values.${column}`, 'must be at most 10000 characters');
    }
    const { row, job } = await this.editable(rowId);
    if (row.status === 'COMMITTED') throw new InvalidTransitionError(`Row ${row.rowNumber} is already a sample; change the sample instead`);
    const raw = { ...row.raw };
    const { headers } = cellsOf(raw);
    for (const [column, value] of entries) {
      const match = Object.keys(raw).find((h) => normalizeHeader(h) === normalizeHeader(column))
        ?? [...headers.entries()].find(([key]) => normalizeHeader(key) === normalizeHeader(column))?.[1];
      raw[match ?? column.trim()] = value === null ? '' : String(value);
    }
    const client = samplesClientOf(this.ctx);
    const target = {
      jobId: job.id, submissionId: job.submissionId ?? null, projectId: job.submissionId ? null : job.projectId ?? null, delimiter: ',',
      accounts: cellsOf(raw).cells.billingAccount ? await client.billingAccounts(job.labId) : new Map<string, string>(),
    };
    const others = async (nameKey: string) => this.ctx.em.findOne(IntakeRow, { job: job.id, nameKey, id: { $ne: row.id }, status: { $ne: 'EXCLUDED' }, rowNumber: { $lt: row.rowNumber } }, { orderBy: { rowNumber: 'asc' } });
    const name = nameKeyOf(cellsOf(raw).cells.name);
    const earlier = name ? await others(name) : null;
    const [checked] = await checkRows(client, target, [{ rowNumber: row.rowNumber, raw }], () => earlier?.rowNumber ?? null);
    return this.ctx.em.transactional(async (em) => {
      const current = await em.findOneOrFail(IntakeRow, row.id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      const before = { raw: current.raw, status: current.status, errors: current.errors };
      Object.assign(current, { raw, parsed: checked!.draft, errors: checked!.errors, nameKey: checked!.nameKey });
      if (current.status !== 'EXCLUDED') current.status = checked!.errors.length ? 'INVALID' : 'VALID';
      await em.flush();
      const locked = await recountJob(em, this.deps.schema, job.id);
      await emitJobEvent(em, this.deps, this.ctx, EventTypes.IntakeRowUpdated, locked, {
        rowId: current.id, rowNumber: current.rowNumber, cells: Object.fromEntries(entries), rowStatus: current.status, problems: current.errors,
      }, before);
      return current;
    });
  }

  /** Excludes rows from the commit (or brings them back with `excluded: false`). */
  async exclude(jobId: string, rowIds: string[], excluded: boolean): Promise<IntakeJob> {
    requireWrite(this.ctx.principal, 'samples:write', 'ADMIN', 'STAFF', 'SUBMITTER');
    if (!Array.isArray(rowIds) || rowIds.length === 0 || rowIds.length > MAX_EXCLUDE) throw ValidationError.field('rowIds', `must list 1 to ${MAX_EXCLUDE} rows`);
    const job = await this.loaders.jobById.load(jobId);
    if (!job) throw new NotFoundError('IntakeJob', jobId);
    if (!EDITABLE.includes(job.status)) throw new InvalidTransitionError(`The intake is ${job.status}; rows can only be excluded before they are committed`);
    return this.ctx.em.transactional(async (em) => {
      const rows = await em.find(IntakeRow, { job: job.id, id: { $in: rowIds.filter((id) => /^[0-9a-f-]{36}$/i.test(id)) } }, { lockMode: LockMode.PESSIMISTIC_WRITE });
      const found = new Set(rows.map((r) => r.id));
      const missing = rowIds.findIndex((id) => !found.has(id));
      if (missing >= 0) throw ValidationError.field(`rowIds.${missing}`, 'is not a row of this intake');
      const committed = rows.find((r) => r.status === 'COMMITTED');
      if (committed) throw new InvalidTransitionError(`Row ${committed.rowNumber} is already a sample`, { field: 'rowIds' });
      for (const row of rows) row.status = excluded ? 'EXCLUDED' : row.errors.length ? 'INVALID' : 'VALID';
      await em.flush();
      const before = { excludedCount: job.excludedCount };
      const locked = await recountJob(em, this.deps.schema, job.id);
      await emitJobEvent(em, this.deps, this.ctx, excluded ? EventTypes.IntakeRowsExcluded : EventTypes.IntakeRowsIncluded, locked, { rowNumbers: rows.map((r) => r.rowNumber) }, before);
      return locked;
    });
  }

  private async editable(rowId: string): Promise<{ row: IntakeRow; job: IntakeJob }> {
    const row = await this.loaders.rowById.load(rowId);
    if (!row) throw new NotFoundError('IntakeRow', rowId);
    const job = await this.loaders.jobById.load(row.job.id);
    if (!job) throw new ForbiddenError('You cannot change this intake');
    if (!EDITABLE.includes(job.status)) throw new InvalidTransitionError(`The intake is ${job.status}; rows can only be fixed before they are committed`);
    return { row, job };
  }
}
