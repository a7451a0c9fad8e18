import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { collectEvents, startTestSubgraph, type TestSubgraph, userPrincipal, waitFor } from '@app/testing';
import type { DomainEvent } from '@app/common';
import { workflowSubgraph } from '../src/server.js';
import { randomUUID } from 'node:crypto';
import { createSample, expectNoErrors, goodResults, M, sampleCreatedEvent, samplesEvent, STEPS, WORKFLOW_FULL } from './helpers.js';

let sg: TestSubgraph;
let events: DomainEvent[];
const staff = userPrincipal('STAFF');
const submitter = userPrincipal('SUBMITTER', { labId: 'lab-a' });
const otherLab = userPrincipal('SUBMITTER', { labId: 'lab-b' });

beforeAll(async () => {
  sg = await startTestSubgraph(workflowSubgraph);
  events = await collectEvents(sg.bus);
});
afterAll(() => sg.stop());

const ofSample = (sampleId: string, type?: string) => events.filter((e) => e.subject.sampleId === sampleId && e.source === 'workflow' && (!type || e.type === type));

describe('workflow creation from SampleCreated', () => {
  it('creates one workflow with 8 pending steps, however often the event arrives', async () => {
    const { sampleId, event } = await createSample(sg, staff, { name: 'Soil-1' });
    await sg.bus.publish(event);
    await sg.bus.publish(sampleCreatedEvent({ sampleId, submissionId: event.subject.submissionId!, name: 'Soil-1 again' }));
    const rows = await sg.running.orm.em.fork().getConnection().execute<{ n: string }[]>(`select count(*)::int as n from "workflow"."workflow" where sample_id = ?`, [sampleId]);
    expect(Number(rows[0]!.n)).toBe(1);
    const res = await sg.call(WORKFLOW_FULL, { id: sampleId }, staff);
    expectNoErrors(res);
    const wf = res.data!.workflow;
    expect(wf).toMatchObject({ status: 'SUBMITTED', seq: 0, completedSteps: 0, progress: 0, currentStep: { name: 'SAMPLE_QC' } });
    expect(wf.steps.map((s: { name: string; status: string }) => [s.name, s.status])).toEqual(STEPS.map((s) => [s, 'PENDING']));
  });

  it('dead-letters a SampleCreated it cannot use instead of retrying it forever', async () => {
    const bad = sampleCreatedEvent();
    (bad.data as Record<string, unknown>).name = '';
    await sg.bus.publish(bad);
    const em = sg.running.orm.em.fork();
    const dead = await waitFor(async () => (await em.getConnection().execute<{ reason: string }[]>(
      `select reason from "workflow"."dead_letter_event" where event_id = ?`, [bad.id]))[0], { what: 'dead letter' });
    expect(dead.reason).toMatch(/data\.name/);
  });
});

describe('SampleCreated in batches (an import)', () => {
  const count = async (table: string, sampleIds: string[]) => Number((await sg.running.orm.em.fork().getConnection().execute<{ n: number }[]>(
    `select count(*)::int as n from "workflow"."${table}" where sample_id = any(?::uuid[])`, [`{${sampleIds.join(',')}}`]))[0]!.n);

  it('creates every workflow of a run of events, dead-letters only the unusable one, and changes nothing when the run is delivered again', async () => {
    const submissionId = randomUUID();
    const good = Array.from({ length: 40 }, (_, i) => sampleCreatedEvent({ submissionId, name: `Batch-${i}`, priority: i % 2 ? 'HIGH' : 'NORMAL' }));
    const bad = sampleCreatedEvent({ submissionId });
    (bad.data as Record<string, unknown>).name = '';
    const run = [...good.slice(0, 20), bad, ...good.slice(20)];
    await sg.bus.publishAll!(run);
    const ids = good.map((e) => e.subject.id);
    await waitFor(async () => (await count('workflow', ids)) === 40, { what: '40 workflows' });
    expect(await count('workflow_step', ids)).toBe(320);
    const dead = await waitFor(async () => (await sg.running.orm.em.fork().getConnection().execute<{ event_id: string }[]>(
      `select event_id from "workflow"."dead_letter_event" where event_id = ?`, [bad.id]))[0], { what: 'dead letter' });
    expect(dead.event_id).toBe(bad.id);

    // Redelivered (same event ids), plus a second SampleCreated for a sample that has its workflow; the last one is new, to know the run was handled.
    const sentinel = sampleCreatedEvent({ submissionId });
    await sg.bus.publishAll!([...good, sampleCreatedEvent({ sampleId: ids[3], submissionId, name: 'Batch-3 again' }), sentinel]);
    await waitFor(async () => (await count('workflow', [sentinel.subject.id])) === 1, { what: 'the sentinel workflow' });
    expect(await count('workflow', ids)).toBe(40);
    expect(await count('workflow_step', ids)).toBe(320);
    const wf = await sg.call(`query($id: ID!) { workflow(sampleId: $id) { priority currentStep { name } } }`, { id: ids[3] }, staff);
    expectNoErrors(wf);
    expect(wf.data!.workflow).toMatchObject({ priority: 'HIGH', currentStep: { name: 'SAMPLE_QC' } });
  });

  it('applies a priority change published right after its SampleCreated in the same run, in order', async () => {
    const created = sampleCreatedEvent({ priority: 'LOW' });
    const { id, submissionId } = created.subject;
    await sg.bus.publishAll!([created, samplesEvent('SamplePriorityChanged', { id, submissionId: submissionId!, labId: 'lab-a' }, { priority: 'URGENT' })]);
    // Applied out of order, the change would find no workflow and the workflow would stay LOW.
    const priority = async () => (await sg.call(`query($id: ID!) { workflow(sampleId: $id) { priority } }`, { id }, staff)).data?.workflow?.priority;
    await waitFor(async () => (await priority()) === 'URGENT', { what: 'the URGENT priority' });
  });

  it('keeps a batch-created workflow in its lab: a submitter of another lab does not see it', async () => {
    const created = sampleCreatedEvent({ labId: 'lab-a' });
    await sg.bus.publishAll!([created, sampleCreatedEvent({ labId: 'lab-b' })]);
    const q = `query($id: ID!) { workflow(sampleId: $id) { id } }`;
    await waitFor(async () => (await sg.call(q, { id: created.subject.id }, submitter)).data?.workflow, { what: 'the workflow, for its own lab' });
    expect((await sg.call(q, { id: created.subject.id }, otherLab)).data?.workflow ?? null).toBeNull();
  });
});

describe('walking all 8 steps', () => {
  it('moves a sample through every step, deriving its status and emitting numbered events', async () => {
    const { sampleId, submissionId } = await createSample(sg, staff);
    const statuses: string[] = [];
    for (const step of STEPS) {
      const started = await sg.call(M.start, { s: sampleId, step }, staff);
      expectNoErrors(started);
      expect(started.data!.startStep).toMatchObject({ name: step, status: 'IN_PROGRESS', assignee: { id: staff.userId }, startedBy: { id: staff.userId } });
      const done = await sg.call(M.complete, { s: sampleId, step, r: goodResults[step], n: `${step} done`, v: started.data!.startStep.version }, staff);
      expectNoErrors(done);
      expect(done.data!.completeStep).toMatchObject({ status: 'COMPLETED', completedBy: { id: staff.userId }, notes: `${step} done` });
      statuses.push((await sg.call(`query($id: ID!) { workflow(sampleId: $id) { status } }`, { id: sampleId }, staff)).data!.workflow.status);
    }
    expect(statuses).toEqual(['PREP', 'PREP', 'SEQUENCING', 'SEQUENCING', 'ANALYSIS', 'ANALYSIS', 'COMPLETED', 'COMPLETED']);

    const wf = (await sg.call(WORKFLOW_FULL, { id: sampleId }, staff)).data!.workflow;
    expect(wf).toMatchObject({ status: 'COMPLETED', completedSteps: 8, progress: 1, currentStep: null, seq: 16 });
    expect(wf.finishedAt).not.toBeNull();
    const qc = wf.steps[0];
    expect(qc).toMatchObject({ outcome: 'PASS', results: { __typename: 'SampleQcResults', totalNg: 1500 } });
    expect(qc.qcChecks.map((c: { metric: string }) => c.metric).sort()).toEqual(['a260230', 'a260280', 'concentrationNgPerUl', 'volumeUl']);
    // The kit code is normalised and the molarity computed: 1000 ng × 10^6 / (10000 bp × 660) ≈ 151.515 fmol.
    expect(wf.steps[1].results).toEqual({ __typename: 'LibraryPrepResults', kitCode: 'SQK-NBD114.24', fmol: 151.515 });
    expect(wf.transitions.totalCount).toBe(16);
    expect(wf.transitions.edges.map((e: { node: { seq: number } }) => e.node.seq)).toEqual(Array.from({ length: 16 }, (_, i) => i + 1));

    // Delivery acknowledged afterwards: the sample becomes DISTRIBUTED.
    const delivery = wf.steps[7];
    const ack = await sg.call(M.record, { s: sampleId, step: 'DATA_DELIVERY', r: { dataDelivery: { acknowledgedBy: 'Dr. Customer' } }, v: delivery.version }, staff);
    expectNoErrors(ack);
    expect(ack.data!.recordStepResults.results.acknowledgedAt).toEqual(expect.any(String));

    await waitFor(() => ofSample(sampleId, 'SampleStatusChanged').length === 5, { what: 'status events' });
    expect(ofSample(sampleId, 'SampleStatusChanged').map((e) => [e.data.previousStatus, e.data.status, e.data.step])).toEqual([
      ['SUBMITTED', 'PREP', 'SAMPLE_QC'], ['PREP', 'SEQUENCING', 'LIBRARY_QC'], ['SEQUENCING', 'ANALYSIS', 'SEQUENCING_RUN'],
      ['ANALYSIS', 'COMPLETED', 'QUALITY_ASSESSMENT'], ['COMPLETED', 'DISTRIBUTED', 'DATA_DELIVERY'],
    ]);
    await waitFor(() => ofSample(sampleId).filter((e) => e.type.startsWith('Step')).length === 17, { what: 'step events' });
    const stepEvents = ofSample(sampleId).filter((e) => e.type.startsWith('Step'));
    expect(stepEvents.map((e) => e.data.seq)).toEqual(Array.from({ length: 17 }, (_, i) => i + 1));
    const firstDone = stepEvents.find((e) => e.type === 'StepCompleted')!;
    expect(firstDone.subject).toEqual({ type: 'Sample', id: sampleId, sampleId, submissionId, labId: 'lab-a' });
    expect(firstDone.data).toMatchObject({ step: 'SAMPLE_QC', status: 'COMPLETED', completedSteps: 1, progress: 0.125, occurredAt: expect.any(String) });
    expect(firstDone.actor).toMatchObject({ userId: staff.userId, role: 'STAFF' });
    expect(firstDone.before).toMatchObject({ status: 'IN_PROGRESS' });
    expect(firstDone.after).toMatchObject({ status: 'COMPLETED', outcome: 'PASS' });
  });
});

describe('visibility and entity references', () => {
  it('shows submitters their own lab only, and resolves Sample.workflow/eta/overdue in one batch', async () => {
    const mine = await createSample(sg, staff, { labId: 'lab-a' });
    const theirs = await createSample(sg, staff, { labId: 'lab-b' });
    const q = `query($r: [_Any!]!) { _entities(representations: $r) { ... on Sample { id overdue eta workflow { status labId } } } }`;
    const reps = [{ __typename: 'Sample', id: mine.sampleId }, { __typename: 'Sample', id: theirs.sampleId }];
    const asSubmitter = await sg.call(q, { r: reps }, submitter);
    expectNoErrors(asSubmitter);
    expect(asSubmitter.data!._entities[0]).toMatchObject({ id: mine.sampleId, overdue: false, workflow: { status: 'SUBMITTED', labId: 'lab-a' } });
    expect(asSubmitter.data!._entities[0].eta).toEqual(expect.any(String));
    expect(asSubmitter.data!._entities[1]).toEqual({ id: theirs.sampleId, overdue: false, eta: null, workflow: null });
    expect((await sg.call(`query($id: ID!) { workflow(sampleId: $id) { id } }`, { id: mine.sampleId }, otherLab)).data!.workflow).toBeNull();
    expect((await sg.call(`query($id: ID!) { workflow(sampleId: $id) { id } }`, { id: mine.sampleId })).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
  });
});
