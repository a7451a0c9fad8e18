import type { QueryResolvers } from '../__generated__/resolvers-types.js';

export const Query: QueryResolvers = {
  auditEntries: (_, args, ctx) => ctx.services.entries.list(args.filter, args.first, args.after),
  auditEntry: (_, { id }, ctx) => ctx.services.entries.get(id),
  auditStats: (_, { from, to }, ctx) => ctx.services.entries.stats(from, to),
  exportAuditEntries: (_, args, ctx) => ctx.services.entries.export(args.format, args.filter),
  verifyAuditChain: (_, args, ctx) => ctx.services.verify(args.from, args.to),
  retentionPolicies: (_, __, ctx) => ctx.services.retention.policies(),
  legalHolds: (_, args, ctx) => ctx.services.retention.holds(!!args.includeReleased, args.first, args.after),
  deadLetters: (_, args, ctx) => ctx.services.deadLetters(args.first, args.after),
};

