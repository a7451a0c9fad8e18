import type { BaseContext } from '@app/common';
import type { AiDeps } from '../deps.js';
import type { AiLoaders } from '../loaders/index.js';
import { ExtractionService } from './extraction.service.js';
import { JobQueryService } from './job-query.service.js';
import { PdfJobService } from './pdf-job.service.js';
import type { CorrectionMemory } from './retrieval/memory.js';
import { ReviewService } from './review.service.js';
import { SampleReviewService } from './sample-review.service.js';

/** The rules of the ai domain, bound to one request's caller and entity manager. */
export function createServices(deps: AiDeps, ctx: BaseContext, loaders: AiLoaders, memory: CorrectionMemory) {
  const jobs = new JobQueryService(ctx, loaders);
  return {
    extractions: new ExtractionService(deps, ctx),
    jobs,
    pdfJobs: new PdfJobService(deps, ctx),
    review: new ReviewService(deps, ctx, jobs, memory),
    sampleReview: new SampleReviewService(deps, ctx, jobs),
  };
}
export type AiServices = ReturnType<typeof createServices>;
