import type { MutationResolvers } from '../__generated__/resolvers-types.js';

export const Mutation: MutationResolvers = {
  setRetentionPolicy: (_, args, ctx) => ctx.services.retention.setPolicy(args.category, args.retainDays),
  placeLegalHold: (_, { input }, ctx) => ctx.services.retention.placeHold(input),
  releaseLegalHold: (_, args, ctx) => ctx.services.retention.releaseHold(args.id, args.reason),
  pruneAuditEntries: (_, args, ctx) => ctx.services.retention.prune(!!args.dryRun),
};
