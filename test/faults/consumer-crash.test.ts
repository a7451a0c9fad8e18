import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { Redis } from 'ioredis';
import { waitFor } from '@app/testing';
import { expectConsistent } from './lib/invariants.js';
import { report } from './lib/load.js';
import { signedSkip, startWorld, type World } from './lib/world.js';

// A consumer crashing in the middle of a batch: SIGKILLed the moment Redis shows events delivered
// to its group but not acknowledged (pending), then started again. Every event is redelivered and
// applied exactly once.
let w: World;

beforeAll(async () => {
  w = await startWorld();
}, 180_000);
afterAll(() => w?.stop());

async function burst(w: World, samples: number): Promise<void> {
  const p = (await w.client.gql(`mutation { createProject(input: { name: "Burst" }) { id } }`, {}, w.submitter.token)).data!.createProject.id;
  const s = (await w.client.gql(`mutation($p: ID!) { createSubmission(input: { projectId: $p }) { id } }`, { p }, w.submitter.token)).data!.createSubmission.id;
  for (let i = 0; i < samples; i += 100) {
    const rows = Array.from({ length: Math.min(100, samples - i) }, (_, j) => ({ name: `Burst ${i + j}`, sampleType: 'DNA' }));
    const res = await w.client.gql(`mutation($s: ID!, $x: [SampleInput!]!) { addSamples(submissionId: $s, samples: $x) { id } }`, { s, x: rows }, w.submitter.token);
    expect(res.errors).toBeUndefined();
  }
}

/** Events delivered to `group` and not yet acknowledged: a batch in the middle of being handled. */
async function pending(redis: Redis, stream: string, group: string): Promise<number> {
  const summary = (await redis.xpending(stream, group).catch(() => [0])) as [number, ...unknown[]];
  return Number(summary[0] ?? 0);
}

describe.each([['audit', 'audit'], ['workflow', 'workflow'], ['samples', 'samples']] as const)('the %s consumer crashing mid-batch', (victim, group) => {
  it('gets the batch again after restart and applies each event once', async () => {
    const svc = w.sys.service(victim);
    const redis = new Redis(w.sys.redis.url);
    try {
      const from = Date.now();
      // Samples consumes the workflow's status events: move samples along to give it a batch.
      const producing = victim === 'samples' ? await samplesToMove(w, 40).then((ids) => moveSamples(w, ids)) : burst(w, 150);
      const caught = await waitFor(() => pending(redis, w.sys.stream, group), { what: `a batch pending for ${group}`, timeoutMs: 30_000, intervalMs: 5 });
      await svc.kill();
      await producing;
      svc.start();
      await svc.ready();
      const restarted = Date.now();
      const invariants = await expectConsistent(w.sys, w.client, w.admin, 120_000);
      report(`${victim} consumer crash mid-batch`, { pendingWhenKilled: caught, killedAfterMs: restarted - from, consistentAfterRestartMs: Date.now() - restarted, invariants });
    } finally {
      redis.disconnect();
    }
  });
});

/** New samples, their workflows made and every event of theirs handled. */
async function samplesToMove(w: World, n: number): Promise<string[]> {
  await burst(w, n);
  await expectConsistent(w.sys, w.client, w.admin);
  return (await w.client.gql(`{ samples(first: ${n}) { edges { node { id } } } }`, {}, w.staff.token)).data?.samples.edges.map((e: any) => e.node.id) ?? [];
}

/** Skips SAMPLE_QC of each: the workflow publishes step and status events the samples consumer applies. */
async function moveSamples(w: World, ids: string[]): Promise<void> {
  await Promise.all(ids.map((id) => signedSkip(w, id, 'SAMPLE_QC', 'burst')));
}
