import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { BackgroundTask } from '@app/common';
import { waitFor } from '@app/testing';
import { type TestSystem, type TestUser } from '@app/embedded/testing';
import { auditEntries, ok, startSystemWithAuditHandle, waitForEntries } from './audit-helpers.js';

// Issue 6 acceptance, through the gateway with real users: a submission's samples edited and walked
// through two workflow steps, a failed sign-in; then who did what is in Sample.history and the
// security events are in auditEntries for an admin only. And the audit consumer can be down while
// everything else keeps working: once back, every event is recorded, once.
let t: TestSystem;
let auditCapture: () => BackgroundTask;
let submitter: TestUser;
let staff: TestUser;

beforeAll(async () => {
  ({ t, auditCapture } = await startSystemWithAuditHandle());
  submitter = await t.createUser('SUBMITTER', 'lab-a');
  staff = await t.createUser('STAFF');
}, 180_000);
afterAll(() => t?.stop());

const HISTORY = `query($id: ID!) { sample(id: $id) { history(first: 100) { totalCount edges { node {
  seq type before after data reason actor { userId role name via } subject { type id sampleId submissionId labId } } } } } }`;

async function createSubmissionWithSamples(as: TestUser, names: string[]): Promise<{ submissionId: string; samples: { id: string; version: number; volume: number | null }[] }> {
  const project = ok(await t.gql(`mutation { createProject(input: { name: "Audit trail project" }) { id } }`, {}, as.token), 'createProject');
  const submission = ok(await t.gql(`mutation($p: ID!) { createSubmission(input: { projectId: $p }) { id } }`, { p: project.createProject.id }, as.token), 'createSubmission');
  const added = ok(await t.gql(`mutation($s: ID!, $samples: [SampleInput!]!) { addSamples(submissionId: $s, samples: $samples) { id version volume } }`, {
    s: submission.createSubmission.id, samples: names.map((name) => ({ name, sampleType: 'DNA', volume: 20, qubitConcentration: 45 })),
  }, as.token), 'addSamples');
  return { submissionId: submission.createSubmission.id, samples: added.addSamples };
}

async function workflowReady(sampleId: string): Promise<void> {
  await waitFor(async () => (await t.gql(`query($id: ID!) { sample(id: $id) { workflow { id } } }`, { id: sampleId }, staff.token)).data?.sample?.workflow,
    { what: `workflow of sample ${sampleId}`, timeoutMs: 20_000 });
}

describe('audit trail through the gateway', () => {
  let sampleId: string;
  let submissionId: string;

  beforeAll(async () => {
    const created = await createSubmissionWithSamples(submitter, ['Trail sample 1', 'Trail sample 2']);
    submissionId = created.submissionId;
    const sample = created.samples[0]!;
    sampleId = sample.id;
    ok(await t.gql(`mutation($id: ID!, $v: Int!) { updateSample(id: $id, input: { volume: 32.5, organism: "E. coli" }, expectedVersion: $v) { version } }`,
      { id: sampleId, v: sample.version }, submitter.token), 'updateSample');
    ok(await t.gql(`mutation($id: ID!) { updateSubmission(id: $id, input: { status: SUBMITTED }) { id } }`, { id: submissionId }, submitter.token), 'submit');
    ok(await t.gql(`mutation($id: ID!) { markSubmissionReceived(id: $id) { id } }`, { id: submissionId }, staff.token), 'markSubmissionReceived');
    await workflowReady(sampleId);
    const step = (op: string, name: string, results?: unknown) => t.gql(
      `mutation($s: ID!, $step: WorkflowStepName!${results ? ', $r: StepResultsInput' : ''}) { ${op}(sampleId: $s, step: $step${results ? ', results: $r' : ''}) { status } }`,
      { s: sampleId, step: name, ...(results ? { r: results } : {}) }, staff.token);
    expect(ok(await step('startStep', 'SAMPLE_QC'), 'startStep SAMPLE_QC').startStep.status).toBe('IN_PROGRESS');
    expect(ok(await step('completeStep', 'SAMPLE_QC', { sampleQc: { qubitNgPerUl: 45, volumeUl: 30, a260280: 1.85, a260230: 2.1, outcome: 'PASS' } }),
      'completeStep SAMPLE_QC').completeStep.status).toBe('COMPLETED');
    expect(ok(await step('startStep', 'LIBRARY_PREP'), 'startStep LIBRARY_PREP').startStep.status).toBe('IN_PROGRESS');
    expect(ok(await step('completeStep', 'LIBRARY_PREP', { libraryPrep: { kitCode: 'SQK-LSK114', inputNg: 1000, meanFragmentLengthBp: 8000 } }),
      'completeStep LIBRARY_PREP').completeStep.status).toBe('COMPLETED');
    const wrong = await t.gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: submitter.email, p: 'not the password at all' });
    expect(wrong.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  }, 120_000);

  it('Sample.history shows every change to the sample with the acting user, role and name, and before/after', async () => {
    const history = await waitFor(async () => {
      const res = await t.gql(HISTORY, { id: sampleId }, staff.token);
      const nodes: any[] = res.data?.sample?.history.edges.map((e: any) => e.node) ?? [];
      return nodes.filter((n) => n.type === 'StepCompleted').length >= 2 ? nodes.sort((a, b) => a.seq - b.seq) : null;
    }, { what: 'the whole history of the sample', timeoutMs: 30_000, intervalMs: 100 });
    const asSubmitter = { userId: submitter.id, role: 'SUBMITTER', name: 'Test submitter', via: 'UI' };
    const asStaff = { userId: staff.id, role: 'STAFF', name: 'Test staff', via: 'UI' };
    const byType = (type: string) => history.filter((n) => n.type === type);

    expect(byType('SampleCreated')).toEqual([expect.objectContaining({ actor: asSubmitter, subject: expect.objectContaining({ id: sampleId, submissionId, labId: 'lab-a' }) })]);
    expect(byType('SampleUpdated')).toEqual([expect.objectContaining({
      actor: asSubmitter, before: { volume: 20, organism: null, totalAmount: 900 }, after: { volume: 32.5, organism: 'E. coli', totalAmount: 1462.5 },
    })]);
    const steps = history.filter((n) => n.type === 'StepStarted' || n.type === 'StepCompleted');
    expect(steps.map((n) => [n.type, n.data.step, n.before?.status, n.after?.status])).toEqual([
      ['StepStarted', 'SAMPLE_QC', 'PENDING', 'IN_PROGRESS'],
      ['StepCompleted', 'SAMPLE_QC', 'IN_PROGRESS', 'COMPLETED'],
      ['StepStarted', 'LIBRARY_PREP', 'PENDING', 'IN_PROGRESS'],
      ['StepCompleted', 'LIBRARY_PREP', 'IN_PROGRESS', 'COMPLETED'],
    ]);
    for (const n of steps) expect(n.actor).toEqual(asStaff);
    // The QC results travel in the entry: what was measured is part of the record.
    expect(JSON.stringify(byType('StepCompleted')[0])).toContain('1.85');
    // Nothing in the sample's history is attributed to anyone but these two (the legacy system logged the creator).
    expect(new Set(history.map((n) => n.actor.userId))).toEqual(new Set([submitter.id, staff.id]));
    // A submitter sees their own lab's sample history too.
    const own = await t.gql(HISTORY, { id: sampleId }, submitter.token);
    expect(own.errors).toBeUndefined();
    expect(own.data!.sample.history.totalCount).toBe(history.length);
  });

  it('Submission.history records who marked it received', async () => {
    const res = await waitFor(async () => {
      const r = await t.gql(`query($id: ID!) { submission(id: $id) { history { edges { node { type actor { userId role } } } } } }`, { id: submissionId }, staff.token);
      const nodes: any[] = r.data?.submission?.history.edges.map((e: any) => e.node) ?? [];
      return nodes.some((n) => n.type === 'SubmissionReceived') ? nodes : null;
    }, { what: 'SubmissionReceived in the submission history', timeoutMs: 20_000 });
    expect(res).toContainEqual({ type: 'SubmissionReceived', actor: { userId: staff.id, role: 'STAFF' } });
    expect(res).toContainEqual({ type: 'SubmissionCreated', actor: { userId: submitter.id, role: 'SUBMITTER' } });
  });

  it('shows the failed sign-in and the other security events to an admin, and none of them to the submitter', async () => {
    const [failed] = await waitForEntries(t, { types: ['LoginFailed'], subjectId: submitter.id }, 1, t.admin.token);
    expect(failed).toMatchObject({ category: 'SECURITY', source: 'auth', subject: { type: 'User', id: submitter.id }, data: expect.objectContaining({ email: submitter.email }) });
    expect(JSON.stringify(failed)).not.toContain('not the password at all');
    // createUser logged each user in once: that success is a security entry attributed to the user.
    const succeeded = await waitForEntries(t, { types: ['LoginSucceeded'], actorUserId: submitter.id }, 1, t.admin.token);
    expect(succeeded[0]).toMatchObject({ category: 'SECURITY', actor: { userId: submitter.id, role: 'SUBMITTER' } });
    const created = await waitForEntries(t, { types: ['UserCreated'], subjectId: submitter.id }, 1, t.admin.token);
    expect(created[0]).toMatchObject({ category: 'ACCESS_CONTROL', actor: { userId: t.admin.id, role: 'ADMIN' } });

    const hidden = await auditEntries(t, { types: ['LoginFailed', 'LoginSucceeded', 'UserCreated'] }, submitter.token);
    expect(hidden.totalCount).toBe(0);
    const everything = await auditEntries(t, {}, submitter.token);
    expect(everything.totalCount).toBeGreaterThan(0);
    expect(everything.nodes.filter((n) => n.category !== 'DATA')).toEqual([]);
    expect(everything.nodes.every((n) => n.subject.labId === 'lab-a')).toBe(true);
  });
});

describe('audit consumer down while the rest keeps working', () => {
  const sql = async <T>(text: string) => t.system.subgraphs.audit!.orm.em.fork().getConnection().execute<T[]>(text, [], 'all') as Promise<T[]>;
  const entryCount = async () => (await sql<{ n: number }>('select count(*)::int as n from "audit"."audit_entry"'))[0]!.n;
  /** Every event any subgraph has published: the outbox rows the relays marked sent. */
  const publishedEventIds = async () => {
    const tables = await sql<{ schema: string }>(`select table_schema as schema from information_schema.tables where table_name = 'outbox_event' order by 1`);
    const ids = await sql<{ id: string }>(tables.map((r) => `select id::text as id from "${r.schema}"."outbox_event" where sent_at is not null`).join(' union all '));
    return ids.map((r) => r.id);
  };
  const unsentCount = async () => {
    const tables = await sql<{ schema: string }>(`select table_schema as schema from information_schema.tables where table_name = 'outbox_event'`);
    return (await sql<{ n: number }>(tables.map((r) => `select count(*)::int as n from "${r.schema}"."outbox_event" where sent_at is null`).join(' union all ')))
      .reduce((sum, r) => sum + r.n, 0);
  };

  it('records every event published while it was stopped once it is back, each exactly once', async () => {
    await waitFor(async () => (await unsentCount()) === 0 && (await entryCount()) === (await publishedEventIds()).length,
      { what: 'the trail to catch up before stopping', timeoutMs: 30_000, intervalMs: 100 });
    await auditCapture().stop();
    const entriesBefore = await entryCount();
    const publishedBefore = (await publishedEventIds()).length;

    // The others keep working: samples, workflow (fed by the bus) and auth.
    const { samples } = await createSubmissionWithSamples(submitter, ['Outage 1', 'Outage 2', 'Outage 3']);
    ok(await t.gql(`mutation($id: ID!, $v: Int!) { updateSample(id: $id, input: { volume: 11 }, expectedVersion: $v) { id } }`,
      { id: samples[0]!.id, v: samples[0]!.version }, submitter.token), 'updateSample during the outage');
    await workflowReady(samples[2]!.id);
    await t.gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: staff.email, p: 'wrong during outage' });
    await t.login(staff.email, staff.password);
    await waitFor(async () => (await unsentCount()) === 0, { what: 'every outbox row published', timeoutMs: 20_000 });
    const published = await publishedEventIds();
    expect(published.length).toBeGreaterThanOrEqual(publishedBefore + 3 + 3 + 1 + 2);
    expect(await entryCount()).toBe(entriesBefore);

    await auditCapture().start();
    await waitFor(async () => (await entryCount()) >= published.length, { what: 'the trail to catch up after the outage', timeoutMs: 30_000, intervalMs: 100 });
    const recorded = await sql<{ event_id: string; n: number }>('select event_id, count(*)::int as n from "audit"."audit_entry" group by event_id');
    expect(recorded.filter((r) => r.n !== 1)).toEqual([]);
    const recordedIds = new Set(recorded.map((r) => r.event_id));
    expect(published.filter((id) => !recordedIds.has(id))).toEqual([]);
    expect(await entryCount()).toBe((await publishedEventIds()).length);
    const dead = await sql<{ n: number }>('select count(*)::int as n from "audit"."dead_letter_event"');
    expect(dead[0]!.n).toBe(0);
    const verify = ok(await t.gql(`{ verifyAuditChain { valid checked } }`, {}, t.admin.token), 'verifyAuditChain');
    expect(verify.verifyAuditChain).toEqual({ valid: true, checked: published.length });
  }, 120_000);
});
