import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { captureLogger, waitFor } from '@app/testing';
import { ADMIN_PASSWORD, CREATE_USER, REFRESH, codeOf, createUser, login, startAuth, type AuthHarness } from './helpers.js';

const capture = captureLogger('auth', 'debug');
let h: AuthHarness;
beforeAll(async () => { h = await startAuth({ logger: capture.logger }); });
afterAll(() => h.sg.stop());

const REQUEST = `mutation($id: ID!) { requestPasswordReset(userId: $id) { token expiresAt user { id } } }`;
const RESET = `mutation($t: String!, $p: String!) { resetPassword(token: $t, newPassword: $p) }`;
/** Every secret a test handed to or got from the subgraph, to look for afterwards. */
const secrets = new Set<string>([ADMIN_PASSWORD]);

describe('password resets', () => {
  it('issues a single-use token that sets a new password, ends sessions and clears a lockout', async () => {
    const { user, email, password } = await createUser(h, 'STAFF');
    secrets.add(password);
    const session = (await login(h, email, password)).data!.login;
    secrets.add(session.refreshToken).add(session.accessToken);
    for (let i = 0; i < 5; i++) await login(h, email, `wrong guess number ${i}`, `10.5.0.${i}`);
    expect(codeOf(await login(h, email, password))).toBe('RATE_LIMITED');

    const issued = await h.sg.call(REQUEST, { id: user.id }, h.admin);
    expect(issued.errors).toBeUndefined();
    const { token, expiresAt } = issued.data!.requestPasswordReset;
    secrets.add(token);
    expect(new Date(expiresAt).getTime() - h.clock.ms).toBe(60 * 60_000);

    const weak = await h.sg.call(RESET, { t: token, p: 'password2024!' });
    expect(weak.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'newPassword' });
    const fresh = 'an entirely new passphrase 9';
    secrets.add(fresh);
    expect((await h.sg.call(RESET, { t: token, p: fresh })).data!.resetPassword).toBe(true);
    expect(codeOf(await h.sg.call(RESET, { t: token, p: 'yet another passphrase 10' }))).toBe('UNAUTHENTICATED');
    expect(codeOf(await h.sg.call(REFRESH, { t: session.refreshToken }))).toBe('UNAUTHENTICATED');
    const after = await login(h, email, fresh);
    expect(after.errors).toBeUndefined();
    secrets.add(after.data!.login.refreshToken).add(after.data!.login.accessToken);
    await waitFor(() => ['PasswordResetRequested', 'PasswordReset'].every((t) => h.events.some((e) => e.type === t && e.subject.id === user.id)), { what: 'reset events' });
  });

  it('refuses an expired token, and an earlier token once a newer one is issued', async () => {
    const { user } = await createUser(h, 'VIEWER');
    const first = (await h.sg.call(REQUEST, { id: user.id }, h.admin)).data!.requestPasswordReset.token;
    const second = (await h.sg.call(REQUEST, { id: user.id }, h.admin)).data!.requestPasswordReset.token;
    secrets.add(first).add(second);
    expect(codeOf(await h.sg.call(RESET, { t: first, p: 'a good new passphrase 11' }))).toBe('UNAUTHENTICATED');
    h.clock.advanceMinutes(61);
    expect(codeOf(await h.sg.call(RESET, { t: second, p: 'a good new passphrase 11' }))).toBe('UNAUTHENTICATED');
  });

  it('lets a user created without a password sign in only after a reset', async () => {
    const res = await h.sg.call(CREATE_USER, { input: { email: 'nopass@example.org', name: 'No Pass', role: 'VIEWER' } }, h.admin);
    expect(codeOf(await login(h, 'nopass@example.org', 'anything long enough 1'))).toBe('UNAUTHENTICATED');
    const token = (await h.sg.call(REQUEST, { id: res.data!.createUser.id }, h.admin)).data!.requestPasswordReset.token;
    secrets.add(token);
    await h.sg.call(RESET, { t: token, p: 'my very first passphrase 5' });
    secrets.add('my very first passphrase 5');
    expect((await login(h, 'nopass@example.org', 'my very first passphrase 5')).errors).toBeUndefined();
  });
});

describe('secrets at rest and in logs', () => {
  it('API token secrets and every password or token above appear in no table and no log line', async () => {
    const { principal, password } = await createUser(h, 'STAFF');
    secrets.add(password);
    const token = (await h.sg.call(`mutation { createApiToken(input: { name: "bi", scopes: ["samples:read"] }) { token } }`, {}, principal)).data!.createApiToken.token;
    secrets.add(token);
    // Something worth logging: a failed sign-in and a refresh-token reuse.
    await login(h, 'someone@example.org', 'a password that is wrong 1');
    await waitFor(() => h.events.some((e) => e.type === 'ApiTokenCreated'), { what: 'events relayed' });

    const client = new pg.Client({ connectionString: h.sg.db.url });
    await client.connect();
    try {
      const { rows: columns } = await client.query<{ table_schema: string; table_name: string; column_name: string }>(
        `select table_schema, table_name, column_name from information_schema.columns
         where table_schema = 'auth' and data_type in ('text', 'character varying', 'jsonb', 'json', 'ARRAY')`);
      expect(columns.length).toBeGreaterThan(10);
      for (const { table_schema, table_name, column_name } of columns) {
        const { rows } = await client.query(`select "${column_name}"::text as v from "${table_schema}"."${table_name}"`);
        for (const secret of secrets) {
          expect({ table: `${table_name}.${column_name}`, found: rows.some((r) => String(r.v).includes(secret)) }).toEqual({ table: `${table_name}.${column_name}`, found: false });
        }
      }
    } finally {
      await client.end();
    }
    const log = capture.lines.join('\n');
    expect(capture.lines.length).toBeGreaterThan(0);
    for (const secret of secrets) expect(log.includes(secret)).toBe(false);
  });
});
