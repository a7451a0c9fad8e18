import { SignJWT, jwtVerify, type CryptoKey } from 'jose';
import { CredentialCache } from './credential-cache.js';
import { SIGNING_ALG } from './keys.js';
import { Roles, Vias, type ClientInfo, type Principal, type Role, type Via } from './principal.js';

export const INTERNAL_TOKEN_HEADER = 'x-internal-token';
export const INTERNAL_ISSUER = 'nanopore-gateway';
/**
 * A subgraph that writes through another subgraph's API (intake → samples) receives, beside its
 * own token, a token for that subgraph with the caller's identity (`x-delegate-<name>-token`) and
 * where to reach it (`x-delegate-<name>-url`). Only the gateway can mint either.
 */
export const delegateTokenHeader = (audience: string) => `x-delegate-${audience}-token`;
export const delegateUrlHeader = (audience: string) => `x-delegate-${audience}-url`;
const LIFETIME_SECONDS = 60;
/** A cached token is reused while it has at least this long to live. */
const REUSE_MARGIN_SECONDS = 20;

interface InternalClaims {
  kind: Principal['kind'];
  role: Role | null;
  lab: string | null;
  name: string | null;
  scopes: string[];
  tid: string | null;
  via: Via;
  ip: string | null;
  ua: string | null;
  /** The principal's authTime. */
  at: number | null;
}

export interface VerifiedInternalCall {
  principal: Principal;
  client: ClientInfo;
}

/**
 * Mints the short-lived token the gateway sends with every subgraph fetch. The audience is the
 * subgraph's name, so a token leaked from one subgraph cannot be replayed against another.
 */
export class InternalTokenIssuer {
  private readonly cache = new Map<string, { token: string; exp: number }>();

  constructor(private readonly privateKey: CryptoKey, private readonly now: () => number = Date.now) {}

  /** `lifetimeSeconds` is longer only for delegated tokens, which background work (an intake commit) outlives a request with. */
  async issue(audience: string, principal: Principal, client: ClientInfo, lifetimeSeconds = LIFETIME_SECONDS): Promise<string> {
    const claims: InternalClaims = {
      kind: principal.kind, role: principal.role, lab: principal.labId, name: principal.name,
      scopes: principal.scopes, tid: principal.tokenId, via: principal.via, ip: client.ip, ua: client.userAgent, at: principal.authTime ?? null,
    };
    const subject = principal.userId ?? principal.kind;
    const key = JSON.stringify([audience, subject, claims, lifetimeSeconds]);
    const nowSeconds = Math.floor(this.now() / 1000);
    const cached = this.cache.get(key);
    if (cached && cached.exp - nowSeconds > Math.max(REUSE_MARGIN_SECONDS, lifetimeSeconds - LIFETIME_SECONDS)) return cached.token;
    const exp = nowSeconds + lifetimeSeconds;
    const token = await new SignJWT({ ...claims })
      .setProtectedHeader({ alg: SIGNING_ALG })
      .setIssuer(INTERNAL_ISSUER)
      .setAudience(audience)
      .setSubject(subject)
      .setIssuedAt(nowSeconds)
      .setExpirationTime(exp)
      .sign(this.privateKey);
    if (this.cache.size > 10_000) this.cache.clear();
    this.cache.set(key, { token, exp });
    return token;
  }
}

/**
 * Verifies the gateway's token in a subgraph and turns it back into a principal. A verified token
 * cannot change, so what it proves is remembered by its exact text until it expires: the gateway
 * reuses one token per caller for up to 40 s, and checking its EdDSA signature on every request
 * was a visible share of a subgraph's CPU. A different token, however similar, is a different key.
 */
export class InternalTokenVerifier {
  private readonly verified: CredentialCache<VerifiedInternalCall>;

  constructor(private readonly publicKey: CryptoKey, private readonly audience: string, private readonly now: () => number = Date.now) {
    this.verified = new CredentialCache(now);
  }

  async verify(token: string): Promise<VerifiedInternalCall> {
    const call = this.verified.get(token) ?? await this.verifySignature(token);
    // Copies, so a request that changed its principal could not change the next request's.
    return { principal: { ...call.principal, scopes: [...call.principal.scopes] }, client: { ...call.client } };
  }

  private async verifySignature(token: string): Promise<VerifiedInternalCall> {
    const { payload } = await jwtVerify(token, this.publicKey, {
      issuer: INTERNAL_ISSUER, audience: this.audience, algorithms: [SIGNING_ALG], requiredClaims: ['sub', 'exp'], currentDate: new Date(this.now()),
    });
    const call = toCall(payload as unknown as InternalClaims & { sub: string });
    this.verified.set(token, call, payload.exp! * 1000);
    return call;
  }
}

function toCall(c: InternalClaims & { sub: string }): VerifiedInternalCall {
  const kind = (['user', 'apiToken', 'anonymous', 'service'] as const).find((k) => k === c.kind) ?? 'anonymous';
  const isPerson = kind === 'user' || kind === 'apiToken';
  return {
    principal: {
      kind,
      userId: isPerson ? c.sub : null,
      role: Roles.includes(c.role as Role) ? (c.role as Role) : null,
      labId: c.lab ?? null,
      name: c.name ?? null,
      scopes: Array.isArray(c.scopes) ? c.scopes.map(String) : [],
      tokenId: c.tid ?? null,
      via: Vias.includes(c.via) ? c.via : 'API',
      // Only people who signed in with a password have one; absent otherwise.
      ...(typeof c.at === 'number' ? { authTime: c.at } : {}),
    },
    client: { ip: c.ip ?? null, userAgent: c.ua ?? null },
  };
}
