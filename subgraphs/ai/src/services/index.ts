import type { BaseContext } from '@app/common';
import type { AiDeps } from '../deps.js';
import { ExtractionService } from './extraction.service.js';

/** The rules of the ai domain, bound to one request's caller and entity manager. */
export function createServices(deps: AiDeps, ctx: BaseContext) {
  return { extractions: new ExtractionService(deps, ctx) };
}
export type AiServices = ReturnType<typeof createServices>;
