import { randomUUID } from 'node:crypto';
import { EventTypes, InvalidTransitionError, emitEvent, eventOrigin, requireWrite, ValidationError, type BaseContext, type ExtractionFieldCorrectedData } from '@app/common';
import { ExtractionJob, ExtractionResult, FieldCorrection } from '../entities/index.js';
import type { ExtractionStatus } from '../entities/enums.js';
import { SOURCE, type AiDeps } from '../deps.js';
import { jobSubject } from './events.js';
import type { JobQueryService } from './job-query.service.js';
import { labelOfField } from './pdf/form-spec.js';
import type { CorrectionMemory } from './retrieval/memory.js';
import { Problems } from './validation.js';

export interface CorrectFieldInput {
  jobId: string;
  fieldName: string;
  value?: string | null;
  values?: string[] | null;
}

const MAX_VALUE = 2_000;

/** A person's review of a job: correct fields, then accept (the draft becomes the output) or reject. */
export class ReviewService {
  constructor(private readonly deps: AiDeps, private readonly ctx: BaseContext, private readonly jobs: JobQueryService, private readonly memory: CorrectionMemory) {}

  private async reviewable(jobId: string): Promise<ExtractionJob> {
    requireWrite(this.ctx.principal, 'samples:write', 'ADMIN', 'STAFF');
    const job = await this.jobs.visible(jobId);
    if (job.status !== 'NEEDS_REVIEW') throw new InvalidTransitionError(`The job is ${job.status}; only a job that NEEDS_REVIEW can be reviewed`, { status: job.status });
    return job;
  }

  async correctField(input: CorrectFieldInput): Promise<ExtractionResult> {
    requireWrite(this.ctx.principal, 'samples:write', 'ADMIN', 'STAFF');
    const problems = new Problems();
    problems.id('input.jobId', input.jobId);
    const fieldName = problems.text('input.fieldName', input.fieldName, { max: 100 });
    if (input.value != null && input.value.length > MAX_VALUE) problems.add('input.value', `must be at most ${MAX_VALUE} characters`);
    if (input.values && (input.values.length > 20 || input.values.some((v) => !v || v.length > 200))) problems.add('input.values', 'must be at most 20 non-empty values of at most 200 characters');
    if (input.value != null && input.values) problems.add('input.values', 'must not be given with input.value');
    problems.throwIfAny();
    const job = await this.reviewable(input.jobId);
    const found = await this.ctx.em.findOne(ExtractionResult, { job: job.id, fieldName: fieldName! });
    if (!found) throw ValidationError.field('input.fieldName', `is not a field of this job (${fieldName})`);
    const value = input.values ? input.values.join(', ') : (input.value?.trim() || null);
    const label = labelOfField(fieldName!);
    const wrong = found.values ? found.values.join(', ') : (found.value ?? null);
    // Embedded before the transaction: a model call must not hold database locks.
    const embedding = await this.memory.embed(this.memory.keyText(fieldName!, label, wrong));
    return this.ctx.em.transactional(async (em) => {
      const result = await em.findOneOrFail(ExtractionResult, found.id, { refresh: true });
      const before = { value: result.value, values: result.values, source: result.source, confidence: Number(result.confidence) };
      const correction = em.create(FieldCorrection, {
        id: randomUUID(), jobId: job.id, labId: job.labId, form: job.form, fieldName: fieldName!, labelText: label, wrongValue: wrong, rightValue: value,
        embedding: embedding.vector, embeddingModel: embedding.model, createdBy: this.ctx.principal.userId!, createdAt: this.deps.now(),
      });
      Object.assign(result, {
        value, values: input.values ?? null, source: 'MANUAL', confidence: 1, needsReview: false, warning: null,
        correctedBy: this.ctx.principal.userId, correctedAt: this.deps.now(), correctionId: correction.id,
      });
      await em.flush();
      await emitEvent(em, this.deps.schema, eventOrigin(this.ctx, SOURCE), {
        type: EventTypes.ExtractionFieldCorrected, subject: jobSubject(job), data: { fieldName, correctionId: correction.id } satisfies ExtractionFieldCorrectedData,
        before, after: { value, values: input.values ?? null, source: 'MANUAL', confidence: 1 },
      });
      return result;
    });
  }

  /** Accepts the draft: it is the job's output (ExtractionAccepted carries it) until intake commits it. */
  async accept(jobId: string): Promise<ExtractionJob> {
    const job = await this.reviewable(jobId);
    const accepted = await this.transition(job, 'ACCEPTED', null, async (em) => {
      const results = await em.find(ExtractionResult, { job: job.id }, { orderBy: { position: 'asc' } });
      await em.nativeUpdate(FieldCorrection, { jobId: job.id }, { accepted: true });
      return { form: job.form, fields: Object.fromEntries(results.map((r) => [r.fieldName, r.values ?? r.value])), samples: job.samples };
    });
    await this.memory.indexAccepted(job.id).catch((err: unknown) => this.ctx.logger.warn({ err, jobId }, 'corrections not indexed'));
    return accepted;
  }

  async reject(jobId: string, reason: string): Promise<ExtractionJob> {
    requireWrite(this.ctx.principal, 'samples:write', 'ADMIN', 'STAFF');
    const problems = new Problems();
    const text = problems.text('reason', reason, { max: 1000, multiline: true });
    problems.throwIfAny();
    const job = await this.reviewable(jobId);
    return this.transition(job, 'REJECTED', text, async () => ({}));
  }

  private async transition(job: ExtractionJob, status: ExtractionStatus, reason: string | null, data: (em: BaseContext['em']) => Promise<Record<string, unknown>>) {
    return this.ctx.em.transactional(async (em) => {
      const updated = await em.nativeUpdate(ExtractionJob, { id: job.id, status: 'NEEDS_REVIEW' }, {
        status, reviewedBy: this.ctx.principal.userId, reviewedAt: this.deps.now(), rejectReason: reason,
      });
      if (updated !== 1) throw new InvalidTransitionError('The job was reviewed meanwhile', { status: job.status });
      await emitEvent(em, this.deps.schema, eventOrigin(this.ctx, SOURCE), {
        type: status === 'ACCEPTED' ? EventTypes.ExtractionAccepted : EventTypes.ExtractionRejected, subject: jobSubject(job),
        data: await data(em), before: { status: 'NEEDS_REVIEW' }, after: { status }, reason,
      });
      return em.findOneOrFail(ExtractionJob, job.id, { refresh: true });
    });
  }
}
