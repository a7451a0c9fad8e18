import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import pg from 'pg';
import { waitFor } from '@app/testing';
import { expectConsistent } from './lib/invariants.js';
import { report, startLoad, summarize } from './lib/load.js';
import { healthOfAll, pids } from './lib/probes.js';
import { labSamples, mixedOperations, startWorld, type World } from './lib/world.js';

// Redis away for FAULTS_REDIS_OUTAGE_MS (30 s by default): mutations still commit, their events
// wait in the outboxes, and every one arrives exactly once after Redis returns.
const OUTAGE_MS = Number(process.env.FAULTS_REDIS_OUTAGE_MS ?? 30_000);
let w: World;

beforeAll(async () => {
  w = await startWorld();
}, 180_000);
afterAll(() => w?.stop());

async function unsentEvents(url: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    let total = 0;
    for (const s of ['auth', 'samples', 'workflow']) total += Number((await c.query(`select count(*) n from ${s}.outbox_event where sent_at is null`)).rows[0].n);
    return total;
  } finally {
    await c.end();
  }
}

async function auditCount(url: string, type: string): Promise<number> {
  const c = new pg.Client({ connectionString: url });
  await c.connect();
  try {
    return Number((await c.query('select count(*) n from audit.audit_entry where type = $1', [type])).rows[0].n);
  } finally {
    await c.end();
  }
}

describe(`Redis down for ${OUTAGE_MS / 1000} s under load`, () => {
  it('commits mutations meanwhile and delivers every held event once afterwards', async () => {
    const samples = await labSamples(w, 24);
    const before = pids(w.sys);
    const load = startLoad(mixedOperations(w, samples), { workers: 3, pauseMs: 50 });
    await sleep(2_000);
    const from = Date.now();
    await w.sys.redis.kill();
    await sleep(Math.min(3_000, OUTAGE_MS / 2));
    const health = await healthOfAll(w.sys);
    const held = await waitFor(async () => { const n = await unsentEvents(w.sys.databaseUrl); return n > 0 ? n : null; }, { what: 'events held in the outboxes', timeoutMs: OUTAGE_MS });
    await sleep(Math.max(0, OUTAGE_MS - (Date.now() - from)));
    await w.sys.redis.start();
    const to = Date.now();
    await waitFor(async () => Object.values(await healthOfAll(w.sys)).every((h) => h.ready === 200), { what: 'every process ready again', timeoutMs: 30_000, intervalMs: 250 });
    await sleep(2_000);
    const outcomes = await load.stop();

    // Mutations answered during the outage (the database is up; only the bus is away).
    const during = outcomes.filter((o) => o.at >= from && o.at <= to);
    const committed = during.filter((o) => o.op !== 'sampleWithWorkflow' && o.op !== 'samplesPage' && o.op !== 'me' && o.ok);
    expect(committed.length).toBeGreaterThan(5);
    expect(during.filter((o) => !o.ok).map((o) => `${o.op}: ${o.messages.join('; ')}`)).toEqual([]);
    // Alive, but not ready while the bus is gone; nobody had to be restarted.
    for (const [name, h] of Object.entries(health)) expect({ name, health: h.health }).toEqual({ name, health: 200 });
    expect(health.samples!.ready).toBe(503);
    expect(pids(w.sys)).toEqual(before);

    const invariants = await expectConsistent(w.sys, w.client, w.admin);
    // One ProjectCreated entry per project made: the load's plus the one labSamples made.
    const projects = outcomes.filter((o) => o.op === 'createProject' && o.ok).length + 1;
    expect(await auditCount(w.sys.databaseUrl, 'ProjectCreated')).toBe(projects);
    report(`Redis down ${OUTAGE_MS / 1000} s`, { ...summarize(outcomes, { from, to }), mutationsCommittedDuringOutage: committed.length, eventsHeldInOutboxes: held, projects, invariants });
  });
});
