import type { EntityManager } from '@mikro-orm/postgresql';
import {
  DelegatedCallError, EventTypes, ConflictError, ErrorCode, executeBound, InvalidTransitionError, NotFoundError, qualified, requireWrite, ValidationError,
  type BaseContext, type IntakeRowsCommittedData,
} from '@app/common';
import { AcceptedExtraction, IntakeJob, IntakeRow } from '../entities/index.js';
import type { IntakeStatus } from '../entities/enums.js';
import type { SubmissionDeps } from '../deps.js';
import type { SamplesClient } from '../clients/samples-client.js';
import type { SubmissionLoaders } from '../loaders/index.js';
import { quoteSampleNumber } from '../parsers/extraction.js';
import { samplesClientOf } from './intake.service.js';
import { emitJobEvent, recountJob } from './job-events.js';
import type { ProgressReporter } from './progress.js';
import { cellsOf, columnOf } from './row-check.js';
import { validRowsAfter, type RowToCommit } from './row-store.js';
import { LockMode } from '@mikro-orm/core';

/** Samples per addSamples call (samples' own limit): one transaction in samples, one batch of results here. */
export const COMMIT_BATCH = 1_000;
/** A commit holds its job this long past its last batch; a crashed commit can be resumed after that. */
const LEASE_MS = 2 * 60_000;
const COMMITTABLE: IntakeStatus[] = ['VALIDATED', 'PARTIALLY_COMMITTED', 'COMMITTING', 'FAILED'];

type Origin = Pick<BaseContext, 'principal' | 'client' | 'correlationId' | 'logger'>;

/**
 * Commits a job's valid rows as samples through samples' own API as the caller, in batches.
 * Idempotent by (job, row): each row is sent with the external key `intake:<job>:<row>`, which
 * samples turns into "that sample already exists" on a resend, so a retry or a crash between a
 * batch landing in samples and its result landing here neither duplicates nor loses a row.
 */
export class CommitService {
  constructor(private readonly deps: SubmissionDeps, private readonly ctx: BaseContext, private readonly loaders: SubmissionLoaders, private readonly progress: ProgressReporter) {}

  async commit(jobId: string, idempotencyKey: string): Promise<IntakeJob> {
    requireWrite(this.ctx.principal, 'samples:write', 'ADMIN', 'STAFF', 'SUBMITTER');
    const key = idempotencyKey?.trim() ?? '';
    if (key.length < 8 || key.length > 200) throw ValidationError.field('idempotencyKey', 'must be 8-200 characters (e.g. a UUID you keep for retries)');
    const job = await this.loaders.jobById.load(jobId);
    if (!job) throw new NotFoundError('IntakeJob', jobId);
    if (job.commitKey && job.commitKey !== key) throw new ConflictError(`This intake was committed with another idempotency key (${job.status})`);
    if (job.status === 'COMMITTED' || (job.status === 'COMMITTING' && job.leaseUntil && job.leaseUntil > this.deps.now())) return job;
    if (!COMMITTABLE.includes(job.status) || (job.status === 'FAILED' && !job.commitKey)) {
      throw new InvalidTransitionError(`An intake that is ${job.status} cannot be committed${job.error ? `: ${job.error}` : ''}`);
    }
    const client = samplesClientOf(this.ctx);
    const claimed = await this.claim(job, key);
    if (!claimed.submissionId) await this.createSubmission(claimed, client);
    this.deps.commits.track(this.run(claimed.id, client, { ...this.ctx }));
    return claimed;
  }

  /** Takes the job for this commit atomically: two concurrent commits cannot both start. */
  private claim(job: IntakeJob, key: string): Promise<IntakeJob> {
    return this.ctx.em.transactional(async (em) => {
      const current = await em.findOneOrFail(IntakeJob, job.id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      const now = this.deps.now();
      if (current.status === 'COMMITTING' && current.leaseUntil && current.leaseUntil > now) throw new ConflictError('A commit of this intake is already running');
      if (current.commitKey && current.commitKey !== key) throw new ConflictError('This intake was committed with another idempotency key');
      const before = { status: current.status };
      Object.assign(current, { status: 'COMMITTING', commitKey: key, committedBy: this.ctx.principal.userId, leaseUntil: new Date(now.getTime() + LEASE_MS), error: null });
      await em.flush();
      await emitJobEvent(em, this.deps, this.ctx, EventTypes.IntakeCommitStarted, current, { idempotencyKey: key, resumed: before.status !== 'VALIDATED' }, before);
      return current;
    });
  }

  /** No submission named: the commit creates one in the job's project and files the job under it before any sample is sent. */
  private async createSubmission(job: IntakeJob, client: SamplesClient): Promise<void> {
    const submission = await client.createSubmission(job.projectId!);
    await this.ctx.em.transactional(async (em) => {
      const current = await em.findOneOrFail(IntakeJob, job.id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      current.submissionId = submission.id;
      await em.flush();
      await emitJobEvent(em, this.deps, this.ctx, EventTypes.IntakeSubmissionCreated, current, { submissionId: submission.id, projectId: job.projectId });
    });
    job.submissionId = submission.id;
  }

  /**
   * The batches in row order, each read on a fresh entity manager. While samples adds one batch,
   * the results of the one before are stored here (one of each at a time, so counters and sample
   * numbers still follow the sheet); ends COMMITTED, PARTIALLY_COMMITTED or FAILED.
   */
  private async run(jobId: string, client: SamplesClient, origin: Origin): Promise<void> {
    let error: string | null = null;
    let recording: Promise<void> = Promise.resolve();
    try {
      const job = await this.deps.orm.em.fork().findOneOrFail(IntakeJob, jobId);
      let after = 0;
      for (;;) {
        const em = this.deps.orm.em.fork();
        const rows = await validRowsAfter(em, this.deps.schema, jobId, after, COMMIT_BATCH);
        if (rows.length === 0) break;
        const sent = await this.send(job, rows, client);
        await recording;
        if (sent instanceof DelegatedCallError) {
          // The rows samples named are marked FAILED; the rest of the batch is read again and resent.
          await this.markRefused(em, job, rows, sent);
          continue;
        }
        after = rows[rows.length - 1]!.rowNumber;
        recording = this.record(job, rows, sent, origin);
        recording.catch(() => undefined); // awaited before the next batch's results; this only keeps it from counting as unhandled meanwhile
      }
      await recording;
    } catch (err) {
      // Samples' own answers are for the user; anything else is logged in full and masked (it could show SQL or row data).
      error = err instanceof DelegatedCallError ? err.message : `The commit stopped by an internal error (logged under job ${jobId}); commit again with the same key to resume`;
      if (!(err instanceof DelegatedCallError)) origin.logger.error({ err, jobId }, 'intake commit failed');
    }
    await this.finish(jobId, error, origin).catch((err: unknown) => origin.logger.error({ err, jobId }, 'intake commit could not be finished'));
  }

  /** One addSamples call; a refusal of the rows (BAD_USER_INPUT) is answered, not thrown. */
  private async send(job: IntakeJob, rows: RowToCommit[], client: SamplesClient): Promise<{ id: string; externalKey: string | null }[] | DelegatedCallError> {
    try {
      return await client.addSamples(job.submissionId!, rows.map((r) => r.parsed));
    } catch (err) {
      if (err instanceof DelegatedCallError && err.code === ErrorCode.BAD_USER_INPUT) return err;
      throw err;
    }
  }

  /** Marks a batch's rows COMMITTED with their samples and counts them onto the job, in one transaction. */
  private async record(job: IntakeJob, rows: RowToCommit[], samples: { id: string; externalKey: string | null }[], origin: Origin): Promise<void> {
    const byKey = new Map(samples.map((s) => [s.externalKey, s.id]));
    await this.deps.orm.em.fork().transactional(async (tx) => {
      // One statement for the whole batch: an UPDATE per row cost more than the samples call itself.
      const values = rows.map(() => '(?::uuid, ?::uuid)').join(', ');
      const { affectedRows } = await executeBound<{ affectedRows: number }>(tx,
        `update ${qualified(this.deps.schema, 'intake_row')} as r set status = 'COMMITTED', sample_id = v.sample_id from (values ${values}) as v(id, sample_id) where r.id = v.id and r.status = 'VALID'`,
        rows.flatMap((r) => [r.id, byKey.get(r.parsed.externalKey as string) ?? null]), 'run');
      // Counted up in the transaction that commits the rows (a recount per batch read every row of the job each time);
      // finish() recounts once at the end.
      const locked = await tx.findOneOrFail(IntakeJob, job.id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      locked.committedCount += affectedRows;
      locked.leaseUntil = new Date(this.deps.now().getTime() + LEASE_MS);
      await tx.flush();
      Object.assign(job, locked);
      if (job.extractionJobId) await this.announceSamples(tx, job, rows, byKey, origin);
    });
    this.progress.report(job, 'COMMITTING', job.committedCount, job.rowCount - job.excludedCount - job.errorCount);
  }

  /** An extraction's intake tells ai which sample each quote row became (`IntakeRowsCommitted`, with the rows' commit). */
  private async announceSamples(tx: EntityManager, job: IntakeJob, rows: RowToCommit[], byKey: Map<unknown, string>, origin: Origin): Promise<void> {
    const accepted = await tx.findOne(AcceptedExtraction, job.extractionJobId!);
    const committed = rows.flatMap((r) => {
      const sampleId = byKey.get(r.parsed.externalKey);
      return sampleId ? [{ rowNumber: r.rowNumber, sampleId, sampleNumber: accepted ? quoteSampleNumber(accepted, r.rowNumber) : null }] : [];
    });
    if (!committed.length) return;
    const data: Omit<IntakeRowsCommittedData, 'kind' | 'filename'> = { extractionJobId: job.extractionJobId!, rows: committed };
    await emitJobEvent(tx, this.deps, origin, EventTypes.IntakeRowsCommitted, job, data);
  }

  private async markRefused(em: EntityManager, job: IntakeJob, rows: RowToCommit[], err: DelegatedCallError): Promise<void> {
    const byIndex = new Map<number, { field: string; column: string | null; message: string }[]>();
    for (const p of err.problems) {
      const match = /^samples\.(\d+)\.(.+)$/.exec(p.field);
      if (!match) continue;
      const row = rows[Number(match[1])];
      if (!row) continue;
      const list = byIndex.get(Number(match[1])) ?? [];
      list.push({ field: match[2]!, column: columnOf(match[2]!, cellsOf(row.raw).headers), message: p.message });
      byIndex.set(Number(match[1]), list);
    }
    // A refusal naming no row (the submission closed, say) refuses the whole batch.
    const refused = byIndex.size ? [...byIndex.keys()] : rows.map((_, i) => i);
    await em.transactional(async (tx) => {
      for (const i of refused) {
        tx.assign(tx.getReference(IntakeRow, rows[i]!.id), { status: 'FAILED', errors: byIndex.get(i) ?? [{ field: 'row', column: null, message: err.message }] });
      }
      await tx.flush();
      Object.assign(job, await recountJob(tx, this.deps.schema, job.id));
    });
  }

  private async finish(jobId: string, error: string | null, origin: Origin): Promise<void> {
    const em = this.deps.orm.em.fork();
    const job = await em.transactional(async (tx) => {
      const current = await recountJob(tx, this.deps.schema, jobId);
      const pending = await tx.count(IntakeRow, { job: jobId, status: { $in: ['VALID', 'INVALID'] } });
      const status: IntakeStatus = !error && pending === 0 && current.failedCount === 0 ? 'COMMITTED' : current.committedCount > 0 ? 'PARTIALLY_COMMITTED' : 'FAILED';
      const before = { status: current.status };
      Object.assign(current, { status, error, leaseUntil: null, committedAt: this.deps.now() });
      await tx.flush();
      await emitJobEvent(tx, this.deps, origin, EventTypes.IntakeCommitFinished, current, { submissionId: current.submissionId, error, pendingRows: pending }, before);
      return current;
    });
    this.progress.report(job, job.status, job.committedCount, job.committedCount + job.failedCount);
  }
}
