import type { AiContext } from '../context.js';
import type { StartTextExtractionInput } from '../services/extraction.service.js';
import type { StartPdfExtractionInput } from '../services/pdf-job.service.js';
import type { CorrectFieldInput } from '../services/review.service.js';

export const Mutation = {
  startTextExtraction: (_: unknown, { input }: { input: StartTextExtractionInput }, ctx: AiContext) => ctx.services.extractions.startText(input),
  startPdfExtraction: (_: unknown, { input }: { input: StartPdfExtractionInput }, ctx: AiContext) => ctx.services.pdfJobs.start(input),
  correctExtractionField: (_: unknown, { input }: { input: CorrectFieldInput }, ctx: AiContext) => ctx.services.review.correctField(input),
  acceptExtraction: (_: unknown, { jobId }: { jobId: string }, ctx: AiContext) => ctx.services.review.accept(jobId),
  rejectExtraction: (_: unknown, { jobId, reason }: { jobId: string; reason: string }, ctx: AiContext) => ctx.services.review.reject(jobId, reason),
};
