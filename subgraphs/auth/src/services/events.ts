import { emitEvent, eventOrigin, type BaseContext, type EventOrigin, type NewEvent, type Principal } from '@app/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { SOURCE, type AuthDeps } from '../deps.js';
import type { User } from '../entities/index.js';

/** The user as the actor of their own sign-in events (the request itself is anonymous). */
export function principalOf(user: User): Principal {
  return { kind: 'user', userId: user.id, role: user.role, labId: user.labId ?? null, name: user.name, scopes: [], tokenId: null, via: 'UI' };
}

export const userSubject = (user: Pick<User, 'id' | 'labId'>) => ({ type: 'User', id: user.id, labId: user.labId ?? null });

/** The fields of a user that events carry (never the password hash). */
export const userSnapshot = (u: User) => ({ email: u.email, name: u.name, role: u.role, labId: u.labId ?? null, labName: u.labName ?? null, active: u.active });

/** Writes one auth event into the outbox inside `em`'s transaction, as `actor` (default: the caller). */
export function emitAuthEvent<T>(deps: AuthDeps, em: EntityManager, ctx: BaseContext, event: NewEvent<T>, actor?: Principal) {
  const origin: EventOrigin = actor ? { ...eventOrigin(ctx, SOURCE), principal: actor } : eventOrigin(ctx, SOURCE);
  return emitEvent(em, deps.schema, origin, event);
}
