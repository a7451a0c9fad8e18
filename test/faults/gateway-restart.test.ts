import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { waitFor } from '@app/testing';
import { expectConsistent } from './lib/invariants.js';
import { problemsIn, watchProgress, type LiveWatcher } from './lib/live.js';
import { report } from './lib/load.js';
import { SAMPLE_QC, labSamples, signedSkip, startWorld, type World } from './lib/world.js';

// The gateway SIGKILLed and started again while samples move: graphql-ws clients reconnect by
// themselves, start again from a snapshot, and end at the true state with nothing seen twice.
const SKIPPED = ['LIBRARY_PREP', 'LIBRARY_QC', 'SEQUENCING_SETUP', 'SEQUENCING_RUN', 'BASECALLING', 'QUALITY_ASSESSMENT'];
let w: World;

beforeAll(async () => {
  w = await startWorld();
}, 180_000);
afterAll(() => w?.stop());

/** Sends until the gateway answers (it may be restarting); a rule's refusal means it was applied already. */
async function persist(w: World, query: string, variables: Record<string, unknown>, token: string): Promise<{ attempts: number }> {
  return persistRun(query, () => w.client.gql(query, variables, token));
}

async function persistRun(what: string, run: () => Promise<{ errors?: { extensions?: Record<string, any> }[] }>): Promise<{ attempts: number }> {
  for (let attempts = 1; ; attempts++) {
    const res = await run().catch(() => null);
    if (res && (!res.errors?.length || res.errors.some((e) => e.extensions?.code === 'INVALID_TRANSITION'))) return { attempts };
    if (attempts > 300) throw new Error(`${what} never succeeded: ${JSON.stringify(res?.errors)}`);
    await sleep(100);
  }
}

async function walk(w: World, sampleId: string): Promise<number> {
  let retried = 0;
  const step = async (q: string, v: Record<string, unknown>, token = w.staff.token) => { retried += (await persist(w, q, { s: sampleId, ...v }, token)).attempts - 1; await sleep(150); };
  await step(`mutation($s: ID!) { startStep(sampleId: $s, step: SAMPLE_QC) { status } }`, {});
  await step(`mutation($s: ID!, $r: StepResultsInput) { completeStep(sampleId: $s, step: SAMPLE_QC, results: $r) { status } }`, { r: SAMPLE_QC });
  for (const name of SKIPPED) {
    // Each skip is e-signed; a signature lost with the gateway is simply made again.
    retried += (await persistRun(`skipStep ${name}`, () => signedSkip(w, sampleId, name, 'fault test'))).attempts - 1;
    await sleep(150);
  }
  return retried;
}

describe('the gateway restarted while subscribers watch', () => {
  it('reconnects every subscriber, which resumes from a snapshot and ends at the true state', async () => {
    const samples = await labSamples(w, 4);
    const wsUrl = `${w.sys.gatewayUrls()[0]!.replace('http', 'ws')}/graphql`;
    const watchers: LiveWatcher[] = samples.map((id) => watchProgress(wsUrl, w.staff.token, id));
    await waitFor(() => watchers.every((x) => x.seen.length > 0), { what: 'a snapshot for every subscriber', timeoutMs: 15_000 });
    const walking = Promise.all(samples.map((id) => walk(w, id)));
    await sleep(1_500);
    const from = Date.now();
    await w.sys.service('gateway').restart();
    const to = Date.now();
    const retried = (await walking).reduce((a, b) => a + b, 0);

    const truth = await Promise.all(samples.map(async (id) => (await w.client.gql(`query($id: ID!) { sample(id: $id) { workflow { seq completedSteps } } }`, { id }, w.staff.token)).data!.sample.workflow));
    await waitFor(() => watchers.every((x, i) => x.seen.at(-1)?.seq === truth[i].seq), { what: 'every subscriber at the final state', timeoutMs: 20_000 });
    for (const [i, x] of watchers.entries()) {
      expect({ sample: i, problems: problemsIn(x.seen) }).toEqual({ sample: i, problems: [] });
      expect(x.connections).toBeGreaterThanOrEqual(2);
      expect(x.seen.at(-1)!.completedSteps).toBe(truth[i].completedSteps);
    }
    for (const x of watchers) x.close();

    const invariants = await expectConsistent(w.sys, w.client, w.admin);
    report('gateway SIGKILL + restart', {
      subscribers: watchers.length, restartMs: to - from, mutations: samples.length * (2 + SKIPPED.length), retriedDuringRestart: retried,
      eventsSeen: watchers.map((x) => x.seen.length), reconnections: watchers.map((x) => x.connections - 1), invariants,
    });
  });
});
