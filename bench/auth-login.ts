/**
 * Sign-in cost: login latency (p50/p99) over N logins through the auth subgraph's HTTP endpoint,
 * refresh latency, and the time of one argon2id hash with the configured cost.
 *   node --import tsx bench/auth-login.ts [logins]
 * Runs on embedded PGlite (or TEST_DATABASE_URL). Writes bench/results/auth-login.json beside it.
 */
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ANONYMOUS, INTERNAL_TOKEN_HEADER, InProcessBus, InternalTokenIssuer, createLogger, generateSigningKeyPair, startSubgraph } from '@app/common';
import { createTestDatabase } from '@app/testing';
import { authSubgraph } from '@app/subgraph-auth';
import { PasswordHasher } from '../subgraphs/auth/src/services/password-hasher.js';

const logins = Number(process.argv[2] ?? 50);
const email = 'bench.admin@example.org';
const password = 'benchmark admin passphrase 1';
const logger = createLogger('bench', { level: 'warn' });
const db = await createTestDatabase();
const bus = new InProcessBus(logger);
const gateway = await generateSigningKeyPair('bench-gateway');
const config = authSubgraph.loadConfig({ ...process.env, AUTH_KEYS_DIR: mkdtempSync(join(tmpdir(), 'auth-bench-')), ADMIN_EMAIL: email, ADMIN_PASSWORD: password });
const running = await startSubgraph(authSubgraph, { databaseUrl: db.url, bus, gatewayPublicKey: gateway.publicKey, logger, config });
const issuer = new InternalTokenIssuer(gateway.privateKey);

async function call(query: string, variables: Record<string, unknown>): Promise<Record<string, any>> {
  const res = await fetch(`${running.url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: await issuer.issue('auth', ANONYMOUS, { ip: '127.0.0.1', userAgent: 'bench' }) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json()) as { data?: Record<string, any>; errors?: unknown[] };
  if (body.errors) throw new Error(JSON.stringify(body.errors));
  return body.data!;
}

const timed = async (fn: () => Promise<unknown>) => { const t = performance.now(); await fn(); return performance.now() - t; };
const stats = (ms: number[]) => {
  const s = [...ms].sort((a, b) => a - b);
  const pct = (p: number) => s[Math.min(s.length - 1, Math.ceil((p / 100) * s.length) - 1)]!;
  const r = (n: number) => Math.round(n * 10) / 10;
  return { n: s.length, p50: r(pct(50)), p90: r(pct(90)), p99: r(pct(99)), max: r(s.at(-1)!) };
};

const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { refreshToken } }`;
const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { refreshToken } }`;
await call(LOGIN, { e: email, p: password }); // warm-up: JIT, pools, the dummy hash
const loginMs: number[] = [];
const refreshMs: number[] = [];
let refreshToken = '';
for (let i = 0; i < logins; i++) loginMs.push(await timed(async () => { refreshToken = (await call(LOGIN, { e: email, p: password })).login.refreshToken; }));
for (let i = 0; i < logins; i++) refreshMs.push(await timed(async () => { refreshToken = (await call(REFRESH, { t: refreshToken })).refreshSession.refreshToken; }));
const failedMs: number[] = [];
for (let i = 0; i < 4; i++) failedMs.push(await timed(() => call(LOGIN, { e: email, p: `wrong password ${i}` }).catch(() => null)));
for (let i = 0; i < 4; i++) failedMs.push(await timed(() => call(LOGIN, { e: `nobody${i}@example.org`, p: 'wrong password' }).catch(() => null)));

const hasher = new PasswordHasher(config);
await hasher.hash('warm-up passphrase');
const hashMs: number[] = [];
for (let i = 0; i < 10; i++) hashMs.push(await timed(() => hasher.hash(`bench passphrase ${i}`)));

const result = {
  benchmark: 'auth-login', at: new Date().toISOString(), database: db.kind, node: process.version,
  argon2: { memoryKiB: config.ARGON2_MEMORY_KIB, timeCost: config.ARGON2_TIME_COST, parallelism: config.ARGON2_PARALLELISM, hashMs: stats(hashMs) },
  loginMs: stats(loginMs), refreshMs: stats(refreshMs),
  failedLoginMs: { wrongPassword: stats(failedMs.slice(0, 4)), unknownEmail: stats(failedMs.slice(4)) },
};
console.log(JSON.stringify(result, null, 2));
const dir = join(import.meta.dirname, 'results');
mkdirSync(dir, { recursive: true });
writeFileSync(join(dir, 'auth-login.json'), `${JSON.stringify(result, null, 2)}\n`);

await running.stop();
await bus.close();
await db.drop();
