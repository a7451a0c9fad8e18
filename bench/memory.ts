/**
 * Memory (issue 13, point 4): what the processes people run hold, measured from outside them.
 *   a. the embedded system (`npm start`: apps/embedded/dist/main.js, seven subgraphs and the gateway
 *      in one process on PGlite), idle after start-up settles: on a fresh data folder (first start:
 *      initdb, every migration, the first admin) and started again on a seeded folder;
 *   b. the same process under the dashboard query (bench/dashboard.ts's, 16 clients) on that folder;
 *   c. the gateway of the distributed deployment alone (gateway/package.json's start, started with its
 *      subgraphs, PostgreSQL and Redis as the fault suite starts them), idle and under the same query.
 * Each figure: RSS from /proc/<pid>/status (peak over the phase where it is a load), V8's heap and
 * external memory from the process's /metrics, and what PGlite's WebAssembly memory reserves and has
 * touched (from /proc/<pid>/smaps). The 1-minute load average is recorded beside every phase.
 *   npm run build && node --import tsx bench/memory.ts [samples=10000] [concurrency=16] [seconds=20] [settleSeconds=45]
 * The embedded phases always use PGlite and the in-process bus, as `npm start` does (TEST_DATABASE_URL
 * and REDIS_URL are ignored); the distributed phase needs PostgreSQL and Redis binaries (PG_BIN_DIR).
 */
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { startTestSystem } from '@app/embedded/testing';
import { GatewayClient, freePort, startCommand, startDistributedSystem } from '@app/testing';
import { seedDashboard } from './lib/dashboard-data.js';
import { runLoad, type LoadResult } from './lib/load.js';
import { heapFromMetrics, sampleRss, statusMemory, wasmMemories, type HeapFigures } from './lib/process-memory.js';
import { machine, printTable, writeResult } from './lib/report.js';

const SAMPLES = Number(process.argv[2] ?? 10_000);
const CONCURRENCY = Number(process.argv[3] ?? 16);
const SECONDS = Number(process.argv[4] ?? 20);
const SETTLE_SECONDS = Number(process.argv[5] ?? 45);
const root = join(import.meta.dirname, '..');
const DASHBOARD = `query Dashboard { samples(first: 50) { edges { node { id name status priority submission { number } project { name } assignee { name } } } } }`;

// `npm start` runs on PGlite and the in-process bus; so do the embedded phases here (the seeding too).
delete process.env.TEST_DATABASE_URL;
delete process.env.DATABASE_URL;
delete process.env.REDIS_URL;


const load1 = () => Math.round(loadavg()[0]! * 100) / 100;

interface Snapshot {
  rssMb: number; peakRssMb: number; anonMb: number; fileMb: number; heap: HeapFigures;
  /** PGlite's WebAssembly memory (the largest one in the process), when there is one. */
  pglite: { reservedMb: number; residentMb: number } | null;
  loadAverage1m: number;
}

async function snapshot(pid: number, baseUrl: string): Promise<Snapshot> {
  const status = statusMemory(pid);
  if (!status) throw new Error(`process ${pid} has gone`);
  const wasm = wasmMemories(pid).find((m) => m.reservedMb >= 64) ?? null;
  return { ...status, heap: await heapFromMetrics(baseUrl), pglite: wasm, loadAverage1m: load1() };
}

/** Waits `seconds` while sampling RSS (garbage collection and start-up work finish), then takes a snapshot. */
async function settled(pid: number, baseUrl: string, seconds: number): Promise<Snapshot & { minRssMb: number; maxRssMb: number }> {
  const sampler = sampleRss(pid, 1000);
  await sleep(seconds * 1000);
  const { series } = sampler.stop();
  const values = series.map(([, v]) => v);
  return { ...(await snapshot(pid, baseUrl)), minRssMb: Math.min(...values), maxRssMb: Math.max(...values) };
}

// The node flags and entry `npm start` runs (the root package.json), so this measures the process people run.
const EMBEDDED = startCommand(root);
const NODE_FLAGS = EMBEDDED.flags;

/** `node [flags] apps/embedded/dist/main.js` as `npm start` runs it after its build, on `dataDir`. */
async function startEmbedded(dataDir: string): Promise<{ child: ChildProcess; url: string; readyMs: number; stop(): Promise<void> }> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [...NODE_FLAGS, EMBEDDED.entry], {
    cwd: root, stdio: ['ignore', 'pipe', 'pipe'],
    env: { ...process.env, PORT: String(port), DATA_DIR: dataDir, LOG_LEVEL: 'warn' },
  });
  let output = '';
  child.stdout!.on('data', (d: Buffer) => { output += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => { output += d.toString(); });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  while (!output.includes('supergraph ready')) {
    if (child.exitCode !== null) throw new Error(`embedded system exited before it was ready:\n${output.slice(-3000)}`);
    await sleep(100);
  }
  return {
    child, url: `http://127.0.0.1:${port}`, readyMs: Math.round(performance.now() - started),
    async stop() { child.kill('SIGTERM'); await exited; },
  };
}

async function login(url: string, email: string, password: string): Promise<string> {
  return new GatewayClient(url).login(email, password);
}

const dashboardLoad = (url: string, token: string): Promise<LoadResult> => runLoad({
  url: `${url}/graphql`, headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
  body: JSON.stringify({ query: DASHBOARD }), concurrency: CONCURRENCY, warmupMs: 2000, durationMs: SECONDS * 1000, expect: '"edges"',
});

/** Runs the dashboard load against `url` while sampling `pid`'s RSS. */
async function underLoad(pid: number, url: string, token: string) {
  const loadAtStart = load1();
  const sampler = sampleRss(pid);
  const result = await dashboardLoad(url, token);
  const rss = sampler.stop();
  const after = await snapshot(pid, url);
  return {
    peakRssMb: rss.peakMb, endRssMb: rss.lastMb, heapAtEnd: after.heap, pgliteAtEnd: after.pglite, loadAverage1m: [loadAtStart, load1()],
    requestsPerSecond: result.requestsPerSecond, latencyMs: result.latencyMs, errors: result.errors, ...(result.firstError ? { firstError: result.firstError } : {}),
  };
}

console.log(`memory benchmark: ${SAMPLES} samples, ${CONCURRENCY} clients for ${SECONDS} s, ${SETTLE_SECONDS} s to settle; npm start's node flags: ${NODE_FLAGS.join(' ') || 'none'}`);
const scratch = mkdtempSync(join(tmpdir(), 'bench-memory-'));
const results: Record<string, unknown> = {};
try {
  /* ---------- a. embedded, first start on a fresh folder ---------- */
  {
    const sys = await startEmbedded(join(scratch, 'fresh'));
    const atReady = statusMemory(sys.child.pid!)!;
    const idle = await settled(sys.child.pid!, sys.url, SETTLE_SECONDS);
    results.embeddedFresh = { readyMs: sys.readyMs, rssAtReadyMb: atReady.rssMb, ...idle };
    await sys.stop();
    console.log(`embedded, fresh folder: ready in ${sys.readyMs} ms at ${atReady.rssMb} MB; settled ${idle.rssMb} MB (load ${idle.loadAverage1m})`);
  }

  /* ---------- seed a folder in this process, then start the real entry on it ---------- */
  const seeded = join(scratch, 'seeded');
  // startTestSystem's own test database is replaced by the embedded one in `seeded` (databaseUrl undefined).
  const t = await startTestSystem({ dataDir: seeded, databaseUrl: undefined, redisUrl: undefined });
  const data = await seedDashboard(t, SAMPLES);
  const staff = data.staff[0]!;
  await t.stop();

  /* ---------- a. embedded, started again on the seeded folder; b. under the dashboard load ---------- */
  {
    const sys = await startEmbedded(seeded);
    const atReady = statusMemory(sys.child.pid!)!;
    const idle = await settled(sys.child.pid!, sys.url, SETTLE_SECONDS);
    console.log(`embedded, seeded folder: ready in ${sys.readyMs} ms at ${atReady.rssMb} MB; settled ${idle.rssMb} MB (load ${idle.loadAverage1m})`);
    results.embeddedIdle = { readyMs: sys.readyMs, rssAtReadyMb: atReady.rssMb, samples: data.totalCount, ...idle };
    const token = await login(sys.url, staff.email, staff.password);
    const loaded = await underLoad(sys.child.pid!, sys.url, token);
    console.log(`embedded under load: peak ${loaded.peakRssMb} MB, ${loaded.requestsPerSecond} req/s, p99 ${loaded.latencyMs.p99} ms, errors ${loaded.errors}`);
    results.embeddedUnderLoad = { samples: data.totalCount, concurrency: CONCURRENCY, seconds: SECONDS, ...loaded };
    results.embeddedAfterLoad = await settled(sys.child.pid!, sys.url, SETTLE_SECONDS);
    await sys.stop();
  }

  /* ---------- c. the distributed gateway process ---------- */
  try {
    const d = await startDistributedSystem();
    try {
      const gateway = d.service('gateway');
      const pid = gateway.pid!;
      const idle = await settled(pid, gateway.url, SETTLE_SECONDS);
      console.log(`distributed gateway idle: ${idle.rssMb} MB (heap ${idle.heap.heapUsedMb}/${idle.heap.heapTotalMb} MB; load ${idle.loadAverage1m})`);
      const token = await login(gateway.url, d.adminEmail, d.secrets.ADMIN_PASSWORD);
      const loaded = await underLoad(pid, gateway.url, token);
      console.log(`distributed gateway under load: peak ${loaded.peakRssMb} MB, ${loaded.requestsPerSecond} req/s, errors ${loaded.errors}`);
      const after = await settled(pid, gateway.url, SETTLE_SECONDS);
      const others = Object.fromEntries([...d.services.entries()].filter(([name]) => name !== 'gateway').map(([name, s]) => [name, statusMemory(s.pid!)?.rssMb ?? null]));
      results.distributedGateway = { idle, underLoad: { ...loaded, note: 'dashboard query on an empty database: the gateway plans, signs, fetches and merges as with data' }, afterLoad: after, subgraphRssMb: others };
    } finally {
      await d.stop();
    }
  } catch (err) {
    console.error(`distributed phase skipped: ${(err as Error).message.split('\n')[0]}`);
    results.distributedGateway = { skipped: (err as Error).message.split('\n')[0] };
  }
} finally {
  rmSync(scratch, { recursive: true, force: true });
}

/* ---------- report ---------- */
type Idle = Snapshot & { minRssMb: number; maxRssMb: number; rssAtReadyMb?: number };
const row = (name: string, s: Idle | undefined) => (s ? [
  name, s.rssAtReadyMb ?? '–', s.rssMb, `${s.minRssMb}–${s.maxRssMb}`, s.heap.heapUsedMb, s.heap.heapTotalMb, s.heap.externalMb, s.heap.arrayBuffersMb ?? '–',
  s.pglite ? `${s.pglite.residentMb} / ${s.pglite.reservedMb}` : '–', s.loadAverage1m,
] : [name, 'skipped', '', '', '', '', '', '', '', '']);
const gw = results.distributedGateway as { idle?: Idle; afterLoad?: Idle } | undefined;
printTable('Idle memory after start-up settles (MB)', ['process', 'RSS at ready', 'RSS settled', 'range', 'heap used', 'heap total', 'external', 'ArrayBuffers', 'PGlite touched / reserved', 'load 1m'], [
  row('embedded, first start (fresh folder)', results.embeddedFresh as Idle),
  row(`embedded, restarted on ${SAMPLES} samples`, results.embeddedIdle as Idle),
  row('embedded, after the load', results.embeddedAfterLoad as Idle),
  row('distributed gateway, idle', gw?.idle),
  row('distributed gateway, after the load', gw?.afterLoad),
]);
const loads = [['embedded', results.embeddedUnderLoad], ['distributed gateway', (results.distributedGateway as { underLoad?: unknown }).underLoad]] as const;
printTable(`Under the dashboard query, ${CONCURRENCY} clients, ${SECONDS} s`, ['process', 'peak RSS MB', 'RSS at end', 'heap used at end', 'req/s', 'p99 ms', 'errors', 'load 1m'],
  loads.filter(([, r]) => r).map(([name, r]) => {
    const l = r as Awaited<ReturnType<typeof underLoad>>;
    return [name, l.peakRssMb, l.endRssMb, l.heapAtEnd.heapUsedMb, l.requestsPerSecond, l.latencyMs.p99, l.errors, l.loadAverage1m.join(' → ')];
  }));
const file = writeResult('memory', {
  benchmark: 'memory', at: new Date().toISOString(), machine: machine(), node: process.version,
  embeddedNodeFlags: NODE_FLAGS, gatewayNodeFlags: startCommand(join(root, 'gateway')).flags, samples: SAMPLES, concurrency: CONCURRENCY, seconds: SECONDS, settleSeconds: SETTLE_SECONDS, query: DASHBOARD,
  targets: { embeddedIdleMb: 300, embeddedUnderLoadMb: 600, distributedGatewayIdleMb: 100 },
  ...results,
});
console.log(`wrote ${file}`);
process.exit(0);
