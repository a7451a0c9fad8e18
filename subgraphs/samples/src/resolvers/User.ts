import type { UserResolvers } from '../__generated__/resolvers-types.js';
import { sampleListRelations } from './sample-relations.js';

export const User: UserResolvers = {
  /** Samples assigned to a user, newest first; submitters see only their lab's. */
  assignedSamples: (user, args, ctx, info) =>
    ctx.services.sampleQueries.list({ assigneeId: user.id }, { field: 'SUBMITTED_AT', direction: 'DESC' }, args, sampleListRelations(info)),
};
