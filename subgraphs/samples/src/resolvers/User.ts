import { type PageArgs } from '@app/common';
import type { SamplesContext } from '../context.js';

export const User = {
  /** Samples assigned to a user, newest first; submitters see only their lab's. */
  assignedSamples: (user: { id: string }, args: PageArgs, ctx: SamplesContext) =>
    ctx.services.sampleQueries.list({ assigneeId: user.id }, { field: 'SUBMITTED_AT', direction: 'DESC' }, args),
};
