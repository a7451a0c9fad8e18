import type { SubmissionResolvers } from '../__generated__/resolvers-types.js';
import { knownToExist } from '@app/common';

export const Submission: SubmissionResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.submissionById.load(ref.id),
  project: (submission, _, ctx) => knownToExist(ctx.loaders.projectById.load(submission.project.id)),
  submitter: (submission) => ({ id: submission.submitterId }),
  billingAccount: (s, _, ctx) => (s.billingAccount ? ctx.loaders.billingAccountById.load(s.billingAccount.id) : null),
  dataDeliveryPreferences: (s) => (s.dataDeliveryPreferences ? { notifyEmails: [], ...s.dataDeliveryPreferences } : null),
  samples: (submission, _, ctx) => ctx.loaders.samplesBySubmissionId.load(submission.id),
};
