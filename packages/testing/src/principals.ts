import { randomUUID } from 'node:crypto';
import type { Principal, Role } from '@app/common';

/** A signed-in person with the given role (and lab, for submitters). */
export function userPrincipal(role: Role, overrides: Partial<Principal> = {}): Principal {
  return {
    kind: 'user', userId: randomUUID(), role, labId: role === 'SUBMITTER' ? 'lab-a' : null, name: `${role.toLowerCase()} user`,
    scopes: [], tokenId: null, via: 'UI', ...overrides,
  };
}
