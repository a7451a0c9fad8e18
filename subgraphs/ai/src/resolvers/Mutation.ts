import type { AiContext } from '../context.js';
import type { StartTextExtractionInput } from '../services/extraction.service.js';

export const Mutation = {
  startTextExtraction: (_: unknown, { input }: { input: StartTextExtractionInput }, ctx: AiContext) => ctx.services.extractions.startText(input),
};
