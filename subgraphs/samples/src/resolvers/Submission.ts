import type { SubmissionResolvers } from '../__generated__/resolvers-types.js';
import { knownToExist, refId } from '@app/common';

export const Submission: SubmissionResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.submissionById.load(ref.id),
  project: (submission, _, ctx) => knownToExist(ctx.loaders.projectRowById.load(refId(submission.project))),
  submitter: (submission) => ({ id: submission.submitterId }),
  billingAccount: (s, _, ctx) => (s.billingAccount ? ctx.loaders.billingAccountById.load(refId(s.billingAccount)) : null),
  dataDeliveryPreferences: (s) => (s.dataDeliveryPreferences ? { notifyEmails: [], ...s.dataDeliveryPreferences } : null),
  samples: (submission, _, ctx) => ctx.loaders.samplesBySubmissionId.load(submission.id),
};
