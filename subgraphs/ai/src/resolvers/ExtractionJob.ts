import type { ExtractionJobResolvers } from '../__generated__/resolvers-types.js';

export const ExtractionJob: ExtractionJobResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.jobById.load(ref.id),
  submission: (job) => (job.submissionId ? { id: job.submissionId } : null),
  sample: (job) => (job.sampleId ? { id: job.sampleId } : null),
  progress: (job) => Number(job.progress),
  llm: (job) => (job.llmModel ? { model: job.llmModel, promptVersion: job.llmPromptVersion ?? '', latencyMs: job.llmLatencyMs ?? 0 } : null),
  results: (job, _, ctx) => ctx.loaders.resultsByJobId.load(job.id),
  needsReviewCount: async (job, _, ctx) => (await ctx.loaders.resultsByJobId.load(job.id)).filter((r) => r.needsReview).length,
};
