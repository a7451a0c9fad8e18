import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import type { Principal } from '@app/common';
import { User } from '../entities/index.js';

/**
 * Per-request DataLoaders. Anonymous callers resolve no users at all; what signed-in callers see
 * of a user is decided field by field (services/user-visibility.ts).
 */
export function createLoaders(em: EntityManager, principal: Principal) {
  return {
    userById: new DataLoader<string, User | null>(async (ids) => {
      if (principal.kind === 'anonymous' || !principal.role) return ids.map(() => null);
      const valid = ids.filter((id) => /^[0-9a-f-]{36}$/i.test(id));
      const rows = valid.length ? await em.find(User, { id: { $in: [...new Set(valid)] } }) : [];
      const byId = new Map(rows.map((r) => [r.id, r]));
      return ids.map((id) => byId.get(id) ?? null);
    }),
  };
}
export type AuthLoaders = ReturnType<typeof createLoaders>;
