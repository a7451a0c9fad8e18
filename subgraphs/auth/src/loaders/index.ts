import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, byIdRowLoader, type Principal } from '@app/common';
import { User } from '../entities/index.js';

/**
 * Per-request DataLoaders. Anonymous callers resolve no users at all; what signed-in callers see
 * of a user is decided field by field (services/user-visibility.ts).
 */
export function createLoaders(em: EntityManager, principal: Principal) {
  const signedIn = principal.kind !== 'anonymous' && !!principal.role;
  const nobody = () => new DataLoader<string, User | null>(async (ids) => ids.map(() => null));
  return {
    /** Managed entities, for services that change a user. */
    userById: signedIn ? byIdLoader<User>(em, User) : nobody(),
    /** Plain rows, for resolvers that only read (a user's own fields; User has no relations). */
    userRowById: signedIn ? byIdRowLoader<User>(em, User) : nobody(),
  };
}
export type AuthLoaders = ReturnType<typeof createLoaders>;
