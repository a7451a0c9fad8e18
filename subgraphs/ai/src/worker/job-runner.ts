import type { EntityManager } from '@mikro-orm/postgresql';
import { EventTypes, createEvent, emitEvent, SYSTEM, type EventOrigin, type ExtractionCompletedData, type ExtractionFailedData, type ExtractionProgressData } from '@app/common';
import { ExtractionJob, ExtractionResult, ExtractionSource } from '../entities/index.js';
import type { ExtractionStage } from '../entities/enums.js';
import { SOURCE, type AiDeps } from '../deps.js';
import { jobSubject } from '../services/events.js';
import { UnreadablePdfError } from '../services/pdf/limits.js';
import { LOW_CONFIDENCE, type DraftField, type ExtractionDraft } from '../services/pdf/draft.js';
import type { Stage } from '../services/pdf/extract.js';
import { pdfLimitsOf } from '../services/pdf/limits.js';
import type { PdfReaderPool } from '../services/pdf/reader-pool.js';
import type { Assistant } from '../services/assist/assistant.js';
import type { JobLeases } from './leases.js';

const ORIGIN: EventOrigin = { source: SOURCE, principal: SYSTEM };

/** Lost the lease mid-run: another worker owns the job now, so this run's results are dropped. */
class LeaseLost extends Error {}

/** Share of the work done at a stage: reading pages is most of it. */
const shareOf = (stage: Stage, page: number, pages: number) =>
  stage === 'READING' ? 0.8 * (page / Math.max(1, pages)) : stage === 'DONE' ? 1 : 0.9;

/** Runs one claimed PDF job to NEEDS_REVIEW (or FAILED), reporting progress as it goes. */
export class JobRunner {
  constructor(
    private readonly deps: AiDeps, private readonly leases: JobLeases, private readonly assistant: Assistant, private readonly owner: string,
    private readonly reader: PdfReaderPool,
  ) {}

  async run(jobId: string): Promise<void> {
    const em = this.deps.orm.em.fork();
    const job = await em.findOneOrFail(ExtractionJob, jobId);
    const source = await em.findOne(ExtractionSource, jobId);
    try {
      if (!source) throw new UnreadablePdfError('CORRUPT', 'The job has no file to read');
      // Read in a worker thread: a file that takes too long or too much memory has its thread stopped, and this loop goes on.
      const draft = await this.reader.read(new Uint8Array(source.bytes), pdfLimitsOf(this.deps.config), (p) => this.progress(job, p.stage, p.page, p.pages));
      if (!draft.form) throw new UnreadablePdfError('NOT_PDF', draft.warnings[0] ?? 'Not a quote form');
      await this.progress(job, 'ASSIST', draft.pages, draft.pages);
      const assisted = await this.assistant.assist(job, draft);
      await this.finish(job, assisted.draft, assisted.llm);
    } catch (err) {
      if (err instanceof LeaseLost) return void this.deps.logger.warn({ jobId }, 'lease lost; another worker finishes this job');
      if (!(err instanceof UnreadablePdfError)) this.deps.logger.error({ err, jobId }, 'extraction failed');
      await this.fail(job, err instanceof UnreadablePdfError ? err.message : 'The extractor failed on this file');
    }
  }

  private async progress(job: ExtractionJob, stage: ExtractionStage, page: number, pages: number): Promise<void> {
    const progress = Math.round(shareOf(stage as Stage, page, pages) * 1000) / 1000;
    if (!(await this.leases.renew(this.owner, job.id, this.deps.now(), { stage, pagesDone: page, pagesTotal: pages, progress }))) throw new LeaseLost();
    await this.publish(job, { status: 'RUNNING', stage, page, pages, progress, message: null });
  }

  /** Ticks go straight on the bus; the gateway streams them to `extractionProgress` subscribers. */
  private async publish(job: ExtractionJob, data: Omit<ExtractionProgressData, 'jobId'>): Promise<void> {
    await this.deps.bus.publish(createEvent(ORIGIN, { type: EventTypes.ExtractionProgress, subject: jobSubject(job), data: { jobId: job.id, ...data } satisfies ExtractionProgressData }, this.deps.now()))
      .catch((err: unknown) => this.deps.logger.warn({ err, jobId: job.id }, 'progress not published'));
  }

  /** Stores the draft and moves to NEEDS_REVIEW in one transaction, only while this worker holds the lease. */
  private async finish(job: ExtractionJob, draft: ExtractionDraft, llm: { model: string; promptVersion: string; latencyMs: number } | null): Promise<void> {
    const done = await this.deps.orm.em.fork().transactional(async (em) => {
      const updated = await em.nativeUpdate(ExtractionJob, { id: job.id, leaseOwner: this.owner, status: 'RUNNING' }, {
        status: 'NEEDS_REVIEW', stage: 'DONE', progress: 1, form: draft.form, warnings: draft.warnings, samples: draft.samples,
        pagesDone: draft.pages, pagesTotal: draft.pages, finishedAt: this.deps.now(), leaseOwner: null, leaseExpiresAt: null,
        llmModel: llm?.model ?? null, llmPromptVersion: llm?.promptVersion ?? null, llmLatencyMs: llm?.latencyMs ?? null,
      });
      if (updated !== 1) return false;
      await em.nativeDelete(ExtractionResult, { job: job.id });
      const ref = em.getReference(ExtractionJob, job.id);
      draft.fields.forEach((f, position) => em.create(ExtractionResult, { job: ref, position, ...resultOf(f), createdAt: this.deps.now() }));
      await em.flush();
      await emitEvent(em, this.deps.schema, ORIGIN, {
        type: EventTypes.ExtractionCompleted, subject: jobSubject(job),
        data: { method: job.method, form: draft.form, pages: draft.pages, resultCount: draft.fields.length, sampleCount: draft.samples.length, needsReviewCount: draft.fields.filter(needsReview).length, warnings: draft.warnings, llmModel: llm?.model ?? null } satisfies ExtractionCompletedData,
        before: { status: 'RUNNING' }, after: { status: 'NEEDS_REVIEW' },
      });
      return true;
    });
    if (done) await this.publish(job, { status: 'NEEDS_REVIEW', stage: 'DONE', page: draft.pages, pages: draft.pages, progress: 1, message: null });
  }

  private async fail(job: ExtractionJob, reason: string): Promise<void> {
    await failJob(this.deps, this.deps.orm.em.fork(), job, reason, this.owner);
    await this.publish(job, { status: 'FAILED', stage: 'DONE', page: 0, pages: 0, progress: 1, message: reason });
  }
}

const needsReview = (f: DraftField) => f.confidence < LOW_CONFIDENCE || f.warning !== null;

/** A draft field as a stored result row. */
export function resultOf(f: DraftField) {
  const list = Array.isArray(f.value) ? f.value : null;
  return {
    fieldName: f.name, value: list ? list.join(', ') : (f.value as string | null), values: list, confidence: f.confidence, source: f.source,
    sourceText: f.warning ?? '', warning: f.warning, page: f.page, boundingBox: f.bbox, needsReview: needsReview(f), extractedValue: f.value, correctionId: f.correctionId ?? null,
  };
}

/** Ends a job FAILED with a reason (guarded by the lease when `owner` is given), with its event. */
export async function failJob(deps: AiDeps, em: EntityManager, job: ExtractionJob, reason: string, owner: string | null): Promise<boolean> {
  return em.transactional(async (tx) => {
    const where = owner ? { id: job.id, leaseOwner: owner, status: 'RUNNING' as const } : { id: job.id, status: { $in: ['QUEUED', 'RUNNING'] as ('QUEUED' | 'RUNNING')[] } };
    const updated = await tx.nativeUpdate(ExtractionJob, where, { status: 'FAILED', stage: 'DONE', error: reason.slice(0, 1000), finishedAt: deps.now(), leaseOwner: null, leaseExpiresAt: null });
    if (updated !== 1) return false;
    await emitEvent(tx, deps.schema, ORIGIN, { type: EventTypes.ExtractionFailed, subject: jobSubject(job), data: { method: job.method, error: reason } satisfies ExtractionFailedData, after: { status: 'FAILED' } });
    return true;
  });
}
