import type { SamplesContext } from '../context.js';
import type { Submission as SubmissionEntity } from '../entities/index.js';

export const Submission = {
  __resolveReference: (ref: { id: string }, ctx: SamplesContext) => ctx.loaders.submissionById.load(ref.id),
  project: (submission: SubmissionEntity, _: unknown, ctx: SamplesContext) => ctx.loaders.projectById.load(submission.project.id),
  submitter: (submission: SubmissionEntity) => ({ __typename: 'User', id: submission.submitterId }),
  billingAccount: (s: SubmissionEntity, _: unknown, ctx: SamplesContext) => (s.billingAccount ? ctx.loaders.billingAccountById.load(s.billingAccount.id) : null),
  dataDeliveryPreferences: (s: SubmissionEntity) => (s.dataDeliveryPreferences ? { notifyEmails: [], ...s.dataDeliveryPreferences } : null),
  samples: (submission: SubmissionEntity, _: unknown, ctx: SamplesContext) => ctx.loaders.samplesBySubmissionId.load(submission.id),
};
