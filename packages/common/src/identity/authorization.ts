import { ForbiddenError, UnauthenticatedError } from '../errors.js';
import type { Principal, Role } from './principal.js';

/** Scopes an API token can carry; interactive users are governed by role alone. */
export const ApiScopes = [
  'samples:read', 'samples:write', 'exports:read', 'workflow:read', 'workflow:write', 'audit:read', 'files:read', 'files:write',
] as const;
export type ApiScope = (typeof ApiScopes)[number];

export function requireAuthenticated(principal: Principal): asserts principal is Principal & { role: Role } {
  if (principal.kind === 'anonymous' || !principal.role) throw new UnauthenticatedError();
}

/** Throws FORBIDDEN unless the caller holds one of `roles` (service principals always pass). */
export function requireRole(principal: Principal, ...roles: Role[]): void {
  if (principal.kind === 'service') return;
  requireAuthenticated(principal);
  if (!roles.includes(principal.role)) {
    throw new ForbiddenError(`This needs one of the roles ${roles.join(', ')}; you are ${principal.role}`);
  }
}

/** API tokens must carry `scope`; people and services are not scope-limited. */
export function requireScope(principal: Principal, scope: ApiScope): void {
  if (principal.kind !== 'apiToken') return;
  if (!principal.scopes.includes(scope)) throw new ForbiddenError(`This API token lacks the scope ${scope}`);
}

/** Reading: any signed-in role, and API tokens with the matching read scope. */
export function requireRead(principal: Principal, scope: ApiScope): void {
  requireAuthenticated(principal);
  requireScope(principal, scope);
}

/** Writing: the given roles only (VIEWER never writes), and API tokens with the write scope. */
export function requireWrite(principal: Principal, scope: ApiScope, ...roles: Role[]): void {
  requireRole(principal, ...roles);
  if (principal.kind !== 'service' && principal.role === 'VIEWER') throw new ForbiddenError('A VIEWER cannot make changes');
  requireScope(principal, scope);
}

/** A lab id no record has, so a scoped query matches nothing. */
const NO_LAB = '\u0000no-lab';

/**
 * The lab a caller is confined to, or null when it sees every lab. Submitters see only their own
 * lab; a submitter without a lab, or a caller without a role, sees nothing rather than everything.
 */
export function labScope(principal: Principal): string | null {
  if (principal.kind === 'service') return null;
  // Fail closed: a caller without a role (anonymous) is confined to no lab, not given every lab.
  if (principal.kind === 'anonymous' || !principal.role) return NO_LAB;
  if (principal.role === 'SUBMITTER') return principal.labId ?? NO_LAB;
  return null;
}

/** True when the caller may see a record belonging to `labId`. */
export function canSeeLab(principal: Principal, labId: string | null | undefined): boolean {
  const scope = labScope(principal);
  return scope === null || scope === labId;
}

export function isStaff(principal: Principal): boolean {
  return principal.kind === 'service' || principal.role === 'ADMIN' || principal.role === 'STAFF';
}

/**
 * Equal for two principals exactly when every read rule answers them alike, so callers with equal
 * keys may share one read's answer (the gateway hydrates a live event once per key). Kind, role,
 * the raw lab (`labScope`, and the auth subgraph's "same lab" user fields, read `labId` itself)
 * and API scopes decide every rule. The user id is part of it for anyone who is not staff: people
 * always see their own private user fields (a submitter's own e-mail under `submission.submitter`)
 * while staff see everyone's, so only staff of one kind and scope are interchangeable.
 */
export function visibilityKey(principal: Principal): string {
  const person = isStaff(principal) ? null : principal.userId;
  return JSON.stringify([principal.kind, principal.role, principal.labId, [...principal.scopes].sort(), person]);
}
