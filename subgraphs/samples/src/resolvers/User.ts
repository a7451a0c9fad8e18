import { labScope, pageSize, decodeCursor, toConnection, requireRead } from '@app/common';
import type { SamplesContext } from '../context.js';
import { Sample } from '../entities/index.js';

export const User = {
  /** Samples assigned to a user, newest first; submitters see only their lab's. */
  assignedSamples: async (user: { id: string }, args: { first?: number; after?: string }, ctx: SamplesContext) => {
    requireRead(ctx.principal, 'samples:read');
    const limit = pageSize(args.first);
    const after = decodeCursor(args.after, 2) as [string, string] | null;
    const scope = labScope(ctx.principal);
    const where = { assigneeId: user.id, ...(scope ? { labId: scope } : {}) };
    const page = after ? { $or: [{ createdAt: { $lt: new Date(after[0]) } }, { createdAt: new Date(after[0]), id: { $lt: after[1] } }] } : {};
    const rows = await ctx.em.find(Sample, { ...where, ...page }, { orderBy: { createdAt: 'desc', id: 'desc' }, limit: limit + 1 });
    return toConnection(rows, limit, (s) => [s.createdAt.toISOString(), s.id], () => ctx.em.count(Sample, where), !!after);
  },
};
