import type { UserResolvers } from '../__generated__/resolvers-types.js';
import type { AuthContext } from '../context.js';
import type { User as UserEntity } from '../entities/index.js';
import { canSeeUserField, type UserFieldAudience } from '../services/user-visibility.js';

/** Resolves a field only for callers allowed to see it; null for everyone else. */
const visible = <V>(audience: UserFieldAudience, read: (u: UserEntity) => V) =>
  (user: UserEntity, _: unknown, ctx: AuthContext): V | null => (canSeeUserField(ctx.principal, user, audience) || ctx.provenUserIds.has(user.id) ? read(user) : null);

export const User: UserResolvers = {
  __resolveReference: (ref, ctx) => ctx.loaders.userRowById.load(ref.id),
  email: visible('private', (u) => u.email),
  labId: visible('lab', (u) => u.labId),
  labName: visible('lab', (u) => u.labName),
  active: visible('private', (u) => u.active),
  createdAt: visible('private', (u) => u.createdAt),
  updatedAt: visible('private', (u) => u.updatedAt),
  lastLoginAt: visible('private', (u) => u.lastLoginAt),
};
