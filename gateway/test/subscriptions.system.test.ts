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

describe('shared hydration of live events (one per visibility and selection, never across labs or people)', () => {
  const FEED = `subscription($ids: [ID!]) {
    workflowEvents(filter: { sampleIds: $ids }) { seq sampleId sample { name submission { number submitter { email } } } }
  }`;

  /** A submission of `labId` submitted by `submitter`, with one sample whose workflow exists. */
  async function labSample(labId: string, submitter: TestUser, name: string): Promise<string> {
    const { createProject } = await ok(`mutation($l: String!) { createProject(input: { name: "Shared", labId: $l }) { id } }`, { l: labId }, t.admin.token);
    const { createSubmission } = await ok(`mutation($p: ID!) { createSubmission(input: { projectId: $p }) { id } }`, { p: createProject.id }, submitter.token);
    const { addSamples } = await ok(`mutation($s: ID!, $n: String!) { addSamples(submissionId: $s, samples: [{ name: $n, sampleType: DNA }]) { id } }`,
      { s: createSubmission.id, n: name }, submitter.token);
    const id = addSamples[0].id as string;
    await waitFor(async () => (await t.gql(`query($id: ID!) { sample(id: $id) { workflow { seq } } }`, { id }, staff.token)).data?.sample?.workflow,
      { what: `the workflow of ${name}`, timeoutMs: 20_000 });
    return id;
  }

  it('staff share one hydration; submitters of lab-a and lab-b with the same selection each get only their lab, and their own private fields', async () => {
    const [subA1, subA2, subB1, staff2] = await Promise.all([
      t.createUser('SUBMITTER', 'lab-a'), t.createUser('SUBMITTER', 'lab-a'), t.createUser('SUBMITTER', 'lab-b'), t.createUser('STAFF'),
    ]);
    const a = await labSample('lab-a', subA1, 'Shared-A');
    const b = await labSample('lab-b', subB1, 'Shared-B');
    const wsUrl = `${t.url.replace(/^http/, 'ws')}/graphql`;
    const people = { subA1, subA2, subB1, staff1: staff, staff2 };
    const clients = Object.fromEntries(Object.entries(people).map(([who, user]) => [who, connect(wsUrl, { token: user.token })]));
    const feeds = Object.fromEntries(Object.entries(clients).map(([who, client]) => [who, record(client, FEED, { ids: [a, b] })]));
    const live = t.system.gateway.subscriptions!;
    await waitFor(() => live.stats().listeners.feeds >= 5, { what: 'five feeds listening' });
    const before = live.stats();

    await ok(START, { s: a, step: 'SAMPLE_QC' }, staff.token);
    await Promise.all(['subA1', 'subA2', 'staff1', 'staff2'].map((who) => feeds[who]!.received(1, `${who}: lab-a's event`)));
    await ok(START, { s: b, step: 'SAMPLE_QC' }, staff.token);
    await Promise.all(['subB1', 'staff1', 'staff2'].map((who) => feeds[who]!.received(who === 'subB1' ? 1 : 2, `${who}: lab-b's event`)));
    // A later event of lab-a, so a lab-b subscriber that was wrongly fed lab-a would have had time to get it.
    await ok(COMPLETE, { s: a, step: 'SAMPLE_QC', r: STEP_RESULTS.SAMPLE_QC }, staff.token);
    await Promise.all(['subA1', 'subA2', 'staff1', 'staff2'].map((who) => feeds[who]!.received(who.startsWith('staff') ? 3 : 2, `${who}: lab-a's second event`)));
    const after = live.stats();
    Object.values(clients).forEach((c) => c.dispose());

    const seen = (who: string) => feeds[who]!.results.map((r) => {
      expect(r.errors).toBeUndefined();
      const e = r.data!.workflowEvents;
      return { sample: e.sampleId, name: e.sample.name, email: e.sample.submission.submitter.email };
    });
    const aEvent = { sample: a, name: 'Shared-A', email: subA1.email };
    const bEvent = { sample: b, name: 'Shared-B', email: subB1.email };
    expect(seen('subA1')).toEqual([aEvent, aEvent]);
    // Same lab, another person: the same sample, but not the submitter's private e-mail.
    expect(seen('subA2')).toEqual([{ ...aEvent, email: null }, { ...aEvent, email: null }]);
    expect(seen('subB1')).toEqual([bEvent]);
    for (const who of ['staff1', 'staff2']) expect(seen(who)).toEqual([aEvent, bEvent, aEvent]);

    // Per lab-a event: staff (both share one), subA1, subA2; per lab-b event: staff, subB1.
    expect(after.queries.hydrations - before.queries.hydrations).toBe(3 + 2 + 3);
    // Payloads likewise: one execution per event and visibility, the second staff member's reused
    // (so that one does not even ask for a hydration: none is shared at the hydration level).
    expect(after.payloads.executed - before.payloads.executed).toBe(3 + 2 + 3);
    expect(after.payloads.shared - before.payloads.shared).toBe(3);
    expect(after.queries.shared - before.queries.shared).toBe(0);
  });
});
