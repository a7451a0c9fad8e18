import type { AuthContext } from '../context.js';
import type { AuthPayload as Payload } from '../services/session.service.js';

export const AuthPayload = {
  /** The caller has just proven to be this user (the request itself is anonymous), so they see their own fields. */
  user: (payload: Payload, _: unknown, ctx: AuthContext) => {
    ctx.provenUserIds.add(payload.user.id);
    return payload.user;
  },
};
