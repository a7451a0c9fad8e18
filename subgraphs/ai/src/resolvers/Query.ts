import type { AiContext } from '../context.js';
import type { JobFilter } from '../services/job-query.service.js';

export const Query = {
  extractionJob: (_: unknown, { id }: { id: string }, ctx: AiContext) => ctx.services.jobs.byId(id),
  extractionJobs: (_: unknown, args: { filter?: JobFilter; first?: number; after?: string }, ctx: AiContext) => ctx.services.jobs.list(args),
};
