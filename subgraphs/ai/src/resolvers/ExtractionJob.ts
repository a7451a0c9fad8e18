import type { AiContext } from '../context.js';
import type { ExtractionJob as JobEntity } from '../entities/index.js';

export const ExtractionJob = {
  __resolveReference: (ref: { id: string }, ctx: AiContext) => ctx.loaders.jobById.load(ref.id),
  submission: (job: JobEntity) => (job.submissionId ? { __typename: 'Submission', id: job.submissionId } : null),
  sample: (job: JobEntity) => (job.sampleId ? { __typename: 'Sample', id: job.sampleId } : null),
  progress: (job: JobEntity) => Number(job.progress),
  llm: (job: JobEntity) => (job.llmModel ? { model: job.llmModel, promptVersion: job.llmPromptVersion ?? '', latencyMs: job.llmLatencyMs ?? 0 } : null),
  samples: (job: JobEntity) => job.samples.map((s) => ({ ...s, boundingBox: s.bbox })),
  results: (job: JobEntity, _: unknown, ctx: AiContext) => ctx.loaders.resultsByJobId.load(job.id),
  needsReviewCount: async (job: JobEntity, _: unknown, ctx: AiContext) => (await ctx.loaders.resultsByJobId.load(job.id)).filter((r) => r.needsReview).length,
};
