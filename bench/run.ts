/**
 * `npm run bench [-- name ...] [-- --no-build]`: builds once, then runs every benchmark in bench/
 * (or only those named) one after another, each in its own process with its default size, and
 * prints how each ended. Environment (TEST_DATABASE_URL, BENCH_DATABASE_URL, REDIS_URL, ...) is
 * passed through; to change a benchmark's size run it directly (see bench/README.md).
 */
import { spawn, spawnSync } from 'node:child_process';
import { join } from 'node:path';

/** `optIn` benchmarks run only when named (the soak takes ten minutes). */
interface Benchmark { name: string; nodeFlags?: string[]; about: string; optIn?: boolean }

const BENCHMARKS: Benchmark[] = [
  { name: 'auth-login', about: 'argon2id hash, login and refresh latency at the auth subgraph' },
  { name: 'audit-ingest', about: 'audit events/s and publish-to-entry lag, chain verification' },
  { name: 'notifications', about: '10,000 events to e-mail, webhook and in-app notifications: notifications/s, delivery lag, SQL statements per event' },
  { name: 'samples-export', nodeFlags: ['--expose-gc'], about: '100,000 samples exported to six formats: time and peak memory' },
  { name: 'subscriptions', about: '1,000 live subscribers through the gateway: delivery latency, RSS, CPU' },
  { name: 'dashboard', about: 'dashboard query over 100,000 samples through the gateway vs the samples subgraph' },
  { name: 'allocations', about: 'bytes allocated per dashboard request by where the code lives, direct and through the gateway (load-independent)' },
  { name: 'sample-counts', about: 'filtered sample page with totalCount over 100,000 samples: counters, estimate and exact count, one client and 16' },
  { name: 'web-board', about: 'the dashboard board in chromium with 1,000 samples: first-load JS (gzip) and time to interactive' },
  { name: 'ai-extraction', nodeFlags: ['--expose-gc'], about: 'quote PDF: 5-page/96-row read and job end to end, memory of a 6-page/200-row read' },
  { name: 'gateway-auth', about: 'JWT / API token / anonymous throughput, login latency, rejecting deep and aliased operations' },
  { name: 'file-uploads', about: '1 MB and 200 MB multipart uploads and downloads, through the gateway vs straight to files: MB/s, peak RSS' },
  { name: 'intake', nodeFlags: ['--expose-gc'], about: '100,000-row CSV intake through the gateway: parse+validate and commit time, CPU s, peak RSS and heap retained after GC' },
  { name: 'memory', about: 'RSS, heap and PGlite memory: embedded system idle and under the dashboard query, distributed gateway alone idle and under it' },
  { name: 'soak', about: 'distributed deployment under mixed traffic at a fixed rate (SOAK_SECONDS, default 600): p99 and RSS over time, invariants at the end', optIn: true },
];

const args = process.argv.slice(2);
const build = !args.includes('--no-build');
const names = args.filter((a) => !a.startsWith('--'));
const unknown = names.filter((n) => !BENCHMARKS.some((b) => b.name === n));
if (unknown.length) {
  console.error(`unknown benchmark(s): ${unknown.join(', ')}; choose from ${BENCHMARKS.map((b) => b.name).join(', ')}`);
  process.exit(2);
}
const chosen = names.length ? BENCHMARKS.filter((b) => names.includes(b.name)) : BENCHMARKS.filter((b) => !b.optIn);
const root = join(import.meta.dirname, '..');

// Benchmarks import the workspace packages from their builds.
if (build) {
  console.log('building the workspace (skip with --no-build)');
  const built = spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, stdio: 'inherit' });
  if (built.status !== 0) process.exit(built.status ?? 1);
}

const run = (b: Benchmark) => new Promise<number>((resolve) => {
  const child = spawn(process.execPath, [...(b.nodeFlags ?? []), '--import', 'tsx', join('bench', `${b.name}.ts`)], { cwd: root, stdio: 'inherit' });
  child.on('exit', (code, signal) => resolve(code ?? (signal ? 1 : 0)));
});

const outcomes: { name: string; code: number; seconds: number }[] = [];
for (const b of chosen) {
  console.log(`\n=== ${b.name}: ${b.about}`);
  const start = Date.now();
  const code = await run(b);
  outcomes.push({ name: b.name, code, seconds: Math.round((Date.now() - start) / 1000) });
}
console.log('\n=== summary');
for (const o of outcomes) console.log(`${o.name.padEnd(16)} ${o.code === 0 ? 'ok    ' : `FAILED (exit ${o.code})`} ${String(o.seconds).padStart(5)} s   results: bench/results/${o.name}.json`);
process.exitCode = outcomes.some((o) => o.code !== 0) ? 1 : 0;
