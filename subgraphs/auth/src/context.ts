import type { BaseContext } from '@app/common';
import type { AuthDeps } from './deps.js';
import { createLoaders, type AuthLoaders } from './loaders/index.js';
import { createServices, type AuthServices } from './services/index.js';

/** Per-request context: the base (caller, em, ids) plus this request's loaders and services. */
export interface AuthContext extends BaseContext {
  loaders: AuthLoaders;
  services: AuthServices;
  /** Users this request proved to be (by password or refresh token) although the caller is anonymous. */
  provenUserIds: Set<string>;
}

export function createAuthContext(deps: AuthDeps, base: BaseContext): AuthContext {
  const loaders = createLoaders(base.em, base.principal);
  return { ...base, loaders, services: createServices(deps, base, loaders), provenUserIds: new Set() };
}
