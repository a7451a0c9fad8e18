import { describe, expect, it } from '@jest/globals';
import { createHash } from 'node:crypto';
import { SignJWT } from 'jose';
import {
  InternalTokenIssuer, InternalTokenVerifier, SIGNING_ALG, canonicalRecord, generateSigningKeyPair, recordHash, signSignatureToken, verifySignatureToken,
  type Principal,
} from '../src/index.js';

const claims = (signedAt: Date) => ({
  signatureId: crypto.randomUUID(), signerId: 'u-1', signerName: 'Ada', meaning: 'APPROVED_BY' as const, method: 'PASSWORD' as const,
  recordType: 'WorkflowStep', recordId: 'step-1', recordHash: 'f'.repeat(64), signedAt,
});

describe('e-signature helpers', () => {
  it('hashes a record by its canonical form: keys sorted, so field order does not matter', () => {
    expect(canonicalRecord({ b: 1, a: 'x', c: null })).toBe('{"a":"x","b":1,"c":null}');
    expect(recordHash({ b: 1, a: 'x' })).toBe(recordHash({ a: 'x', b: 1 }));
    expect(recordHash({ a: 'x' })).toBe(createHash('sha256').update('{"a":"x"}').digest('hex'));
    expect(recordHash({ a: 'x' })).not.toBe(recordHash({ a: 'y' }));
  });

  it('verifies a signature token within 5 minutes and refuses it after, or from another key, or of another kind', async () => {
    const keys = await generateSigningKeyPair('auth-k1');
    const trust = { key: keys.publicKey, issuer: 'nanopore-auth' };
    const signedAt = new Date(Math.floor(Date.now() / 1000) * 1000);
    const { token, expiresAt } = await signSignatureToken(keys, 'nanopore-auth', claims(signedAt));
    expect(expiresAt.getTime() - signedAt.getTime()).toBe(300_000);
    await expect(verifySignatureToken(token, trust, new Date(signedAt.getTime() + 60_000))).resolves.toMatchObject({ signerId: 'u-1', meaning: 'APPROVED_BY', signedAt });
    await expect(verifySignatureToken(token, trust, new Date(signedAt.getTime() + 301_000))).rejects.toMatchObject({ extensions: { code: 'SIGNATURE_INVALID', reason: 'EXPIRED' } });
    const other = await generateSigningKeyPair('other');
    await expect(verifySignatureToken(token, { ...trust, key: other.publicKey }, signedAt)).rejects.toMatchObject({ extensions: { code: 'SIGNATURE_INVALID' } });
    await expect(verifySignatureToken(token, { ...trust, issuer: 'someone-else' }, signedAt)).rejects.toMatchObject({ extensions: { code: 'SIGNATURE_INVALID' } });
    // An access token of the same key (another audience and type) is no signature.
    const access = await new SignJWT({ role: 'ADMIN' }).setProtectedHeader({ alg: SIGNING_ALG, typ: 'JWT' }).setSubject('u-1').setIssuer('nanopore-auth')
      .setAudience('nanopore-api').setJti('j').setIssuedAt().setExpirationTime('15m').sign(keys.privateKey);
    await expect(verifySignatureToken(access, trust, new Date())).rejects.toMatchObject({ extensions: { code: 'SIGNATURE_INVALID' } });
    await expect(verifySignatureToken('x'.repeat(5000), trust, new Date())).rejects.toMatchObject({ extensions: { code: 'SIGNATURE_INVALID' } });
  });

  it('carries a person\'s sign-in time through the internal token, and nothing for callers without one', async () => {
    const keys = await generateSigningKeyPair('gw');
    const issuer = new InternalTokenIssuer(keys.privateKey);
    const verifier = new InternalTokenVerifier(keys.publicKey, 'workflow');
    const person: Principal = { kind: 'user', userId: 'u-1', role: 'ADMIN', labId: null, name: 'Ada', scopes: [], tokenId: 't', via: 'UI', authTime: 1_790_000_000 };
    const client = { ip: null, userAgent: null };
    expect((await verifier.verify(await issuer.issue('workflow', person, client))).principal.authTime).toBe(1_790_000_000);
    const { authTime: _at, ...withoutTime } = person;
    expect((await verifier.verify(await issuer.issue('workflow', withoutTime, client))).principal).not.toHaveProperty('authTime');
  });
});
