/**
 * CPU profiles of this process (node:inspector, V8's sampling profiler) summarised by where the
 * code lives, for bench/profile-gateway.ts and bench/profile-dashboard.ts.
 */
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
export interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

/** Native frames named by what they do (V8 reports them without a URL). */
function nativeArea(fn: string): string {
  if (fn === '(garbage collector)') return 'GC';
  if (/^(stringify|parse|JSONSerialize|JSONParse)$/.test(fn)) return 'JSON (native)';
  return '(native: crypto, sockets, microtasks…)';
}

/** Where a frame's code lives, coarse enough to read: a package, one of our workspaces, or Node itself. */
export function area(url: string, functionName = ''): string {
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1];
  if (pkg) {
    if (pkg.startsWith('@apollo/')) return pkg === '@apollo/server' ? 'Apollo Server (request pipeline, plugins)' : `Apollo gateway/planner (${pkg})`;
    if (pkg === '@electric-sql/pglite') return 'database (PGlite)';
    if (pkg.startsWith('@mikro-orm') || pkg === 'knex') return 'ORM (MikroORM, knex)';
    if (/^(pg|pg-protocol|pg-types|postgres-.*|pg-pool|pg-connection-string|tarn)$/.test(pkg)) return 'pg driver (pg, pg-protocol, pool)';
    if (/^(pino|pino-std-serializers|fast-redact|sonic-boom|thread-stream|on-exit-leak-free|quick-format-unescaped|safe-stable-stringify)$/.test(pkg)) return 'logging (pino)';
    if (/^(prom-client|tdigest|bintrees)$/.test(pkg)) return 'metrics (prom-client)';
    if (/^(express|router|body-parser|raw-body|negotiator|accepts|type-is|content-type|on-finished|finalhandler|send|qs|cors|iconv-lite|mime-types|statuses|depd|vary|encodeurl|parseurl|path-to-regexp|debug|media-typer|http-errors)$/.test(pkg)) return 'express and middleware';
    if (/^(make-fetch-happen|minipass.*|agentkeepalive|@npmcli\/agent|node-fetch|undici|cacache|ssri|lru-cache|socks.*|ip-address|proc-log|http-cache-semantics)$/.test(pkg)) return 'subgraph fetcher (make-fetch-happen, undici)';
    return pkg;
  }
  const ours = url.match(/\/(gateway|packages\/common|subgraphs\/[^/]+)\/(?:dist|src)\//)?.[1];
  if (ours) return ours === 'gateway' ? 'our gateway code' : `ours: ${ours}`;
  if (url.startsWith('wasm://')) return 'database (PGlite)';
  if (url.startsWith('node:')) {
    if (/async_hooks|async_local_storage|async_context/.test(url)) return 'AsyncLocalStorage (node:async_hooks)';
    return /http|net|stream|undici|socket|_tls|dns/.test(url) ? 'Node HTTP, sockets, streams' : `Node (${url.split('/').slice(1).join('/') || url})`;
  }
  return url ? 'other' : nativeArea(functionName);
}

/** Samples taken while the profiler itself was stopping (serialising the profile in `Session.post`) are not the system's work. */
function profilerOwn(profile: Profile): Set<number> {
  const own = new Set<number>();
  const visit = (id: number, inside: boolean, nodes: Map<number, ProfileNode>) => {
    const n = nodes.get(id)!;
    const now = inside || n.callFrame.url === 'node:inspector';
    if (now) own.add(id);
    for (const c of n.children ?? []) visit(c, now, nodes);
  };
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  visit(profile.nodes[0]!.id, false, nodes);
  return own;
}

export interface ProfileSummary {
  /** CPU sampled, idle excluded. */
  totalMs: number;
  /** [area, % of CPU, ms per unit]. */
  areas: [string, number, number][];
  functions: [string, number, number][];
}

/**
 * Calls `visit` with each sample that counts as the process's work (not idle, not V8's own
 * "(program)", not the profiler stopping itself) and its duration; answers their total in µs.
 */
function countedSamples(profile: Profile, nodes: Map<number, ProfileNode>, visit: (id: number, node: ProfileNode, us: number) => void): number {
  const own = profilerOwn(profile);
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = nodes.get(id)!;
    if (node.callFrame.functionName === '(idle)' || node.callFrame.functionName === '(program)' || own.has(id)) return;
    const us = profile.timeDeltas[i] ?? 0;
    total += us;
    visit(id, node, us);
  });
  return total;
}

/** A table row: name, % of the counted CPU, ms per unit. */
const shareRow = (name: string, us: number, total: number, units: number): [string, number, number] =>
  [name, Math.round((us / total) * 1000) / 10, Math.round(us / Math.max(1, units)) / 1000];

/** Self time grouped by area and by function; `units` (e.g. requests served) gives the per-unit column. */
export function summarize(profile: Profile, units: number, top = 25): ProfileSummary {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const byArea = new Map<string, number>();
  const byFunction = new Map<string, number>();
  const total = countedSamples(profile, nodes, (_, node, us) => {
    const where = area(node.callFrame.url, node.callFrame.functionName);
    byArea.set(where, (byArea.get(where) ?? 0) + us);
    const fn = `${node.callFrame.functionName || '(anonymous)'} [${where}]`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  });
  const rows = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n).map(([k, us]) => shareRow(k, us, total, units));
  return { totalMs: Math.round(total / 1000), areas: rows(byArea, top), functions: rows(byFunction, top) };
}

/**
 * Inclusive time of frames matching each probe (any frame on the sampled stack), in % of CPU: what
 * a piece of our code costs with everything it calls synchronously. Work resumed after an `await`
 * has its own stack, so this undercounts async paths.
 */
export function inclusive(profile: Profile, probes: Record<string, RegExp>, units: number): [string, number, number][] {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const hits = new Map<string, number>(Object.keys(probes).map((k) => [k, 0]));
  const total = countedSamples(profile, nodes, (id, _, us) => {
    const frames: string[] = [];
    for (let n: number | undefined = id; n !== undefined; n = parent.get(n)) {
      const f = nodes.get(n)!.callFrame;
      frames.push(`${f.functionName} ${f.url}`);
    }
    for (const [name, re] of Object.entries(probes)) if (frames.some((f) => re.test(f))) hits.set(name, hits.get(name)! + us);
  });
  return [...hits].map(([k, us]) => shareRow(k, us, total, units));
}

/** Profiles `work` (200 µs sampling) and keeps the .cpuprofile in the temp folder for a flame graph. */
export async function profiled<T>(name: string, work: () => Promise<T>): Promise<{ result: T; profile: Profile; file: string }> {
  const session = new Session();
  session.connect();
  await session.post('Profiler.enable');
  await session.post('Profiler.setSamplingInterval', { interval: 200 });
  await session.post('Profiler.start');
  const result = await work();
  const { profile } = await session.post('Profiler.stop') as { profile: Profile };
  session.disconnect();
  const file = join(tmpdir(), `${name}-${Date.now()}.cpuprofile`);
  writeFileSync(file, JSON.stringify(profile));
  return { result, profile, file };
}
