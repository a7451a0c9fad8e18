import type { AuditCategory } from '../entities/enums.js';

/** Authentication and credential events, plus the audit trail's own administration (admins only). */
const SECURITY = new Set([
  'LoginSucceeded', 'LoginFailed', 'AccountLocked', 'SessionRefreshed', 'RefreshTokenReused', 'LoggedOut', 'PasswordChanged',
  'PasswordResetRequested', 'PasswordReset', 'ApiTokenCreated', 'ApiTokenRevoked',
  'AuditPruned', 'LegalHoldPlaced', 'LegalHoldReleased', 'RetentionPolicyChanged',
]);
/** Who may do what: user accounts and their roles. */
const ACCESS_CONTROL = new Set(['UserCreated', 'UserUpdated', 'UserRoleChanged', 'UserDeactivated']);

/** The category of an event type; anything not security or access control is DATA. */
export function categoryOf(type: string): AuditCategory {
  if (SECURITY.has(type)) return 'SECURITY';
  if (ACCESS_CONTROL.has(type)) return 'ACCESS_CONTROL';
  return 'DATA';
}
