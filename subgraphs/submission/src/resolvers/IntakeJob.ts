import { decodeCursor, pageSize, toConnection, ValidationError } from '@app/common';
import type { SubmissionContext } from '../context.js';
import { IntakeRow, type IntakeJob as JobEntity } from '../entities/index.js';
import { IntakeRowStatuses, type IntakeRowStatus } from '../entities/enums.js';

export const IntakeJob = {
  __resolveReference: (ref: { id: string }, ctx: SubmissionContext) => ctx.loaders.jobById.load(ref.id),
  submission: (job: JobEntity) => (job.submissionId ? { __typename: 'Submission', id: job.submissionId } : null),
  /** Rows of a job already checked for visibility, in sheet order. */
  rows: async (job: JobEntity, args: { status?: IntakeRowStatus; first?: number; after?: string }, ctx: SubmissionContext) => {
    if (args.status && !IntakeRowStatuses.includes(args.status)) throw ValidationError.field('status', 'is not a row status');
    const limit = pageSize(args.first);
    const after = decodeCursor(args.after, 1) as [number] | null;
    const where = { job: job.id, ...(args.status ? { status: args.status } : {}) };
    const page = after ? { rowNumber: { $gt: Number(after[0]) } } : {};
    const rows = await ctx.em.find(IntakeRow, { ...where, ...page }, { orderBy: { rowNumber: 'asc' }, limit: limit + 1 });
    return toConnection(rows, limit, (r) => [r.rowNumber], () => ctx.em.count(IntakeRow, where), !!after);
  },
};
