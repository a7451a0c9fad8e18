/**
 * Gateway authentication and operation limits (issue 3 and issue 2 acceptance).
 *   npm run build && node --import tsx bench/gateway-auth.ts [concurrency=16] [seconds=10] [tries=200]
 * Issue 3: requests/s and latency of `{ me { id } }` at 16 concurrent clients with a user JWT and with
 * an API token, and of anonymous `{ __typename }`; login latency p50/p99 through the gateway.
 * Issue 2: time to reject an operation nested 50 levels deep and one with 1,000 aliases (p50/p99 over
 * `tries` each), measured while 8 clients keep sending `{ me { id } }`, beside the same 8 clients alone.
 * Database: TEST_DATABASE_URL or DATABASE_URL (fresh database), else embedded PGlite.
 */
import { startTestSystem } from '@app/embedded/testing';
import { runLoad, type LoadResult } from './lib/load.js';
import { machine, printTable, writeResult } from './lib/report.js';
import { latencyStats, timed } from './lib/stats.js';

const CONCURRENCY = Number(process.argv[2] ?? 16);
const SECONDS = Number(process.argv[3] ?? 10);
const TRIES = Number(process.argv[4] ?? 200);
const LOGINS = 40;

if (!process.env.TEST_DATABASE_URL && process.env.DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
const databaseKind = process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite (embedded, in this process)';
console.log(`gateway-auth benchmark: ${CONCURRENCY} clients, ${SECONDS} s per variant, ${TRIES} rejections each; database ${databaseKind}`);

const t = await startTestSystem();
const staff = await t.createUser('STAFF');
const created = await t.gql(`mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token } }`,
  { i: { name: 'gateway-auth bench', scopes: ['samples:read', 'workflow:read'] } }, staff.token);
if (created.errors) throw new Error(JSON.stringify(created.errors));
const apiToken = created.data!.createApiToken.token as string;
const url = `${t.url}/graphql`;
const json = { 'content-type': 'application/json' };
const ME = JSON.stringify({ query: '{ me { id } }' });

/* ---------- issue 3: throughput per credential ---------- */
const variants = {
  jwt: { headers: { ...json, authorization: `Bearer ${staff.token}` }, body: ME, expect: staff.id },
  apiToken: { headers: { ...json, authorization: `Bearer ${apiToken}` }, body: ME, expect: '"me"' },
  anonymous: { headers: json, body: JSON.stringify({ query: '{ __typename }' }), expect: '"Query"' },
};
const throughput: Record<string, LoadResult> = {};
for (const [name, v] of Object.entries(variants)) {
  throughput[name] = await runLoad({ url, ...v, concurrency: CONCURRENCY, warmupMs: 2000, durationMs: SECONDS * 1000 });
  const r = throughput[name]!;
  console.log(`${name}: ${r.requestsPerSecond} req/s, p50 ${r.latencyMs.p50} ms, p99 ${r.latencyMs.p99} ms, errors ${r.errors}${r.firstError ? ` (${r.firstError})` : ''}`);
}

/* ---------- issue 3: login latency through the gateway ---------- */
await t.login(staff.email, staff.password); // warm-up
const loginMs: number[] = [];
for (let i = 0; i < LOGINS; i++) loginMs.push(await timed(() => t.login(staff.email, staff.password)));
const login = latencyStats(loginMs);
console.log(`login: p50 ${login.p50} ms, p99 ${login.p99} ms over ${LOGINS}`);

/* ---------- issue 2: rejecting abusive operations while serving ---------- */
function nested(depth: number): string {
  // sample → submission → samples → submission → …: a real path of the schema, `depth` selection sets deep.
  const path = ['sample(id: "00000000-0000-4000-8000-000000000000")', ...Array.from({ length: depth - 2 }, (_, i) => (i % 2 === 0 ? 'submission' : 'samples'))];
  return `query Deep { ${path.map((f) => `${f} {`).join(' ')} id ${'}'.repeat(path.length)} }`;
}
const aliases = (n: number) => `query Aliases { me { ${Array.from({ length: n }, (_, i) => `a${i}: id`).join(' ')} } }`;
const abusive = { depth50: nested(50), aliases1000: aliases(1000) };

async function rejectTimes(query: string): Promise<{ ms: number[]; codes: Record<string, number>; statuses: Record<string, number> }> {
  const ms: number[] = [];
  const codes: Record<string, number> = {};
  const statuses: Record<string, number> = {};
  for (let i = 0; i < TRIES; i++) {
    const start = performance.now();
    const res = await fetch(url, { method: 'POST', headers: variants.jwt.headers, body: JSON.stringify({ query }) });
    const body = (await res.json()) as { data?: unknown; errors?: { extensions?: { code?: string } }[] };
    ms.push(performance.now() - start);
    const code = body.errors?.[0]?.extensions?.code ?? (body.data ? 'ANSWERED' : 'NONE');
    codes[code] = (codes[code] ?? 0) + 1;
    statuses[res.status] = (statuses[res.status] ?? 0) + 1;
  }
  return { ms, codes, statuses };
}

const BACKGROUND = 8;
const background = { url, ...variants.jwt, concurrency: BACKGROUND, warmupMs: 1000 };
const alone = await runLoad({ ...background, durationMs: SECONDS * 1000 });
const attackStart = performance.now();
const loadDuring = runLoad({ ...background, durationMs: SECONDS * 1000 });
await new Promise((r) => setTimeout(r, 1500)); // the background clients are past their warm-up
const rejected: Record<string, { ms: number[]; codes: Record<string, number>; statuses: Record<string, number> }> = {};
for (const [name, query] of Object.entries(abusive)) rejected[name] = await rejectTimes(query);
const attackSeconds = (performance.now() - attackStart) / 1000 - 1.5;
const during = await loadDuring;
const health = await fetch(`${t.url}/readyz`);

const rejections = Object.fromEntries(Object.entries(rejected).map(([name, r]) => [name, { latencyMs: latencyStats(r.ms), codes: r.codes, httpStatus: r.statuses, queryBytes: abusive[name as keyof typeof abusive].length }]));
printTable(`Gateway authentication, ${CONCURRENCY} concurrent clients (${databaseKind})`, ['request', 'req/s', 'p50 ms', 'p90 ms', 'p99 ms', 'errors'],
  Object.entries(throughput).map(([name, r]) => [name === 'anonymous' ? 'anonymous { __typename }' : `${name} { me { id } }`, r.requestsPerSecond, r.latencyMs.p50, r.latencyMs.p90, r.latencyMs.p99, r.errors]));
printTable('Login through the gateway (argon2id verify)', ['', 'n', 'p50 ms', 'p90 ms', 'p99 ms', 'max ms'], [['login', login.n, login.p50, login.p90, login.p99, login.max]]);
printTable(`Rejecting abusive operations (${TRIES} each, sequential)`, ['operation', 'p50 ms', 'p99 ms', 'max ms', 'answer'],
  Object.entries(rejections).map(([name, r]) => [name, r.latencyMs.p50, r.latencyMs.p99, r.latencyMs.max, Object.entries(r.codes).map(([c, n]) => `${c} ×${n}`).join(', ')]));
printTable(`Serving ${BACKGROUND} clients of { me { id } } meanwhile (attack lasted ${attackSeconds.toFixed(1)} s of ${SECONDS} s)`, ['phase', 'req/s', 'p50 ms', 'p99 ms', 'errors'], [
  ['alone', alone.requestsPerSecond, alone.latencyMs.p50, alone.latencyMs.p99, alone.errors],
  ['during rejections', during.requestsPerSecond, during.latencyMs.p50, during.latencyMs.p99, during.errors],
  ['/readyz afterwards', health.status, '', '', ''],
]);

const file = writeResult('gateway-auth', {
  benchmark: 'gateway-auth', at: new Date().toISOString(), database: databaseKind, bus: process.env.REDIS_URL ? 'redis' : 'in-process', machine: machine(),
  concurrency: CONCURRENCY, secondsPerVariant: SECONDS,
  note: 'API tokens are resolved by auth once, then cached by the gateway (positive TTL): steady-state figures measure the cached path.',
  throughput, loginMs: login,
  rejections, servingDuringRejections: { clients: BACKGROUND, attackSeconds: Math.round(attackSeconds * 10) / 10, alone, during, readyzAfter: health.status },
});
console.log(`wrote ${file}`);
await t.stop();
process.exit(0);
