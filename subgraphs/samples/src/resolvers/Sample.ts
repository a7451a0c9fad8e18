import type { SampleResolvers } from '../__generated__/resolvers-types.js';
import { joinedRow, knownToExist, refId } from '@app/common';
import type { ProjectRow, SubmissionRow } from './models.js';
import { sampleReferenceRelations } from './sample-relations.js';

export const Sample: SampleResolvers = {
  // A plain row, with the submission and project joined in when selected (a live event's hydration reads both).
  __resolveReference: (ref, ctx, info) => ctx.loaders.sampleRowById(sampleReferenceRelations(info)).load(ref.id),
  // A listed or referenced sample may carry its submission and project, read in the page's own statement.
  submission: (sample, _, ctx) => joinedRow<SubmissionRow>(sample, 'submission') ?? knownToExist(ctx.loaders.submissionRowById.load(refId(sample.submission))),
  project: (sample, _, ctx) => joinedRow<ProjectRow>(sample, 'project') ?? knownToExist(ctx.loaders.projectRowById.load(sample.projectId)),
  billingAccount: (sample, _, ctx) => (sample.billingAccount ? ctx.loaders.billingAccountById.load(refId(sample.billingAccount)) : null),
  assignee: (sample) => (sample.assigneeId ? { id: sample.assigneeId } : null),
};
