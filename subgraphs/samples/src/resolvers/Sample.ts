import type { SampleResolvers } from '../__generated__/resolvers-types.js';
import { knownToExist, refId } from '@app/common';

export const Sample: SampleResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.sampleById.load(ref.id),
  submission: (sample, _, ctx) => knownToExist(ctx.loaders.submissionRowById.load(refId(sample.submission))),
  project: (sample, _, ctx) => knownToExist(ctx.loaders.projectRowById.load(sample.projectId)),
  billingAccount: (sample, _, ctx) => (sample.billingAccount ? ctx.loaders.billingAccountById.load(refId(sample.billingAccount)) : null),
  assignee: (sample) => (sample.assigneeId ? { id: sample.assigneeId } : null),
};
