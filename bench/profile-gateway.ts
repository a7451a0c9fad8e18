/**
 * Where one dashboard request's CPU goes (issue 13, point 1), gateway side.
 *   npm run build && node --import tsx bench/profile-gateway.ts [requests=300]
 * Starts the embedded system (PGlite unless TEST_DATABASE_URL), adds 60 samples with assignees
 * through the gateway, waits for the background work that causes to settle, then sends the
 * dashboard query through the gateway `requests` times, one at a time, with the V8 CPU profiler
 * (node:inspector) running only around those requests. Prints self time grouped by where the code
 * lives (our gateway, Apollo's gateway and planner, jose, graphql, HTTP, each subgraph, the ORM,
 * the database) and the top functions; writes the .cpuprofile to the OS temp folder (open it in
 * Chrome DevTools or speedscope for the flame graph).
 */
import { Session } from 'node:inspector/promises';
import { writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startTestSystem } from '@app/embedded/testing';
import { printTable } from './lib/report.js';

const REQUESTS = Number(process.argv[2] ?? 300);
const DASHBOARD = `query Dashboard { samples(first: 50) { edges { node { id name status priority submission { number } project { name } assignee { name } } } } }`;

interface ProfileNode { id: number; callFrame: { functionName: string; url: string; lineNumber: number }; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; timeDeltas: number[] }

/** Where a frame's code lives, coarse enough to read: a package, one of our workspaces, or Node itself. */
function area(url: string): string {
  const pkg = url.match(/node_modules\/((?:@[^/]+\/)?[^/]+)/)?.[1];
  if (pkg) {
    if (pkg.startsWith('@apollo/')) return pkg === '@apollo/server' ? 'Apollo Server (execution, plugins)' : `Apollo gateway/planner (${pkg})`;
    if (pkg === '@electric-sql/pglite') return 'database (PGlite)';
    if (pkg.startsWith('@mikro-orm') || pkg === 'knex') return 'ORM (MikroORM, knex)';
    return pkg;
  }
  const ours = url.match(/\/(gateway|packages\/common|subgraphs\/[^/]+)\/(?:dist|src)\//)?.[1];
  if (ours) return ours === 'gateway' ? 'our gateway code' : ours;
  if (url.startsWith('wasm://')) return 'database (PGlite)';
  if (url.startsWith('node:')) return /http|net|stream|undici|socket/.test(url) ? 'Node HTTP, sockets, streams' : `Node (${url.split('/')[1] ?? url})`;
  return url ? 'other' : '(native: GC, crypto, JSON…)';
}

function summarize(profile: Profile) {
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const byArea = new Map<string, number>();
  const byFunction = new Map<string, number>();
  let total = 0;
  profile.samples.forEach((id, i) => {
    const node = nodes.get(id)!;
    if (node.callFrame.functionName === '(idle)' || node.callFrame.functionName === '(program)') return;
    const us = profile.timeDeltas[i] ?? 0;
    total += us;
    const where = area(node.callFrame.url);
    byArea.set(where, (byArea.get(where) ?? 0) + us);
    const fn = `${node.callFrame.functionName || '(anonymous)'} [${where}]`;
    byFunction.set(fn, (byFunction.get(fn) ?? 0) + us);
  });
  const rows = (m: Map<string, number>, n: number) => [...m].sort((a, b) => b[1] - a[1]).slice(0, n)
    .map(([k, us]) => [k, Math.round((us / total) * 1000) / 10, Math.round(us / REQUESTS) / 1000]);
  return { totalMs: Math.round(total / 1000), areas: rows(byArea, 25), functions: rows(byFunction, 25) };
}

const t = await startTestSystem({ env: { LOG_LEVEL: 'error' } });
const ok = async (query: string, variables: Record<string, unknown>, token: string) => {
  const res = await t.gql(query, variables, token);
  if (res.errors?.length) throw new Error(JSON.stringify(res.errors));
  return res.data as Record<string, any>;
};
const staff = await Promise.all([t.createUser('STAFF'), t.createUser('STAFF')]);
const { createProject } = await ok(`mutation { createProject(input: { name: "Profile", labId: "lab-a" }) { id } }`, {}, t.admin.token);
const { createSubmission } = await ok(`mutation($p: ID!) { createSubmission(input: { projectId: $p }) { id } }`, { p: createProject.id }, t.admin.token);
await ok(`mutation($s: ID!, $x: [SampleInput!]!) { addSamples(submissionId: $s, samples: $x) { id } }`, {
  s: createSubmission.id, x: Array.from({ length: 60 }, (_, i) => ({ name: `P-${i + 1}`, sampleType: 'DNA', priority: 'HIGH', assigneeId: staff[i % 2]!.id })),
}, t.admin.token);
await new Promise((r) => setTimeout(r, 5000)); // let the SampleCreated consumers (workflow, audit, notifications) finish
const token = staff[0]!.token;
for (let i = 0; i < 30; i++) await ok(DASHBOARD, {}, token); // warm: plan cache, JIT, pools

const session = new Session();
session.connect();
await session.post('Profiler.enable');
await session.post('Profiler.setSamplingInterval', { interval: 200 });
await session.post('Profiler.start');
const started = performance.now();
for (let i = 0; i < REQUESTS; i++) await ok(DASHBOARD, {}, token);
const wallMs = performance.now() - started;
const { profile } = await session.post('Profiler.stop') as { profile: Profile };
session.disconnect();

const file = join(tmpdir(), `gateway-dashboard-${Date.now()}.cpuprofile`);
writeFileSync(file, JSON.stringify(profile));
const summary = summarize(profile);
console.log(`${REQUESTS} dashboard requests through the gateway, one at a time: ${Math.round(wallMs / REQUESTS * 10) / 10} ms each (wall); CPU sampled ${summary.totalMs} ms`);
printTable('CPU self time by where the code lives', ['area', '% of CPU', 'ms per request'], summary.areas);
printTable('Top functions (self time)', ['function [area]', '% of CPU', 'ms per request'], summary.functions);
console.log(`profile: ${file}`);
await t.stop();
process.exit(0);
