import { beforeAll, describe, expect, it } from '@jest/globals';
import { SignJWT, decodeJwt, type CryptoKey } from 'jose';
import {
  ANONYMOUS, INTERNAL_ISSUER, InternalTokenIssuer, InternalTokenVerifier, SIGNING_ALG, SYSTEM, canSeeLab, exportKeyPairPem,
  generateSigningKeyPair, importPrivateKey, importPublicKey, isStaff, labScope, publicJwk, requireAuthenticated, requireRead,
  requireRole, requireScope, requireWrite, visibilityKey, type ClientInfo, type Principal, type Role, type SigningKeyPair,
} from '../src/index.js';

const client: ClientInfo = { ip: '10.0.0.7', userAgent: 'nanopore-ui/1.0' };
const person = (role: Role, extra: Partial<Principal> = {}): Principal => ({
  kind: 'user', userId: `u-${role.toLowerCase()}`, role, labId: null, name: `${role} person`, scopes: [], tokenId: null, via: 'UI', ...extra,
});
const apiToken = (scopes: string[], role: Role = 'STAFF', labId: string | null = null): Principal => ({
  kind: 'apiToken', userId: 'u-bi', role, labId, name: 'BI export', scopes, tokenId: 'tok-1', via: 'API',
});

let pair: SigningKeyPair;
let other: SigningKeyPair;
beforeAll(async () => {
  pair = await generateSigningKeyPair('k1');
  other = await generateSigningKeyPair('k2');
});

async function rejection(promise: Promise<unknown>): Promise<{ code?: string; message: string }> {
  try {
    await promise;
  } catch (err) {
    return err as { code?: string; message: string };
  }
  throw new Error('expected a rejection');
}

describe('internal tokens', () => {
  it('round-trips a user principal and client info', async () => {
    const principal = person('SUBMITTER', { labId: 'lab-7' });
    const token = await new InternalTokenIssuer(pair.privateKey).issue('samples', principal, client);
    const call = await new InternalTokenVerifier(pair.publicKey, 'samples').verify(token);
    expect(call).toEqual({ principal, client });
    const claims = decodeJwt(token);
    expect(claims).toMatchObject({ iss: INTERNAL_ISSUER, aud: 'samples', sub: 'u-submitter' });
    expect(claims.exp! - claims.iat!).toBe(60);
  });

  it('round-trips an API token principal with scopes and token id', async () => {
    const principal = apiToken(['samples:read', 'exports:read']);
    const token = await new InternalTokenIssuer(pair.privateKey).issue('samples', principal, { ip: null, userAgent: null });
    expect(await new InternalTokenVerifier(pair.publicKey, 'samples').verify(token)).toEqual({ principal, client: { ip: null, userAgent: null } });
  });

  it('round-trips service and anonymous principals without inventing a user id', async () => {
    const issuer = new InternalTokenIssuer(pair.privateKey);
    const verifier = new InternalTokenVerifier(pair.publicKey, 'audit');
    expect((await verifier.verify(await issuer.issue('audit', SYSTEM, client))).principal).toEqual(SYSTEM);
    expect((await verifier.verify(await issuer.issue('audit', ANONYMOUS, client))).principal).toEqual(ANONYMOUS);
  });

  it('rejects a token minted for another audience', async () => {
    const token = await new InternalTokenIssuer(pair.privateKey).issue('files', person('ADMIN'), client);
    const err = await rejection(new InternalTokenVerifier(pair.publicKey, 'samples').verify(token));
    expect(err.code).toBe('ERR_JWT_CLAIM_VALIDATION_FAILED');
    expect(err.message).toContain('aud');
  });

  it('rejects an expired token (issuer clock in the past)', async () => {
    const past = Date.now() - 5 * 60_000;
    const token = await new InternalTokenIssuer(pair.privateKey, () => past).issue('samples', person('STAFF'), client);
    const err = await rejection(new InternalTokenVerifier(pair.publicKey, 'samples').verify(token));
    expect(err.code).toBe('ERR_JWT_EXPIRED');
  });

  it('rejects a tampered token', async () => {
    const token = await new InternalTokenIssuer(pair.privateKey).issue('samples', person('VIEWER'), client);
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    const forged = Buffer.from(JSON.stringify({ ...claims, role: 'ADMIN' })).toString('base64url');
    const err = await rejection(new InternalTokenVerifier(pair.publicKey, 'samples').verify(`${header}.${forged}.${signature}`));
    expect(err.code).toBe('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
  });

  it('rejects a token signed with a different key', async () => {
    const token = await new InternalTokenIssuer(other.privateKey).issue('samples', person('ADMIN'), client);
    const err = await rejection(new InternalTokenVerifier(pair.publicKey, 'samples').verify(token));
    expect(err.code).toBe('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
  });

  it('rejects a token from another issuer or without a subject', async () => {
    const verifier = new InternalTokenVerifier(pair.publicKey, 'samples');
    const now = Math.floor(Date.now() / 1000);
    const wrongIssuer = await new SignJWT({ kind: 'user', role: 'ADMIN' }).setProtectedHeader({ alg: SIGNING_ALG })
      .setIssuer('someone-else').setAudience('samples').setSubject('u-1').setIssuedAt(now).setExpirationTime(now + 60).sign(pair.privateKey);
    expect((await rejection(verifier.verify(wrongIssuer))).code).toBe('ERR_JWT_CLAIM_VALIDATION_FAILED');
    const noSubject = await new SignJWT({ kind: 'user', role: 'ADMIN' }).setProtectedHeader({ alg: SIGNING_ALG })
      .setIssuer(INTERNAL_ISSUER).setAudience('samples').setIssuedAt(now).setExpirationTime(now + 60).sign(pair.privateKey);
    expect((await rejection(verifier.verify(noSubject))).code).toBe('ERR_JWT_CLAIM_VALIDATION_FAILED');
  });

  it('does not trust unknown roles or kinds in a validly signed token', async () => {
    const now = Math.floor(Date.now() / 1000);
    const token = await new SignJWT({ kind: 'root', role: 'SUPERUSER', scopes: 'all', via: 'BACKDOOR' }).setProtectedHeader({ alg: SIGNING_ALG })
      .setIssuer(INTERNAL_ISSUER).setAudience('samples').setSubject('u-1').setIssuedAt(now).setExpirationTime(now + 60).sign(pair.privateKey);
    const { principal } = await new InternalTokenVerifier(pair.publicKey, 'samples').verify(token);
    expect(principal).toMatchObject({ kind: 'anonymous', userId: null, role: null, scopes: [], via: 'API' });
  });

  it('caches a token and mints a new one near expiry', async () => {
    let now = Date.now();
    const issuer = new InternalTokenIssuer(pair.privateKey, () => now);
    const principal = person('STAFF');
    const first = await issuer.issue('samples', principal, client);
    now += 30_000; // 30 s of 60 left: reused
    expect(await issuer.issue('samples', principal, client)).toBe(first);
    // Different audience, principal or client info: a different token.
    expect(await issuer.issue('workflow', principal, client)).not.toBe(first);
    expect(await issuer.issue('samples', person('ADMIN'), client)).not.toBe(first);
    expect(await issuer.issue('samples', principal, { ...client, ip: '10.0.0.8' })).not.toBe(first);
    now += 11_000; // 19 s left: below the reuse margin
    const second = await issuer.issue('samples', principal, client);
    expect(second).not.toBe(first);
    expect(decodeJwt(second).exp).toBe(Math.floor(now / 1000) + 60);
    expect(await issuer.issue('samples', principal, client)).toBe(second);
    await expect(new InternalTokenVerifier(pair.publicKey, 'samples').verify(second)).resolves.toMatchObject({ principal });
  });

  it('never hands one caller the cached token of another, however little their identities differ', async () => {
    const issuer = new InternalTokenIssuer(pair.privateKey);
    const verifier = new InternalTokenVerifier(pair.publicKey, 'samples');
    const base = person('SUBMITTER', { labId: 'lab-a', userId: 'u-1' });
    const callers: Principal[] = [
      base, { ...base, userId: 'u-2' }, { ...base, labId: 'lab-b' }, { ...base, role: 'VIEWER' }, { ...base, name: 'Other name' },
      { ...base, kind: 'apiToken', scopes: ['samples:read'], tokenId: 't-1' }, { ...base, kind: 'apiToken', scopes: ['samples:read'], tokenId: 't-2' },
      { ...base, via: 'API' },
    ];
    // Interleaved and repeated, so every caller meets a warm cache.
    const tokens = [];
    for (let round = 0; round < 2; round++) for (const caller of callers) tokens.push({ caller, token: await issuer.issue('samples', caller, client) });
    expect(new Set(tokens.map((t) => t.token)).size).toBe(callers.length);
    for (const { caller, token } of tokens) expect((await verifier.verify(token)).principal).toEqual(caller);
  });
});

describe('internal token verification cache', () => {
  it('answers each remembered token with its own caller: two submitters of different labs, alternating', async () => {
    const issuer = new InternalTokenIssuer(pair.privateKey);
    const verifier = new InternalTokenVerifier(pair.publicKey, 'samples');
    const a = person('SUBMITTER', { userId: 'u-same', labId: 'lab-a' });
    const b = person('SUBMITTER', { userId: 'u-same', labId: 'lab-b' });
    const [ta, tb] = [await issuer.issue('samples', a, client), await issuer.issue('samples', b, { ...client, ip: '10.0.0.9' })];
    for (let i = 0; i < 3; i++) {
      expect(await verifier.verify(ta)).toEqual({ principal: a, client });
      expect(await verifier.verify(tb)).toEqual({ principal: b, client: { ...client, ip: '10.0.0.9' } });
    }
  });

  it('does not answer a forged token from the genuine one it resembles', async () => {
    const verifier = new InternalTokenVerifier(pair.publicKey, 'samples');
    const token = await new InternalTokenIssuer(pair.privateKey).issue('samples', person('SUBMITTER', { labId: 'lab-a' }), client);
    await verifier.verify(token);
    const [header, payload, signature] = token.split('.');
    const claims = JSON.parse(Buffer.from(payload!, 'base64url').toString()) as Record<string, unknown>;
    const otherLab = Buffer.from(JSON.stringify({ ...claims, lab: 'lab-b' })).toString('base64url');
    expect((await rejection(verifier.verify(`${header}.${otherLab}.${signature}`))).code).toBe('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
    expect((await rejection(verifier.verify(`${header}.${payload}.${signature!.startsWith('A') ? 'B' : 'A'}${signature!.slice(1)}`))).code).toBe('ERR_JWS_SIGNATURE_VERIFICATION_FAILED');
    expect((await verifier.verify(token)).principal.labId).toBe('lab-a');
  });

  it('stops accepting a remembered token when it expires', async () => {
    let now = Date.now();
    const token = await new InternalTokenIssuer(pair.privateKey, () => now).issue('samples', person('STAFF'), client);
    const verifier = new InternalTokenVerifier(pair.publicKey, 'samples', () => now);
    await verifier.verify(token);
    now += 59_000;
    await expect(verifier.verify(token)).resolves.toMatchObject({ principal: { role: 'STAFF' } });
    now += 1_000;
    expect((await rejection(verifier.verify(token))).code).toBe('ERR_JWT_EXPIRED');
  });

  it('a token verified by one subgraph is not accepted by another from any cache', async () => {
    const token = await new InternalTokenIssuer(pair.privateKey).issue('files', person('ADMIN'), client);
    await new InternalTokenVerifier(pair.publicKey, 'files').verify(token);
    expect((await rejection(new InternalTokenVerifier(pair.publicKey, 'samples').verify(token))).code).toBe('ERR_JWT_CLAIM_VALIDATION_FAILED');
  });

  it('a request that changes its principal does not change what the next request with the token gets', async () => {
    const verifier = new InternalTokenVerifier(pair.publicKey, 'samples');
    const token = await new InternalTokenIssuer(pair.privateKey).issue('samples', apiToken(['samples:read'], 'SUBMITTER', 'lab-a'), client);
    const first = await verifier.verify(token);
    first.principal.labId = 'lab-b';
    first.principal.scopes.push('samples:write');
    expect((await verifier.verify(token)).principal).toMatchObject({ labId: 'lab-a', scopes: ['samples:read'] });
  });
});

describe('signing keys', () => {
  it('export/import PEM round trip signs and verifies', async () => {
    const pem = await exportKeyPairPem(pair);
    expect(pem.kid).toBe('k1');
    expect(pem.privateKeyPem).toContain('-----BEGIN PRIVATE KEY-----');
    expect(pem.publicKeyPem).toContain('-----BEGIN PUBLIC KEY-----');
    const privateKey = await importPrivateKey(pem.privateKeyPem);
    const publicKey = await importPublicKey(pem.publicKeyPem);
    const token = await new InternalTokenIssuer(privateKey).issue('samples', person('ADMIN'), client);
    await expect(new InternalTokenVerifier(publicKey, 'samples').verify(token)).resolves.toMatchObject({ principal: { role: 'ADMIN' } });
    // The original public key verifies tokens from the re-imported private key (it is the same key).
    await expect(new InternalTokenVerifier(pair.publicKey, 'samples').verify(token)).resolves.toBeDefined();
    // Re-exported, the key is byte-identical.
    expect((await exportKeyPairPem({ kid: 'k1', privateKey, publicKey })).publicKeyPem).toBe(pem.publicKeyPem);
  });

  it('imports PEM written on one line with escaped newlines (as in an env file)', async () => {
    const pem = await exportKeyPairPem(pair);
    const escaped = (text: string) => text.trim().replace(/\n/g, '\\n');
    const privateKey = await importPrivateKey(escaped(pem.privateKeyPem));
    const publicKey = await importPublicKey(escaped(pem.publicKeyPem));
    const token = await new InternalTokenIssuer(privateKey).issue('x', person('ADMIN'), client);
    await expect(new InternalTokenVerifier(publicKey, 'x').verify(token)).resolves.toBeDefined();
  });

  it('imports a public JWK and a private JWK', async () => {
    const jwk = await publicJwk(pair);
    expect(jwk).toMatchObject({ kty: 'OKP', crv: 'Ed25519', kid: 'k1', alg: 'EdDSA', use: 'sig' });
    expect(jwk).not.toHaveProperty('d');
    const publicKey = await importPublicKey(JSON.stringify(jwk));
    const { exportJWK } = await import('jose');
    const privateKey = await importPrivateKey(JSON.stringify(await exportJWK(pair.privateKey)));
    const token = await new InternalTokenIssuer(privateKey).issue('x', person('ADMIN'), client);
    await expect(new InternalTokenVerifier(publicKey as CryptoKey, 'x').verify(token)).resolves.toBeDefined();
  });
});

describe('authorization', () => {
  const code = (fn: () => void): string | null => {
    try {
      fn();
      return null;
    } catch (err) {
      return (err as { extensions?: { code?: string } }).extensions?.code ?? 'not an AppError';
    }
  };
  const submitter = person('SUBMITTER', { labId: 'lab-1' });
  const submitterNoLab = person('SUBMITTER');
  const cases: [string, Principal][] = [
    ['ADMIN', person('ADMIN')], ['STAFF', person('STAFF')], ['SUBMITTER', submitter], ['VIEWER', person('VIEWER')],
    ['anonymous', ANONYMOUS], ['service', SYSTEM],
  ];

  it.each(cases)('requireAuthenticated for %s', (name, p) => {
    expect(code(() => requireAuthenticated(p))).toBe(name === 'anonymous' ? 'UNAUTHENTICATED' : null);
  });

  it('a user record without a role is not authenticated', () => {
    expect(code(() => requireAuthenticated({ ...person('STAFF'), role: null }))).toBe('UNAUTHENTICATED');
  });

  it.each(cases)('requireRole(ADMIN, STAFF) for %s', (name, p) => {
    const expected = { ADMIN: null, STAFF: null, SUBMITTER: 'FORBIDDEN', VIEWER: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED', service: null }[name];
    expect(code(() => requireRole(p, 'ADMIN', 'STAFF'))).toBe(expected);
  });

  it('requireRole names the roles in its message', () => {
    expect(() => requireRole(person('VIEWER'), 'ADMIN')).toThrow('This needs one of the roles ADMIN; you are VIEWER');
  });

  it.each(cases)('requireRead for %s', (name, p) => {
    expect(code(() => requireRead(p, 'samples:read'))).toBe(name === 'anonymous' ? 'UNAUTHENTICATED' : null);
  });

  it.each(cases)('requireWrite(samples:write, ADMIN, STAFF, SUBMITTER) for %s', (name, p) => {
    const expected = { ADMIN: null, STAFF: null, SUBMITTER: null, VIEWER: 'FORBIDDEN', anonymous: 'UNAUTHENTICATED', service: null }[name];
    expect(code(() => requireWrite(p, 'samples:write', 'ADMIN', 'STAFF', 'SUBMITTER'))).toBe(expected);
  });

  it('a VIEWER never writes, even when a caller lists VIEWER among the roles', () => {
    expect(code(() => requireWrite(person('VIEWER'), 'samples:write', 'ADMIN', 'STAFF', 'SUBMITTER', 'VIEWER'))).toBe('FORBIDDEN');
    expect(code(() => requireWrite(apiToken(['samples:write'], 'VIEWER'), 'samples:write', 'VIEWER'))).toBe('FORBIDDEN');
  });

  it('API tokens need the matching scope', () => {
    const reader = apiToken(['samples:read']);
    expect(code(() => requireScope(reader, 'samples:read'))).toBeNull();
    expect(code(() => requireScope(reader, 'samples:write'))).toBe('FORBIDDEN');
    expect(code(() => requireRead(reader, 'samples:read'))).toBeNull();
    expect(code(() => requireRead(reader, 'audit:read'))).toBe('FORBIDDEN');
    expect(code(() => requireWrite(reader, 'samples:write', 'STAFF'))).toBe('FORBIDDEN');
    expect(() => requireWrite(reader, 'samples:write', 'STAFF')).toThrow('lacks the scope samples:write');
    const writer = apiToken(['samples:write']);
    expect(code(() => requireWrite(writer, 'samples:write', 'STAFF'))).toBeNull();
    // Scope alone is not enough: the token's role must also be allowed.
    expect(code(() => requireWrite(writer, 'samples:write', 'ADMIN'))).toBe('FORBIDDEN');
    // People and services are not scope-limited.
    expect(code(() => requireScope(person('VIEWER'), 'audit:read'))).toBeNull();
    expect(code(() => requireScope(SYSTEM, 'files:write'))).toBeNull();
  });

  it('labScope and canSeeLab for every role', () => {
    expect(labScope(person('ADMIN'))).toBeNull();
    expect(labScope(person('STAFF'))).toBeNull();
    expect(labScope(person('VIEWER'))).toBeNull();
    expect(labScope(SYSTEM)).toBeNull();
    expect(labScope(submitter)).toBe('lab-1');
    for (const p of [person('ADMIN'), person('STAFF'), person('VIEWER'), SYSTEM]) {
      expect(canSeeLab(p, 'lab-1')).toBe(true);
      expect(canSeeLab(p, null)).toBe(true);
    }
    expect(canSeeLab(submitter, 'lab-1')).toBe(true);
    expect(canSeeLab(submitter, 'lab-2')).toBe(false);
    expect(canSeeLab(submitter, null)).toBe(false);
    expect(canSeeLab(submitter, undefined)).toBe(false);
  });

  it('a submitter without a lab sees nothing', () => {
    const scope = labScope(submitterNoLab);
    expect(scope).not.toBeNull();
    for (const lab of ['lab-1', '', null, undefined]) expect(canSeeLab(submitterNoLab, lab)).toBe(false);
  });

  it('API tokens are confined like the role they carry', () => {
    expect(labScope(apiToken(['samples:read'], 'SUBMITTER', 'lab-3'))).toBe('lab-3');
    expect(canSeeLab(apiToken(['samples:read'], 'SUBMITTER', 'lab-3'), 'lab-4')).toBe(false);
    expect(labScope(apiToken(['samples:read'], 'STAFF'))).toBeNull();
  });

  it('an anonymous caller (or one without a role) sees no lab', () => {
    for (const p of [ANONYMOUS, { ...person('STAFF'), role: null }]) {
      expect(labScope(p)).not.toBeNull();
      expect(canSeeLab(p, 'lab-1')).toBe(false);
      expect(canSeeLab(p, null)).toBe(false);
    }
  });

  it('isStaff', () => {
    expect([person('ADMIN'), person('STAFF'), SYSTEM].every(isStaff)).toBe(true);
    expect([submitter, person('VIEWER'), ANONYMOUS].some(isStaff)).toBe(false);
  });

  it('visibilityKey: staff of one role share it; labs, roles, scopes and non-staff people do not', () => {
    const key = visibilityKey;
    // Two staff members see the same thing, whoever they are and however they signed in.
    expect(key(person('STAFF', { userId: 'u-1', name: 'A' }))).toBe(key(person('STAFF', { userId: 'u-2', name: 'B', via: 'API' })));
    expect(key(person('STAFF'))).not.toBe(key(person('ADMIN')));
    // Submitters: another lab, and another person of the same lab (own private user fields), never share.
    expect(key(submitter)).not.toBe(key(person('SUBMITTER', { labId: 'lab-2' })));
    expect(key(submitter)).not.toBe(key(person('SUBMITTER', { labId: 'lab-1', userId: 'u-other' })));
    expect(key(submitter)).toBe(key({ ...submitter, name: 'renamed', tokenId: null }));
    expect(key(person('VIEWER', { userId: 'v1' }))).not.toBe(key(person('VIEWER', { userId: 'v2' })));
    // API tokens: scopes count (in any order), and a token is not its owner signed in.
    expect(key(apiToken(['samples:read', 'workflow:read']))).toBe(key(apiToken(['workflow:read', 'samples:read'])));
    expect(key(apiToken(['samples:read']))).not.toBe(key(apiToken(['samples:read', 'workflow:read'])));
    expect(key(apiToken(['samples:read']))).not.toBe(key(person('STAFF')));
    expect(key(ANONYMOUS)).not.toBe(key(SYSTEM));
  });
});
