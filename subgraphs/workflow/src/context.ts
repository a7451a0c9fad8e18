import type { BaseContext } from '@app/common';
import { createLoaders, type WorkflowLoaders } from './loaders/index.js';
import { createServices, type WorkflowServices } from './services/index.js';
import type { WorkflowDeps } from './deps.js';

/** Per-request context: the base (caller, em, ids) plus this request's loaders, services and clock. */
export interface WorkflowContext extends BaseContext {
  loaders: WorkflowLoaders;
  services: WorkflowServices;
  now: () => Date;
}

export function createWorkflowContext(deps: WorkflowDeps, base: BaseContext): WorkflowContext {
  return { ...base, loaders: createLoaders(base.em, base.principal), services: createServices(deps, base), now: deps.now };
}
