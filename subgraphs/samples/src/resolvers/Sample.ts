import type { SampleResolvers } from '../__generated__/resolvers-types.js';
import { knownToExist } from '@app/common';

export const Sample: SampleResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.sampleById.load(ref.id),
  submission: (sample, _, ctx) => knownToExist(ctx.loaders.submissionById.load(sample.submission.id)),
  project: (sample, _, ctx) => knownToExist(ctx.loaders.projectById.load(sample.projectId)),
  billingAccount: (sample, _, ctx) => (sample.billingAccount ? ctx.loaders.billingAccountById.load(sample.billingAccount.id) : null),
  assignee: (sample) => (sample.assigneeId ? { id: sample.assigneeId } : null),
};
