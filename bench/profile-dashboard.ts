/**
 * Where the CPU of one dashboard request goes under load (issue 13, point 1): the samples
 * subgraph alone, then through the gateway.
 *   npm run build && TEST_DATABASE_URL=postgres://… node --import tsx bench/profile-dashboard.ts [samples=100000] [concurrency=16] [seconds=10] [paths=direct,gateway,twoSubgraphs]
 * Seeds the dashboard data (bench/lib/dashboard-data.ts), then for each path runs the closed-loop
 * load generator (its own process) with the V8 profiler on in the system's process (gateway and
 * seven subgraphs), after a 3 s warm-up. Prints self time by where the code lives and the top
 * functions, per request; writes bench/results/profile-dashboard.json and leaves the .cpuprofile
 * files in the temp folder (DevTools, speedscope).
 */
import { generateSigningKeyPair } from '@app/common';
import { startTestSystem } from '@app/embedded/testing';
import { createFirstPageWorkflows, dashboardRequests, seedDashboard, type BenchRequest } from './lib/dashboard-data.js';
import { cpuMeter } from './lib/cpu.js';
import { runLoad } from './lib/load.js';
import { inclusive, profiled, summarize } from './lib/profile.js';
import { machine, printTable, writeResult } from './lib/report.js';

const TOTAL = Number(process.argv[2] ?? 100_000);
const CONCURRENCY = Number(process.argv[3] ?? 16);
const SECONDS = Number(process.argv[4] ?? 10);
const PATHS = (process.argv[5] ?? 'direct,gateway').split(',');

if (!process.env.TEST_DATABASE_URL && process.env.DATABASE_URL) process.env.TEST_DATABASE_URL = process.env.DATABASE_URL;
const databaseKind = process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite (embedded, in this process)';

const keys = await generateSigningKeyPair('bench-gateway');
const t = await startTestSystem({ gatewayKeys: keys, env: { LOG_LEVEL: 'warn' } });
const { staff, database } = await seedDashboard(t, TOTAL);
if (PATHS.includes('twoSubgraphs')) await createFirstPageWorkflows(t, staff[0]!);

const variants: Record<string, BenchRequest> = await dashboardRequests(t, keys.privateKey, staff[0]!);

/** Pieces of the request, with everything they call synchronously (see `inclusive`). */
const PROBES: Record<string, RegExp> = {
  'graphql execution (graphql-js execute, all servers)': /node_modules\/graphql\/execution\//,
  'MikroORM + knex (all of it)': /node_modules\/(@mikro-orm|knex)\//,
  'pg driver': /node_modules\/(pg|pg-protocol|pg-pool)\//,
  'internal token verification (jose)': /node_modules\/jose\//,
  'logging (pino, child loggers)': /node_modules\/pino\//,
  'metrics (prom-client)': /node_modules\/prom-client\//,
  'response serialization (prettyJSONStringify)': /^prettyJSONStringify /,
  'express + body parsing': /node_modules\/(express|router|body-parser|raw-body)\//,
  'Apollo gateway (plan execution, merge)': /node_modules\/@apollo\/(gateway|query-planner|federation-internals)\//,
  'subgraph fetcher (make-fetch-happen, undici)': /node_modules\/(make-fetch-happen|minipass-fetch|@npmcli\/agent|agent-base|undici)\//,
  'AsyncLocalStorage': /async_hooks|async_local_storage|async_context_frame/,
};

const results: Record<string, unknown> = {};
for (const name of PATHS) {
  const v = variants[name]!;
  await runLoad({ ...v, concurrency: CONCURRENCY, warmupMs: 0, durationMs: 3000, expect: '"edges"' });
  const cpu = cpuMeter(database);
  const { result: load, profile, file } = await profiled(`dashboard-${name}`, () => runLoad({ ...v, concurrency: CONCURRENCY, warmupMs: 0, durationMs: SECONDS * 1000, expect: '"edges"' }, cpu));
  const cpuPerRequest = cpu.perRequest(load.requests);
  const summary = summarize(profile, load.requests);
  const probes = inclusive(profile, PROBES, load.requests);
  console.log(`\n=== ${name}: ${load.requestsPerSecond} req/s, p50 ${load.latencyMs.p50} ms, p99 ${load.latencyMs.p99} ms, errors ${load.errors}; CPU sampled ${summary.totalMs} ms = ${Math.round((summary.totalMs / load.requests) * 100) / 100} ms per request; kernel CPU per request: system ${cpuPerRequest.systemMs} ms, PostgreSQL ${cpuPerRequest.postgresMs ?? '-'} ms`);
  printTable(`${name}: CPU self time by where the code lives`, ['area', '% of CPU', 'ms per request'], summary.areas);
  printTable(`${name}: inclusive time (synchronous callees included)`, ['piece', '% of CPU', 'ms per request'], probes);
  printTable(`${name}: top functions (self time)`, ['function [area]', '% of CPU', 'ms per request'], summary.functions);
  console.log(`profile: ${file}`);
  results[name] = { load: { requests: load.requests, requestsPerSecond: load.requestsPerSecond, latencyMs: load.latencyMs, errors: load.errors }, cpuMsPerRequest: summary.totalMs / load.requests, kernelCpuMsPerRequest: cpuPerRequest, areas: summary.areas, inclusive: probes, functions: summary.functions };
}

const out = writeResult('profile-dashboard', {
  benchmark: 'profile-dashboard', at: new Date().toISOString(), database: databaseKind, bus: process.env.REDIS_URL ? 'redis' : 'in-process', machine: machine(),
  samples: TOTAL, concurrency: CONCURRENCY, secondsPerPath: SECONDS, results,
});
console.log(`wrote ${out}`);
await t.stop();
process.exit(0);
