import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { expectConsistent } from './lib/invariants.js';
import { report, startLoad, summarize } from './lib/load.js';
import { labSamples, mixedOperations, startWorld, type World } from './lib/world.js';

// A subgraph SIGKILLed mid-load: the others keep answering (partial data, an error naming the
// missing service), its own operations fail fast, and after restart nothing is half-applied.
let w: World;

beforeAll(async () => {
  w = await startWorld();
}, 180_000);
afterAll(() => w?.stop());

async function timed<T>(fn: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const at = Date.now();
  const value = await fn();
  return { ms: Date.now() - at, value };
}

describe.each(['workflow', 'samples'] as const)('the %s subgraph SIGKILLed under load', (victim) => {
  it('degrades to partial answers and fast failures, and is consistent after restart', async () => {
    const samples = await labSamples(w, 16);
    const load = startLoad(mixedOperations(w, samples), { workers: 3, pauseMs: 30 });
    await sleep(3_000);
    const from = Date.now();
    await w.sys.service(victim).kill();

    const cross = await timed(() => w.client.gql(`query($id: ID!) { sample(id: $id) { id workflow { status } } me { id } }`, { id: samples[0] }, w.staff.token));
    const own = await timed(() => victim === 'workflow'
      ? w.client.gql(`mutation($s: ID!) { startStep(sampleId: $s, step: SAMPLE_QC) { status } }`, { s: samples[samples.length - 1] }, w.staff.token)
      : w.client.gql(`mutation { createProject(input: { name: "During the outage" }) { id } }`, {}, w.submitter.token));
    await sleep(4_000);
    await w.sys.service(victim).restart();
    const to = Date.now();
    await sleep(4_000);
    const outcomes = await load.stop();

    // Other subgraphs' fields still answer, the error names the one that is gone.
    expect(cross.value.data?.me?.id).toBe(w.staff.id);
    expect(JSON.stringify(cross.value.errors)).toContain(victim);
    if (victim === 'workflow') expect(cross.value.data?.sample?.id).toBe(samples[0]);
    // Its own operations fail fast with an error, not a hang.
    expect(own.value.errors?.length).toBeGreaterThan(0);
    expect(JSON.stringify(own.value.errors)).toContain(victim);
    expect(own.ms).toBeLessThan(5_000);
    // After the restart (and a second's grace for the gateway's first new connection) everything answers.
    const afterGrace = outcomes.filter((o) => o.at > to + 1_000);
    expect(afterGrace.filter((o) => !o.ok).map((o) => `${o.op}: ${o.messages.join('; ')}`)).toEqual([]);
    expect(afterGrace.length).toBeGreaterThan(10);

    const invariants = await expectConsistent(w.sys, w.client, w.admin);
    report(`subgraph ${victim} SIGKILL`, {
      ...summarize(outcomes, { from, to }), crossQueryMs: cross.ms, ownOperationMs: own.ms, ownError: own.value.errors?.[0]?.message, invariants,
    });
  });
});
