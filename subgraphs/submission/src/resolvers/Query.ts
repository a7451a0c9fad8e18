import type { QueryResolvers } from '../__generated__/resolvers-types.js';

export const Query: QueryResolvers = {
  intakeJob: (_, { id }, ctx) => ctx.services.jobs.byId(id),
  intakeJobs: (_, args, ctx) => ctx.services.jobs.list(args),
};
