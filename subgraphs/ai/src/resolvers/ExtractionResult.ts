import { knownToExist } from '@app/common';
import type { ExtractionResultResolvers } from '../__generated__/resolvers-types.js';

export const ExtractionResult: ExtractionResultResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.resultById.load(ref.id),
  // The result was loaded through its job's lab check, so its job is visible too.
  job: (result, _, ctx) => knownToExist(ctx.loaders.jobById.load(result.job.id)),
  confidence: (result) => Number(result.confidence),
  extractedValue: (result) => (result.extractedValue === undefined ? null : JSON.stringify(result.extractedValue)),
};
