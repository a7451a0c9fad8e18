import type { AuditContext } from '../context.js';
import type { AuditCategory } from '../entities/enums.js';
import type { PlaceLegalHoldInput } from '../services/retention.service.js';

export const Mutation = {
  setRetentionPolicy: (_: unknown, args: { category: AuditCategory; retainDays: number }, ctx: AuditContext) => ctx.services.retention.setPolicy(args.category, args.retainDays),
  placeLegalHold: (_: unknown, { input }: { input: PlaceLegalHoldInput }, ctx: AuditContext) => ctx.services.retention.placeHold(input),
  releaseLegalHold: (_: unknown, args: { id: string; reason: string }, ctx: AuditContext) => ctx.services.retention.releaseHold(args.id, args.reason),
  pruneAuditEntries: (_: unknown, args: { dryRun?: boolean | null }, ctx: AuditContext) => ctx.services.retention.prune(!!args.dryRun),
};
