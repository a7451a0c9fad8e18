import type { SubmissionContext } from '../context.js';
import type { IntakeRow as RowEntity } from '../entities/index.js';

export const IntakeRow = {
  __resolveReference: (ref: { id: string }, ctx: SubmissionContext) => ctx.loaders.rowById.load(ref.id),
  job: (row: RowEntity, _: unknown, ctx: SubmissionContext) => ctx.loaders.jobById.load(row.job.id),
  errors: (row: RowEntity) => row.errors.map((e) => ({ ...e, column: e.column ?? null })),
};
