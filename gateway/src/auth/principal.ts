import { ANONYMOUS, type Principal } from '@app/common';
import type { ApiTokenResolver } from './api-tokens.js';
import { InvalidCredentialsError } from './errors.js';
import type { UserTokenVerifier } from './user-tokens.js';

export interface CredentialVerifiers {
  userTokens: UserTokenVerifier;
  apiTokens?: ApiTokenResolver;
}

/** Three base64url segments; `alg: none` tokens have an empty third one and are still JWT-shaped. */
const JWT_SHAPE = /^[A-Za-z0-9_-]+\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]*$/;

/**
 * Who is calling, from the Authorization header. No header means anonymous (subgraphs decide what
 * that may do, e.g. `login`); a header that does not prove an identity is rejected outright rather
 * than silently downgraded, so a client with an expired token learns it must sign in again.
 */
export async function resolvePrincipal(authorization: string | undefined, verifiers: CredentialVerifiers): Promise<Principal> {
  if (authorization === undefined) return ANONYMOUS;
  const match = /^Bearer\s+(\S+)\s*$/i.exec(authorization);
  if (!match) throw new InvalidCredentialsError('The Authorization header must be "Bearer <token>"');
  const token = match[1]!;
  if (JWT_SHAPE.test(token)) return verifiers.userTokens.verify(token);
  const principal = verifiers.apiTokens ? await verifiers.apiTokens.resolve(token) : null;
  if (!principal) throw new InvalidCredentialsError('The API token is invalid, revoked or expired');
  return principal;
}
