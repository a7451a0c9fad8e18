import { knownToExist } from '@app/common';
import type { IntakeRowResolvers } from '../__generated__/resolvers-types.js';

export const IntakeRow: IntakeRowResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.rowById.load(ref.id),
  // The row was loaded through its job's lab check, so its job is visible too.
  job: (row, _, ctx) => knownToExist(ctx.loaders.jobById.load(row.job.id)),
  errors: (row) => row.errors.map((e) => ({ ...e, column: e.column ?? null })),
};
