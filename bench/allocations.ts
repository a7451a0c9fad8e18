/**
 * Bytes allocated per dashboard request, by where the code lives (issue 13, point 1): V8's sampling
 * heap profiler with collected objects kept, so garbage counts too. Allocation drives GC, and unlike
 * latency it does not move with the machine's load.
 *   npm run build && TEST_DATABASE_URL=postgres://… node --import tsx bench/allocations.ts [requests=300]
 * One request at a time, direct to the samples subgraph, through the gateway, and the two-subgraph
 * query (samples + workflow progress and ETA) through the gateway, after 100 warm-ups;
 * writes bench/results/allocations.json.
 */
import { Session } from 'node:inspector/promises';
import { generateSigningKeyPair } from '@app/common';
import { startTestSystem } from '@app/embedded/testing';
import { createFirstPageWorkflows, dashboardRequests, seedDashboard, type BenchRequest } from './lib/dashboard-data.js';
import { area } from './lib/profile.js';
import { machine, printTable, writeResult } from './lib/report.js';

const REQUESTS = Number(process.argv[2] ?? 300);
const keys = await generateSigningKeyPair('bench-gateway');
const t = await startTestSystem({ gatewayKeys: keys, env: { LOG_LEVEL: 'warn' } });
const { staff } = await seedDashboard(t, 5000);
await createFirstPageWorkflows(t, staff[0]!);
const paths: Record<string, BenchRequest> = await dashboardRequests(t, keys.privateKey, staff[0]!);

interface HeapNode { callFrame: { functionName: string; url: string; lineNumber: number }; selfSize: number; children: HeapNode[] }

async function allocations(p: (typeof paths)[string]) {
  const once = async () => {
    const text = await (await fetch(p.url, { method: 'POST', headers: p.headers, body: p.body })).text();
    if (!text.includes('"edges"') || text.includes('"errors"')) throw new Error(text.slice(0, 300));
  };
  for (let i = 0; i < 100; i++) await once();
  const session = new Session();
  session.connect();
  await session.post('HeapProfiler.enable');
  await session.post('HeapProfiler.startSampling', { samplingInterval: 1024, includeObjectsCollectedByMajorGC: true, includeObjectsCollectedByMinorGC: true } as never);
  for (let i = 0; i < REQUESTS; i++) await once();
  const { profile } = await session.post('HeapProfiler.stopSampling') as unknown as { profile: { head: HeapNode } };
  session.disconnect();
  const byArea = new Map<string, number>();
  let total = 0;
  const walk = (n: HeapNode) => {
    total += n.selfSize;
    const where = area(n.callFrame.url, n.callFrame.functionName);
    byArea.set(where, (byArea.get(where) ?? 0) + n.selfSize);
    n.children.forEach(walk);
  };
  walk(profile.head);
  const kb = (bytes: number) => Math.round(bytes / REQUESTS / 102.4) / 10;
  return { kbPerRequest: kb(total), areas: [...byArea].sort((a, b) => b[1] - a[1]).slice(0, 15).map(([k, b]) => [k, kb(b)] as [string, number]) };
}

const results: Record<string, Awaited<ReturnType<typeof allocations>>> = {};
for (const [name, p] of Object.entries(paths)) {
  results[name] = await allocations(p);
  printTable(`${name}: ${results[name]!.kbPerRequest} KB allocated per request`, ['where', 'KB per request'], results[name]!.areas);
}
console.log(`wrote ${writeResult('allocations', { benchmark: 'allocations', at: new Date().toISOString(), database: process.env.TEST_DATABASE_URL ? 'postgresql' : 'pglite', machine: machine(), requests: REQUESTS, results })}`);
await t.stop();
process.exit(0);
