import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { byIdLoader, type Principal } from '@app/common';
import { User } from '../entities/index.js';

/**
 * Per-request DataLoaders. Anonymous callers resolve no users at all; what signed-in callers see
 * of a user is decided field by field (services/user-visibility.ts).
 */
export function createLoaders(em: EntityManager, principal: Principal) {
  const signedIn = principal.kind !== 'anonymous' && !!principal.role;
  return {
    userById: signedIn ? byIdLoader<User>(em, User) : new DataLoader<string, User | null>(async (ids) => ids.map(() => null)),
  };
}
export type AuthLoaders = ReturnType<typeof createLoaders>;
