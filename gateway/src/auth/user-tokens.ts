import { errors, jwtVerify, type CryptoKey, type JWTPayload, type JWTVerifyGetKey } from 'jose';
import { CredentialCache, Roles, SIGNING_ALG, authKeySource, type Principal, type Role } from '@app/common';
import { InvalidCredentialsError } from './errors.js';

/** Turns a user's access token into the principal it proves; throws InvalidCredentialsError otherwise. */
export interface UserTokenVerifier {
  verify(token: string): Promise<Principal>;
}

export interface JwtVerifierOptions {
  /** A JWKS resolver (remote or local) or one static public key. */
  key: JWTVerifyGetKey | CryptoKey;
  issuer: string;
  audience: string;
  clockToleranceSeconds?: number;
}

interface UserClaims extends JWTPayload {
  role?: unknown;
  lab?: unknown;
  name?: unknown;
  auth_time?: unknown;
}

const optionalString = (v: unknown): string | null => (typeof v === 'string' && v.length > 0 ? v : null);

/** Maps verified claims to a principal; a token without a known role is not a usable identity. */
function toPrincipal(claims: UserClaims): Principal {
  if (!Roles.includes(claims.role as Role)) throw new InvalidCredentialsError('The access token carries no valid role');
  return {
    kind: 'user', userId: claims.sub!, role: claims.role as Role, labId: optionalString(claims.lab),
    name: optionalString(claims.name), scopes: [], tokenId: optionalString(claims.jti), via: 'UI',
    ...(typeof claims.auth_time === 'number' ? { authTime: claims.auth_time } : {}),
  };
}

/** How long a verified token's principal is reused at most (never past the token's own expiry). */
const CACHE_MS = 60_000;

/**
 * Verifies EdDSA access tokens minted by the auth subgraph. A verified token cannot change, so its
 * principal is remembered until it expires or for a minute, which spares the signature check on
 * every request a client makes with the same token.
 */
export class JwtUserTokenVerifier implements UserTokenVerifier {
  private readonly verified: CredentialCache<Principal>;

  constructor(private readonly options: JwtVerifierOptions, private readonly now: () => number = Date.now) {
    this.verified = new CredentialCache(now);
  }

  async verify(token: string): Promise<Principal> {
    const hit = this.verified.get(token);
    if (hit) return hit;
    const { principal, exp } = await this.verifySignature(token);
    this.verified.set(token, principal, Math.min(exp * 1000, this.now() + CACHE_MS));
    return principal;
  }

  private async verifySignature(token: string): Promise<{ principal: Principal; exp: number }> {
    try {
      const { payload } = await jwtVerify<UserClaims>(token, this.options.key as JWTVerifyGetKey, {
        // Pinned: never let the token's own header pick `none` or a shared-secret HS* algorithm.
        algorithms: [SIGNING_ALG],
        issuer: this.options.issuer,
        audience: this.options.audience,
        requiredClaims: ['sub', 'exp'],
        clockTolerance: this.options.clockToleranceSeconds ?? 5,
        currentDate: new Date(this.now()),
      });
      return { principal: toPrincipal(payload), exp: payload.exp! };
    } catch (err) {
      throw asCredentialError(err);
    }
  }
}

/**
 * A bad token becomes a 401 with a short reason (never the token or key material). Failing to
 * reach the key set is our fault, not the caller's, so it stays a server error.
 */
function asCredentialError(err: unknown): unknown {
  if (err instanceof InvalidCredentialsError) return err;
  if (err instanceof errors.JWTExpired) return new InvalidCredentialsError('The access token has expired');
  if (err instanceof errors.JOSEError && !(err instanceof errors.JWKSTimeout)) return new InvalidCredentialsError();
  return err;
}

export interface UserTokenSettings {
  AUTH_JWKS_URL?: string;
  AUTH_PUBLIC_KEY?: string;
  AUTH_ISSUER: string;
  AUTH_AUDIENCE: string;
  AUTH_CLOCK_TOLERANCE_SECONDS: number;
}

/**
 * A static key wins over a JWKS; without either, the auth service's own JWKS is used (keys are
 * cached for 10 minutes and refetched, at most every 30 s, when an unknown `kid` appears).
 */
export async function createUserTokenVerifier(settings: UserTokenSettings, authServiceUrl?: string): Promise<JwtUserTokenVerifier> {
  const common = { issuer: settings.AUTH_ISSUER, audience: settings.AUTH_AUDIENCE, clockToleranceSeconds: settings.AUTH_CLOCK_TOLERANCE_SECONDS };
  // The same key source every verifier of auth-signed tokens uses (workflow's e-signatures too).
  return new JwtUserTokenVerifier({ key: await authKeySource(settings, authServiceUrl), ...common });
}
