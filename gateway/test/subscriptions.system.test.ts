// Live progress end to end: the seven real subgraphs and the gateway (startTestSystem), real
// mutations through the gateway, events through the real outbox, relay and bus.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { waitFor } from '@app/testing';
import { startTestSystem, type TestSystem, type TestUser } from '@app/embedded/testing';
import { connect, record, STEP_RESULTS, STEPS } from './subscriptions-fixture.js';


const START = `mutation($s: ID!, $step: WorkflowStepName!) { startStep(sampleId: $s, step: $step) { status } }`;
const COMPLETE = `mutation($s: ID!, $step: WorkflowStepName!, $r: StepResultsInput) { completeStep(sampleId: $s, step: $step, results: $r) { status } }`;
const PROGRESS = `subscription($id: ID!) {
  workflowProgress(sampleId: $id) { seq action step status completedSteps progress occurredAt sample { name priority submission { number } } }
}`;

let t: TestSystem;
let staff: TestUser;
let sampleId: string;
let submissionNumber: string;

async function ok<T = any>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const res = await t.gql(query, variables, token);
  if (res.errors?.length || !res.data) throw new Error(`${query.slice(0, 40)}…: ${JSON.stringify(res.errors)}`);
  return res.data as T;
}

beforeAll(async () => {
  t = await startTestSystem();
  staff = await t.createUser('STAFF');
  const { createProject } = await ok(`mutation { createProject(input: { name: "Live", labId: "lab-a" }) { id } }`, {}, t.admin.token);
  const { createSubmission } = await ok(`mutation($p: ID!) { createSubmission(input: { projectId: $p, priority: HIGH }) { id number } }`, { p: createProject.id }, t.admin.token);
  submissionNumber = createSubmission.number;
  const { addSamples } = await ok(`mutation($s: ID!, $a: ID!) { addSamples(submissionId: $s, samples: [{ name: "Live-1", sampleType: DNA, priority: URGENT, assigneeId: $a }]) { id } }`,
    { s: createSubmission.id, a: staff.id }, t.admin.token);
  sampleId = addSamples[0].id;
  await waitFor(async () => (await t.gql(`query($id: ID!) { sample(id: $id) { workflow { seq } } }`, { id: sampleId }, staff.token)).data?.sample?.workflow,
    { what: 'the workflow to be created from SampleCreated', timeoutMs: 20_000 });
}, 120_000);
afterAll(async () => { await t?.stop(); });

describe('live workflow progress through the gateway', () => {
  it('delivers every transition of a sample walked through all 8 steps, in order, with cross-subgraph fields', async () => {
    await ok(START, { s: sampleId, step: 'SAMPLE_QC' }, staff.token);
    const wsUrl = `${t.url.replace(/^http/, 'ws')}/graphql`;
    const client = connect(wsUrl, { authorization: `Bearer ${staff.token}` });
    const sub = record(client, PROGRESS, { id: sampleId });
    await sub.received(1, 'the snapshot');
    let expected = 1;
    for (const step of STEPS) {
      if (step !== 'SAMPLE_QC') {
        await ok(START, { s: sampleId, step }, staff.token);
        await sub.received(++expected, `${step} started`);
      }
      await ok(COMPLETE, { s: sampleId, step, r: STEP_RESULTS[step] }, staff.token);
      await sub.received(++expected, `${step} completed`);
    }
    client.dispose();
    const events = sub.results.map((r) => { expect(r.errors).toBeUndefined(); return r.data!.workflowProgress; });
    expect(events[0]).toMatchObject({ seq: 1, action: 'SNAPSHOT', step: 'SAMPLE_QC', status: 'IN_PROGRESS' });
    expect(events.map((e) => e.seq)).toEqual([...events.map((e) => e.seq)].sort((a, b) => a - b));
    expect(events.map((e) => `${e.step}:${e.status}`)).toEqual(STEPS.flatMap((s) => [`${s}:IN_PROGRESS`, `${s}:COMPLETED`]));
    expect(events.at(-1)).toMatchObject({ completedSteps: 8, progress: 1 });
    for (const e of events) expect(e.sample).toEqual({ name: 'Live-1', priority: 'URGENT', submission: { number: submissionNumber } });
  });

  it('refuses a submitter of another lab', async () => {
    const outsider = await t.createUser('SUBMITTER', 'lab-b');
    const client = connect(`${t.url.replace(/^http/, 'ws')}/graphql`, { token: outsider.token });
    const sub = record(client, PROGRESS, { id: sampleId });
    const [result] = await sub.received(1);
    client.dispose();
    expect(result!.errors?.[0]?.extensions?.code).toBe('NOT_FOUND');
  });
});
