import { createHash } from 'node:crypto';
import { SignJWT, createRemoteJWKSet, errors, jwtVerify, type CryptoKey, type JWTVerifyGetKey } from 'jose';
import { ErrorCode, SignatureError } from '../errors.js';
import { SIGNING_ALG, importPublicKey } from './keys.js';

/**
 * Electronic signatures (21 CFR Part 11 §11.50, §11.70, §11.200): auth re-authenticates the signer
 * and signs a short-lived, single-use token bound to the SHA-256 of one record's canonical form;
 * the subgraph that changes the record verifies the token here, checks the hash against the record
 * it is about to change and spends the token's id in a unique-keyed table.
 */

/** What a signature means (§11.50(a)(3)), shown with it wherever it is displayed. */
export const SignatureMeanings = ['APPROVED_BY', 'REVIEWED_BY', 'AUTHORED_BY', 'RESPONSIBLE_FOR'] as const;
export type SignatureMeaning = (typeof SignatureMeanings)[number];

/** How the signer proved themself: their password now, or a sign-in (with password) at most 5 minutes old. */
export const SignatureMethods = ['PASSWORD', 'RECENT_SIGN_IN'] as const;
export type SignatureMethod = (typeof SignatureMethods)[number];

/** Audience of signature tokens: never accepted as an access token (whose audience is AUTH_AUDIENCE). */
export const SIGNATURE_AUDIENCE = 'nanopore-signature';
export const SIGNATURE_TOKEN_TYPE = 'signature+jwt';
/** A signature token is spent within this long of signing, or refused. */
export const SIGNATURE_MAX_AGE_SECONDS = 300;
/** Signing without the password is allowed only this long after the signer last entered it (sign-in). */
export const RECENT_SIGN_IN_SECONDS = 300;

/** The fields of a record as signed: flat, JSON-representable values. */
export type SignableRecord = Record<string, string | number | boolean | null>;

/** The record's canonical form: JSON with keys in code-point order, no whitespace. */
export function canonicalRecord(record: SignableRecord): string {
  const sorted = Object.keys(record).sort().map((k) => [k, record[k] ?? null] as const);
  return JSON.stringify(Object.fromEntries(sorted));
}

/** SHA-256 (lower-case hex) of the record's canonical form: what a signature is bound to. */
export function recordHash(record: SignableRecord): string {
  return createHash('sha256').update(canonicalRecord(record), 'utf8').digest('hex');
}

/** What a verified signature token says. */
export interface SignatureClaims {
  /** The token's `jti`: the signature's id, usable once. */
  signatureId: string;
  signerId: string;
  signerName: string | null;
  meaning: SignatureMeaning;
  method: SignatureMethod;
  recordType: string;
  recordId: string;
  recordHash: string;
  signedAt: Date;
  expiresAt: Date;
}

/** Where the keys of tokens auth signs come from: one key, or a JWKS resolver. */
export type AuthKeySource = JWTVerifyGetKey | CryptoKey;

/** What a verifier of auth-signed tokens trusts. */
export interface AuthTokenTrust {
  key: AuthKeySource;
  issuer: string;
}

/**
 * The keys auth signs with: AUTH_PUBLIC_KEY when set, else AUTH_JWKS_URL, else auth's own JWKS at
 * `authServiceUrl` (a function when the address is known only once auth is listening). Key sets are
 * fetched on first use, cached 10 minutes and refetched (at most every 30 s) for an unknown `kid`.
 */
export async function authKeySource(
  settings: { AUTH_PUBLIC_KEY?: string; AUTH_JWKS_URL?: string },
  authServiceUrl?: string | (() => string | undefined),
): Promise<AuthKeySource> {
  if (settings.AUTH_PUBLIC_KEY) return importPublicKey(settings.AUTH_PUBLIC_KEY);
  const urlOf = (): string | undefined => {
    if (settings.AUTH_JWKS_URL) return settings.AUTH_JWKS_URL;
    const base = typeof authServiceUrl === 'function' ? authServiceUrl() : authServiceUrl;
    return base ? `${base}/.well-known/jwks.json` : undefined;
  };
  if (typeof authServiceUrl !== 'function' && !urlOf()) throw new Error('Set AUTH_PUBLIC_KEY, AUTH_JWKS_URL or AUTH_SERVICE_URL so tokens signed by auth can be verified');
  let jwks: JWTVerifyGetKey | null = null;
  return (header, token) => {
    if (!jwks) {
      const url = urlOf();
      if (!url) throw new Error('The auth service is not reachable yet: its key set is unknown');
      jwks = createRemoteJWKSet(new URL(url), { timeoutDuration: 5_000, cooldownDuration: 30_000, cacheMaxAge: 600_000 });
    }
    return jwks(header, token);
  };
}

/** Signs a signature token (auth only; tests sign with their own trusted key). */
export async function signSignatureToken(
  key: { kid: string; privateKey: CryptoKey }, issuer: string, claims: Omit<SignatureClaims, 'expiresAt'>,
): Promise<{ token: string; expiresAt: Date }> {
  const iat = Math.floor(claims.signedAt.getTime() / 1000);
  const exp = iat + SIGNATURE_MAX_AGE_SECONDS;
  const token = await new SignJWT({
    name: claims.signerName, meaning: claims.meaning, method: claims.method, rtype: claims.recordType, rid: claims.recordId, rhash: claims.recordHash,
  })
    .setProtectedHeader({ alg: SIGNING_ALG, kid: key.kid, typ: SIGNATURE_TOKEN_TYPE })
    .setSubject(claims.signerId)
    .setIssuer(issuer)
    .setAudience(SIGNATURE_AUDIENCE)
    .setJti(claims.signatureId)
    .setIssuedAt(iat)
    .setExpirationTime(exp)
    .sign(key.privateKey);
  return { token, expiresAt: new Date(exp * 1000) };
}

const INVALID = 'The signature is not valid; sign the record again';

/**
 * Verifies a signature token at `now`: auth's key, issuer, audience, type, at most 5 minutes old.
 * Throws SIGNATURE_INVALID (an expired one says so); a key set that cannot be fetched stays a server error.
 */
export async function verifySignatureToken(token: string, trust: AuthTokenTrust, now: Date): Promise<SignatureClaims> {
  if (typeof token !== 'string' || token.length > 4096) throw new SignatureError(INVALID, ErrorCode.SIGNATURE_INVALID);
  try {
    const { payload, protectedHeader } = await jwtVerify(token, trust.key as JWTVerifyGetKey, {
      algorithms: [SIGNING_ALG], issuer: trust.issuer, audience: SIGNATURE_AUDIENCE, typ: SIGNATURE_TOKEN_TYPE,
      requiredClaims: ['sub', 'jti', 'iat', 'exp'], maxTokenAge: SIGNATURE_MAX_AGE_SECONDS, currentDate: now,
    });
    const c = payload as Record<string, unknown>;
    const meaning = SignatureMeanings.find((m) => m === c.meaning);
    const method = SignatureMethods.find((m) => m === c.method);
    if (!meaning || !method || protectedHeader.typ !== SIGNATURE_TOKEN_TYPE || typeof c.rhash !== 'string' || typeof c.rtype !== 'string' || typeof c.rid !== 'string') {
      throw new SignatureError(INVALID, ErrorCode.SIGNATURE_INVALID);
    }
    return {
      signatureId: payload.jti!, signerId: payload.sub!, signerName: typeof c.name === 'string' ? c.name : null, meaning, method,
      recordType: c.rtype, recordId: c.rid, recordHash: c.rhash, signedAt: new Date(payload.iat! * 1000), expiresAt: new Date(payload.exp! * 1000),
    };
  } catch (err) {
    if (err instanceof SignatureError) throw err;
    if (err instanceof errors.JWTExpired) {
      throw new SignatureError(`The signature has expired: a signature must be used within ${SIGNATURE_MAX_AGE_SECONDS / 60} minutes of signing; sign again`, ErrorCode.SIGNATURE_INVALID, { reason: 'EXPIRED' });
    }
    if (err instanceof errors.JOSEError && !(err instanceof errors.JWKSTimeout)) throw new SignatureError(INVALID, ErrorCode.SIGNATURE_INVALID);
    throw err;
  }
}
