import type { BaseContext } from '@app/common';
import { createLoaders, type SamplesLoaders } from './loaders/index.js';
import { createServices, type SamplesServices } from './services/index.js';
import type { SamplesDeps } from './deps.js';
import type { ExportRunner } from './exports/runner.js';

/** Per-request context: the base (caller, em, ids) plus this request's loaders and services. */
export interface SamplesContext extends BaseContext {
  loaders: SamplesLoaders;
  services: SamplesServices;
}

export function createSamplesContext(deps: SamplesDeps, runner: ExportRunner, base: BaseContext): SamplesContext {
  const loaders = createLoaders(base.em, base.principal);
  return { ...base, loaders, services: createServices(deps, base, loaders, runner) };
}
