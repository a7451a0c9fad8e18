import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { decodeJwt } from 'jose';
import { SIGNATURE_AUDIENCE, authKeySource, recordHash, verifySignatureToken } from '@app/common';
import { waitFor } from '@app/testing';
import { REFRESH, codeOf, createUser, login, startAuth, type AuthHarness } from './helpers.js';

// E-signatures (issue #15 point 6): signRecord re-authenticates and signs a record's hash.
let h: AuthHarness;
beforeAll(async () => { h = await startAuth(); });
afterAll(() => h.sg.stop());

const SIGN = `mutation($i: SignRecordInput!) { signRecord(input: $i) {
  id token signer { id name email } meaning method recordType recordId recordHash signedAt expiresAt } }`;
const record = { recordType: 'WorkflowStep', recordId: 'step-1', recordHash: recordHash({ recordType: 'WorkflowStep', recordId: 'step-1', action: 'OVERRIDDEN' }) };

describe('signRecord', () => {
  it('signs a record with the password: a 5-minute token bound to the hash that auth\'s published keys verify, and an audit event', async () => {
    const { user, password, principal } = await createUser(h, 'ADMIN');
    const res = await h.sg.call(SIGN, { i: { ...record, password, meaning: 'APPROVED_BY' } }, principal);
    expect(res.errors).toBeUndefined();
    const signed = res.data!.signRecord;
    expect(signed).toMatchObject({ signer: { id: user.id, email: user.email }, meaning: 'APPROVED_BY', method: 'PASSWORD', ...record });
    expect(new Date(signed.expiresAt).getTime() - new Date(signed.signedAt).getTime()).toBe(5 * 60_000);

    // The token verifies with the keys auth publishes, and is no access token (another audience).
    const trust = { key: await authKeySource({}, h.sg.running.url), issuer: 'nanopore-auth' };
    const claims = await verifySignatureToken(signed.token, trust, h.clock.now());
    expect(claims).toMatchObject({ signatureId: signed.id, signerId: user.id, meaning: 'APPROVED_BY', recordHash: record.recordHash });
    expect(decodeJwt(signed.token).aud).toBe(SIGNATURE_AUDIENCE);
    await waitFor(() => h.events.some((e) => e.type === 'SignatureIssued' && e.subject.id === user.id && (e.data as { signatureId: string }).signatureId === signed.id),
      { what: 'the SignatureIssued event' });
  });

  it('signs without the password only within 5 minutes of signing in with it', async () => {
    const { email, password, principal } = await createUser(h, 'STAFF');
    const session = (await login(h, email, password)).data!.login;
    const authTime = decodeJwt(session.accessToken).auth_time as number;
    expect(Math.abs(authTime * 1000 - h.clock.ms)).toBeLessThan(1000);
    const fresh = { ...principal, authTime };
    const recent = await h.sg.call(SIGN, { i: { ...record, meaning: 'REVIEWED_BY' } }, fresh);
    expect(recent.data!.signRecord).toMatchObject({ method: 'RECENT_SIGN_IN', meaning: 'REVIEWED_BY' });

    // A refresh renews the access token but not the sign-in time.
    h.clock.advanceMinutes(6);
    const refreshed = (await h.sg.call(REFRESH, { t: session.refreshToken })).data!.refreshSession;
    expect(decodeJwt(refreshed.accessToken).auth_time).toBe(authTime);
    const stale = await h.sg.call(SIGN, { i: { ...record, meaning: 'REVIEWED_BY' } }, fresh);
    expect(stale.errors![0]).toMatchObject({ extensions: { code: 'SIGNATURE_REQUIRED', field: 'password' }, message: expect.stringMatching(/Re-enter your password/) });
    expect(codeOf(await h.sg.call(SIGN, { i: { ...record, meaning: 'REVIEWED_BY' } }, principal))).toBe('SIGNATURE_REQUIRED');
    expect((await h.sg.call(SIGN, { i: { ...record, meaning: 'REVIEWED_BY', password } }, fresh)).data!.signRecord.method).toBe('PASSWORD');
  });

  it('counts a wrong password as a failed sign-in: five lock the account for signing and signing in', async () => {
    const { user, email, password, principal } = await createUser(h, 'ADMIN');
    for (let i = 0; i < 5; i++) {
      const wrong = await h.sg.call(SIGN, { i: { ...record, meaning: 'APPROVED_BY', password: `not my password ${i}` } }, principal);
      expect(wrong.errors![0]).toMatchObject({ extensions: { code: 'SIGNATURE_REQUIRED', field: 'password' }, message: 'The password is wrong; the record was not signed' });
    }
    expect(codeOf(await h.sg.call(SIGN, { i: { ...record, meaning: 'APPROVED_BY', password } }, principal))).toBe('RATE_LIMITED');
    expect(codeOf(await login(h, email, password))).toBe('RATE_LIMITED');
    await waitFor(() => h.events.filter((e) => e.type === 'LoginFailed' && e.subject.id === user.id && (e.data as { reason: string }).reason === 'SIGNATURE_WRONG_PASSWORD').length === 5
      && h.events.some((e) => e.type === 'AccountLocked' && e.subject.id === user.id), { what: 'failures and the lock on the audit trail' });
  });

  it('refuses API tokens, anonymous callers and malformed input', async () => {
    const { password, principal } = await createUser(h, 'STAFF');
    expect(codeOf(await h.sg.call(SIGN, { i: { ...record, meaning: 'APPROVED_BY', password } }, { ...principal, kind: 'apiToken', scopes: ['workflow:write'] }))).toBe('FORBIDDEN');
    expect(codeOf(await h.sg.call(SIGN, { i: { ...record, meaning: 'APPROVED_BY', password } }))).toBe('UNAUTHENTICATED');
    const badHash = await h.sg.call(SIGN, { i: { ...record, recordHash: 'ABC', meaning: 'APPROVED_BY', password } }, principal);
    expect(badHash.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'recordHash' });
    expect(codeOf(await h.sg.call(SIGN, { i: { ...record, meaning: 'SIGNED_BY', password } }, principal))).toBe('BAD_USER_INPUT');
  });
});
