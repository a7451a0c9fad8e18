import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import pg from 'pg';
import { GatewayClient, waitFor } from '@app/testing';
import { expectConsistent } from './lib/invariants.js';
import { problemsIn, watchProgress } from './lib/live.js';
import { report, startLoad, summarize } from './lib/load.js';
import { labSamples, mixedOperations, startWorld, type World } from './lib/world.js';

// Two workflow replicas and two gateways on one Redis: gateway N sends to workflow replica N, the
// replicas share the `workflow` consumer group. Every event is processed once, and subscribers
// of either gateway see every sample's changes, whichever replica made them.
let w: World;

beforeAll(async () => {
  w = await startWorld({ extraReplicas: { workflow: 1 }, gateways: 2 });
}, 180_000);
afterAll(() => w?.stop());

/** The most workflows any sample has: 1 when each SampleCreated was applied by exactly one replica. */
async function workflowsPerSample(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return Number((await c.query('select coalesce(max(n), 0) m from (select count(*) n from workflow.workflow group by sample_id) x')).rows[0].m);
  } finally {
    await c.end();
  }
}

describe('two workflow replicas and two gateways on one Redis', () => {
  it('processes every event once and serves every subscriber on both gateways', async () => {
    const second = new GatewayClient(w.sys.gatewayUrls()[1]!);
    const [first, other] = [await labSamples(w, 12), await labSamples(w, 12, second)];
    const all = [...first, ...other];
    const ws = w.sys.gatewayUrls().map((u) => `${u.replace('http', 'ws')}/graphql`);
    // Each sample watched on both gateways.
    const watchers = all.flatMap((id) => ws.map((url) => ({ id, watcher: watchProgress(url, w.staff.token, id) })));
    await waitFor(() => watchers.every((x) => x.watcher.seen.length > 0), { what: 'a snapshot for every subscriber', timeoutMs: 20_000 });

    // Each gateway moves its own samples, so both replicas write.
    const loads = [startLoad(mixedOperations(w, first), { workers: 2, pauseMs: 40 }), startLoad(mixedOperations(w, other, second), { workers: 2, pauseMs: 40 })];
    await new Promise((r) => setTimeout(r, 8_000));
    const outcomes = (await Promise.all(loads.map((l) => l.stop()))).flat();
    expect(outcomes.filter((o) => !o.ok).map((o) => `${o.op}: ${o.messages.join('; ')}`)).toEqual([]);

    const truth = new Map<string, number>();
    for (const id of all) truth.set(id, (await w.client.gql(`query($id: ID!) { sample(id: $id) { workflow { seq } } }`, { id }, w.staff.token)).data!.sample.workflow.seq);
    await waitFor(() => watchers.every((x) => x.watcher.seen.at(-1)?.seq === truth.get(x.id)), { what: 'every subscriber on both gateways at the final state', timeoutMs: 20_000 });
    for (const x of watchers) expect({ id: x.id, problems: problemsIn(x.watcher.seen) }).toEqual({ id: x.id, problems: [] });
    for (const x of watchers) x.watcher.close();
    expect(await workflowsPerSample(w.sys.databaseUrl)).toBe(1);

    const invariants = await expectConsistent(w.sys, w.client, w.admin);
    report('2 workflow replicas + 2 gateways', {
      ...summarize(outcomes), subscribers: watchers.length, liveEventsSeen: watchers.reduce((n, x) => n + x.watcher.seen.length, 0), invariants,
    });
  });
});
