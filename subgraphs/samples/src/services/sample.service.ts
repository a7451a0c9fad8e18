import { createEvent, eventOrigin, NotFoundError, recordEvents, requireWrite, ValidationError, type BaseContext, type DomainEvent } from '@app/common';
import { Sample, Submission } from '../entities/index.js';
import { Priorities, SampleTypes, type Priority, type SampleType } from '../entities/enums.js';
import { SOURCE, type SamplesDeps } from '../deps.js';
import type { SamplesLoaders } from '../loaders/index.js';
import { Problems } from './validation.js';

export interface SampleInput {
  name: string;
  sampleType: SampleType;
  priority?: Priority | null;
}

export const MAX_SAMPLES_PER_CALL = 1_000;

export class SampleService {
  constructor(private readonly deps: SamplesDeps, private readonly ctx: BaseContext, private readonly loaders: SamplesLoaders) {}

  async get(id: string): Promise<Sample> {
    const sample = await this.loaders.sampleById.load(id);
    if (!sample) throw new NotFoundError('Sample', id);
    return sample;
  }

  /** Adds samples all or nothing: every row is checked first and every problem reported by row. */
  async addSamples(submissionId: string, inputs: SampleInput[]): Promise<Sample[]> {
    requireWrite(this.ctx.principal, 'samples:write', 'ADMIN', 'STAFF', 'SUBMITTER');
    if (inputs.length === 0 || inputs.length > MAX_SAMPLES_PER_CALL) throw ValidationError.field('samples', `must contain 1 to ${MAX_SAMPLES_PER_CALL} samples`);
    const visible = await this.loaders.submissionById.load(submissionId);
    if (!visible) throw new NotFoundError('Submission', submissionId);
    return this.ctx.em.transactional(async (em) => {
      const submission = await em.findOneOrFail(Submission, submissionId, { lockMode: 4 /* PESSIMISTIC_WRITE */ });
      const existing = await em.find(Sample, { submission }, { fields: ['name', 'number'] });
      const names = new Set(existing.map((s) => s.name.toLowerCase()));
      const problems = new Problems();
      inputs.forEach((input, i) => {
        const name = problems.text(`samples.${i}.name`, input.name, { max: 255 });
        if (name && names.has(name.toLowerCase())) problems.add(`samples.${i}.name`, `"${name}" is already used in this submission`);
        if (name) names.add(name.toLowerCase());
        if (!SampleTypes.includes(input.sampleType)) problems.add(`samples.${i}.sampleType`, `must be one of ${SampleTypes.join(', ')}`);
        if (input.priority && !Priorities.includes(input.priority)) problems.add(`samples.${i}.priority`, `must be one of ${Priorities.join(', ')}`);
      });
      problems.throwIfAny();
      let number = existing.reduce((max, s) => Math.max(max, s.number), 0);
      const samples = inputs.map((input) => em.create(Sample, {
        submission, number: ++number, name: input.name.trim(), sampleType: input.sampleType,
        labId: submission.labId, priority: input.priority ?? submission.priority,
      }));
      await em.flush();
      const origin = eventOrigin(this.ctx, SOURCE);
      await recordEvents(em, this.deps.schema, samples.map((s) => createEvent(origin, {
        type: 'SampleCreated',
        subject: { type: 'Sample', id: s.id, sampleId: s.id, submissionId: submission.id, labId: s.labId },
        data: { name: s.name, number: s.number, sampleType: s.sampleType, priority: s.priority, submissionId: submission.id },
        after: { name: s.name, sampleType: s.sampleType, priority: s.priority, status: s.status },
      }) as DomainEvent));
      return samples;
    });
  }
}
