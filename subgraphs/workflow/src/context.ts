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
  const loaders = createLoaders(base.em, base.principal);
  return { ...base, loaders, services: createServices(deps, base, loaders), now: deps.now };
}
