import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { INTERNAL_TOKEN_HEADER } from '@app/common';
import { waitFor } from '@app/testing';
import { startTestSystem, type TestSystem, type TestUser } from '@app/embedded/testing';

// Embedded mode hands the gateway's subgraph fetches over in memory (subgraph-fetcher.ts): the
// same auth, context and execution as /graphql, without the socket.
let t: TestSystem;
let submitter: TestUser;
let other: TestUser;

beforeAll(async () => {
  t = await startTestSystem();
  submitter = await t.createUser('SUBMITTER', 'lab-a');
  other = await t.createUser('SUBMITTER', 'lab-b');
}, 120_000);
afterAll(() => t?.stop());

/** HTTP requests the subgraphs' own servers receive while `run` runs, by subgraph. */
async function httpRequestsDuring(run: () => Promise<unknown>): Promise<Record<string, number>> {
  const counts: Record<string, number> = {};
  const listeners = Object.entries(t.system.subgraphs).map(([name, sg]) => {
    const count = () => { counts[name] = (counts[name] ?? 0) + 1; };
    sg.server.httpServer.on('request', count);
    return () => sg.server.httpServer.off('request', count);
  });
  try {
    await run();
  } finally {
    for (const off of listeners) off();
  }
  return counts;
}

describe('the embedded gateway\'s in-memory subgraph transport', () => {
  it('answers a query across samples, workflow and auth with no HTTP request to those subgraphs, in the caller\'s lab', async () => {
    const project = await t.data(`mutation { createProject(input: { name: "Transport" }) { id } }`, {}, submitter.token);
    const submission = await t.data(`mutation($p: ID!) { createSubmission(input: { projectId: $p }) { id } }`, { p: project.createProject.id }, submitter.token);
    const [sample] = (await t.data(`mutation($s: ID!) { addSamples(submissionId: $s, samples: [{ name: "tx-1", sampleType: DNA }]) { id } }`,
      { s: submission.createSubmission.id }, submitter.token)).addSamples;
    const query = `query($id: ID!) { sample(id: $id) { name submission { submitter { email } } workflow { steps { name } } } }`;
    // The workflow is created from the SampleCreated event.
    await waitFor(async () => !!(await t.data(query, { id: sample.id }, submitter.token)).sample.workflow);
    let answer: any;
    const requests = await httpRequestsDuring(async () => { answer = await t.gql(query, { id: sample.id }, submitter.token); });
    expect(answer.errors).toBeUndefined();
    expect(answer.data.sample).toMatchObject({ name: 'tx-1', submission: { submitter: { email: submitter.email } } });
    expect(answer.data.sample.workflow.steps).toHaveLength(8);
    expect(requests).toEqual({});
    // The subgraph still decides who sees what: another lab gets the samples subgraph's NOT_FOUND.
    const refused = await t.gql(query, { id: sample.id }, other.token);
    expect(refused.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });

  it('refuses a handed-over request without a valid internal token, as /graphql does over HTTP', async () => {
    const samples = t.system.subgraphs.samples!;
    const body = JSON.stringify({ query: '{ __typename }' });
    for (const headers of [{}, { [INTERNAL_TOKEN_HEADER]: 'not-a-token' }] as Record<string, string>[]) {
      const overHttp = await fetch(`${samples.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body });
      const inMemory = await samples.server.handleGraphQL({ headers: { 'content-type': 'application/json', ...headers }, body });
      expect({ status: inMemory.status, body: JSON.parse(inMemory.body) }).toEqual({ status: overHttp.status, body: await overHttp.json() });
      expect(inMemory.status).toBe(401);
    }
  });
});
