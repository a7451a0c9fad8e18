import { LockMode } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  ConflictError, EventTypes, InvalidTransitionError, NEWEST_FIRST, NotFoundError, Problems, ValidationError, createEvent, eventOrigin, isUuid,
  keysetPage, recordEvents, type BaseContext, type Connection, type DomainEvent, type PageArgs, type RunMetricsImportedData,
  type SequencingRunEndedData, type SequencingRunFacts, type SequencingRunStartedData, type UploadPart,
} from '@app/common';
import { FlowCell, Pool, PoolMember, RunBarcodeYield, SequencingRun, Workflow } from '../../entities/index.js';
import { SequencerModels, type SequencerModel, type SequencingRunStatus } from '../../entities/lab-enums.js';
import { SOURCE, type WorkflowDeps } from '../../deps.js';
import type { WorkflowLoaders } from '../../loaders/index.js';
import { sampleSheetName } from './barcode-kits.js';
import { flowCellFitProblem, positionOf } from './devices.js';
import type { FlowCellService } from './flow-cell.service.js';
import { InRunStatuses } from './flow-cell-states.js';
import type { PoolService, SampleSheet } from './pool.service.js';
import { parseFinalSummary, parseSequencingSummary, type ReadTotals, type Yield } from './run-metrics.js';
import { UPLOAD_FIELD, readUploadedSummary } from './run-summary-upload.js';
import { minknowIdProblem } from './sample-sheet.js';

export interface StartSequencingRunInput {
  poolId?: string | null; sampleId?: string | null; flowCellId?: string | null; model: SequencerModel; position: string; deviceSerial?: string | null;
  experimentId: string; minknowRunId?: string | null; startedAt?: Date | null; poreCountAtStart?: number | null;
}
export interface EndSequencingRunInput { status: SequencingRunStatus; endedAt?: Date | null; poreCountAtEnd?: number | null; reason?: string | null }
export interface ImportRunMetricsInput { finalSummary?: string | null; sequencingSummary?: string | null; sequencingSummaryUpload?: UploadPart | null }
export interface RunFilter extends PageArgs { status?: SequencingRunStatus | null; poolId?: string | null; flowCellId?: string | null }

const ENDINGS: readonly SequencingRunStatus[] = ['COMPLETED', 'STOPPED', 'FAILED'];
const DEVICE_SERIAL = /^[A-Z0-9][A-Z0-9-]{2,29}$/;
const RUN_ID = /^[A-Za-z0-9][A-Za-z0-9_-]{0,99}$/;
const CLOCK_SKEW_MS = 5 * 60_000;
/** `SQK-NBD114-24_barcode05` (dorado) or `barcode05` (MinKNOW) → `barcode05`; other names as they are. */
const barcodeName = (raw: string) => /(barcode\d+)$/.exec(raw)?.[1] ?? raw;

/**
 * Sequencing runs (issue #15 point 2): a loaded pool, or one sample, on one flow cell at a position
 * of a device; ended with a status; metrics read from MinKNOW's summaries (point 5), with the
 * per-barcode yields mapped back to the pool's members. A flow cell holds one RUNNING run: the cell's
 * row is locked (after the pool's or the workflow's, the same order as loading and setup) and a
 * partial unique index backs it. Runs are facility records: STAFF and ADMIN change them and export
 * their sheets; staff, viewers and API tokens with workflow:read read them (submitters read their
 * samples' yields through Sample.sequencingYields).
 */
export class SequencingRunService {
  constructor(
    private readonly deps: WorkflowDeps, private readonly ctx: BaseContext, private readonly loaders: WorkflowLoaders,
    private readonly flowCells: FlowCellService, private readonly pools: PoolService,
  ) {}

  byId(id: string): Promise<SequencingRun | null> {
    this.flowCells.requireReader();
    return this.loaders.runById.load(id);
  }

  /** For fields that point at a run (a sample's yield): the run, or null for callers who may not read runs. */
  readable(id: string): Promise<SequencingRun | null> {
    try {
      this.flowCells.requireReader();
    } catch {
      return Promise.resolve(null);
    }
    return this.loaders.runById.load(id);
  }

  list(args: RunFilter): Promise<Connection<SequencingRun>> {
    this.flowCells.requireReader();
    const problems = new Problems();
    problems.uuid('poolId', args.poolId);
    problems.uuid('flowCellId', args.flowCellId);
    problems.throwIfAny();
    const where: Record<string, unknown> = {};
    if (args.status) where.status = args.status;
    if (args.poolId) where.pool = args.poolId;
    if (args.flowCellId) where.flowCell = args.flowCellId;
    return keysetPage<SequencingRun>(this.ctx.em, SequencingRun, where, NEWEST_FIRST, args);
  }

  yields(run: SequencingRun): Promise<RunBarcodeYield[]> {
    return this.loaders.yieldsByRunId.load(run.id);
  }

  /** The pool's latest run (for the pool-level steps), or null. */
  latestOfPool(poolId: string): Promise<SequencingRun | null> {
    return this.ctx.em.findOne(SequencingRun, { pool: poolId }, { orderBy: { startedAt: 'desc', id: 'desc' } });
  }

  async start(input: StartSequencingRunInput): Promise<SequencingRun> {
    this.flowCells.requireManager();
    const now = this.deps.now();
    const v = this.checkStart(input, now);
    return this.ctx.em.transactional(async (em) => {
      const holder = v.poolId ? await this.lockLoadedPool(em, v.poolId, input.flowCellId) : await this.lockWorkflow(em, v.sampleId!);
      const cellId = holder.pool?.flowCell?.id ?? input.flowCellId;
      if (!cellId) throw ValidationError.field('input.flowCellId', 'is required for a single-sample run (the flow cell its sequencing setup picked, or a checked one)');
      const cell = await this.flowCells.lockForPick(em, cellId, 'input.flowCellId');
      const misfit = flowCellFitProblem(v.model, cell.productCode);
      if (misfit) throw ValidationError.field('input.model', `flow cell ${cell.serial}: ${misfit}`);
      await this.refuseBusy(em, cell, v);
      const own = InRunStatuses.has(cell.status) && (v.poolId ? cell.loadedPoolId === v.poolId : cell.loadedSampleId === v.sampleId);
      if (!own) await this.flowCells.pickLocked(em, cell, { poolId: v.poolId, sampleId: v.sampleId, labId: holder.labId }, now);
      if (v.poreCountAtStart !== null) this.flowCells.count(em, cell, 'RUN_START', v.poreCountAtStart, v.startedAt, now, { poolId: v.poolId, sampleId: v.sampleId });
      const run = em.create(SequencingRun, {
        pool: holder.pool, sampleId: v.sampleId, labId: holder.labId, flowCell: cell, model: v.model, deviceSerial: v.deviceSerial, position: v.position,
        minknowRunId: v.minknowRunId, experimentId: v.experimentId, status: 'RUNNING', startedAt: v.startedAt, poreCountAtStart: v.poreCountAtStart,
        startedById: this.ctx.principal.userId, createdAt: now, updatedAt: now,
      });
      await this.flushUnique(em, `Flow cell ${cell.serial} was put on another run at the same time; reload and retry`);
      await this.emit(em, EventTypes.SequencingRunStarted, run, {
        ...this.facts(run, cell), startedAt: run.startedAt.toISOString(), poreCountAtStart: run.poreCountAtStart ?? null, deviceSerial: run.deviceSerial ?? null,
      } satisfies SequencingRunStartedData, now, { after: { status: 'RUNNING' } });
      return run;
    });
  }

  async end(id: string, input: EndSequencingRunInput): Promise<SequencingRun> {
    this.flowCells.requireManager();
    const now = this.deps.now();
    const problems = new Problems();
    const status = problems.oneOf('input.status', input.status, ENDINGS);
    const poreCountAtEnd = problems.number('input.poreCountAtEnd', input.poreCountAtEnd, { min: 0, max: 20_000, integer: true });
    const reason = problems.text('input.reason', input.reason, { required: false, max: 2000, multiline: true });
    const endedAt = this.pastTime(problems, 'input.endedAt', input.endedAt, now) ?? now;
    problems.throwIfAny();
    return this.ctx.em.transactional(async (em) => {
      const run = await this.lock(em, id);
      if (run.status !== 'RUNNING') throw new InvalidTransitionError(`Run ${run.experimentId} already ended (${run.status} at ${run.endedAt?.toISOString()})`, { runId: run.id, status: run.status });
      if (endedAt < run.startedAt) throw ValidationError.field('input.endedAt', `must not be before the run started (${run.startedAt.toISOString()})`);
      const cell = await this.flowCells.lockForPick(em, run.flowCell.id, 'flowCellId');
      const previousStatus = run.status;
      Object.assign(run, { status: status!, endedAt, endReason: reason, poreCountAtEnd, endedById: this.ctx.principal.userId, updatedAt: now });
      if (poreCountAtEnd !== null) this.flowCells.count(em, cell, 'RUN_END', poreCountAtEnd, endedAt, now, { poolId: run.pool?.id ?? null, sampleId: run.sampleId ?? null });
      await em.flush();
      await this.emit(em, EventTypes.SequencingRunEnded, run, {
        ...this.facts(run, cell), endedAt: endedAt.toISOString(), poreCountAtEnd, previousStatus,
      } satisfies SequencingRunEndedData, now, { before: { status: previousStatus }, after: { status: run.status }, reason });
      return run;
    });
  }

  /**
   * Reads a final summary and/or a sequencing summary into the run. Both are parsed and checked
   * against the run (flow cell, MinKNOW run id, position, barcodes) before anything is written; the
   * run's metrics and per-barcode yields are then replaced in one transaction.
   */
  async importMetrics(id: string, input: ImportRunMetricsInput): Promise<SequencingRun> {
    this.flowCells.requireManager();
    const now = this.deps.now();
    const upload = input.sequencingSummaryUpload ?? null;
    if (upload && input.sequencingSummary?.trim()) throw ValidationError.field(UPLOAD_FIELD, 'send the sequencing summary once: as text (sequencingSummary) or as a file, not both');
    if (!input.finalSummary?.trim() && !input.sequencingSummary?.trim() && !upload) throw ValidationError.field('input', 'send a finalSummary, a sequencingSummary (text or upload), or both');
    const summary = input.finalSummary?.trim() ? parseFinalSummary(input.finalSummary) : null;
    // Read (and checked) before the transaction: a file streams in without a row held locked.
    const reads = upload ? await readUploadedSummary(upload) : input.sequencingSummary?.trim() ? parseSequencingSummary(input.sequencingSummary) : null;
    return this.ctx.em.transactional(async (em) => {
      const run = await this.lock(em, id);
      const cell = await em.findOneOrFail(FlowCell, { id: run.flowCell.id });
      const members = run.pool ? await em.find(PoolMember, { pool: run.pool.id }, { orderBy: { barcode: 'asc' } }) : [];
      const problems = new Problems();
      if (summary) this.checkSummary(problems, run, cell, summary);
      const rows = reads ? this.yieldRows(problems, run, members, reads) : null;
      problems.throwIfAny();
      if (summary) {
        run.finalSummary = summary;
        run.minknowRunId ??= summary.protocol_run_id!;
      }
      if (reads && rows) {
        Object.assign(run, {
          readCount: reads.readCount, passReadCount: reads.passReadCount, baseCount: reads.baseCount, passBaseCount: reads.passBaseCount,
          n50: reads.n50, passPercent: reads.passPercent, meanQScore: reads.meanQScore,
        });
        await em.nativeDelete(RunBarcodeYield, { run: run.id });
        for (const r of rows) em.create(RunBarcodeYield, { run, ...r, createdAt: now });
      }
      run.metricsImportedAt = now;
      run.updatedAt = now;
      await em.flush();
      await this.emit(em, EventTypes.RunMetricsImported, run, {
        ...this.facts(run, cell), sources: [...(summary ? ['final_summary'] : []), ...(reads ? ['sequencing_summary'] : [])],
        readCount: run.readCount ?? null, baseCount: run.baseCount ?? null, n50: run.n50 ?? null, passPercent: run.passPercent ?? null, meanQScore: run.meanQScore ?? null,
        barcodes: (rows ?? []).map((r) => ({ barcode: r.barcode, sampleId: r.sampleId, readCount: r.readCount, baseCount: r.baseCount })),
      } satisfies RunMetricsImportedData, now);
      return run;
    });
  }

  /** The MinKNOW sample sheet of a pooled run, with its position (STAFF and ADMIN: it is prepared for the device). */
  async sampleSheet(id: string): Promise<SampleSheet> {
    this.flowCells.requireManager();
    const run = await this.loaders.runById.load(id);
    if (!run) throw new NotFoundError('SequencingRun', id);
    if (!run.pool) throw new InvalidTransitionError(`Run ${run.experimentId} is of a single sample, without barcodes; MinKNOW sample sheets are for pooled, barcoded runs`, { runId: run.id });
    return this.pools.sampleSheet(run.pool.id, run.experimentId, { positionId: run.position, downloadPath: `/lab/runs/${run.id}/sample-sheet.csv` });
  }

  // ── helpers ──

  private checkStart(input: StartSequencingRunInput, now: Date) {
    const problems = new Problems();
    const poolId = problems.uuid('input.poolId', input.poolId);
    const sampleId = problems.uuid('input.sampleId', input.sampleId);
    if (!!poolId === !!sampleId) problems.add('input.poolId', 'send a poolId (a pooled run) or a sampleId (a single-sample run), one of them');
    if (input.flowCellId !== null && input.flowCellId !== undefined && !isUuid(input.flowCellId)) problems.add('input.flowCellId', 'must be the id of a flow cell in the inventory');
    const model = problems.oneOf('input.model', input.model, SequencerModels);
    const where = model ? positionOf(model, input.position) : null;
    if (where && 'problem' in where) problems.add('input.position', where.problem);
    const deviceSerial = input.deviceSerial?.trim().toUpperCase() || null;
    if (deviceSerial && !DEVICE_SERIAL.test(deviceSerial)) problems.add('input.deviceSerial', 'must be a device serial such as GXB01234, PCA100123 or P2S-01234 (3-30 letters, digits, -)');
    const experimentId = input.experimentId?.trim() ?? '';
    const experimentProblem = minknowIdProblem(experimentId);
    if (experimentProblem) problems.add('input.experimentId', experimentProblem);
    const minknowRunId = input.minknowRunId?.trim() || null;
    if (minknowRunId && !RUN_ID.test(minknowRunId)) problems.add('input.minknowRunId', 'must be MinKNOW\'s protocol_run_id (a UUID, or 1-100 letters, digits, _ and -)');
    const poreCountAtStart = problems.number('input.poreCountAtStart', input.poreCountAtStart, { min: 0, max: 20_000, integer: true });
    const startedAt = this.pastTime(problems, 'input.startedAt', input.startedAt, now) ?? now;
    problems.throwIfAny();
    return { poolId, sampleId, model: model!, position: (where as { position: string }).position, deviceSerial, experimentId, minknowRunId, poreCountAtStart, startedAt };
  }

  private async lockLoadedPool(em: EntityManager, poolId: string, flowCellId: string | null | undefined): Promise<{ pool: Pool; labId: string | null }> {
    const pool = await em.findOne(Pool, { id: poolId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!pool) throw new NotFoundError('Pool', poolId);
    if (pool.status !== 'LOADED' || !pool.flowCell) {
      throw new InvalidTransitionError(`Pool ${pool.name} is not on a flow cell (it is ${pool.status}); load it (loadPool) before starting its run`, { poolId: pool.id, status: pool.status });
    }
    if (flowCellId && flowCellId !== pool.flowCell.id) throw ValidationError.field('input.flowCellId', `pool ${pool.name} is loaded on another flow cell (${pool.flowCell.id}); leave flowCellId out or send that`);
    return { pool, labId: pool.labId ?? null };
  }

  private async lockWorkflow(em: EntityManager, sampleId: string): Promise<{ pool: null; labId: string }> {
    const workflow = await em.findOne(Workflow, { sampleId }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
    if (!workflow) throw new NotFoundError('Workflow for sample', sampleId);
    if (workflow.archived) throw new InvalidTransitionError(`Sample ${sampleId} is archived; its workflow is closed`, { sampleId });
    return { pool: null, labId: workflow.labId };
  }

  /** A cell in a RUNNING run, or a device position another RUNNING run occupies, is refused (CONFLICT), naming that run. */
  private async refuseBusy(em: EntityManager, cell: FlowCell, v: { deviceSerial: string | null; position: string }): Promise<void> {
    const running = await em.findOne(SequencingRun, { flowCell: cell.id, status: 'RUNNING' });
    if (running) {
      throw new ConflictError(`Flow cell ${cell.serial} is in run ${running.experimentId} (${running.id}), RUNNING at ${running.position} since ${running.startedAt.toISOString()}; end that run before putting the cell on another`,
        { flowCellId: cell.id, serial: cell.serial, runId: running.id });
    }
    if (!v.deviceSerial) return;
    const occupied = await em.findOne(SequencingRun, { deviceSerial: v.deviceSerial, position: v.position, status: 'RUNNING' });
    if (occupied) throw new ConflictError(`Position ${v.position} of ${v.deviceSerial} is taken by run ${occupied.experimentId} (${occupied.id})`, { runId: occupied.id, field: 'input.position' });
  }

  /** The final summary must describe this run: its flow cell, its MinKNOW run id (when known) and its position. */
  private checkSummary(problems: Problems, run: SequencingRun, cell: FlowCell, summary: Record<string, string>): void {
    const field = 'input.finalSummary';
    const serial = summary.flow_cell_id!.toUpperCase();
    if (serial !== cell.serial) problems.add(field, `flow_cell_id=${summary.flow_cell_id} is not this run's flow cell (${cell.serial})`);
    if (run.minknowRunId && summary.protocol_run_id !== run.minknowRunId) problems.add(field, `protocol_run_id=${summary.protocol_run_id} is not this run's MinKNOW run id (${run.minknowRunId})`);
    const position = summary.position?.toUpperCase();
    if (position && position !== run.position && !position.endsWith(`-${run.position}`)) problems.add(field, `position=${summary.position} is not this run's position (${run.position})`);
  }

  /** One row per barcode (mapped to the pool member on it), or one row for a single-sample run's sample. */
  private yieldRows(problems: Problems, run: SequencingRun, members: PoolMember[], reads: ReadTotals) {
    const field = 'input.sequencingSummary';
    const row = (barcode: string, y: Yield, m: { sampleId: string; sampleName: string | null; labId: string | null } | null) => ({
      barcode, sampleId: m?.sampleId ?? null, sampleName: m?.sampleName ?? null, labId: m?.labId ?? null,
      readCount: y.readCount, passReadCount: y.passReadCount, baseCount: y.baseCount, passBaseCount: y.passBaseCount, n50: y.n50, meanQScore: y.meanQScore,
    });
    if (!run.pool) return [row('all', reads, { sampleId: run.sampleId!, sampleName: null, labId: run.labId ?? null })];
    if (!reads.barcodes) { problems.add(field, 'has no barcode_arrangement column; a pooled run\'s yields are counted per barcode'); return null; }
    const byBarcode = new Map(members.map((m) => [sampleSheetName(m.barcode), m]));
    const merged = new Map<string, Yield>();
    for (const [raw, y] of reads.barcodes) {
      const name = barcodeName(raw);
      if (merged.has(name)) { problems.add(field, `barcode_arrangement names ${name} in two ways`); continue; }
      merged.set(name, y);
    }
    return [...merged].map(([barcode, y]) => row(barcode, y, byBarcode.get(barcode) ?? null));
  }

  private facts(run: SequencingRun, cell: FlowCell): SequencingRunFacts {
    return {
      poolId: run.pool?.id ?? null, sampleId: run.sampleId ?? null, flowCellId: cell.id, serial: cell.serial, model: run.model, position: run.position,
      experimentId: run.experimentId, minknowRunId: run.minknowRunId ?? null, status: run.status,
    };
  }

  private async lock(em: EntityManager, id: string): Promise<SequencingRun> {
    const run = isUuid(id) ? await em.findOne(SequencingRun, { id }, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true }) : null;
    if (!run) throw new NotFoundError('SequencingRun', id);
    return run;
  }

  private pastTime(problems: Problems, field: string, value: Date | null | undefined, now: Date): Date | null {
    if (value === null || value === undefined) return null;
    if (!(value instanceof Date) || Number.isNaN(value.getTime())) { problems.add(field, 'is not a date-time'); return null; }
    if (value.getTime() > now.getTime() + CLOCK_SKEW_MS) { problems.add(field, 'must not be in the future'); return null; }
    if (value.getTime() < Date.UTC(2014, 0, 1)) { problems.add(field, 'must be after 2014 (the first nanopore runs)'); return null; }
    return value;
  }

  private async flushUnique(em: EntityManager, message: string): Promise<void> {
    try {
      await em.flush();
    } catch (err) {
      if ((err as Error).name === 'UniqueConstraintViolationException') throw new ConflictError(message);
      throw err;
    }
  }

  private async emit<T>(em: EntityManager, type: string, run: SequencingRun, data: T, now: Date,
    extra: { before?: Record<string, unknown>; after?: Record<string, unknown>; reason?: string | null } = {}): Promise<void> {
    await recordEvents(em, this.deps.schema, [createEvent(eventOrigin(this.ctx, SOURCE), {
      type, subject: { type: 'SequencingRun', id: run.id, labId: run.labId ?? null, ...(run.sampleId ? { sampleId: run.sampleId } : {}) },
      data, before: extra.before ?? null, after: extra.after ?? null, reason: extra.reason ?? null,
    }, now) as DomainEvent]);
  }
}
