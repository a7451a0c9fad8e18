import type { BaseContext } from '@app/common';
import { createLoaders, type FilesLoaders } from './loaders/index.js';
import { createServices, type FilesServices } from './services/index.js';
import type { FilesDeps } from './deps.js';

/** Per-request context: the base (caller, em, ids) plus this request's loaders and services. */
export interface FilesContext extends BaseContext {
  deps: FilesDeps;
  loaders: FilesLoaders;
  services: FilesServices;
}

export function createFilesContext(deps: FilesDeps, base: BaseContext): FilesContext {
  const loaders = createLoaders(base.em, base.principal);
  return { ...base, deps, loaders, services: createServices(deps, base, loaders) };
}
