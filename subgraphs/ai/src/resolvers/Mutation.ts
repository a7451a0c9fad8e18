import type { MutationResolvers } from '../__generated__/resolvers-types.js';

export const Mutation: MutationResolvers = {
  startTextExtraction: (_, { input }, ctx) => ctx.services.extractions.startText(input),
  startPdfExtraction: (_, { input }, ctx) => ctx.services.pdfJobs.start(input),
  correctExtractionField: (_, { input }, ctx) => ctx.services.review.correctField(input),
  correctExtractedSample: (_, { input }, ctx) => ctx.services.sampleReview.correct(input),
  acceptExtraction: (_, { jobId }, ctx) => ctx.services.review.accept(jobId),
  rejectExtraction: (_, { jobId, reason }, ctx) => ctx.services.review.reject(jobId, reason),
};
