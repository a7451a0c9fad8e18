import { decodeCursor, labScope, pageSize, requireRead, toConnection } from '@app/common';
import type { SubmissionContext } from '../context.js';
import { IntakeJob } from '../entities/index.js';
import { newestFirstAfter } from './keyset.js';

export const Query = {
  intakeJob: (_: unknown, { id }: { id: string }, ctx: SubmissionContext) => {
    requireRead(ctx.principal, 'samples:read');
    return ctx.loaders.jobById.load(id);
  },
  intakeJobs: async (_: unknown, args: { first?: number; after?: string }, ctx: SubmissionContext) => {
    requireRead(ctx.principal, 'samples:read');
    const limit = pageSize(args.first);
    const after = decodeCursor(args.after, 2) as [string, string] | null;
    const scope = labScope(ctx.principal);
    const where = scope === null ? {} : { labId: scope };
    const rows = await ctx.em.find(IntakeJob, { ...where, ...newestFirstAfter(after) }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: limit + 1 });
    return toConnection(rows, limit, (j) => [j.createdAt.toISOString(), j.id], () => ctx.em.count(IntakeJob, where), !!after);
  },
};
