import { afterAll, describe, expect, it } from '@jest/globals';
import { mkdtempSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SignJWT, createLocalJWKSet, jwtVerify } from 'jose';
import { ConfigError, exportKeyPairPem, generateSigningKeyPair, publicJwk } from '@app/common';
import { captureLogger, createTestDatabase, startTestSubgraph, testLogger, type TestDatabase } from '@app/testing';
import { loadAuthConfig } from '../src/config.js';
import { SIGNING_KEY_FILE, loadKeyRing } from '../src/keys/key-ring.js';
import { authSubgraph } from '../src/server.js';
import { LOGIN, captureStdout } from './helpers.js';

const dirs = () => mkdtempSync(join(tmpdir(), 'auth-keys-'));
const databases: TestDatabase[] = [];
afterAll(async () => { for (const db of databases) await db.drop(); });

describe('signing keys', () => {
  it('generates a key on first start, keeps it owner-only, and reuses it on the next start', async () => {
    const dir = dirs();
    const config = loadAuthConfig({ AUTH_KEYS_DIR: dir });
    const first = await loadKeyRing(config, testLogger());
    expect(statSync(join(dir, SIGNING_KEY_FILE)).mode & 0o777).toBe(0o600);
    const second = await loadKeyRing(config, testLogger());
    expect(second.current.kid).toBe(first.current.kid);
    expect(second.jwks()).toEqual(first.jwks());
  });

  it('publishes retired keys (keys dir and AUTH_RETIRED_PUBLIC_KEYS) so their tokens still verify', async () => {
    const dir = dirs();
    const oldDir = await generateSigningKeyPair('old-dir');
    writeFileSync(join(dir, 'old-dir.public.pem'), (await exportKeyPairPem(oldDir)).publicKeyPem);
    const oldEnv = await generateSigningKeyPair('old-env');
    const ring = await loadKeyRing(loadAuthConfig({ AUTH_KEYS_DIR: dir, AUTH_RETIRED_PUBLIC_KEYS: JSON.stringify({ keys: [await publicJwk(oldEnv)] }) }), testLogger());
    const jwks = ring.jwks();
    expect(jwks.keys.map((k) => k.kid)).toEqual([ring.current.kid, 'old-dir', 'old-env']);
    const set = createLocalJWKSet(jwks);
    for (const pair of [oldDir, oldEnv]) {
      const token = await new SignJWT({ role: 'STAFF' }).setProtectedHeader({ alg: 'EdDSA', kid: pair.kid }).setSubject('u').setExpirationTime('5m').sign(pair.privateKey);
      expect((await jwtVerify(token, set)).payload.sub).toBe('u');
    }
  });

  it('uses AUTH_SIGNING_KEY with its kid when configured', async () => {
    const pair = await exportKeyPairPem(await generateSigningKeyPair('configured'));
    const ring = await loadKeyRing(loadAuthConfig({ AUTH_SIGNING_KEY: pair.privateKeyPem, AUTH_SIGNING_KID: 'configured-1' }), testLogger());
    expect(ring.current.kid).toBe('configured-1');
    expect(ring.jwks().keys).toHaveLength(1);
  });

  it('refuses to start without any key source, naming the variables', () => {
    expect(() => loadAuthConfig({})).toThrow(ConfigError);
    expect(() => loadAuthConfig({})).toThrow(/AUTH_SIGNING_KEY/);
    expect(() => loadAuthConfig({ AUTH_SIGNING_KEY: 'x' })).toThrow(/AUTH_SIGNING_KID/);
    expect(() => loadAuthConfig({ AUTH_KEYS_DIR: '/tmp', ADMIN_EMAIL: 'a@b.org' })).toThrow(/ADMIN_PASSWORD/);
  });
});

describe('first admin', () => {
  it('generates a random admin password once in embedded mode, printed as a banner a single time', async () => {
    const db = await createTestDatabase();
    databases.push(db);
    const capture = captureLogger('auth', 'info');
    const stdout = captureStdout();
    const env = { AUTH_KEYS_DIR: dirs(), AUTH_GENERATE_ADMIN: 'true' };
    const sg = await startTestSubgraph(authSubgraph, { env, db, logger: capture.logger }).finally(stdout.restore);
    expect(capture.lines.filter((l) => l.includes('first admin created'))).toHaveLength(1);
    const banners = stdout.text().split('First start: an administrator account was created.').length - 1;
    expect(banners).toBe(1);
    const email = /email: +(\S+)/.exec(stdout.text())![1]!;
    const password = /password: +(\S+)/.exec(stdout.text())![1]!;
    // The log says an admin was created, never with what password.
    expect(capture.lines.join('\n')).not.toContain(password);
    const res = await sg.call(LOGIN, { email, password });
    expect(res.errors).toBeUndefined();
    expect(res.data!.login.user.role).toBe('ADMIN');
    await sg.stop();
    // A restart on the same database creates nobody and prints nothing.
    const quiet = captureStdout();
    const again = await startTestSubgraph(authSubgraph, { env, db, logger: capture.logger }).finally(quiet.restore);
    expect(quiet.text()).not.toContain('administrator account');
    expect(capture.lines.filter((l) => l.includes('first admin created'))).toHaveLength(1);
    const count = await again.call(`{ users { totalCount } }`, {}, { kind: 'service', userId: null, role: 'ADMIN', labId: null, name: 'test', scopes: [], tokenId: null, via: 'SYSTEM' });
    expect(count.data!.users.totalCount).toBe(1);
    await again.stop();
  });

  it('creates nobody without ADMIN_EMAIL or AUTH_GENERATE_ADMIN, and says how to', async () => {
    const capture = captureLogger('auth', 'info');
    const sg = await startTestSubgraph(authSubgraph, { env: { AUTH_KEYS_DIR: dirs() }, logger: capture.logger });
    expect(capture.lines.some((l) => l.includes('npm run create-admin'))).toBe(true);
    await sg.stop();
  });
});
