import type { MutationResolvers } from '../__generated__/resolvers-types.js';

export const Mutation: MutationResolvers = {
  createIntakeFromCsv: (_, { input }, ctx) => ctx.services.intake.fromCsv(input),
  createIntakeFromXlsx: (_, { input }, ctx) => ctx.services.intake.fromXlsx(input),
  createIntakeFromExtraction: (_, { input }, ctx) => ctx.services.intake.fromExtraction(input),
  updateIntakeRow: (_, a, ctx) => ctx.services.rows.update(a.id, a.values),
  excludeIntakeRows: (_, a, ctx) => ctx.services.rows.exclude(a.jobId, a.rowIds, a.excluded !== false),
  commitIntake: (_, a, ctx) => ctx.services.commits.commit(a.id, a.idempotencyKey),
};
