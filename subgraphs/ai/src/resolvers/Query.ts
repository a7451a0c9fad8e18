import type { QueryResolvers } from '../__generated__/resolvers-types.js';

export const Query: QueryResolvers = {
  extractionJob: (_, { id }, ctx) => ctx.services.jobs.byId(id),
  extractionJobs: (_, args, ctx) => ctx.services.jobs.list(args),
};
