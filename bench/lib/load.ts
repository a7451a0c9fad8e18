/**
 * A closed-loop load generator: `concurrency` clients each send the next request as soon as the
 * last one answered. It runs in a child process so the client's work (sockets, JSON parsing) does
 * not share the event loop of the system being measured.
 */
import { fork, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { latencyStats, type LatencyStats } from './stats.js';

export interface LoadSpec {
  url: string;
  headers: Record<string, string>;
  body: string;
  concurrency: number;
  warmupMs: number;
  durationMs: number;
  /** A response body must contain this text to count as a success (e.g. the expected data key). */
  expect: string;
  /** Also return every successful request's latency, to merge slices of an interleaved run. */
  keepLatencies?: boolean;
}

/** Called in the parent as the measured window opens and closes (e.g. to read CPU counters over it). */
export interface LoadWindow { opened(): void; closed(): void }

export interface LoadResult {
  requests: number; errors: number; requestsPerSecond: number; latencyMs: LatencyStats; firstError?: string;
  /** Seconds measured; with `keepLatencies`, each latency (ms). */
  seconds?: number; latencies?: number[];
}

async function run(spec: LoadSpec): Promise<LoadResult> {
  const latencies: number[] = [];
  let errors = 0;
  let firstError: string | undefined;
  let measuring = false;
  let stop = false;
  const one = async () => {
    const t = performance.now();
    let ok = false;
    let text = '';
    try {
      const res = await fetch(spec.url, { method: 'POST', headers: spec.headers, body: spec.body });
      text = await res.text();
      ok = res.ok && text.includes(spec.expect) && !text.includes('"errors"');
    } catch (err) {
      text = (err as Error).message;
    }
    if (!measuring) return;
    if (ok) latencies.push(performance.now() - t);
    else { errors++; firstError ??= text.slice(0, 300); }
  };
  const client = async () => { while (!stop) await one(); };
  const clients = Array.from({ length: spec.concurrency }, client);
  await new Promise((r) => setTimeout(r, spec.warmupMs));
  measuring = true;
  process.send?.({ window: 'opened' });
  const started = performance.now();
  await new Promise((r) => setTimeout(r, spec.durationMs));
  measuring = false;
  process.send?.({ window: 'closed' });
  const seconds = (performance.now() - started) / 1000;
  stop = true;
  await Promise.all(clients);
  return {
    requests: latencies.length, errors, requestsPerSecond: Math.round(latencies.length / seconds), latencyMs: latencyStats(latencies), ...(firstError ? { firstError } : {}),
    seconds, ...(spec.keepLatencies ? { latencies } : {}),
  };
}

/** Slices of one variant of an interleaved run as one result: requests over the seconds measured, latencies pooled. */
export function mergeLoads(slices: LoadResult[]): LoadResult {
  const latencies = slices.flatMap((s) => s.latencies ?? []);
  const seconds = slices.reduce((a, s) => a + (s.seconds ?? 0), 0);
  const firstError = slices.find((s) => s.firstError)?.firstError;
  return {
    requests: latencies.length, errors: slices.reduce((a, s) => a + s.errors, 0), requestsPerSecond: Math.round(latencies.length / seconds),
    latencyMs: latencyStats(latencies), ...(firstError ? { firstError } : {}), seconds: Math.round(seconds * 10) / 10,
  };
}

/** Runs one load phase in a child process and returns its figures. */
export function runLoad(spec: LoadSpec, window?: LoadWindow): Promise<LoadResult> {
  const child: ChildProcess = fork(fileURLToPath(import.meta.url), ['--load-child'], { stdio: 'inherit' });
  return new Promise((resolve, reject) => {
    child.on('message', (m: LoadResult | { window: 'opened' | 'closed' }) => {
      if ('window' in m) { if (m.window === 'opened') window?.opened(); else window?.closed(); return; }
      resolve(m);
      child.kill();
    });
    child.once('error', reject);
    child.once('exit', (code) => { if (code) reject(new Error(`load generator exited with ${code}`)); });
    child.send(spec);
  });
}

if (process.argv.includes('--load-child')) {
  process.once('message', (spec: LoadSpec) => {
    void run(spec).then((result) => process.send!(result), (err: Error) => { console.error(err); process.exit(1); });
  });
}
