import { randomBytes } from 'node:crypto';
import { SignJWT } from 'jose';
import { SIGNING_ALG } from '@app/common';
import type { AuthDeps } from '../deps.js';
import type { User } from '../entities/index.js';

/**
 * The `jti` starts with the session (refresh-token family) id, so a request made with an access
 * token knows which session it belongs to (the gateway passes `jti` on as the principal's tokenId).
 */
export function sessionIdOf(jti: string | null | undefined): string | null {
  const id = jti?.split('.')[0];
  return id && /^[0-9a-f-]{36}$/.test(id) ? id : null;
}

/**
 * Signs the 15-minute access JWT the gateway verifies: `sub`, `role`, `lab` (only when the user
 * has one), `name`, `auth_time` (when the password was entered to start the session, kept across
 * refreshes, as OIDC's claim: e-signatures may skip the password only shortly after it), `jti`,
 * `iss`, `aud`, `iat`, `exp`; header `alg: EdDSA` and the key's `kid`.
 */
export async function signAccessToken(deps: AuthDeps, user: User, sessionId: string, authTime: Date): Promise<{ token: string; expiresAt: Date }> {
  const issuedAt = Math.floor(deps.now().getTime() / 1000);
  const expiresAt = issuedAt + deps.config.ACCESS_TOKEN_MINUTES * 60;
  const claims: Record<string, string | number> = { role: user.role, name: user.name, auth_time: Math.floor(authTime.getTime() / 1000) };
  if (user.labId) claims.lab = user.labId;
  const token = await new SignJWT(claims)
    .setProtectedHeader({ alg: SIGNING_ALG, kid: deps.keys.current.kid, typ: 'JWT' })
    .setSubject(user.id)
    .setIssuer(deps.config.AUTH_ISSUER)
    .setAudience(deps.config.AUTH_AUDIENCE)
    .setJti(`${sessionId}.${randomBytes(9).toString('base64url')}`)
    .setIssuedAt(issuedAt)
    .setExpirationTime(expiresAt)
    .sign(deps.keys.current.privateKey);
  return { token, expiresAt: new Date(expiresAt * 1000) };
}
