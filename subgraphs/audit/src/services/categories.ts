import { EventTypes } from '@app/common';
import type { AuditCategory } from '../entities/enums.js';

/** Authentication and credential events, plus the audit trail's own administration (admins only). */
const SECURITY = new Set<string>([
  EventTypes.LoginSucceeded, EventTypes.LoginFailed, EventTypes.AccountLocked, EventTypes.SessionRefreshed, EventTypes.RefreshTokenReused, EventTypes.LoggedOut, EventTypes.PasswordChanged,
  EventTypes.PasswordResetRequested, EventTypes.PasswordReset, EventTypes.ApiTokenCreated, EventTypes.ApiTokenRevoked, EventTypes.SignatureIssued,
  EventTypes.AuditPruned, EventTypes.LegalHoldPlaced, EventTypes.LegalHoldReleased, EventTypes.RetentionPolicyChanged,
]);
/** Who may do what: user accounts and their roles. */
const ACCESS_CONTROL = new Set<string>([EventTypes.UserCreated, EventTypes.UserUpdated, EventTypes.UserRoleChanged, EventTypes.UserDeactivated]);

/** The category of an event type; anything not security or access control is DATA. */
export function categoryOf(type: string): AuditCategory {
  if (SECURITY.has(type)) return 'SECURITY';
  if (ACCESS_CONTROL.has(type)) return 'ACCESS_CONTROL';
  return 'DATA';
}
