/**
 * The dashboard query (issues 4 and 13): the first 50 samples with submission, project, assignee
 * name and status, with 100,000 samples in the database, in one interleaved run on the same data:
 *   direct    straight to the samples subgraph (there `assignee { id }`: the name lives in auth),
 *   gateway   through our gateway (samples + auth),
 *   hive      through Hive Gateway on our composed supergraph (schema/supergraph.graphql), sending
 *             subgraphs the same internal tokens our gateway sends (bench/lib/hive-gateway.ts),
 * and the two-subgraph variant (samples + workflow progress and ETA) through both gateways. Each
 * variant runs in `rounds` slices, alternating, so drift in the shared machine's load hits all alike.
 * Reported: requests/s and p50/p99 latency at 16 concurrent clients, peak RSS (the system process
 * holds the subgraphs and our gateway; Hive Gateway has its own process), ratios, and SQL
 * statements per request per subgraph (counted by startSystem's queryCounters, idle background subtracted).
 *   npm run build && node --import tsx bench/dashboard.ts [samples=100000] [concurrency=16] [seconds=15] [rounds=3]
 * Database: TEST_DATABASE_URL or DATABASE_URL (a fresh database is created on that server and
 * dropped after), else embedded PGlite. Bus: REDIS_URL, else in-process.
 * Bulk data: users, projects and submissions go through the gateway; the 100,000 sample rows are
 * inserted by SQL into the samples schema only (insert … select generate_series, derived columns
 * computed as the entity does), so no workflow/audit events run in the background while measuring.
 * The workflows of the first page's samples are then created by the workflow subgraph itself, from
 * SampleCreated events published on the bus, so the two-subgraph query reads real workflow rows.
 */
import { join } from 'node:path';
import { INTERNAL_TOKEN_HEADER, InternalTokenIssuer, exportKeyPairPem, generateSigningKeyPair, type Principal } from '@app/common';
import { allSubgraphs } from '@app/embedded';
import { startTestSystem } from '@app/embedded/testing';
import { PER_SUBMISSION, TWO_SUBGRAPHS, createFirstPageWorkflows, seedDashboard } from './lib/dashboard-data.js';
import { startHiveGateway } from './lib/hive-gateway.js';
import { startOwnGateway } from './lib/own-gateway.js';
import { statusMemory } from './lib/process-memory.js';
import { cpuMeter, type CpuFigures } from './lib/cpu.js';
import { mergeLoads, runLoad, type LoadResult } from './lib/load.js';
import { machine, printTable, writeResult } from './lib/report.js';
import { latencyStats, timed } from './lib/stats.js';

const TOTAL = Number(process.argv[2] ?? 100_000);
const CONCURRENCY = Number(process.argv[3] ?? 16);
const SECONDS = Number(process.argv[4] ?? 15);
const ROUNDS = Number(process.argv[5] ?? 3);

// createTestDatabase reads TEST_DATABASE_URL; DATABASE_URL is accepted too (process.env turns undefined into "undefined").
if (!process.env.TEST_DATABASE_URL && process.env.DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
const databaseKind = process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite (embedded, in this process)';
console.log(`dashboard benchmark: ${TOTAL} samples, ${CONCURRENCY} clients, ${SECONDS} s per variant; database ${databaseKind}; bus ${process.env.REDIS_URL ? 'redis' : 'in-process'}`);

const keys = await generateSigningKeyPair('bench-gateway');
const counters: Record<string, { count: number }> = Object.fromEntries(allSubgraphs.map((m) => [m.name, { count: 0 }]));
const t = await startTestSystem({ gatewayKeys: keys, queryCounters: counters });

/* ---------- data ---------- */
const { staff, submissions: SUBMISSIONS, totalCount, seedSeconds, database } = await seedDashboard(t, TOTAL);

await createFirstPageWorkflows(t, staff[0]!);
console.log('workflows of the first page created from SampleCreated events');

/* ---------- the query ---------- */
const fields = (assignee: string) => `query Dashboard { samples(first: 50) { edges { node { id name status priority submission { number } project { name } assignee { ${assignee} } } } } }`;
const GATEWAY = fields('name');
const DIRECT = fields('id');

const issuer = new InternalTokenIssuer(keys.privateKey);
const principal: Principal = { kind: 'user', userId: staff[0]!.id, role: 'STAFF', labId: null, name: 'bench staff', scopes: [], tokenId: null, via: 'UI' };
const directHeaders = async () => ({ 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: await issuer.issue('samples', principal, { ip: '127.0.0.1', userAgent: 'bench' }) });
const gatewayHeaders = { 'content-type': 'application/json', authorization: `Bearer ${staff[0]!.token}` };
const hiveSpec = {
  supergraphPath: join(import.meta.dirname, '..', 'schema', 'supergraph.graphql'),
  subgraphUrls: Object.fromEntries(Object.entries(t.system.subgraphs).map(([name, sg]) => [name, `${sg.url}/graphql`])),
  privateKeyPem: (await exportKeyPairPem(keys)).privateKeyPem, principal, client: { ip: '127.0.0.1', userAgent: 'bench' },
};
const ownGateway = await startOwnGateway({ subgraphUrls: hiveSpec.subgraphUrls, privateKeyPem: hiveSpec.privateKeyPem });
const hive = await startHiveGateway({ ...hiveSpec, deduplicateInflightRequests: true });
const hiveNoDedup = await startHiveGateway({ ...hiveSpec, deduplicateInflightRequests: false });
const hiveHeaders = { 'content-type': 'application/json' };
const variants = {
  gateway: { url: `${t.url}/graphql`, body: JSON.stringify({ query: GATEWAY }), headers: async () => gatewayHeaders },
  direct: { url: `${t.system.subgraphs.samples!.url}/graphql`, body: JSON.stringify({ query: DIRECT }), headers: directHeaders },
};
/** The interleaved load run: one samples-only path, and two gateways on the one- and two-subgraph queries. */
const loadVariants = {
  direct: { ...variants.direct, about: 'samples subgraph direct' },
  gateway: { ...variants.gateway, about: 'our gateway (samples + auth)' },
  ownGateway: { url: `${ownGateway.url}/graphql`, body: JSON.stringify({ query: GATEWAY }), headers: async () => gatewayHeaders, about: 'our gateway, own process (samples + auth)', own: ownGateway },
  hive: { url: hive.url, body: JSON.stringify({ query: GATEWAY }), headers: async () => hiveHeaders, about: 'Hive Gateway, defaults (samples + auth)', hive },
  hiveNoDedup: { url: hiveNoDedup.url, body: JSON.stringify({ query: GATEWAY }), headers: async () => hiveHeaders, about: 'Hive Gateway, in-flight dedup off (samples + auth)', hive: hiveNoDedup },
  gatewayTwoSubgraphs: { url: `${t.url}/graphql`, body: JSON.stringify({ query: TWO_SUBGRAPHS }), headers: async () => gatewayHeaders, about: 'our gateway (samples + workflow)' },
  ownGatewayTwoSubgraphs: { url: `${ownGateway.url}/graphql`, body: JSON.stringify({ query: TWO_SUBGRAPHS }), headers: async () => gatewayHeaders, about: 'our gateway, own process (samples + workflow)', own: ownGateway },
  hiveTwoSubgraphs: { url: hive.url, body: JSON.stringify({ query: TWO_SUBGRAPHS }), headers: async () => hiveHeaders, about: 'Hive Gateway, defaults (samples + workflow)', hive },
  hiveNoDedupTwoSubgraphs: { url: hiveNoDedup.url, body: JSON.stringify({ query: TWO_SUBGRAPHS }), headers: async () => hiveHeaders, about: 'Hive Gateway, in-flight dedup off (samples + workflow)', hive: hiveNoDedup },
};
// Both gateways must give the same answer on the same data before their speed means anything.
for (const query of [GATEWAY, TWO_SUBGRAPHS]) {
  const answers = await Promise.all([{ url: variants.gateway.url, headers: gatewayHeaders }, { url: hive.url, headers: hiveHeaders }].map(async ({ url, headers }) =>
    (await fetch(url, { method: 'POST', headers, body: JSON.stringify({ query }) })).text()));
  // `eta` is now + remaining hours: it moves between the two requests.
  const [ours, theirs] = answers.map((a) => JSON.parse(a.replace(/"eta":"[^"]*"/g, '"eta":"(now-based)"')) as { data?: unknown; errors?: unknown });
  if (ours!.errors || theirs!.errors || JSON.stringify(ours!.data) !== JSON.stringify(theirs!.data)) {
    throw new Error(`our gateway and Hive Gateway disagree on ${query.slice(0, 40)}: ${answers.map((a) => a.slice(0, 300)).join(' | ')}`);
  }
}
console.log('Hive Gateway answers both queries exactly as our gateway does');

const first = await (await fetch(variants.gateway.url, { method: 'POST', headers: gatewayHeaders, body: variants.gateway.body })).json() as { data: { samples: { edges: { node: { assignee: { name: string } | null } }[] } } };
const named = first.data.samples.edges.filter((e) => e.node.assignee?.name).length;
console.log(`gateway answer: ${first.data.samples.edges.length} samples, ${named} with an assignee name`);

/* ---------- SQL statements per request ---------- */
const snapshot = () => Object.fromEntries(Object.entries(counters).map(([k, v]) => [k, v.count]));
const diff = (a: Record<string, number>, b: Record<string, number>) => Object.fromEntries(Object.keys(a).map((k) => [k, b[k]! - a[k]!]));
const sequentialMs: Record<string, number[]> = { gateway: [], direct: [] };
/** One client, one request at a time: the statements each request issues, and its unloaded latency. */
async function statementsPerRequest(variant: keyof typeof variants, n = 40): Promise<Record<string, number>> {
  const idleFrom = snapshot();
  const idleStart = performance.now();
  await new Promise((r) => setTimeout(r, 2000));
  const idle = diff(idleFrom, snapshot());
  const idleMs = performance.now() - idleStart;
  const from = snapshot();
  const start = performance.now();
  for (let i = 0; i < n; i++) {
    const headers = await variants[variant].headers();
    sequentialMs[variant]!.push(await timed(() => fetch(variants[variant].url, { method: 'POST', headers, body: variants[variant].body }).then((r) => r.text())));
  }
  const elapsed = performance.now() - start;
  const used = diff(from, snapshot());
  // Background work (outbox relays polling) is subtracted at the rate seen while idle.
  return Object.fromEntries(Object.entries(used).map(([k, v]) => [k, Math.max(0, Math.round(((v - (idle[k]! * elapsed) / idleMs) / n) * 10) / 10)]).filter(([, v]) => (v as number) > 0));
}
const statements = { gateway: await statementsPerRequest('gateway'), direct: await statementsPerRequest('direct') };

/* ---------- lookups at this size (one client) ---------- */
// The list features that must stay fast as the table grows: an infix text search over names and
// numbers (trigram-indexed on PostgreSQL), a filtered page with its total, and the work queue.
const probe = `${Math.ceil(SUBMISSIONS / 2)}-${String(Math.ceil(PER_SUBMISSION / 3)).padStart(4, '0')}`;
const lookups = {
  textSearch: `{ samples(filter: { search: "${probe}" }, first: 20) { totalCount edges { node { id name } } } }`,
  filteredPageWithTotal: `{ samples(filter: { status: [SEQUENCING], priority: [URGENT, HIGH] }, first: 50) { totalCount edges { node { id } } } }`,
  queue: `{ sampleQueue(first: 50) { edges { node { id priority } } } }`,
};
const lookupMs: Record<string, ReturnType<typeof latencyStats>> = {};
for (const [name, query] of Object.entries(lookups)) {
  const times: number[] = [];
  for (let i = 0; i < 20; i++) {
    times.push(await timed(() => fetch(`${t.url}/graphql`, { method: 'POST', headers: gatewayHeaders, body: JSON.stringify({ query }) }).then(async (r) => {
      const body = await r.json() as { errors?: unknown[] };
      if (body.errors) throw new Error(`${name}: ${JSON.stringify(body.errors)}`);
    })));
  }
  lookupMs[name] = latencyStats(times);
}
printTable(`Lookups through the gateway over ${TOTAL} samples, one client, 20 runs each`, ['lookup', 'p50 ms', 'p99 ms'],
  Object.entries(lookupMs).map(([name, stats]) => [name, stats.p50, stats.p99]));

/* ---------- load, interleaved ---------- */
type VariantName = keyof typeof loadVariants;
const slices: Record<string, LoadResult[]> = Object.fromEntries(Object.keys(loadVariants).map((k) => [k, []]));
const peakRss: Record<string, { systemMb: number; hiveMb: number }> = Object.fromEntries(Object.keys(loadVariants).map((k) => [k, { systemMb: 0, hiveMb: 0 }]));
const statementsUnderLoad: Record<string, number> = Object.fromEntries(Object.keys(loadVariants).map((k) => [k, 0]));
// CPU per request from the kernel's counters: comparable across machine loads where req/s is not.
const cpu = Object.fromEntries(Object.entries(loadVariants).map(([k, v]) => [k, cpuMeter(database, 'hive' in v ? [v.hive.pid] : 'own' in v ? [v.own.pid!] : [])]));
for (let round = 1; round <= ROUNDS; round++) {
  for (const [name, v] of Object.entries(loadVariants) as [VariantName, (typeof loadVariants)[VariantName]][]) {
    const before = snapshot();
    const rss = peakRss[name]!;
    const sampler = setInterval(() => {
      rss.systemMb = Math.max(rss.systemMb, Math.round(process.memoryUsage().rss / 1048576));
      if ('hive' in v) void v.hive.rssMb().then((mb) => { rss.hiveMb = Math.max(rss.hiveMb, mb); });
      if ('own' in v) rss.hiveMb = Math.max(rss.hiveMb, statusMemory(v.own.pid!)?.rssMb ?? 0);
    }, 250);
    const result = await runLoad({
      url: v.url, headers: await v.headers(), body: v.body, concurrency: CONCURRENCY, warmupMs: round === 1 ? 3000 : 1000,
      durationMs: (SECONDS * 1000) / ROUNDS, expect: '"edges"', keepLatencies: true,
    }, cpu[name]);
    clearInterval(sampler);
    slices[name]!.push(result);
    statementsUnderLoad[name]! += Object.values(diff(before, snapshot())).reduce((a, b) => a + b, 0);
    console.log(`round ${round}/${ROUNDS} ${name}: ${result.requestsPerSecond} req/s, p50 ${result.latencyMs.p50} ms, p99 ${result.latencyMs.p99} ms, errors ${result.errors}${result.firstError ? ` (${result.firstError})` : ''}`);
  }
}
hive.stop();
hiveNoDedup.stop();
await ownGateway.stop();
const load = Object.fromEntries(Object.entries(slices).map(([name, parts]) => {
  const merged = mergeLoads(parts);
  return [name, { ...merged, about: loadVariants[name as VariantName].about, peakRssMb: peakRss[name]!, cpuMsPerRequest: cpu[name]!.perRequest(merged.requests),
    statementsPerRequestUnderLoad: Math.round((statementsUnderLoad[name]! / Math.max(1, merged.requests)) * 10) / 10 }];
})) as Record<VariantName, LoadResult & { about: string; peakRssMb: { systemMb: number; hiveMb: number }; cpuMsPerRequest: CpuFigures; statementsPerRequestUnderLoad: number }>;
const ratio = (a: number, b: number) => Math.round((a / b) * 100) / 100;
const ratios = {
  gatewayVsDirectReqPerS: ratio(load.gateway.requestsPerSecond, load.direct.requestsPerSecond),
  gatewayVsHiveReqPerS: ratio(load.gateway.requestsPerSecond, load.hive.requestsPerSecond),
  gatewayVsHiveReqPerSTwoSubgraphs: ratio(load.gatewayTwoSubgraphs.requestsPerSecond, load.hiveTwoSubgraphs.requestsPerSecond),
  gatewayVsHiveP99: ratio(load.gateway.latencyMs.p99, load.hive.latencyMs.p99),
  gatewayVsHiveP99TwoSubgraphs: ratio(load.gatewayTwoSubgraphs.latencyMs.p99, load.hiveTwoSubgraphs.latencyMs.p99),
  gatewayVsHiveNoDedupReqPerS: ratio(load.gateway.requestsPerSecond, load.hiveNoDedup.requestsPerSecond),
  gatewayVsHiveNoDedupReqPerSTwoSubgraphs: ratio(load.gatewayTwoSubgraphs.requestsPerSecond, load.hiveNoDedupTwoSubgraphs.requestsPerSecond),
  ownProcessGatewayVsDirectReqPerS: ratio(load.ownGateway.requestsPerSecond, load.direct.requestsPerSecond),
  ownProcessGatewayVsHiveNoDedupReqPerS: ratio(load.ownGateway.requestsPerSecond, load.hiveNoDedup.requestsPerSecond),
  ownProcessGatewayVsHiveNoDedupReqPerSTwoSubgraphs: ratio(load.ownGatewayTwoSubgraphs.requestsPerSecond, load.hiveNoDedupTwoSubgraphs.requestsPerSecond),
  ownProcessGatewayVsHiveReqPerSTwoSubgraphs: ratio(load.ownGatewayTwoSubgraphs.requestsPerSecond, load.hiveTwoSubgraphs.requestsPerSecond),
};

const sumOf = (o: Record<string, number>) => Math.round(Object.values(o).reduce((a, b) => a + b, 0) * 10) / 10;
printTable(`Dashboard query, first 50 of ${TOTAL} samples, ${CONCURRENCY} concurrent clients, ${ROUNDS} interleaved rounds (${databaseKind}; shared machine, load ${machine().loadAverageAtEnd})`,
  ['path', 'req/s', 'p50 ms', 'p90 ms', 'p99 ms', 'errors', 'system RSS MB', 'gateway process RSS MB (own, Hive)', 'SQL/request', 'CPU ms/request: system, gateway process, PostgreSQL'],
  Object.values(load).map((r) => [r.about, r.requestsPerSecond, r.latencyMs.p50, r.latencyMs.p90, r.latencyMs.p99, r.errors, r.peakRssMb.systemMb, r.peakRssMb.hiveMb || '-', r.statementsPerRequestUnderLoad,
    `${r.cpuMsPerRequest.systemMs}, ${r.cpuMsPerRequest.otherMs || '-'}, ${r.cpuMsPerRequest.postgresMs ?? '-'}`]));
printTable('Ratios (ours ÷ other)', ['measure', 'ratio'], Object.entries(ratios));
printTable(`One client, one request at a time`, ['path', 'p50 ms', 'SQL/request', 'by subgraph'],
  Object.entries(statements).map(([name, st]) => [name, latencyStats(sequentialMs[name]!).p50, sumOf(st), Object.entries(st).map(([k, v]) => `${k} ${v}`).join(', ')]));

const file = writeResult('dashboard', {
  benchmark: 'dashboard', at: new Date().toISOString(), database: databaseKind, bus: process.env.REDIS_URL ? 'redis' : 'in-process', machine: machine(),
  samples: totalCount, concurrency: CONCURRENCY, secondsPerVariant: SECONDS, seedSeconds,
  seeding: 'users, projects, submissions through the gateway; sample rows by SQL insert into the samples schema only',
  rounds: ROUNDS, interleaved: Object.keys(loadVariants),
  hive: { package: '@graphql-hive/gateway', note: 'own child processes (defaults, and in-flight dedup of identical subgraph requests off); same supergraph; same internal tokens per subgraph (fixed principal, no client JWT to verify)' },
  query: { gateway: GATEWAY, direct: DIRECT, twoSubgraphs: TWO_SUBGRAPHS }, statementsPerRequest: statements,
  oneClientLatencyMs: { gateway: latencyStats(sequentialMs.gateway!), direct: latencyStats(sequentialMs.direct!) }, lookupsMs: lookupMs, lookups, results: load, ratios,
});
console.log(`wrote ${file}`);
await t.stop();
process.exit(0);
