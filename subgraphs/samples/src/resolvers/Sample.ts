import type { SamplesContext } from '../context.js';
import type { Sample as SampleEntity } from '../entities/index.js';

export const Sample = {
  __resolveReference: (ref: { id: string }, ctx: SamplesContext) => ctx.loaders.sampleById.load(ref.id),
  submission: (sample: SampleEntity, _: unknown, ctx: SamplesContext) => ctx.loaders.submissionById.load(sample.submission.id),
  project: (sample: SampleEntity, _: unknown, ctx: SamplesContext) => ctx.loaders.projectById.load(sample.projectId),
  billingAccount: (sample: SampleEntity, _: unknown, ctx: SamplesContext) => (sample.billingAccount ? ctx.loaders.billingAccountById.load(sample.billingAccount.id) : null),
  assignee: (sample: SampleEntity) => (sample.assigneeId ? { __typename: 'User', id: sample.assigneeId } : null),
};
