/**
 * Intake of a 100,000-row CSV (issue 10): uploaded through the gateway (POST /intake/uploads),
 * parsed, checked by samples' validateSampleDrafts, then committed as samples through samples' API.
 *   npm run build && node --import tsx bench/intake.ts [rows=100000]
 * Embedded: auth, samples and submission subgraphs plus the gateway in this process, on PGlite and
 * the in-process bus (TEST_DATABASE_URL / REDIS_URL for real servers). Workflow and audit are left
 * out so the figure is intake's own; they consume the SampleCreated events afterwards.
 * Reports parse+validate time, commit time, rows/s and the peak RSS of the whole process.
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
  const rssBefore = process.memoryUsage().rss;
  peakRss = rssBefore;

  const started = performance.now();
  const res = await fetch(`${t.url}/intake/uploads?projectId=${projectId}&filename=bench.csv`, { method: 'POST', headers: { authorization: `Bearer ${submitter.token}` }, body });
  const job = (await res.json()) as { id: string; status: string; rowCount: number; errorCount: number; error?: string };
  const parsedAt = performance.now();
  if (job.status !== 'VALIDATED') throw new Error(`upload: ${res.status} ${JSON.stringify(job)}`);

  await gql(`mutation($id: ID!, $k: String!) { commitIntake(id: $id, idempotencyKey: $k) { status } }`, { id: job.id, k: randomUUID() });
  let final: any;
  for (;;) {
    // A poll lost to a reset connection on a loaded machine is retried, not fatal.
    final = (await gql(`query($id: ID!) { intakeJob(id: $id) { status committedCount failedCount error submission { id } } }`, { id: job.id }).catch(() => ({ intakeJob: { status: 'COMMITTING' } }))).intakeJob;
    if (final.status !== 'COMMITTING') break;
    await new Promise((r) => setTimeout(r, 200));
  }
  const committedAt = performance.now();
  const count = (await gql(`query($s: ID!) { samples(filter: { submissionId: $s }, first: 1) { totalCount } }`, { s: final.submission.id })).samples.totalCount;
  const result = {
    rows, bytes: body.length, status: final.status, committed: final.committedCount, samplesInSubmission: count,
    parseValidateSeconds: Math.round((parsedAt - started) / 10) / 100,
    commitSeconds: Math.round((committedAt - parsedAt) / 10) / 100,
    totalSeconds: Math.round((committedAt - started) / 10) / 100,
    rowsPerSecond: Math.round(rows / ((committedAt - started) / 1000)),
    rssBeforeMb: Math.round(rssBefore / 1e6), peakRssMb: Math.round(peakRss / 1e6),
    database: process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite', bus: process.env.REDIS_URL ? 'redis' : 'memory', machine: machine(),
  };
  printTable(`intake of a ${rows}-row CSV`, ['phase', 'seconds'], [
    ['upload + parse + validate', result.parseValidateSeconds], ['commit', result.commitSeconds], ['total', result.totalSeconds],
  ]);
  console.log(`status ${result.status}, ${result.committed} committed, ${count} samples; ${result.rowsPerSecond} rows/s; RSS ${result.rssBeforeMb} MB before, peak ${result.peakRssMb} MB`);
  console.log(`wrote ${writeResult('intake', result)}`);
} finally {
  clearInterval(sampler);
  await t.stop();
}
