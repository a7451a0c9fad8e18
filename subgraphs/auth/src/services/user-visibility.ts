import type { Principal } from '@app/common';
import type { User } from '../entities/index.js';
import { seesAllUsers } from './access.js';

/**
 * Who sees which fields of a user (README "Field visibility"):
 * - `id`, `name`, `role`: anyone signed in (e.g. a submitter sees who is assigned to their sample);
 * - `labId`, `labName`: ADMIN/STAFF, the user themself, and members of the same lab;
 * - `email`, `active`, `createdAt`, `updatedAt`, `lastLoginAt`: ADMIN/STAFF and the user themself.
 * Hidden fields resolve to null.
 */
export type UserFieldAudience = 'everyone' | 'lab' | 'private';

export function canSeeUserField(principal: Principal, user: User, audience: UserFieldAudience): boolean {
  if (audience === 'everyone' || seesAllUsers(principal) || principal.userId === user.id) return true;
  return audience === 'lab' && !!user.labId && principal.labId === user.labId;
}
