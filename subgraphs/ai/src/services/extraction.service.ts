import type { EntityManager } from '@mikro-orm/postgresql';
import {
  EventTypes, ForbiddenError, emitEvent, eventOrigin, labScope, requireWrite, type BaseContext, type EventOrigin, type ExtractionCompletedData, type ExtractionFailedData, type ExtractionJobCreatedData,
} from '@app/common';
import { ExtractionJob, ExtractionResult } from '../entities/index.js';
import { SOURCE, type AiDeps } from '../deps.js';
import { extractFromText } from './pattern-extractor.js';
import { Problems } from './validation.js';

export interface StartTextExtractionInput {
  submissionId: string;
  sampleId?: string | null;
  text: string;
  labId?: string | null;
}

const subjectOf = (job: ExtractionJob) => ({
  type: 'ExtractionJob', id: job.id, submissionId: job.submissionId, sampleId: job.sampleId, labId: job.labId,
});

export class ExtractionService {
  constructor(private readonly deps: AiDeps, private readonly ctx: BaseContext) {}

  /**
   * Creates a job (its own transaction, so the attempt is recorded even if extraction fails), then
   * runs the pattern extractor and stores its results with the completion event.
   */
  async startText(input: StartTextExtractionInput): Promise<ExtractionJob> {
    requireWrite(this.ctx.principal, 'samples:write', 'ADMIN', 'STAFF', 'SUBMITTER');
    const { submissionId, sampleId, labId, text } = this.validate(input);
    const origin = eventOrigin(this.ctx, SOURCE);
    const job = await this.ctx.em.transactional(async (em) => {
      const created = em.create(ExtractionJob, {
        submissionId, sampleId, labId, method: 'PATTERN', createdBy: this.ctx.principal.userId!, createdAt: this.deps.now(),
      });
      await em.flush();
      await emitEvent(em, this.deps.schema, origin, {
        type: EventTypes.ExtractionJobCreated, subject: subjectOf(created),
        data: { method: created.method, submissionId, sampleId, source: 'TEXT', textLength: text.length } satisfies ExtractionJobCreatedData,
        after: { status: created.status, method: created.method },
      });
      return created;
    });
    try {
      return await this.ctx.em.transactional((em) => this.runPattern(em, job.id, text, origin));
    } catch (err) {
      this.ctx.logger.error({ err, jobId: job.id }, 'extraction failed');
      return this.ctx.em.transactional((em) => this.fail(em, job.id, origin));
    }
  }

  private validate(input: StartTextExtractionInput) {
    const problems = new Problems();
    const submissionId = problems.id('submissionId', input.submissionId);
    const sampleId = problems.id('sampleId', input.sampleId, false);
    const max = this.deps.config.AI_MAX_TEXT_CHARS;
    if (!input.text?.trim()) problems.add('text', 'is required');
    else if (input.text.length > max) problems.add('text', `must be at most ${max} characters`);
    const scope = labScope(this.ctx.principal);
    const labId = problems.text('labId', input.labId ?? scope, { max: 100 });
    problems.throwIfAny();
    if (scope !== null && labId !== scope) throw new ForbiddenError('Submitters can only extract for their own lab');
    return { submissionId: submissionId!, sampleId, labId: labId!, text: input.text };
  }

  private async runPattern(em: EntityManager, jobId: string, text: string, origin: EventOrigin): Promise<ExtractionJob> {
    const job = await em.findOneOrFail(ExtractionJob, jobId);
    job.status = 'RUNNING';
    job.startedAt = this.deps.now();
    const values = extractFromText(text, this.deps.config.AI_REVIEW_THRESHOLD);
    values.forEach((value, position) => em.create(ExtractionResult, { job, position, ...value, createdAt: this.deps.now() }));
    job.status = 'NEEDS_REVIEW';
    job.stage = 'DONE';
    job.progress = 1;
    job.finishedAt = this.deps.now();
    await em.flush();
    const needsReview = values.filter((v) => v.needsReview).length;
    await emitEvent(em, this.deps.schema, origin, {
      type: EventTypes.ExtractionCompleted, subject: subjectOf(job),
      data: { method: job.method, resultCount: values.length, needsReviewCount: needsReview, fields: values.map((v) => v.fieldName) } satisfies ExtractionCompletedData,
      before: { status: 'QUEUED' }, after: { status: job.status, progress: job.progress },
    });
    return job;
  }

  private async fail(em: EntityManager, jobId: string, origin: EventOrigin): Promise<ExtractionJob> {
    const job = await em.findOneOrFail(ExtractionJob, jobId);
    job.status = 'FAILED';
    job.stage = 'DONE';
    job.error = 'The extractor could not read this text';
    job.finishedAt = this.deps.now();
    await em.flush();
    await emitEvent(em, this.deps.schema, origin, {
      type: EventTypes.ExtractionFailed, subject: subjectOf(job), data: { method: job.method, error: job.error } satisfies ExtractionFailedData,
      before: { status: 'QUEUED' }, after: { status: job.status },
    });
    return job;
  }
}
