import type { AuthPayloadResolvers } from '../__generated__/resolvers-types.js';

export const AuthPayload: AuthPayloadResolvers = {
  /** The caller has just proven to be this user (the request itself is anonymous), so they see their own fields. */
  user: (payload, _, ctx) => {
    ctx.provenUserIds.add(payload.user.id);
    return payload.user;
  },
};
