import { ForbiddenError, requireAuthenticated, requireRole, type Principal, type Role } from '@app/common';

/**
 * Managing people, passwords and tokens needs a person (or the system): an API token never
 * manages identities, whatever its owner's role, so a leaked BI token cannot mint more access.
 */
export function requirePerson(principal: Principal, ...roles: Role[]): void {
  requireAuthenticated(principal);
  if (principal.kind === 'apiToken') throw new ForbiddenError('API tokens cannot manage users, passwords or tokens');
  if (roles.length) requireRole(principal, ...roles);
}

/** ADMIN and STAFF (and the system) see everything about every user. */
export const seesAllUsers = (principal: Principal) => principal.kind === 'service' || principal.role === 'ADMIN' || principal.role === 'STAFF';
