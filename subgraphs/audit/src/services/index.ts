import { requireRole, requireScope, type BaseContext } from '@app/common';
import type { AuditDeps } from '../deps.js';
import { listDeadLetters } from './dead-letter.service.js';
import { AuditQueryService } from './query.service.js';
import { RetentionService } from './retention.service.js';
import { verifyChain } from './verify.service.js';

/** The audit rules bound to one request's caller and entity manager. */
export function createServices(deps: AuditDeps, ctx: BaseContext) {
  return {
    entries: new AuditQueryService(ctx.em, deps.schema, ctx.principal, deps.config.AUDIT_EXPORT_MAX_ROWS, deps.now),
    retention: new RetentionService(deps, ctx),
    deadLetters: (first?: number | null, after?: string | null) => listDeadLetters(ctx.em, deps.schema, ctx.principal, first, after),
    verify: (from?: number | null, to?: number | null) => {
      requireRole(ctx.principal, 'ADMIN');
      requireScope(ctx.principal, 'audit:read');
      return verifyChain(ctx.em, deps.schema, from, to);
    },
  };
}
export type AuditServices = ReturnType<typeof createServices>;
