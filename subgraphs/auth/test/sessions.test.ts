import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createLocalJWKSet, decodeJwt, decodeProtectedHeader, jwtVerify } from 'jose';
import { waitFor } from '@app/testing';
import { ADMIN_EMAIL, ADMIN_PASSWORD, ME, REFRESH, codeOf, createUser, login, principalOf, startAuth, type AuthHarness } from './helpers.js';

let h: AuthHarness;
beforeAll(async () => { h = await startAuth({ env: { LOGIN_IP_MAX_FAILURES: '20' } }); });
afterAll(() => h.sg.stop());

const eventsOf = (type: string, userId?: string) => h.events.filter((e) => e.type === type && (!userId || e.subject.id === userId));

describe('sign-in and sessions', () => {
  it('login → me → refresh → the spent token is refused and its family revoked → re-login works', async () => {
    const { user, email, password } = await createUser(h, 'STAFF');
    const first = await login(h, email.toUpperCase(), password);
    expect(first.errors).toBeUndefined();
    const payload = first.data!.login;
    expect(payload.user).toMatchObject({ id: user.id, email, role: 'STAFF' });
    expect(payload.refreshToken).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const claims = decodeJwt(payload.accessToken);
    const me = await h.sg.call(ME, {}, principalOf(user, claims.jti!));
    expect(me.data!.me).toMatchObject({ id: user.id, email, lastLoginAt: expect.any(String) });

    const second = await h.sg.call(REFRESH, { t: payload.refreshToken });
    expect(second.errors).toBeUndefined();
    const next = second.data!.refreshSession;
    expect(next.refreshToken).not.toBe(payload.refreshToken);
    expect(decodeJwt(next.accessToken).jti!.split('.')[0]).toBe(claims.jti!.split('.')[0]);

    // Past the reuse grace (10 s by default) a spent token is theft.
    h.clock.advanceSeconds(11);
    const reuse = await h.sg.call(REFRESH, { t: payload.refreshToken });
    expect(codeOf(reuse)).toBe('UNAUTHENTICATED');
    // Theft detection: the thief's (or victim's) newer token is dead too.
    expect(codeOf(await h.sg.call(REFRESH, { t: next.refreshToken }))).toBe('UNAUTHENTICATED');
    await waitFor(() => eventsOf('RefreshTokenReused', user.id).length === 1, { what: 'RefreshTokenReused' });
    expect(eventsOf('RefreshTokenReused', user.id)[0]!.data).toMatchObject({ sessionId: claims.jti!.split('.')[0], sessionsRevoked: 1 });

    const again = await login(h, email, password);
    expect(again.errors).toBeUndefined();
    expect((await h.sg.call(REFRESH, { t: again.data!.login.refreshToken })).errors).toBeUndefined();
  });

  describe('reuse grace (AUTH_REFRESH_REUSE_GRACE_SECONDS, 10 s)', () => {
    async function rotatedOnce() {
      const { user, email, password } = await createUser(h, 'STAFF');
      const first = (await login(h, email, password)).data!.login;
      const second = await h.sg.call(REFRESH, { t: first.refreshToken });
      expect(second.errors).toBeUndefined();
      return { user, spent: first.refreshToken as string, successor: second.data!.refreshSession.refreshToken as string, sessionId: decodeJwt(first.accessToken).jti!.split('.')[0] };
    }

    it('a spent token presented again within the interval rotates again in the same family, and the earlier successor stays valid', async () => {
      const { user, spent, successor, sessionId } = await rotatedOnce();
      h.clock.advanceSeconds(10); // exactly at the boundary: still inside
      const again = await h.sg.call(REFRESH, { t: spent });
      expect(again.errors).toBeUndefined();
      const fresh = again.data!.refreshSession;
      expect(fresh.refreshToken).not.toBe(successor);
      expect(decodeJwt(fresh.accessToken).jti!.split('.')[0]).toBe(sessionId);
      // Both successors work (the tab that did get the first answer is not signed out).
      expect((await h.sg.call(REFRESH, { t: successor })).errors).toBeUndefined();
      expect((await h.sg.call(REFRESH, { t: fresh.refreshToken })).errors).toBeUndefined();
      await waitFor(() => eventsOf('SessionRefreshed', user.id).some((e) => e.data.graceReuse === true), { what: 'SessionRefreshed (graceReuse)' });
      expect(eventsOf('RefreshTokenReused', user.id)).toHaveLength(0);
    });

    it('after the interval the same reuse revokes the family with RefreshTokenReused', async () => {
      const { user, spent, successor, sessionId } = await rotatedOnce();
      h.clock.advanceSeconds(10);
      h.clock.ms += 1; // one millisecond past the interval
      expect(codeOf(await h.sg.call(REFRESH, { t: spent }))).toBe('UNAUTHENTICATED');
      expect(codeOf(await h.sg.call(REFRESH, { t: successor }))).toBe('UNAUTHENTICATED');
      await waitFor(() => eventsOf('RefreshTokenReused', user.id).length === 1, { what: 'RefreshTokenReused' });
      expect(eventsOf('RefreshTokenReused', user.id)[0]!.data).toMatchObject({ sessionId, sessionsRevoked: 1 });
    });

    it('once a successor has been used, the spent token is theft even within the interval', async () => {
      const { user, spent, successor } = await rotatedOnce();
      const third = await h.sg.call(REFRESH, { t: successor });
      expect(third.errors).toBeUndefined();
      expect(codeOf(await h.sg.call(REFRESH, { t: spent }))).toBe('UNAUTHENTICATED');
      expect(codeOf(await h.sg.call(REFRESH, { t: third.data!.refreshSession.refreshToken }))).toBe('UNAUTHENTICATED');
      await waitFor(() => eventsOf('RefreshTokenReused', user.id).length === 1, { what: 'RefreshTokenReused' });
    });

    it('two refreshes with one token at once both succeed within the interval', async () => {
      const { user, email, password } = await createUser(h, 'STAFF');
      const first = (await login(h, email, password)).data!.login;
      const both = await Promise.all([h.sg.call(REFRESH, { t: first.refreshToken }), h.sg.call(REFRESH, { t: first.refreshToken })]);
      for (const res of both) expect(res.errors).toBeUndefined();
      expect(both[0].data!.refreshSession.refreshToken).not.toBe(both[1].data!.refreshSession.refreshToken);
      expect(eventsOf('RefreshTokenReused', user.id)).toHaveLength(0);
    });
  });

  it('with the grace set to 0, any reuse is theft', async () => {
    const strict = await startAuth({ env: { AUTH_REFRESH_REUSE_GRACE_SECONDS: '0' } });
    try {
      const { email, password } = await createUser(strict, 'STAFF');
      const first = (await login(strict, email, password)).data!.login;
      expect((await strict.sg.call(REFRESH, { t: first.refreshToken })).errors).toBeUndefined();
      expect(codeOf(await strict.sg.call(REFRESH, { t: first.refreshToken }))).toBe('UNAUTHENTICATED');
    } finally {
      await strict.sg.stop();
    }
  });

  it('gives the same error for a wrong password and an unknown email, and records both failures', async () => {
    const { user, email } = await createUser(h, 'VIEWER');
    const wrong = await login(h, email, 'not the right password at all', '10.0.0.1');
    const unknown = await login(h, 'nobody.here@example.org', 'not the right password at all', '10.0.0.2');
    expect(wrong.errors![0]).toEqual(unknown.errors![0]);
    expect(wrong.errors![0]).toMatchObject({ message: 'Invalid email or password', extensions: { code: 'UNAUTHENTICATED' } });
    expect(wrong.data).toEqual(unknown.data);
    await waitFor(() => eventsOf('LoginFailed', user.id).length === 1 && h.events.some((e) => e.type === 'LoginFailed' && e.data.email === 'nobody.here@example.org'), { what: 'LoginFailed events' });
  });

  it('locks an account after 5 failures in 15 minutes, for 30 minutes, whatever the password', async () => {
    const { user, email, password } = await createUser(h, 'SUBMITTER');
    for (let i = 0; i < 5; i++) expect(codeOf(await login(h, email, `wrong password number ${i}`, `10.1.0.${i}`))).toBe('UNAUTHENTICATED');
    const locked = await login(h, email, password, '10.1.0.9');
    expect(codeOf(locked)).toBe('RATE_LIMITED');
    expect(locked.errors![0]!.extensions!.retryAfterSeconds).toBe(30 * 60);
    // The same answer for an unknown address locked the same way: no hint that the account exists.
    for (let i = 0; i < 5; i++) await login(h, 'ghost@example.org', `wrong password number ${i}`, `10.2.0.${i}`);
    expect(codeOf(await login(h, 'ghost@example.org', 'anything at all 123', '10.2.0.9'))).toBe('RATE_LIMITED');
    await waitFor(() => eventsOf('AccountLocked', user.id).length === 1, { what: 'AccountLocked' });

    h.clock.advanceMinutes(29);
    expect(codeOf(await login(h, email, password, '10.1.0.9'))).toBe('RATE_LIMITED');
    h.clock.advanceMinutes(2);
    expect((await login(h, email, password, '10.1.0.9')).errors).toBeUndefined();
  });

  it('does not lock for failures spread wider than the window', async () => {
    const { email, password } = await createUser(h, 'VIEWER');
    for (let i = 0; i < 8; i++) {
      await login(h, email, `wrong password number ${i}`, `10.3.0.${i}`);
      h.clock.advanceMinutes(4);
    }
    // 8 failures, one every 4 minutes: never 5 within one 15-minute window.
    expect((await login(h, email, password, '10.3.0.99')).errors).toBeUndefined();
  });

  it('throttles one client address failing across many accounts', async () => {
    for (let i = 0; i < 20; i++) await login(h, `spray${i}@example.org`, 'wrong password again', '10.9.9.9');
    const { email, password } = await createUser(h, 'VIEWER');
    expect(codeOf(await login(h, email, password, '10.9.9.9'))).toBe('RATE_LIMITED');
    expect((await login(h, email, password, '10.9.9.10')).errors).toBeUndefined();
  });

  it('refuses refresh for a deactivated user', async () => {
    const { user, email, password } = await createUser(h, 'STAFF');
    const session = (await login(h, email, password)).data!.login;
    const off = await h.sg.call(`mutation($id: ID!) { deactivateUser(id: $id) { id active } }`, { id: user.id }, h.admin);
    expect(off.data!.deactivateUser).toEqual({ id: user.id, active: false });
    expect(codeOf(await h.sg.call(REFRESH, { t: session.refreshToken }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await login(h, email, password))).toBe('UNAUTHENTICATED');
    await h.sg.call(`mutation($id: ID!) { reactivateUser(id: $id) { id } }`, { id: user.id }, h.admin);
    // Its sessions were revoked at deactivation; reactivating does not bring them back.
    expect(codeOf(await h.sg.call(REFRESH, { t: session.refreshToken }))).toBe('UNAUTHENTICATED');
    expect((await login(h, email, password)).errors).toBeUndefined();
  });

  it('changePassword needs the current password and ends the other sessions only', async () => {
    const { user, email, password } = await createUser(h, 'SUBMITTER');
    const here = (await login(h, email, password)).data!.login;
    const elsewhere = (await login(h, email, password)).data!.login;
    const me = principalOf(user, decodeJwt(here.accessToken).jti!);
    const CHANGE = `mutation($c: String!, $n: String!) { changePassword(currentPassword: $c, newPassword: $n) }`;
    const wrong = await h.sg.call(CHANGE, { c: 'not my password at all', n: 'a brand new passphrase 77' }, me);
    expect(wrong.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'currentPassword' });
    const weak = await h.sg.call(CHANGE, { c: password, n: 'password1234' }, me);
    expect(weak.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    expect(weak.errors![0]!.message).not.toContain('password1234');
    const ok = await h.sg.call(CHANGE, { c: password, n: 'a brand new passphrase 77' }, me);
    expect(ok.data!.changePassword).toBe(true);
    expect(codeOf(await h.sg.call(REFRESH, { t: elsewhere.refreshToken }))).toBe('UNAUTHENTICATED');
    expect((await h.sg.call(REFRESH, { t: here.refreshToken })).errors).toBeUndefined();
    expect(codeOf(await login(h, email, password))).toBe('UNAUTHENTICATED');
    expect((await login(h, email, 'a brand new passphrase 77')).errors).toBeUndefined();
    await waitFor(() => eventsOf('PasswordChanged', user.id).length === 1, { what: 'PasswordChanged' });
    expect(eventsOf('PasswordChanged', user.id)[0]!.data).toEqual({ otherSessionsEnded: 1 });
  });

  it('logout ends one session; logoutEverywhere ends them all', async () => {
    const { user, email, password } = await createUser(h, 'VIEWER');
    const a = (await login(h, email, password)).data!.login;
    const b = (await login(h, email, password)).data!.login;
    const c = (await login(h, email, password)).data!.login;
    expect((await h.sg.call(`mutation($t: String!) { logout(refreshToken: $t) }`, { t: a.refreshToken })).data!.logout).toBe(true);
    expect(codeOf(await h.sg.call(REFRESH, { t: a.refreshToken }))).toBe('UNAUTHENTICATED');
    const all = await h.sg.call(`mutation { logoutEverywhere }`, {}, principalOf(user));
    expect(all.data!.logoutEverywhere).toBe(2);
    for (const s of [b, c]) expect(codeOf(await h.sg.call(REFRESH, { t: s.refreshToken }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await h.sg.call(`mutation { logoutEverywhere }`))).toBe('UNAUTHENTICATED');
    await waitFor(() => eventsOf('LoggedOut', user.id).length === 2, { what: 'LoggedOut' });
  });
});

describe('access tokens and the JWKS', () => {
  it('serves a public JWKS (no internal token) that verifies an issued access token', async () => {
    const res = await fetch(`${h.sg.running.url}/.well-known/jwks.json`);
    expect(res.status).toBe(200);
    const jwks = (await res.json()) as { keys: Record<string, string>[] };
    expect(jwks.keys).toHaveLength(1);
    expect(jwks.keys[0]).toMatchObject({ kty: 'OKP', crv: 'Ed25519', alg: 'EdDSA', use: 'sig', kid: expect.any(String) });
    expect(jwks.keys[0]).not.toHaveProperty('d');
    const { accessToken } = (await login(h, ADMIN_EMAIL, ADMIN_PASSWORD)).data!.login;
    const { payload, protectedHeader } = await jwtVerify(accessToken, createLocalJWKSet(jwks as never), {
      issuer: 'nanopore-auth', audience: 'nanopore-api', algorithms: ['EdDSA'], currentDate: h.clock.now(),
    });
    expect(protectedHeader).toEqual({ alg: 'EdDSA', kid: jwks.keys[0]!.kid, typ: 'JWT' });
    expect(payload.sub).toBe(h.admin.userId);
  });

  it('carries exactly the claims the gateway reads, lab only when the user has one', async () => {
    const { user, email, password } = await createUser(h, 'SUBMITTER', { labId: 'lab-z' });
    const token = (await login(h, email, password)).data!.login.accessToken as string;
    const claims = decodeJwt(token);
    expect(Object.keys(claims).sort()).toEqual(['aud', 'auth_time', 'exp', 'iat', 'iss', 'jti', 'lab', 'name', 'role', 'sub']);
    // auth_time is the sign-in (password) time, which e-signatures read; at sign-in it is the issue time.
    expect(claims.auth_time).toBe(claims.iat);
    expect(claims).toMatchObject({ sub: user.id, role: 'SUBMITTER', lab: 'lab-z', name: user.name, iss: 'nanopore-auth', aud: 'nanopore-api' });
    expect(claims.exp! - claims.iat!).toBe(15 * 60);
    const admin = decodeJwt((await login(h, ADMIN_EMAIL, ADMIN_PASSWORD)).data!.login.accessToken);
    expect(admin).not.toHaveProperty('lab');
    expect(decodeProtectedHeader(token).alg).toBe('EdDSA');
  });
});
