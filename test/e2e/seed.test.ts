import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { seedFacility, type SeedReport } from '@app/embedded';
import { waitFor } from '@app/testing';
import { startTestSystem, type TestSystem } from '@app/embedded/testing';

// Issue 4 item 7: the demo facility, seeded through the gateway, spans every status and priority,
// and every subgraph agrees about it (workflows for every sample, audit entries for the changes).
let t: TestSystem;
let report: SeedReport;
const SIZE = 40;

beforeAll(async () => {
  t = await startTestSystem();
  report = await seedFacility({ url: t.url, adminToken: t.admin.token, adminPassword: t.admin.password, samples: SIZE, log: () => {}, settleTimeoutMs: 60_000 });
}, 300_000);
afterAll(() => t?.stop());

const STATUS_OF = `query($id: ID!) { sample(id: $id) { status archivedAt priority assignee { id } workflow { id status steps { name status outcome overridden } } } }`;

describe('npm run seed (seedFacility)', () => {
  it('creates the requested number of samples, every one with its workflow', async () => {
    expect(report.samples).toHaveLength(SIZE);
    expect(report.unsettled).toBe(0);
    const page = await t.gql(`{ samples(filter: { includeArchived: true }, first: 100) { totalCount edges { node { id workflow { id sample { id } } } } } }`, {}, t.admin.token);
    expect(page.errors).toBeUndefined();
    expect(page.data!.samples.totalCount).toBe(SIZE);
    for (const { node } of page.data!.samples.edges) expect(node.workflow?.sample.id).toBe(node.id);
  });

  it('spreads samples over every status, in the samples subgraph and the workflow alike', async () => {
    expect(Object.keys(report.byStatus).filter((s) => report.byStatus[s]! > 0).sort())
      .toEqual(['ANALYSIS', 'ARCHIVED', 'COMPLETED', 'DISTRIBUTED', 'PREP', 'SEQUENCING', 'SUBMITTED']);
    expect(report.samples.filter((s) => s.expectedStatus === 'ARCHIVED').length).toBeGreaterThan(0);
    for (const s of report.samples) {
      const { sample } = (await t.gql(STATUS_OF, { id: s.id }, t.admin.token)).data!;
      expect({ name: s.name, workflow: sample.workflow.status }).toEqual({ name: s.name, workflow: s.expectedStatus });
      // Samples and workflow agree on every status, ARCHIVED included (the workflow reports it back).
      expect({ name: s.name, status: sample.status }).toEqual({ name: s.name, status: s.expectedStatus });
      if (s.expectedStatus === 'ARCHIVED') expect(sample.archivedAt).toEqual(expect.any(String));
    }
  });

  it('spreads samples over every priority, and every urgent sample has an assignee', async () => {
    expect(Object.keys(report.byPriority).filter((p) => report.byPriority[p]! > 0).sort()).toEqual(['HIGH', 'LOW', 'NORMAL', 'URGENT']);
    const urgent = await t.gql(`{ samples(filter: { priority: [URGENT], includeArchived: true }, first: 100) { totalCount edges { node { assignee { id name } } } } }`, {}, t.admin.token);
    expect(urgent.data!.samples.totalCount).toBeGreaterThan(0);
    for (const { node } of urgent.data!.samples.edges) expect(node.assignee?.name).toEqual(expect.any(String));
  });

  it('includes a QC failure left open, one reopened and passed, and one overridden', async () => {
    type Step = { name: string; status: string; outcome: string | null; overridden: boolean };
    const steps: Step[][] = await Promise.all(report.samples.map(async (s) => (await t.gql(STATUS_OF, { id: s.id }, t.admin.token)).data!.sample.workflow.steps));
    const sampleQc = steps.map((list) => list.find((x) => x.name === 'SAMPLE_QC')!);
    expect(sampleQc.filter((s) => s.status === 'FAILED' && s.outcome === 'FAIL')).toHaveLength(1);
    expect(steps.flat().filter((s) => s.name === 'LIBRARY_QC' && s.overridden && s.status === 'COMPLETED')).toHaveLength(1);
    await waitFor(async () => ((await t.gql(`{ auditEntries(filter: { types: ["StepReopened"] }, first: 5) { totalCount } }`, {}, t.admin.token)).data?.auditEntries.totalCount ?? 0) >= 1,
      { what: 'the StepReopened audit entry', timeoutMs: 60_000 });
  });

  it('leaves an audit trail: every sample has history, and the seed users exist with their roles', async () => {
    const first = report.samples[0]!;
    const history = await waitFor(async () => {
      const res = await t.gql(`query($id: ID!) { sample(id: $id) { history(first: 50) { totalCount edges { node { type } } } } }`, { id: first.id }, t.admin.token);
      return (res.data?.sample.history.totalCount ?? 0) > 0 ? res.data!.sample.history : null;
    }, { what: 'audit entries of a seeded sample', timeoutMs: 60_000 });
    expect(history.edges.map((e: { node: { type: string } }) => e.node.type)).toContain('SampleCreated');
    expect(report.users.filter((u) => u.role === 'STAFF').length).toBeGreaterThanOrEqual(3);
    expect(new Set(report.users.filter((u) => u.role === 'SUBMITTER').map((u) => u.labId)).size).toBeGreaterThanOrEqual(3);
    const login = await t.login(report.users[0]!.email, report.password);
    expect(login).toEqual(expect.any(String));
  });

  it('runs a second time without failing: users and projects are reused, more samples added', async () => {
    const again = await seedFacility({ url: t.url, adminToken: t.admin.token, adminPassword: t.admin.password, samples: 12, log: () => {}, settleTimeoutMs: 60_000 });
    expect(again.users.every((u) => !u.created)).toBe(true);
    expect(again.projects).toBe(report.projects);
    const total = await t.gql(`{ samples(filter: { includeArchived: true }, first: 1) { totalCount } projects(first: 100) { totalCount } }`, {}, t.admin.token);
    expect(total.data!.samples.totalCount).toBe(SIZE + 12);
    expect(total.data!.projects.totalCount).toBe(report.projects);
    await expect(t.login(again.users[0]!.email, again.password)).resolves.toEqual(expect.any(String));
  }, 240_000);
});
