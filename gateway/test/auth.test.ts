import { describe, expect, it } from '@jest/globals';
import { exportKeyPairPem, generateSigningKeyPair, publicJwk, type InternalTokenIssuer } from '@app/common';
import { HttpApiTokenResolver, InvalidCredentialsError, JwtUserTokenVerifier, createUserTokenVerifier, resolvePrincipal } from '../src/index.js';
import { signUserToken } from './fixture.js';

const settings = { AUTH_ISSUER: 'nanopore-auth', AUTH_AUDIENCE: 'nanopore-api', AUTH_CLOCK_TOLERANCE_SECONDS: 5 };

describe('user token verification with a static key', () => {
  it('accepts AUTH_PUBLIC_KEY as PEM or JWK and maps claims to a principal', async () => {
    const keys = await generateSigningKeyPair('k1');
    const token = await signUserToken(keys, { sub: 'u1', role: 'VIEWER', name: 'Vi', jti: 'j1' });
    for (const publicKey of [(await exportKeyPairPem(keys)).publicKeyPem, JSON.stringify(await publicJwk(keys))]) {
      const verifier = await createUserTokenVerifier({ ...settings, AUTH_PUBLIC_KEY: publicKey });
      await expect(verifier.verify(token)).resolves.toEqual({
        kind: 'user', userId: 'u1', role: 'VIEWER', labId: null, name: 'Vi', scopes: [], tokenId: 'j1', via: 'UI',
      });
    }
  });

  it('tolerates a few seconds of clock skew but no more', async () => {
    const keys = await generateSigningKeyPair('k1');
    const verifier = await createUserTokenVerifier({ ...settings, AUTH_PUBLIC_KEY: (await exportKeyPairPem(keys)).publicKeyPem });
    await expect(verifier.verify(await signUserToken(keys, {}, { expiresIn: -2 }))).resolves.toMatchObject({ kind: 'user' });
    await expect(verifier.verify(await signUserToken(keys, {}, { expiresIn: -30 }))).rejects.toThrow('The access token has expired');
  });

  it('remembers a verified token only until it expires', async () => {
    const keys = await generateSigningKeyPair('k1');
    let now = Date.now();
    const verifier = new JwtUserTokenVerifier({ key: keys.publicKey, issuer: 'nanopore-auth', audience: 'nanopore-api', clockToleranceSeconds: 0 }, () => now);
    const token = await signUserToken(keys, { sub: 'u2', role: 'STAFF' }, { expiresIn: 30 });
    await expect(verifier.verify(token)).resolves.toMatchObject({ userId: 'u2' });
    now += 20_000;
    await expect(verifier.verify(token)).resolves.toMatchObject({ userId: 'u2' });
    now += 11_000;
    await expect(verifier.verify(token)).rejects.toThrow('The access token has expired');
    // A tampered copy is a different text: it is verified, not served from the cache.
    await expect(verifier.verify(`${token.slice(0, -3)}abc`)).rejects.toBeInstanceOf(InvalidCredentialsError);
  });

  it('needs some way to find keys', async () => {
    await expect(createUserTokenVerifier(settings)).rejects.toThrow(/AUTH_PUBLIC_KEY, AUTH_JWKS_URL or AUTH_SERVICE_URL/);
  });
});

describe('resolvePrincipal', () => {
  const userTokens = { verify: async () => { throw new InvalidCredentialsError(); } };

  it('treats an opaque token as an API token and refuses it when no resolver is configured', async () => {
    await expect(resolvePrincipal('Bearer ntk_abc', { userTokens })).rejects.toThrow(InvalidCredentialsError);
  });

  it('refuses an empty bearer', async () => {
    await expect(resolvePrincipal('Bearer ', { userTokens })).rejects.toThrow(/must be "Bearer <token>"/);
  });
});

describe('HttpApiTokenResolver', () => {
  const issuer = { issue: async () => 'internal' } as unknown as InternalTokenIssuer;

  it('fails (without caching) when auth is unreachable, rather than calling the token invalid', async () => {
    const resolver = new HttpApiTokenResolver({ authServiceUrl: 'http://127.0.0.1:1', issuer, timeoutMs: 1_000 });
    await expect(resolver.resolve('ntk_x')).rejects.toThrow();
    await expect(resolver.resolve('ntk_x')).rejects.toThrow();
  });
});
