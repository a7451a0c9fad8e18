import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { createEvent, SYSTEM, type DomainEvent } from '@app/common';
import { startTestSubgraph, userPrincipal, waitFor, type TestSubgraph } from '@app/testing';
import { samplesSubgraph } from '../src/server.js';
import { addSamples, exportEnv, makeProject, makeSubmission, ok } from './helpers.js';

let sg: TestSubgraph;
const events: DomainEvent[] = [];
const admin = userPrincipal('ADMIN');
const staff = userPrincipal('STAFF');
const submitter = userPrincipal('SUBMITTER', { labId: 'lab-a' });
const otherLab = userPrincipal('SUBMITTER', { labId: 'lab-b' });
const viewer = userPrincipal('VIEWER');
const tokenRead = userPrincipal('STAFF', { kind: 'apiToken', scopes: ['samples:read'], tokenId: randomUUID() });

beforeAll(async () => {
  sg = await startTestSubgraph(samplesSubgraph, { env: exportEnv() });
  await sg.bus.subscribe({ group: 'ops-test', handler: async (d) => { if (d.event) events.push(d.event); } });
});
afterAll(() => sg.stop());

const CREATE_ACCOUNT = `mutation($i: CreateBillingAccountInput!) { createBillingAccount(input: $i) { id code active labId } }`;
const UPDATE_SAMPLE = `mutation($id: ID!, $i: UpdateSampleInput!, $v: Int!) { updateSample(id: $id, input: $i, expectedVersion: $v) { id version name totalAmount qubitConcentration volume } }`;
const eventsOf = (type: string, id: string) => events.filter((e) => e.type === type && e.subject.id === id);

describe('billing accounts', () => {
  it('are admin-managed, and only an active account of the lab can be used', async () => {
    expect((await sg.call(CREATE_ACCOUNT, { i: { code: 'HTSF-001', labId: 'lab-a' } }, staff)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const bad = await sg.call(CREATE_ACCOUNT, { i: { code: 'bad code!', labId: 'lab-a' } }, admin);
    expect(bad.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'code' });
    const a = (await ok(sg, CREATE_ACCOUNT, { i: { code: 'htsf-001', labId: 'lab-a', description: 'Main' } }, admin)).createBillingAccount;
    expect(a).toMatchObject({ code: 'HTSF-001', active: true });
    const b = (await ok(sg, CREATE_ACCOUNT, { i: { code: 'NANO-002', labId: 'lab-b' } }, admin)).createBillingAccount;
    const dup = await sg.call(CREATE_ACCOUNT, { i: { code: 'HTSF-001', labId: 'lab-a' } }, admin);
    expect(dup.errors![0]!.extensions!.field).toBe('code');

    const p = await makeProject(sg, submitter);
    const wrongLab = await sg.call(`mutation($p: ID!, $b: ID) { createSubmission(input: { projectId: $p, billingAccountId: $b }) { id } }`, { p, b: b.id }, submitter);
    expect(wrongLab.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'billingAccountId' });
    expect(wrongLab.errors![0]!.message).toMatch(/another lab/);
    const sub = await makeSubmission(sg, submitter, p, { billingAccountId: a.id });

    await ok(sg, `mutation($id: ID!) { deactivateBillingAccount(id: $id) { active } }`, { id: a.id }, admin);
    await waitFor(() => eventsOf('BillingAccountDeactivated', a.id).length === 1, { what: 'deactivation event' });
    expect(eventsOf('BillingAccountDeactivated', a.id)[0]).toMatchObject({ before: { active: true }, after: { active: false } });
    const inactive = await sg.call(`mutation($s: ID!, $b: ID) { addSamples(submissionId: $s, samples: [{ name: "x", sampleType: DNA, billingAccountId: $b }]) { id } }`, { s: sub.id, b: a.id }, submitter);
    expect(inactive.errors![0]!.extensions).toMatchObject({ field: 'samples.0.billingAccountId' });
    expect(inactive.errors![0]!.message).toMatch(/inactive/);

    const visible = await ok(sg, `{ billingAccounts { totalCount edges { node { code } } } }`, {}, submitter);
    expect(visible.billingAccounts.edges.map((e: any) => e.node.code)).toEqual(['HTSF-001']);
  });
});

describe('validation', () => {
  it('reports every bad field of every row, with ranges per sample type and the urgent rule', async () => {
    const p = await makeProject(sg, submitter);
    const sub = await makeSubmission(sg, submitter, p);
    const res = await sg.call(`mutation($s: ID!, $x: [SampleInput!]!) { addSamples(submissionId: $s, samples: $x) { id } }`, {
      s: sub.id,
      x: [
        { name: 'Probe 1 – 東京 #2', sampleType: 'DNA', qubitConcentration: 50, volume: 20 },
        { name: 'bad<name>', sampleType: 'RNA', qubitConcentration: 800, volume: 0.01 },
        { name: 'P3', sampleType: 'DNA', materialType: 'MRNA', flowCellCount: 11, priority: 'URGENT' },
        { name: 'P4', sampleType: 'PROTEIN', nanodropConcentration: 0.2, a260280: 9 },
      ],
    }, submitter);
    const fields = res.errors![0]!.extensions!.problems.map((p: any) => p.field).sort();
    expect(fields).toEqual([
      'samples.1.name', 'samples.1.qubitConcentration', 'samples.1.volume',
      'samples.2.assigneeId', 'samples.2.flowCellCount', 'samples.2.materialType',
      'samples.3.a260280', 'samples.3.nanodropConcentration',
    ]);
    const message = res.errors![0]!.extensions!.problems.find((p: any) => p.field === 'samples.1.qubitConcentration').message;
    expect(message).toMatch(/implausible for RNA; expected 0.1-500/);
    const ok1 = await addSamples(sg, submitter, sub.id, [{ name: 'Probe 1 – 東京 #2', sampleType: 'DNA', qubitConcentration: 50, volume: 20 }]);
    const read = await ok(sg, `query($id: ID!) { sample(id: $id) { totalAmount } }`, { id: ok1[0]!.id }, submitter);
    expect(read.sample.totalAmount).toBe(1000);
  });

  it('checks delivery e-mails', async () => {
    const p = await makeProject(sg, submitter);
    const res = await sg.call(`mutation($p: ID!) { createSubmission(input: { projectId: $p, dataDeliveryPreferences: { method: WEB_DOWNLOAD, notifyEmails: ["ok@lab.edu", "not-an-email"] } }) { id } }`, { p }, submitter);
    expect(res.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'dataDeliveryPreferences.notifyEmails.1' });
  });
});

describe('submission lifecycle', () => {
  it('moves DRAFT → SUBMITTED → RECEIVED (staff only), emitting SubmissionReceived with receivedAt', async () => {
    const p = await makeProject(sg, submitter);
    const sub = await makeSubmission(sg, submitter, p, { externalQuoteId: 'HTSF--JL-147', specialInstructions: 'Keep cold' });
    const empty = await sg.call(`mutation($id: ID!) { updateSubmission(id: $id, input: { status: SUBMITTED }) { status } }`, { id: sub.id }, submitter);
    expect(empty.errors![0]!.extensions!.code).toBe('INVALID_TRANSITION');
    await addSamples(sg, submitter, sub.id, [{ name: 'a', sampleType: 'DNA' }, { name: 'b', sampleType: 'DNA' }]);
    const submitted = await ok(sg, `mutation($id: ID!) { updateSubmission(id: $id, input: { status: SUBMITTED }) { status submittedAt sampleCount } }`, { id: sub.id }, submitter);
    expect(submitted.updateSubmission).toMatchObject({ status: 'SUBMITTED', sampleCount: 2 });
    const byHand = await sg.call(`mutation($id: ID!) { updateSubmission(id: $id, input: { status: COMPLETED }) { status } }`, { id: sub.id }, staff);
    expect(byHand.errors![0]!.extensions!.code).toBe('INVALID_TRANSITION');
    expect((await sg.call(`mutation($id: ID!) { markSubmissionReceived(id: $id) { status } }`, { id: sub.id }, submitter)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const at = '2026-01-05T09:30:00.000Z';
    const received = await ok(sg, `mutation($id: ID!, $at: DateTime) { markSubmissionReceived(id: $id, receivedAt: $at) { status receivedAt } }`, { id: sub.id, at }, staff);
    expect(received.markSubmissionReceived).toEqual({ status: 'RECEIVED', receivedAt: at });
    await waitFor(() => eventsOf('SubmissionReceived', sub.id).length === 1, { what: 'SubmissionReceived' });
    expect(eventsOf('SubmissionReceived', sub.id)[0]!.data).toMatchObject({ receivedAt: at, number: sub.number });
    const locked = await sg.call(`mutation($id: ID!) { updateSubmission(id: $id, input: { specialInstructions: "x" }) { id } }`, { id: sub.id }, submitter);
    expect(locked.errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('derives status and counts from SampleStatusChanged events, once per event', async () => {
    const p = await makeProject(sg, submitter);
    const sub = await makeSubmission(sg, submitter, p);
    const [s1, s2] = await addSamples(sg, submitter, sub.id, [{ name: 'a', sampleType: 'DNA' }, { name: 'b', sampleType: 'DNA' }]);
    await ok(sg, `mutation($id: ID!) { updateSubmission(id: $id, input: { status: SUBMITTED }) { id } }`, { id: sub.id }, submitter);
    await ok(sg, `mutation($id: ID!) { markSubmissionReceived(id: $id) { id } }`, { id: sub.id }, staff);
    const changed = (sampleId: string, status: string) => createEvent({ source: 'workflow', principal: SYSTEM }, {
      type: 'SampleStatusChanged', subject: { type: 'Sample', id: sampleId, sampleId, submissionId: sub.id, labId: 'lab-a' },
      data: { status, previousStatus: 'SUBMITTED', step: 1 },
    }) as DomainEvent;
    const read = () => ok(sg, `query($id: ID!) { submission(id: $id) { status sampleCount completedCount samples { status } } }`, { id: sub.id }, submitter);
    const first = changed(s1!.id, 'PREP');
    await sg.bus.publish(first);
    await sg.bus.publish(first);
    await waitFor(async () => (await read()).submission.status === 'IN_PROGRESS', { what: 'IN_PROGRESS' });
    await sg.bus.publish(changed(s1!.id, 'COMPLETED'));
    await sg.bus.publish(changed(s2!.id, 'DISTRIBUTED'));
    await waitFor(async () => (await read()).submission.status === 'COMPLETED', { what: 'COMPLETED' });
    expect((await read()).submission).toMatchObject({ sampleCount: 2, completedCount: 2, samples: [{ status: 'COMPLETED' }, { status: 'DISTRIBUTED' }] });
    const rows = await sg.running.orm.em.getConnection().execute(`select count(*)::int as n from "samples"."processed_event" where event_id = ?`, [first.id]);
    expect(rows[0].n).toBe(1);
    await sg.bus.publish({ ...changed(s1!.id, 'EXPLODED') });
    await waitFor(async () => (await sg.running.orm.em.getConnection().execute(`select count(*)::int as n from "samples"."dead_letter_event"`))[0].n === 1, { what: 'dead letter' });
  });
});

describe('sample operations', () => {
  it('updates with optimistic concurrency: a stale version gives CONFLICT', async () => {
    const p = await makeProject(sg, submitter);
    const sub = await makeSubmission(sg, submitter, p);
    const [s] = await addSamples(sg, submitter, sub.id, [{ name: 'orig', sampleType: 'DNA', qubitConcentration: 10 }]);
    const first = await ok(sg, UPDATE_SAMPLE, { id: s!.id, i: { name: 'renamed', volume: 30 }, v: s!.version }, submitter);
    expect(first.updateSample).toMatchObject({ name: 'renamed', totalAmount: 300, version: s!.version + 1 });
    const stale = await sg.call(UPDATE_SAMPLE, { id: s!.id, i: { notes: 'late' }, v: s!.version }, submitter);
    expect(stale.errors![0]!.extensions).toMatchObject({ code: 'CONFLICT', currentVersion: s!.version + 1 });
    await waitFor(() => eventsOf('SampleUpdated', s!.id).length === 1, { what: 'SampleUpdated' });
    expect(eventsOf('SampleUpdated', s!.id)[0]).toMatchObject({ before: { name: 'orig', volume: null, totalAmount: null }, after: { name: 'renamed', volume: 30, totalAmount: 300 } });
    expect((await sg.call(UPDATE_SAMPLE, { id: s!.id, i: { notes: 'x' }, v: 2 }, otherLab)).errors![0]!.extensions!.code).toBe('NOT_FOUND');
    expect((await sg.call(UPDATE_SAMPLE, { id: s!.id, i: { notes: 'x' }, v: 2 }, viewer)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await sg.call(UPDATE_SAMPLE, { id: s!.id, i: { notes: 'x' }, v: 2 }, tokenRead)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
  });

  it('assigns, sets priority (urgent needs an assignee), archives; staff only; each with its event', async () => {
    const p = await makeProject(sg, submitter);
    const sub = await makeSubmission(sg, submitter, p);
    const [s] = await addSamples(sg, submitter, sub.id, [{ name: 'one', sampleType: 'RNA' }]);
    const urgent = `mutation($id: ID!) { setSamplePriority(id: $id, priority: URGENT) { priority } }`;
    expect((await sg.call(urgent, { id: s!.id }, submitter)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    expect((await sg.call(urgent, { id: s!.id }, staff)).errors![0]!.extensions!.field).toBe('assigneeId');
    const tech = randomUUID();
    expect((await sg.call(`mutation($id: ID!) { assignSample(id: $id, assigneeId: "nope") { id } }`, { id: s!.id }, staff)).errors![0]!.extensions!.field).toBe('assigneeId');
    await ok(sg, `mutation($id: ID!, $a: ID) { assignSample(id: $id, assigneeId: $a) { assignee { id } } }`, { id: s!.id, a: tech }, staff);
    expect((await ok(sg, urgent, { id: s!.id }, staff)).setSamplePriority.priority).toBe('URGENT');
    const unassign = await sg.call(`mutation($id: ID!) { assignSample(id: $id, assigneeId: null) { id } }`, { id: s!.id }, staff);
    expect(unassign.errors![0]!.extensions!.field).toBe('assigneeId');
    await ok(sg, `mutation($id: ID!) { archiveSample(id: $id, reason: "withdrawn by customer") { archivedAt } }`, { id: s!.id }, staff);
    await waitFor(() => eventsOf('SampleArchived', s!.id).length === 1, { what: 'SampleArchived' });
    expect(eventsOf('SampleAssigned', s!.id)[0]).toMatchObject({ data: { assigneeId: tech }, before: { assigneeId: null }, after: { assigneeId: tech } });
    expect(eventsOf('SamplePriorityChanged', s!.id)[0]).toMatchObject({ data: { priority: 'URGENT', previousPriority: 'NORMAL' } });
    expect(eventsOf('SampleArchived', s!.id)[0]!.reason).toBe('withdrawn by customer');
    const read = await ok(sg, `query($id: ID!) { submission(id: $id) { sampleCount samples { id } } }`, { id: sub.id }, submitter);
    expect(read.submission).toEqual({ sampleCount: 0, samples: [] });
  });

  it('bulk-updates up to 100 samples, reporting each id on its own', async () => {
    const p = await makeProject(sg, submitter);
    const sub = await makeSubmission(sg, submitter, p);
    const [a, b] = await addSamples(sg, submitter, sub.id, [{ name: 'a', sampleType: 'DNA' }, { name: 'b', sampleType: 'DNA', priority: 'HIGH' }]);
    const foreign = (await addSamples(sg, otherLab, (await makeSubmission(sg, otherLab, await makeProject(sg, otherLab))).id, [{ name: 'z', sampleType: 'DNA' }]))[0]!;
    const missing = randomUUID();
    const q = `mutation($ids: [ID!]!, $p: BulkSamplePatch!) { bulkUpdateSamples(ids: $ids, patch: $p) { id ok sample { flowCellDevice flowCellCount } error { code field } } }`;
    const res = await ok(sg, q, { ids: [a!.id, missing, foreign.id, b!.id], p: { flowCellDevice: 'PROMETHION', flowCellCount: 2 } }, submitter);
    expect(res.bulkUpdateSamples).toEqual([
      { id: a!.id, ok: true, sample: { flowCellDevice: 'PROMETHION', flowCellCount: 2 }, error: null },
      { id: missing, ok: false, sample: null, error: { code: 'NOT_FOUND', field: null } },
      { id: foreign.id, ok: false, sample: null, error: { code: 'NOT_FOUND', field: null } },
      { id: b!.id, ok: true, sample: { flowCellDevice: 'PROMETHION', flowCellCount: 2 }, error: null },
    ]);
    const urgent = await ok(sg, q.replace('flowCellDevice flowCellCount', 'priority'), { ids: [a!.id], p: { priority: 'URGENT' } }, staff);
    expect(urgent.bulkUpdateSamples[0]).toMatchObject({ ok: false, error: { code: 'BAD_USER_INPUT', field: 'assigneeId' } });
    const tooMany = await sg.call(q, { ids: Array.from({ length: 101 }, () => randomUUID()), p: { flowCellCount: 1 } }, staff);
    expect(tooMany.errors![0]!.extensions!.field).toBe('ids');
  });

  it('updates projects: owner or staff, with before/after', async () => {
    const p = await makeProject(sg, submitter, 'Old name');
    const other = userPrincipal('SUBMITTER', { labId: 'lab-a' });
    expect((await sg.call(`mutation($id: ID!) { updateProject(id: $id, input: { name: "x" }) { id } }`, { id: p }, other)).errors![0]!.extensions!.code).toBe('FORBIDDEN');
    const done = await ok(sg, `mutation($id: ID!) { updateProject(id: $id, input: { name: "New name", status: ARCHIVED }) { name status } }`, { id: p }, submitter);
    expect(done.updateProject).toEqual({ name: 'New name', status: 'ARCHIVED' });
    await waitFor(() => eventsOf('ProjectUpdated', p).length === 1, { what: 'ProjectUpdated' });
    expect(eventsOf('ProjectUpdated', p)[0]).toMatchObject({ before: { name: 'Old name', status: 'ACTIVE' }, after: { name: 'New name', status: 'ARCHIVED' } });
    const closed = await sg.call(`mutation($p: ID!) { createSubmission(input: { projectId: $p }) { id } }`, { p }, submitter);
    expect(closed.errors![0]!.extensions!.code).toBe('INVALID_TRANSITION');
  });
});
