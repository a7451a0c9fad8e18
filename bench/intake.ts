/**
 * Intake of a 100,000-row CSV (issue 10): uploaded through the gateway (POST /intake/uploads),
 * parsed, checked by samples' validateSampleDrafts, then committed as samples through samples' API.
 *   npm run bench -- intake   (or: node --expose-gc --import tsx bench/intake.ts [rows=100000] [--distributed])
 * Embedded (default): auth, samples and submission subgraphs plus the gateway in this process, on
 * PGlite and the in-process bus (TEST_DATABASE_URL / REDIS_URL for real servers). Workflow and
 * audit are left out so the figure is intake's own; they consume the SampleCreated events afterwards.
 * --distributed: the whole deployment, every subgraph and the gateway its own process on a private
 * PostgreSQL and Redis (needs `npm run build`); workflow and audit consume the events as they come.
 * Reports parse+validate time, commit time, rows/s, CPU seconds (less sensitive to other load on
 * the machine than wall time), peak RSS, and embedded with `node --expose-gc` the heap still in use
 * after a full collection before, after parsing and after committing: what the intake holds, as
 * opposed to garbage V8 has not collected yet.
 */
import { randomUUID } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestSystem } from '@app/embedded/testing';
import { authSubgraph } from '../subgraphs/auth/src/server.js';
import { samplesSubgraph } from '../subgraphs/samples/src/server.js';
import { submissionSubgraph } from '../subgraphs/submission/src/server.js';
import { startWorld } from '../test/faults/lib/world.js';
import { machine, printTable, processRssMb, writeRun } from './lib/report.js';

const rows = Number(process.argv.slice(2).find((a) => /^\d+$/.test(a)) ?? 100_000);
const distributed = process.argv.includes('--distributed');

function csvOf(n: number): Buffer {
  const lines = ['sample_name,sample_type,concentration,volume,organism,flow_cell_type,priority,notes'];
  for (let i = 1; i <= n; i++) lines.push(`S-${String(i).padStart(6, '0')},${i % 3 ? 'DNA' : 'RNA'},${(20 + (i % 300)).toFixed(1)} ng/µL,${10 + (i % 40)},Homo sapiens,R10.4.1,normal,"bench row ${i}, batch ${i % 17}"`);
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

/** What the benchmark drives: a gateway URL, a submitter's token, and how to read memory and CPU. */
interface Target {
  url: string;
  token: string;
  /** RSS (MB) per process measured: `bench` embedded, the intake's processes distributed. */
  rss(): Record<string, number>;
  /** CPU seconds used so far by the processes measured. */
  cpuSeconds(): number;
  stop(): Promise<void>;
}

/** User+system CPU seconds of a process, from /proc (clock ticks of 1/100 s on Linux). */
function procCpuSeconds(pid: number | undefined): number {
  if (!pid) return 0;
  const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
  return (Number(fields[11]) + Number(fields[12])) / 100;
}

async function embeddedTarget(): Promise<Target> {
  // Without TEST_DATABASE_URL: PGlite keeping its files in a data folder, as `npm start` does (in
  // memory, its files grow by copying and dominate RSS and time at this size).
  const onDisk = process.env.TEST_DATABASE_URL ? {} : { dataDir: mkdtempSync(join(tmpdir(), 'bench-intake-')) };
  const t = await startTestSystem({ subgraphs: [authSubgraph, samplesSubgraph, submissionSubgraph], env: { LOG_LEVEL: 'error' }, ...onDisk });
  const submitter = await t.createUser('SUBMITTER', 'lab-bench');
  return {
    url: t.url, token: submitter.token, rss: () => ({ bench: Math.round(process.memoryUsage().rss / 1e6) }),
    cpuSeconds: () => { const u = process.cpuUsage(); return (u.user + u.system) / 1e6; },
    stop: async () => {
      await t.stop();
      if (onDisk.dataDir) rmSync(onDisk.dataDir, { recursive: true, force: true });
    },
  };
}

/** The processes an intake runs in (workflow and audit work alongside, and are measured apart). */
const INTAKE_PROCESSES = ['gateway', 'submission', 'samples'];

async function distributedTarget(): Promise<Target & { cpuAll(): Record<string, number> }> {
  const w = await startWorld({ env: { LOG_LEVEL: 'warn' } });
  const pids = () => [...w.sys.services.values()].map((s) => [s.name, s.pid] as const);
  let cpu = 0;
  const cpuAll = () => Object.fromEntries(pids().map(([name, pid]) => [name, procCpuSeconds(pid)] as const));
  return {
    url: w.sys.gatewayUrls()[0]!, token: w.submitter.token,
    rss: () => Object.fromEntries(pids().map(([name, pid]) => [name, processRssMb(pid) ?? 0])),
    cpuSeconds: () => cpu,
    cpuAll: () => {
      const all = cpuAll();
      cpu = INTAKE_PROCESSES.reduce((a, n) => a + (all[n] ?? 0), 0);
      return all;
    },
    stop: () => w.stop(),
  };
}

const gc = (globalThis as { gc?: () => void }).gc;
/** Heap in use after a full collection (MB), or null without --expose-gc or when distributed. */
const retainedHeapMb = () => {
  if (!gc || distributed) return null;
  gc();
  return Math.round(process.memoryUsage().heapUsed / 1e6);
};

const target: Target & { cpuAll?: () => Record<string, number> } = distributed ? await distributedTarget() : await embeddedTarget();
/** Distributed: reads every process's CPU so far (and updates `cpuSeconds`). */
const refreshCpu = () => target.cpuAll?.() ?? null;
const peakRss: Record<string, number> = {};
const sampler = setInterval(() => {
  for (const [name, mb] of Object.entries(target.rss())) peakRss[name] = Math.max(peakRss[name] ?? 0, mb);
}, 100);
try {
  const gql = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await fetch(`${target.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${target.token}` }, body: JSON.stringify({ query, variables }) });
    const body = (await res.json()) as { data?: any; errors?: unknown[] };
    if (body.errors) throw new Error(JSON.stringify(body.errors));
    return body.data;
  };
  const projectId = (await gql(`mutation { createProject(input: { name: "Bench" }) { id } }`)).createProject.id;
  const body = csvOf(rows);
  const heapBefore = retainedHeapMb();
  const rssBefore = target.rss();
  for (const k of Object.keys(peakRss)) delete peakRss[k];

  refreshCpu();
  const cpuBefore = target.cpuSeconds();
  const started = performance.now();
  const res = await fetch(`${target.url}/intake/uploads?projectId=${projectId}&filename=bench.csv`, { method: 'POST', headers: { authorization: `Bearer ${target.token}` }, body });
  const job = (await res.json()) as { id: string; status: string; rowCount: number; errorCount: number; error?: string };
  const parsedAt = performance.now();
  if (job.status !== 'VALIDATED') throw new Error(`upload: ${res.status} ${JSON.stringify(job)}`);
  const heapAfterParse = retainedHeapMb();
  const commitStarted = performance.now();

  await gql(`mutation($id: ID!, $k: String!) { commitIntake(id: $id, idempotencyKey: $k) { status } }`, { id: job.id, k: randomUUID() });
  let final: any;
  for (;;) {
    // A poll lost to a reset connection on a loaded machine is retried, not fatal.
    final = (await gql(`query($id: ID!) { intakeJob(id: $id) { status committedCount failedCount error submission { id } } }`, { id: job.id }).catch(() => ({ intakeJob: { status: 'COMMITTING' } }))).intakeJob;
    if (final.status !== 'COMMITTING') break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const committedAt = performance.now();
  const cpuByProcess = refreshCpu();
  const cpuSeconds = target.cpuSeconds() - cpuBefore;
  const heapAfterCommit = retainedHeapMb();
  const count = (await gql(`query($s: ID!) { samples(filter: { submissionId: $s }, first: 1) { totalCount } }`, { s: final.submission.id })).samples.totalCount;
  const seconds = (ms: number) => Math.round(ms / 10) / 100;
  const result = {
    at: new Date().toISOString(), rows, bytes: body.length, mode: distributed ? 'distributed' : 'embedded', status: final.status, committed: final.committedCount, samplesInSubmission: count,
    parseValidateSeconds: seconds(parsedAt - started),
    commitSeconds: seconds(committedAt - commitStarted),
    totalSeconds: seconds(parsedAt - started + committedAt - commitStarted),
    rowsPerSecond: Math.round(rows / ((parsedAt - started + committedAt - commitStarted) / 1000)),
    cpuSeconds: Math.round(cpuSeconds * 100) / 100,
    ...(cpuByProcess ? { cpuSecondsByProcessSinceStart: cpuByProcess } : {}),
    rssBeforeMb: rssBefore, peakRssMb: { ...peakRss },
    retainedHeapMb: { before: heapBefore, afterParse: heapAfterParse, afterCommit: heapAfterCommit },
    database: distributed || process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite', bus: distributed || process.env.REDIS_URL ? 'redis' : 'memory', machine: machine(),
  };
  printTable(`intake of a ${rows}-row CSV (${result.mode})`, ['phase', 'seconds'], [
    ['upload + parse + validate', result.parseValidateSeconds], ['commit', result.commitSeconds], ['total', result.totalSeconds],
  ]);
  console.log(`status ${result.status}, ${result.committed} committed, ${count} samples; ${result.rowsPerSecond} rows/s; ${result.cpuSeconds} CPU s (${distributed ? INTAKE_PROCESSES.join(' + ') : 'this process'})`);
  console.log(`RSS MB before ${JSON.stringify(rssBefore)}, peak ${JSON.stringify(result.peakRssMb)}`);
  if (heapBefore !== null) console.log(`heap in use after a full GC: ${heapBefore} MB before, ${heapAfterParse} MB after parsing, ${heapAfterCommit} MB after committing`);
  console.log(`wrote ${writeRun('intake', `${result.mode}-${result.database}-${rows}`, result)}`);
} finally {
  clearInterval(sampler);
  await target.stop();
}
