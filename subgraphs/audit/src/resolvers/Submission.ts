import type { SubmissionResolvers } from '../__generated__/resolvers-types.js';

export const Submission: SubmissionResolvers = {
  history: (submission, args, ctx) => ctx.loaders.submissionHistory.load({ id: submission.id, ...args }),
};
