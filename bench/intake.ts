/**
 * Intake of a 100,000-row CSV (issue 10): uploaded through the gateway (POST /intake/uploads),
 * parsed, checked by samples' validateSampleDrafts, then committed as samples through samples' API.
 *   npm run bench -- intake   (or: node --expose-gc --import tsx bench/intake.ts [rows=100000])
 * Embedded: auth, samples and submission subgraphs plus the gateway in this process, on PGlite and
 * the in-process bus (TEST_DATABASE_URL / REDIS_URL for real servers). Workflow and audit are left
 * out so the figure is intake's own; they consume the SampleCreated events afterwards.
 * Reports parse+validate time, commit time, rows/s, the process's CPU seconds (less sensitive to
 * other load on the machine than wall time), the peak RSS of the whole process, and with
 * `node --expose-gc` the heap still in use after a full collection before, after parsing and after
 * committing: what the intake holds, as opposed to garbage V8 has not collected yet.
 */
import { randomUUID } from 'node:crypto';
import { startTestSystem } from '@app/embedded/testing';
import { authSubgraph } from '../subgraphs/auth/src/server.js';
import { samplesSubgraph } from '../subgraphs/samples/src/server.js';
import { submissionSubgraph } from '../subgraphs/submission/src/server.js';
import { machine, printTable, writeResult } from './lib/report.js';

const rows = Number(process.argv[2] ?? 100_000);

function csvOf(n: number): Buffer {
  const lines = ['sample_name,sample_type,concentration,volume,organism,flow_cell_type,priority,notes'];
  for (let i = 1; i <= n; i++) lines.push(`S-${String(i).padStart(6, '0')},${i % 3 ? 'DNA' : 'RNA'},${(20 + (i % 300)).toFixed(1)} ng/µL,${10 + (i % 40)},Homo sapiens,R10.4.1,normal,"bench row ${i}, batch ${i % 17}"`);
  return Buffer.from(lines.join('\r\n'), 'utf8');
}

let peakRss = 0;
const gc = (globalThis as { gc?: () => void }).gc;
/** Heap in use after a full collection (MB), or null without --expose-gc. */
const retainedHeapMb = () => {
  if (!gc) return null;
  gc();
  return Math.round(process.memoryUsage().heapUsed / 1e6);
};
const sampler = setInterval(() => { peakRss = Math.max(peakRss, process.memoryUsage().rss); }, 50);
const t = await startTestSystem({ subgraphs: [authSubgraph, samplesSubgraph, submissionSubgraph], env: { LOG_LEVEL: 'error' } });
try {
  const submitter = await t.createUser('SUBMITTER', 'lab-bench');
  const gql = async (query: string, variables: Record<string, unknown> = {}) => {
    const res = await t.gql(query, variables, submitter.token);
    if (res.errors) throw new Error(JSON.stringify(res.errors));
    return res.data as any;
  };
  const projectId = (await gql(`mutation { createProject(input: { name: "Bench" }) { id } }`)).createProject.id;
  const body = csvOf(rows);
  const heapBefore = retainedHeapMb();
  const rssBefore = process.memoryUsage().rss;
  peakRss = rssBefore;

  const cpuBefore = process.cpuUsage();
  const started = performance.now();
  const res = await fetch(`${t.url}/intake/uploads?projectId=${projectId}&filename=bench.csv`, { method: 'POST', headers: { authorization: `Bearer ${submitter.token}` }, body });
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
  const cpu = process.cpuUsage(cpuBefore);
  const heapAfterCommit = retainedHeapMb();
  const count = (await gql(`query($s: ID!) { samples(filter: { submissionId: $s }, first: 1) { totalCount } }`, { s: final.submission.id })).samples.totalCount;
  const result = {
    rows, bytes: body.length, status: final.status, committed: final.committedCount, samplesInSubmission: count,
    parseValidateSeconds: Math.round((parsedAt - started) / 10) / 100,
    commitSeconds: Math.round((committedAt - commitStarted) / 10) / 100,
    totalSeconds: Math.round((parsedAt - started + committedAt - commitStarted) / 10) / 100,
    rowsPerSecond: Math.round(rows / ((parsedAt - started + committedAt - commitStarted) / 1000)),
    processCpuSeconds: Math.round((cpu.user + cpu.system) / 1e4) / 100,
    rssBeforeMb: Math.round(rssBefore / 1e6), peakRssMb: Math.round(peakRss / 1e6),
    retainedHeapMb: { before: heapBefore, afterParse: heapAfterParse, afterCommit: heapAfterCommit },
    database: process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite', bus: process.env.REDIS_URL ? 'redis' : 'memory', machine: machine(),
  };
  printTable(`intake of a ${rows}-row CSV`, ['phase', 'seconds'], [
    ['upload + parse + validate', result.parseValidateSeconds], ['commit', result.commitSeconds], ['total', result.totalSeconds],
  ]);
  console.log(`status ${result.status}, ${result.committed} committed, ${count} samples; ${result.rowsPerSecond} rows/s; ${result.processCpuSeconds} CPU s; RSS ${result.rssBeforeMb} MB before, peak ${result.peakRssMb} MB`);
  if (gc) console.log(`heap in use after a full GC: ${heapBefore} MB before, ${heapAfterParse} MB after parsing, ${heapAfterCommit} MB after committing`);
  console.log(`wrote ${writeResult('intake', result)}`);
} finally {
  clearInterval(sampler);
  await t.stop();
}
