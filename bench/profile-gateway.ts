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
import { startTestSystem } from '@app/embedded/testing';
import { profiled, summarize } from './lib/profile.js';
import { printTable } from './lib/report.js';

const REQUESTS = Number(process.argv[2] ?? 300);
const DASHBOARD = `query Dashboard { samples(first: 50) { edges { node { id name status priority submission { number } project { name } assignee { name } } } } }`;

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

const started = performance.now();
const { profile, file } = await profiled('gateway-dashboard', async () => { for (let i = 0; i < REQUESTS; i++) await ok(DASHBOARD, {}, token); });
const wallMs = performance.now() - started;
const summary = summarize(profile, REQUESTS);
console.log(`${REQUESTS} dashboard requests through the gateway, one at a time: ${Math.round(wallMs / REQUESTS * 10) / 10} ms each (wall); CPU sampled ${summary.totalMs} ms`);
printTable('CPU self time by where the code lives', ['area', '% of CPU', 'ms per request'], summary.areas);
printTable('Top functions (self time)', ['function [area]', '% of CPU', 'ms per request'], summary.functions);
console.log(`profile: ${file}`);
await t.stop();
process.exit(0);
