import type { BaseContext } from '@app/common';
import { createLoaders, type SubmissionLoaders } from './loaders/index.js';
import { createServices, type SubmissionServices } from './services/index.js';
import type { SubmissionDeps } from './deps.js';

/** Per-request context: the base (caller, em, ids) plus this request's loaders and services. */
export interface SubmissionContext extends BaseContext {
  loaders: SubmissionLoaders;
  services: SubmissionServices;
}

export function createSubmissionContext(deps: SubmissionDeps, base: BaseContext): SubmissionContext {
  const loaders = createLoaders(base.em, base.principal);
  return { ...base, loaders, services: createServices(deps, base, loaders) };
}
