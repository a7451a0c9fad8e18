import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { waitFor } from '@app/testing';
import { expectConsistent } from './lib/invariants.js';
import { report, startLoad, summarize } from './lib/load.js';
import { healthOfAll, pids } from './lib/probes.js';
import { labSamples, mixedOperations, startWorld, type World } from './lib/world.js';

// PostgreSQL stopped and started again under load: every pool recovers in place (no process
// restart), /readyz says "not ready" meanwhile while /healthz stays up.
const DOWN_MS = Number(process.env.FAULTS_POSTGRES_DOWN_MS ?? 5_000);
let w: World;

beforeAll(async () => {
  w = await startWorld();
}, 180_000);
afterAll(() => w?.stop());

describe.each(['fast', 'immediate'] as const)('PostgreSQL %s shutdown and restart under load', (mode) => {
  it('recovers every pool without restarting a process', async () => {
    const samples = await labSamples(w, 16);
    const before = pids(w.sys);
    const load = startLoad(mixedOperations(w, samples), { workers: 3, pauseMs: 50 });
    await sleep(2_000);
    const from = Date.now();
    await w.sys.postgres.stop(mode);
    await sleep(Math.min(2_000, DOWN_MS));
    const health = await healthOfAll(w.sys);
    await sleep(Math.max(0, DOWN_MS - (Date.now() - from)));
    await w.sys.postgres.start();
    const to = Date.now();
    const recovered = await waitFor(async () => Object.values(await healthOfAll(w.sys)).every((h) => h.ready === 200) ? Date.now() : null,
      { what: 'every process ready again', timeoutMs: 60_000, intervalMs: 250 });
    await sleep(3_000);
    const outcomes = await load.stop();

    for (const [name, h] of Object.entries(health)) {
      expect({ name, health: h.health }).toEqual({ name, health: 200 });
      expect({ name, ready: h.ready }).toEqual({ name, ready: 503 });
    }
    expect(pids(w.sys)).toEqual(before);
    const afterGrace = outcomes.filter((o) => o.at > recovered + 1_000);
    expect(afterGrace.filter((o) => !o.ok).map((o) => `${o.op}: ${o.messages.join('; ')}`)).toEqual([]);
    expect(afterGrace.length).toBeGreaterThan(10);

    const invariants = await expectConsistent(w.sys, w.client, w.admin);
    report(`PostgreSQL ${mode} restart`, { ...summarize(outcomes, { from, to }), readyAgainAfterMs: recovered - to, invariants });
  });
});
