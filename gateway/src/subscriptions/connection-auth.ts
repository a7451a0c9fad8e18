import { decodeJwt } from 'jose';
import type { Principal } from '@app/common';
import { InvalidCredentialsError } from '../auth/errors.js';
import { resolvePrincipal, type CredentialVerifiers } from '../auth/principal.js';

/** setTimeout's ceiling (~24.8 days); a longer delay would fire at once. */
const MAX_TIMER_MS = 2 ** 31 - 1;

export type ConnectionAuth =
  | { ok: true; principal: Principal; /** Epoch ms when the credential stops being valid; null for API tokens. */ expiresAt: number | null }
  | { ok: false; reason: string };

/** `authorization: 'Bearer …'` or `token: '…'` from the connection_init payload, as an Authorization header value. */
export function authorizationFrom(params: Readonly<Record<string, unknown>> | undefined): string | undefined {
  const authorization = params?.authorization ?? params?.Authorization;
  if (typeof authorization === 'string' && authorization.length > 0) return authorization;
  const token = params?.token;
  return typeof token === 'string' && token.length > 0 ? `Bearer ${token}` : undefined;
}

function expiryOf(authorization: string): number | null {
  try {
    const exp = decodeJwt(authorization.replace(/^Bearer\s+/i, '').trim()).exp;
    return typeof exp === 'number' ? exp * 1000 : null;
  } catch {
    return null; // an API token: valid until revoked
  }
}

/**
 * Who a WebSocket connection acts as, proved exactly as for HTTP (same verifiers). Unlike HTTP,
 * anonymous is refused: every subscription needs someone to authorize it against.
 */
export async function authenticateConnection(params: Readonly<Record<string, unknown>> | undefined, verifiers: CredentialVerifiers, now = Date.now()): Promise<ConnectionAuth> {
  const authorization = authorizationFrom(params);
  if (!authorization) return { ok: false, reason: 'no token in the connection parameters' };
  let principal: Principal;
  try {
    principal = await resolvePrincipal(authorization, verifiers);
  } catch (err) {
    if (err instanceof InvalidCredentialsError) return { ok: false, reason: err.message };
    throw err;
  }
  if (principal.kind === 'anonymous') return { ok: false, reason: 'anonymous connections are not accepted' };
  const expiresAt = expiryOf(authorization);
  if (expiresAt !== null && expiresAt <= now) return { ok: false, reason: 'the access token has expired' };
  return { ok: true, principal, expiresAt };
}

/** Delay for a timer firing at `at`, clamped to what setTimeout accepts. */
export function delayUntil(at: number, now = Date.now()): number {
  return Math.min(Math.max(0, at - now), MAX_TIMER_MS);
}
