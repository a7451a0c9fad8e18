import type { BaseContext } from '@app/common';
import { createLoaders, type AiLoaders } from './loaders/index.js';
import { createServices, type AiServices } from './services/index.js';
import type { CorrectionMemory } from './services/retrieval/memory.js';
import type { AiDeps } from './deps.js';

/** Per-request context: the base (caller, em, ids) plus this request's loaders and services. */
export interface AiContext extends BaseContext {
  loaders: AiLoaders;
  services: AiServices;
}

export function createAiContext(deps: AiDeps, memory: CorrectionMemory, base: BaseContext): AiContext {
  const loaders = createLoaders(base.em, base.principal, deps.schema);
  return { ...base, loaders, services: createServices(deps, base, loaders, memory) };
}
