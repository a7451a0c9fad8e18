import { z } from 'zod';
import { CredentialCache, INTERNAL_TOKEN_HEADER, SYSTEM, type InternalTokenIssuer, type Principal } from '@app/common';

/** Looks up an opaque API token (e.g. `ntk_...`); null when it is unknown, revoked or expired. */
export interface ApiTokenResolver {
  resolve(token: string): Promise<Principal | null>;
}

const POSITIVE_TTL_MS = 30_000;
/** Short, so a token created a moment ago starts working almost at once. */
const NEGATIVE_TTL_MS = 5_000;

const principalSchema = z.object({
  userId: z.string().nullable(),
  role: z.enum(['ADMIN', 'STAFF', 'SUBMITTER', 'VIEWER']).nullable(),
  labId: z.string().nullable().default(null),
  name: z.string().nullable().default(null),
  scopes: z.array(z.string()).default([]),
  tokenId: z.string().nullable().default(null),
});
const responseSchema = z.object({ principal: principalSchema.nullable() });

export interface HttpApiTokenResolverOptions {
  /** Base URL of the auth service, without /graphql. */
  authServiceUrl: string;
  issuer: InternalTokenIssuer;
  now?: () => number;
  timeoutMs?: number;
}

/**
 * Asks the auth service, which owns API tokens, over its internal route. Answers are cached so a
 * BI tool polling with one token does not cost an auth round trip per request.
 */
export class HttpApiTokenResolver implements ApiTokenResolver {
  private readonly cache: CredentialCache<Principal | null>;
  private readonly now: () => number;

  constructor(private readonly options: HttpApiTokenResolverOptions) {
    this.now = options.now ?? Date.now;
    this.cache = new CredentialCache(this.now);
  }

  async resolve(token: string): Promise<Principal | null> {
    const hit = this.cache.get(token);
    if (hit !== undefined) return hit;
    const principal = await this.lookup(token);
    this.cache.set(token, principal, this.now() + (principal ? POSITIVE_TTL_MS : NEGATIVE_TTL_MS));
    return principal;
  }

  private async lookup(token: string): Promise<Principal | null> {
    const internalToken = await this.options.issuer.issue('auth', SYSTEM, { ip: null, userAgent: 'gateway' });
    const res = await fetch(`${this.options.authServiceUrl}/internal/api-tokens/resolve`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: internalToken },
      body: JSON.stringify({ token }),
      signal: AbortSignal.timeout(this.options.timeoutMs ?? 5_000),
    });
    // Failures are not cached and not a 401: the caller's token may be fine while auth is down.
    if (!res.ok) throw new Error(`API token lookup failed: auth answered ${res.status}`);
    const { principal } = responseSchema.parse(await res.json());
    return principal ? { ...principal, kind: 'apiToken', via: 'API' } : null;
  }
}
