/**
 * Soak: the distributed deployment (every subgraph and the gateway as its own process, private
 * PostgreSQL and Redis) under mixed traffic at a fixed rate for SOAK_SECONDS (default 600):
 * queries, mutations, exports and live subscriptions. Every SOAK_WINDOW_SECONDS it records
 * throughput, p99, errors and each process's RSS (a leak shows as a slope); at the end it checks
 * the fault suite's invariants. Needs `npm run build`.
 *   SOAK_SECONDS=90 node --import tsx bench/soak.ts        (or npm run bench -- soak)
 */
import { setTimeout as sleep } from 'node:timers/promises';
import { expectConsistent } from '../test/faults/lib/invariants.js';
import { watchProgress } from '../test/faults/lib/live.js';
import { labSamples, mixedOperations, startWorld } from '../test/faults/lib/world.js';
import { latencyStats } from './lib/stats.js';
import { machine, printTable, processRssMb as rssMb, writeResult } from './lib/report.js';

const SECONDS = Number(process.env.SOAK_SECONDS ?? 600);
const RATE = Number(process.env.SOAK_RATE ?? 25);
const WINDOW_S = Number(process.env.SOAK_WINDOW_SECONDS ?? Math.max(10, Math.round(SECONDS / 12)));
const SUBSCRIBERS = Number(process.env.SOAK_SUBSCRIBERS ?? 20);

/** Least-squares slope of y over x (MB per minute when x is minutes). */
function slope(points: [number, number][]): number {
  const n = points.length;
  if (n < 2) return 0;
  const mx = points.reduce((a, [x]) => a + x, 0) / n;
  const my = points.reduce((a, [, y]) => a + y, 0) / n;
  const num = points.reduce((a, [x, y]) => a + (x - mx) * (y - my), 0);
  const den = points.reduce((a, [x]) => a + (x - mx) ** 2, 0);
  return den ? Math.round((num / den) * 100) / 100 : 0;
}

const w = await startWorld({ env: { EXPENSIVE_OPERATIONS_PER_MINUTE: '0', LOG_LEVEL: 'warn' } });
try {
  const samples = await labSamples(w, 200);
  const ws = `${w.sys.gatewayUrls()[0]!.replace('http', 'ws')}/graphql`;
  const watchers = samples.slice(0, SUBSCRIBERS).map((id) => watchProgress(ws, w.staff.token, id));
  const ops = [
    ...mixedOperations(w, samples),
    { name: 'exportProjects', run: () => w.client.gql(`mutation { exportProjects(format: NDJSON) { id } }`, {}, w.staff.token) },
  ];
  // Exports are heavier: one in twenty requests.
  const schedule = [...Array(19).keys()].map((i) => ops[i % (ops.length - 1)]!).concat(ops.at(-1)!);
  interface Done { ms: number; ok: boolean; op: string }
  let window: Done[] = [];
  const all: Done[] = [];
  const errorsByOp: Record<string, number> = {};
  const windows: Record<string, unknown>[] = [];
  const rss: Record<string, [number, number][]> = {};
  const started = Date.now();
  let inFlight = 0;
  let next = 0;
  const fire = () => {
    const op = schedule[next++ % schedule.length]!;
    const at = performance.now();
    inFlight += 1;
    void op.run().then((r) => !(r.errors?.some((e) => !['INVALID_TRANSITION', 'CONFLICT', 'BAD_USER_INPUT'].includes(String(e.extensions?.code)))), () => false)
      .then((ok) => {
        inFlight -= 1;
        const done = { ms: performance.now() - at, ok, op: op.name };
        window.push(done);
        all.push(done);
        if (!ok) errorsByOp[op.name] = (errorsByOp[op.name] ?? 0) + 1;
      });
  };
  const ticker = setInterval(fire, 1000 / RATE);
  const sampler = setInterval(() => {
    const minutes = (Date.now() - started) / 60_000;
    const row: Record<string, unknown> = { atSeconds: Math.round(minutes * 60), requests: window.length, perSecond: Math.round((window.length / WINDOW_S) * 10) / 10 };
    const stats = latencyStats(window.map((d) => d.ms));
    Object.assign(row, { p50: stats.p50, p99: stats.p99, errors: window.filter((d) => !d.ok).length, inFlight });
    for (const s of w.sys.services.values()) {
      const mb = rssMb(s.pid);
      if (mb !== null) (rss[s.name] ??= []).push([minutes, mb]);
      row[`rss:${s.name}`] = mb;
    }
    windows.push(row);
    console.log(JSON.stringify(row));
    window = [];
  }, WINDOW_S * 1000);
  await sleep(SECONDS * 1000);
  clearInterval(ticker);
  clearInterval(sampler);
  while (inFlight > 0) await sleep(50);
  for (const x of watchers) x.close();

  const invariants = await expectConsistent(w.sys, w.client, w.admin, 180_000);
  const overall = latencyStats(all.map((d) => d.ms));
  const rssSummary = Object.fromEntries(Object.entries(rss).map(([name, pts]) => [name, {
    firstMb: pts[0]?.[1], lastMb: pts.at(-1)?.[1], maxMb: Math.max(...pts.map(([, y]) => y)), slopeMbPerMinute: slope(pts.slice(1)),
  }]));
  printTable(`soak: ${SECONDS} s at ${RATE} req/s, ${SUBSCRIBERS} live subscribers`, ['window (s)', 'req/s', 'p50 ms', 'p99 ms', 'errors'],
    windows.map((r) => [String(r.atSeconds), String(r.perSecond), String(r.p50), String(r.p99), String(r.errors)]));
  printTable('RSS per process (MB)', ['process', 'first', 'last', 'max', 'slope MB/min'],
    Object.entries(rssSummary).map(([n, s]) => [n, String(s.firstMb), String(s.lastMb), String(s.maxMb), String(s.slopeMbPerMinute)]));
  const result = {
    seconds: SECONDS, targetRate: RATE, subscribers: SUBSCRIBERS, requests: all.length, throughputPerSecond: Math.round((all.length / SECONDS) * 10) / 10,
    latencyMs: overall, errors: all.filter((d) => !d.ok).length, errorsByOp, liveEventsSeen: watchers.reduce((n, x) => n + x.seen.length, 0),
    windows, rss: rssSummary, invariants, machine: machine(),
  };
  console.log(JSON.stringify({ requests: result.requests, throughputPerSecond: result.throughputPerSecond, p99: overall.p99, errors: result.errors, invariants }));
  console.log(`results: ${writeResult('soak', result)}`);
} finally {
  await w.stop();
}
