import type { BaseContext } from '@app/common';
import { createLoaders, type AuditLoaders } from './loaders/index.js';
import { createServices, type AuditServices } from './services/index.js';
import type { AuditDeps } from './deps.js';

/** Per-request context: the base (caller, em, ids) plus this request's loaders and services. */
export interface AuditContext extends BaseContext {
  loaders: AuditLoaders;
  services: AuditServices;
}

export function createAuditContext(deps: AuditDeps, base: BaseContext): AuditContext {
  return { ...base, loaders: createLoaders(base.em, deps.schema, base.principal), services: createServices(deps, base) };
}
