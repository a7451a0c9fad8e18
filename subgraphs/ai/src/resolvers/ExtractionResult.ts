import type { AiContext } from '../context.js';
import type { ExtractionResult as ResultEntity } from '../entities/index.js';

export const ExtractionResult = {
  __resolveReference: (ref: { id: string }, ctx: AiContext) => ctx.loaders.resultById.load(ref.id),
  job: (result: ResultEntity, _: unknown, ctx: AiContext) => ctx.loaders.jobById.load(result.job.id),
  confidence: (result: ResultEntity) => Number(result.confidence),
  extractedValue: (result: ResultEntity) => (result.extractedValue === undefined ? null : JSON.stringify(result.extractedValue)),
};
