import type { BaseContext } from '@app/common';
import type { SubmissionDeps } from '../deps.js';
import { IntakeService } from './intake.service.js';

/** The rules of the intake domain, bound to one request's caller and entity manager. */
export function createServices(deps: SubmissionDeps, ctx: BaseContext) {
  return { intake: new IntakeService(deps, ctx) };
}
export type SubmissionServices = ReturnType<typeof createServices>;
