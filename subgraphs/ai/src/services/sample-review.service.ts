import { EventTypes, emitEvent, eventOrigin, InvalidTransitionError, requireWrite, ValidationError, type BaseContext, type ExtractedSampleCorrectedData } from '@app/common';
import { ExtractionJob } from '../entities/index.js';
import { SOURCE, type AiDeps } from '../deps.js';
import { jobSubject } from './events.js';
import type { JobQueryService } from './job-query.service.js';
import type { DraftSample } from './pdf/draft.js';
import { CONTROL_NAMES } from './pdf/form-spec.js';
import { Problems } from './validation.js';
import { LockMode } from '@mikro-orm/core';

export interface CorrectSampleInput {
  jobId: string;
  sampleNumber: string;
  field: string;
  value?: string | null;
}

const CELLS = ['sampleName', 'volume', 'volumeUnit', 'qubitConc', 'qubitUnit', 'nanodropConc', 'nanodropUnit', 'a260_280', 'a260_230', 'isControl'] as const;
type Cell = (typeof CELLS)[number];

/** A reviewer's corrections of the sample table of a job that NEEDS_REVIEW. */
export class SampleReviewService {
  constructor(private readonly deps: AiDeps, private readonly ctx: BaseContext, private readonly jobs: JobQueryService) {}

  async correct(input: CorrectSampleInput): Promise<DraftSample> {
    requireWrite(this.ctx.principal, 'samples:write', 'ADMIN', 'STAFF');
    const problems = new Problems();
    problems.id('input.jobId', input.jobId);
    problems.text('input.sampleNumber', input.sampleNumber, { max: 10 });
    if (!CELLS.includes(input.field as Cell)) problems.add('input.field', `must be one of ${CELLS.join(', ')}`);
    const value = input.value?.trim() || null;
    if (value && value.length > 300) problems.add('input.value', 'must be at most 300 characters');
    if (input.field === 'isControl' && value !== 'true' && value !== 'false') problems.add('input.value', 'must be true or false for isControl');
    if (input.field === 'sampleName' && !value) problems.add('input.value', 'is required for sampleName');
    problems.throwIfAny();
    const job = await this.jobs.visible(input.jobId);
    return this.ctx.em.transactional(async (em) => {
      const locked = await em.findOneOrFail(ExtractionJob, job.id, { lockMode: LockMode.PESSIMISTIC_WRITE, refresh: true });
      if (locked.status !== 'NEEDS_REVIEW') throw new InvalidTransitionError(`The job is ${locked.status}; only a job that NEEDS_REVIEW can be reviewed`, { status: locked.status });
      const index = locked.samples.findIndex((s) => s.sampleNumber === input.sampleNumber);
      if (index < 0) throw ValidationError.field('input.sampleNumber', `is not a row of this job (${input.sampleNumber})`);
      const before = locked.samples[index]!;
      const cell = input.field as Cell;
      const after: DraftSample = { ...before, [cell]: cell === 'isControl' ? value === 'true' : value, confidence: 1, warning: null };
      if (cell === 'sampleName') after.isControl = CONTROL_NAMES.test(value!);
      locked.samples = locked.samples.map((s, i) => (i === index ? after : s));
      await em.flush();
      await emitEvent(em, this.deps.schema, eventOrigin(this.ctx, SOURCE), {
        type: EventTypes.ExtractedSampleCorrected, subject: jobSubject(locked), data: { sampleNumber: input.sampleNumber, field: cell } satisfies ExtractedSampleCorrectedData,
        before: { [cell]: before[cell] }, after: { [cell]: after[cell] },
      });
      return after;
    });
  }
}
