import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { waitFor } from '@app/testing';
import { startTestSystem, type TestSystem, type TestUser } from '@app/embedded/testing';

// Issue 2 acceptance, through the gateway as a client would: every subgraph ready, and one query
// crossing several subgraphs returns data created through the API.
let t: TestSystem;
let submitter: TestUser;
let staff: TestUser;

beforeAll(async () => {
  t = await startTestSystem();
  submitter = await t.createUser('SUBMITTER', 'lab-a');
  staff = await t.createUser('STAFF');
}, 120_000);
afterAll(() => t?.stop());

describe('the supergraph, end to end', () => {
  it('is ready: the gateway and every subgraph answer /readyz with 200', async () => {
    const gateway = await fetch(`${t.url}/readyz`);
    expect(gateway.status).toBe(200);
    for (const [name, sg] of Object.entries(t.system.subgraphs)) {
      const res = await fetch(`${sg.url}/readyz`);
      expect({ name, status: res.status }).toEqual({ name, status: 200 });
    }
    expect(Object.keys(t.system.subgraphs).sort()).toEqual(['ai', 'audit', 'auth', 'files', 'samples', 'submission', 'workflow']);
  });

  it('answers a query crossing samples, auth, workflow and audit with data created through the API', async () => {
    const project = await t.gql(`mutation { createProject(input: { name: "Cross-graph project" }) { id } }`, {}, submitter.token);
    expect(project.errors).toBeUndefined();
    const submission = await t.gql(`mutation($p: ID!) { createSubmission(input: { projectId: $p }) { id number } }`,
      { p: project.data!.createProject.id }, submitter.token);
    expect(submission.errors).toBeUndefined();
    const added = await t.gql(`mutation($s: ID!) { addSamples(submissionId: $s, samples: [{ name: "Lambda control", sampleType: DNA }]) { id } }`,
      { s: submission.data!.createSubmission.id }, submitter.token);
    expect(added.errors).toBeUndefined();
    const sampleId = added.data!.addSamples[0].id;

    const query = `query($id: ID!) {
      sample(id: $id) {
        name
        submission { number project { name owner { id name } } submitter { name email } }
        workflow { steps { name status } }
        history { totalCount edges { node { type actor { userId } } } }
      }
    }`;
    // The workflow and the audit entry arrive by event; wait for both to be there.
    const res = await waitFor(async () => {
      const r = await t.gql(query, { id: sampleId }, staff.token);
      const s = r.data?.sample;
      return s?.workflow && s.history.totalCount > 0 ? r : null;
    }, { what: 'workflow and audit entry for the new sample', timeoutMs: 20_000 });
    expect(res.errors).toBeUndefined();
    const sample = res.data!.sample;
    expect(sample.name).toBe('Lambda control');
    expect(sample.submission.number).toBe(submission.data!.createSubmission.number);
    expect(sample.submission.project).toEqual({ name: 'Cross-graph project', owner: { id: submitter.id, name: 'Test submitter' } });
    expect(sample.submission.submitter.name).toBe('Test submitter');
    expect(sample.workflow.steps.map((s: { name: string }) => s.name)).toEqual([
      'SAMPLE_QC', 'LIBRARY_PREP', 'LIBRARY_QC', 'SEQUENCING_SETUP', 'SEQUENCING_RUN', 'BASECALLING', 'QUALITY_ASSESSMENT', 'DATA_DELIVERY',
    ]);
    expect(sample.history.edges.map((e: any) => e.node)).toContainEqual({ type: 'SampleCreated', actor: { userId: submitter.id } });
  });

  it('refuses a direct subgraph call without the internal token with 401', async () => {
    const res = await fetch(`${t.system.subgraphs.samples!.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ __typename }' }),
    });
    expect(res.status).toBe(401);
  });

  it('answers a forged bearer token with UNAUTHENTICATED', async () => {
    const forged = `${staff.token.slice(0, -4)}AAAA`;
    const res = await t.gql(`{ me { id } }`, {}, forged);
    expect(res.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  });
});
