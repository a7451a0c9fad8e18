import { NotFoundError, Problems, requireWrite, ValidationError, type BaseContext, type FieldProblem } from '@app/common';
import type { SamplesDeps } from '../deps.js';
import type { SamplesLoaders } from '../loaders/index.js';
import { checkSampleDrafts, samplesLike, type DraftTarget } from './sample-drafts.js';
import { MAX_SAMPLES_PER_CALL } from './sample.service.js';
import type { SampleInput } from './sample-rules.js';

/** One problem of one draft: `index` into the drafts sent, `field` a SampleInput field. */
export interface DraftProblem extends FieldProblem {
  index: number;
}

/**
 * Checks samples before they are added (intake previews a sheet with this), with the very checks
 * `addSamples` runs, against an existing submission or against a project a new submission would join.
 */
export class SampleDraftService {
  constructor(private readonly deps: Pick<SamplesDeps, 'schema'>, private readonly ctx: BaseContext, private readonly loaders: SamplesLoaders) {}

  async validate(target: { submissionId?: string | null; projectId?: string | null }, inputs: SampleInput[]): Promise<DraftProblem[]> {
    requireWrite(this.ctx.principal, 'samples:write', 'ADMIN', 'STAFF', 'SUBMITTER');
    if (inputs.length === 0 || inputs.length > MAX_SAMPLES_PER_CALL) throw ValidationError.field('samples', `must contain 1 to ${MAX_SAMPLES_PER_CALL} samples`);
    if (!target.submissionId === !target.projectId) throw ValidationError.field('submissionId', 'give exactly one of submissionId and projectId');
    const problems = new Problems();
    await checkSampleDrafts(this.ctx.em, problems, this.ctx.principal, await this.targetOf(target, inputs), inputs, (i) => `${i}.`);
    return problems.all.map(({ field, message }) => {
      const dot = field.indexOf('.');
      return { index: Number(field.slice(0, dot)), field: field.slice(dot + 1), message };
    });
  }

  private async targetOf({ submissionId, projectId }: { submissionId?: string | null; projectId?: string | null }, inputs: SampleInput[]): Promise<DraftTarget> {
    if (submissionId) {
      const submission = await this.loaders.submissionById.load(submissionId);
      if (!submission) throw new NotFoundError('Submission', submissionId);
      const existing = await samplesLike(this.ctx.em, this.deps.schema, submission.id, inputs);
      return { labId: submission.labId, priority: submission.priority, existing };
    }
    const project = await this.loaders.projectById.load(projectId!);
    if (!project) throw new NotFoundError('Project', projectId!);
    return { labId: project.labId, priority: 'NORMAL', existing: [] };
  }
}
