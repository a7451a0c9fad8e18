import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { collectEvents, startTestSubgraph, type TestSubgraph, userPrincipal, waitFor } from '@app/testing';
import type { DomainEvent } from '@app/common';
import { workflowSubgraph } from '../src/server.js';
import { createLoaders } from '../src/loaders/index.js';
import { createSample, expectNoErrors, M, samplesEvent } from './helpers.js';

let sg: TestSubgraph;
let events: DomainEvent[];
// Monday 2026-03-02 09:00 UTC; tests move it forward.
let clock = new Date('2026-03-02T09:00:00.000Z');
const staff = userPrincipal('STAFF');
const HOUR = 3_600_000;
const at = (iso: string) => new Date(iso);

beforeAll(async () => {
  sg = await startTestSubgraph(workflowSubgraph, { now: () => clock, env: { WORKFLOW_OVERDUE_SCAN_MS: '30', WORKFLOW_STEP_HOURS: 'SEQUENCING_RUN=72' } });
  events = await collectEvents(sg.bus);
});
afterAll(() => sg.stop());

const TIME_Q = `query($id: ID!) { workflow(sampleId: $id) { receivedAt dueAt eta overdue } _entities(representations: [{ __typename: "Sample", id: $id }]) { ... on Sample { eta overdue } } }`;
const timeOf = async (id: string) => {
  const res = await sg.call(TIME_Q, { id }, staff);
  expectNoErrors(res);
  return { ...res.data!.workflow, sample: res.data!._entities[0] };
};
const overdueEvents = (sampleId: string) => events.filter((e) => e.type === 'SampleOverdue' && e.subject.sampleId === sampleId);

describe('ETA, SLA and overdue', () => {
  it('reads only what an ETA needs of each step, in step order, as the full rows have it', async () => {
    const { sampleId } = await createSample(sg, staff, { priority: 'NORMAL' });
    expectNoErrors(await sg.call(M.start, { s: sampleId, step: 'SAMPLE_QC' }, staff));
    const loaders = createLoaders(sg.running.orm.em.fork(), staff);
    const workflow = (await loaders.workflowBySampleId.load(sampleId))!;
    const [timings, full] = await Promise.all([loaders.stepTimingsByWorkflowId.load(workflow.id), loaders.stepsByWorkflowId.load(workflow.id)]);
    expect(Object.keys(timings[0]!).sort()).toEqual(['estimatedHours', 'startedAt', 'status', 'workflow']);
    expect(timings).toEqual(full.map((s) => ({ workflow: s.workflow, status: s.status, estimatedHours: s.estimatedHours, startedAt: s.startedAt })));
    expect(timings[0]!.startedAt).toBeInstanceOf(Date);
  });

  it('estimates completion from the remaining (configured) hours and starts the SLA clock at receipt', async () => {
    const { sampleId, submissionId } = await createSample(sg, staff, { priority: 'NORMAL' });
    // 59 h by default, with the sequencing run configured to 72 h instead of 48: 83 h ahead.
    expect(await timeOf(sampleId)).toEqual({ receivedAt: null, dueAt: null, eta: at('2026-03-05T20:00:00.000Z').toISOString(), overdue: false,
      sample: { eta: '2026-03-05T20:00:00.000Z', overdue: false } });

    await sg.bus.publish(samplesEvent('SubmissionReceived', { id: submissionId, submissionId }, { receivedAt: clock.toISOString(), number: 'SUB-1' }));
    // Normal priority: 5 business days from Monday 09:00 is the next Monday 09:00.
    await waitFor(async () => (await timeOf(sampleId)).dueAt === '2026-03-09T09:00:00.000Z', { what: 'due date' });

    expectNoErrors(await sg.call(M.start, { s: sampleId, step: 'SAMPLE_QC' }, staff));
    clock = new Date(clock.getTime() + HOUR / 2);
    // Half of sample QC's hour is spent: 82.5 h ahead of 09:30.
    expect((await timeOf(sampleId)).eta).toBe(new Date(clock.getTime() + 82.5 * HOUR).toISOString());

    await sg.bus.publish(samplesEvent('SamplePriorityChanged', { id: sampleId, submissionId, labId: 'lab-a' }, { priority: 'URGENT' }));
    await waitFor(async () => (await timeOf(sampleId)).dueAt === '2026-03-03T09:00:00.000Z', { what: 'urgent due date' });

    // A sample added after receipt starts its clock at the submission's receipt.
    const late = await createSample(sg, staff, { submissionId, priority: 'HIGH' });
    expect((await timeOf(late.sampleId)).dueAt).toBe('2026-03-04T09:00:00.000Z');

    // Past the urgent due date: flagged, and SampleOverdue is emitted once for this breach.
    clock = at('2026-03-03T10:00:00.000Z');
    expect(await timeOf(sampleId)).toMatchObject({ overdue: true, sample: { overdue: true } });
    expect((await timeOf(late.sampleId)).overdue).toBe(false);
    await waitFor(() => overdueEvents(sampleId).length === 1, { what: 'SampleOverdue' });
    expect(overdueEvents(sampleId)[0]!.data).toMatchObject({ dueAt: '2026-03-03T09:00:00.000Z', priority: 'URGENT', currentStep: 'SAMPLE_QC' });
    expect(overdueEvents(sampleId)[0]!.actor).toMatchObject({ via: 'SYSTEM', userId: null });

    // Later scans flag the next breach but never repeat the first one.
    clock = at('2026-03-04T10:00:00.000Z');
    await waitFor(() => overdueEvents(late.sampleId).length === 1, { what: 'second SampleOverdue' });
    expect(overdueEvents(sampleId)).toHaveLength(1);
  });

  it('closes an archived sample: not overdue, no further step changes', async () => {
    const { sampleId, submissionId } = await createSample(sg, staff, { priority: 'URGENT' });
    await sg.bus.publish(samplesEvent('SubmissionReceived', { id: submissionId, submissionId }, { receivedAt: '2026-01-01T00:00:00.000Z' }));
    await waitFor(async () => (await timeOf(sampleId)).overdue, { what: 'overdue' });
    await sg.bus.publish(samplesEvent('SampleArchived', { id: sampleId, submissionId, labId: 'lab-a' }, {}));
    await waitFor(async () => !(await timeOf(sampleId)).overdue, { what: 'archived' });
    const res = await sg.call(M.start, { s: sampleId, step: 'SAMPLE_QC' }, staff);
    expect(res.errors![0]!.extensions!.code).toBe('INVALID_TRANSITION');
    expect((await sg.call(`query($id: ID!) { workflow(sampleId: $id) { status archived } }`, { id: sampleId }, staff)).data!.workflow).toEqual({ status: 'ARCHIVED', archived: true });
    // Samples learns the status from the workflow only, so archiving is reported like any change.
    const reported = await waitFor(() => events.find((e) => e.type === 'SampleStatusChanged' && e.subject.id === sampleId && e.data.status === 'ARCHIVED'), { what: 'SampleStatusChanged ARCHIVED' });
    expect(reported.data).toMatchObject({ previousStatus: 'SUBMITTED', status: 'ARCHIVED' });
  });
});
