import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { startTestSubgraph, testLogger, userPrincipal, type TestSubgraph } from '@app/testing';
import { samplesSubgraph, seedDemoData } from '../src/server.js';
import { loadSamplesConfig } from '../src/config.js';
import { exportEnv, ok } from './helpers.js';

let sg: TestSubgraph;
beforeAll(async () => { sg = await startTestSubgraph(samplesSubgraph, { env: exportEnv() }); });
afterAll(() => sg.stop());

describe('demo data', () => {
  it('creates a living facility through the services', async () => {
    const deps = {
      config: loadSamplesConfig(exportEnv()), orm: sg.running.orm, schema: 'samples', bus: sg.bus, relay: sg.running.relay,
      logger: testLogger('seed'), now: () => new Date(),
    };
    const summary = await seedDemoData(deps, {
      admin: { id: randomUUID() }, staff: [{ id: randomUUID() }, { id: randomUUID() }],
      submitters: [{ id: randomUUID(), labId: 'lab-a' }, { id: randomUUID(), labId: 'lab-b' }],
    }, { samples: 120 });
    expect(summary.samples).toBe(120);
    const stats = await ok(sg, `{ sampleStats(filter: { includeArchived: true }) { total byStatus { status count } byPriority { priority count } } }`, {}, userPrincipal('STAFF'));
    expect(stats.sampleStats.total).toBe(120);
    expect(stats.sampleStats.byStatus.filter((s: any) => s.count > 0).length).toBeGreaterThanOrEqual(5);
    expect(stats.sampleStats.byPriority.filter((s: any) => s.count > 0).length).toBe(4);
    const subs = await ok(sg, `{ submissions(first: 100) { edges { node { status } } } }`, {}, userPrincipal('STAFF'));
    const statuses = new Set(subs.submissions.edges.map((e: any) => e.node.status));
    expect(statuses.has('DRAFT')).toBe(true);
    expect(statuses.has('IN_PROGRESS') || statuses.has('COMPLETED')).toBe(true);
  });
});
