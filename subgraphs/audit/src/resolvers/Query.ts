import type { AuditContext } from '../context.js';
import type { AuditEntryFilter } from '../services/filter.js';
import type { ExportFormat } from '../services/query.service.js';

type Page = { first?: number | null; after?: string | null };

export const Query = {
  auditEntries: (_: unknown, args: Page & { filter?: AuditEntryFilter }, ctx: AuditContext) => ctx.services.entries.list(args.filter, args.first, args.after),
  auditEntry: (_: unknown, { id }: { id: string }, ctx: AuditContext) => ctx.services.entries.get(id),
  auditStats: (_: unknown, { from, to }: { from: Date; to: Date }, ctx: AuditContext) => ctx.services.entries.stats(from, to),
  exportAuditEntries: (_: unknown, args: { format: ExportFormat; filter?: AuditEntryFilter }, ctx: AuditContext) => ctx.services.entries.export(args.format, args.filter),
  verifyAuditChain: (_: unknown, args: { from?: number | null; to?: number | null }, ctx: AuditContext) => ctx.services.verify(args.from, args.to),
  retentionPolicies: (_: unknown, __: unknown, ctx: AuditContext) => ctx.services.retention.policies(),
  legalHolds: (_: unknown, args: Page & { includeReleased?: boolean | null }, ctx: AuditContext) => ctx.services.retention.holds(!!args.includeReleased, args.first, args.after),
  deadLetters: (_: unknown, args: Page, ctx: AuditContext) => ctx.services.deadLetters(args.first, args.after),
};

