// Acceptance of issue #12 through the gateway: a sample walked through the 8 steps sends the
// expected e-mails (read back from a real SMTP server) and signed webhooks (verified by a real
// receiver), once each, and a graphql-ws subscriber sees its in-app notifications live.
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { waitFor } from '@app/testing';
import { startTestSystem, type TestSystem, type TestUser } from '@app/embedded/testing';
import { connect, record, STEP_RESULTS, STEPS, type Recording } from '../../gateway/test/subscriptions-fixture.js';
import { TestSmtpServer, TestWebhookReceiver } from '../../subgraphs/workflow/test/notify-servers.js';

const SECRET = 'whsec_acceptance_0123456789';
const ADDED = `subscription { notificationAdded { id event title sampleId submissionId createdAt readAt } }`;

let t: TestSystem;
let smtp: TestSmtpServer;
let hooks: TestWebhookReceiver;
let staff: TestUser;
let submitter: TestUser;
let member: TestUser;
let live: { submitter: Recording; staff: Recording };

async function ok<T = any>(query: string, variables: Record<string, unknown>, token: string): Promise<T> {
  const res = await t.gql(query, variables, token);
  if (res.errors?.length || !res.data) throw new Error(`${query.slice(0, 50)}…: ${JSON.stringify(res.errors)}`);
  return res.data as T;
}

beforeAll(async () => {
  smtp = await new TestSmtpServer().start();
  hooks = await new TestWebhookReceiver(SECRET).start();
  t = await startTestSystem({
    env: {
      SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), NOTIFY_WEBHOOK_ALLOW_PRIVATE: 'true',
      NOTIFY_WORKER_INTERVAL_MS: '100', NOTIFY_RETRY_BASE_MS: '100', NOTIFY_RETRY_MAX_DELAY_MS: '500',
    },
  });
  staff = await t.createUser('STAFF');
  submitter = await t.createUser('SUBMITTER', 'lab-a');
  member = await t.createUser('SUBMITTER', 'lab-a');
  await ok(`mutation($i: WebhookEndpointInput!) { registerWebhookEndpoint(input: $i) { endpoint { id } } }`,
    { i: { url: hooks.url, events: ['SAMPLE_RECEIVED', 'STEP_COMPLETED', 'QC_FAILED', 'DATA_DELIVERED'], secret: SECRET, description: 'billing' } }, t.admin.token);
  const wsUrl = `${t.url.replace(/^http/, 'ws')}/graphql`;
  live = {
    submitter: record(connect(wsUrl, { authorization: `Bearer ${submitter.token}` }), ADDED),
    staff: record(connect(wsUrl, { authorization: `Bearer ${staff.token}` }), ADDED),
  };
  await sleep(300); // let both sockets finish connection_init and subscribe
}, 120_000);
afterAll(async () => {
  await t?.stop();
  await smtp?.stop();
  await hooks?.stop();
});

describe('notifications through the gateway', () => {
  let sampleId: string;

  it('walks a sample through the 8 steps and sends each expected e-mail and signed webhook once', async () => {
    const { createProject } = await ok(`mutation { createProject(input: { name: "Notify" }) { id } }`, {}, submitter.token);
    const { createSubmission } = await ok(`mutation($p: ID!) { createSubmission(input: { projectId: $p, dataDeliveryPreferences: { method: CLOUD, notifyEmails: ["pi@uni.test"] } }) { id number } }`,
      { p: createProject.id }, submitter.token);
    const { addSamples } = await ok(`mutation($s: ID!) { addSamples(submissionId: $s, samples: [{ name: "Notify-1", sampleType: DNA, volume: 20, qubitConcentration: 40 }]) { id } }`,
      { s: createSubmission.id }, submitter.token);
    sampleId = addSamples[0].id;
    await ok(`mutation($id: ID!) { updateSubmission(id: $id, input: { status: SUBMITTED }) { id } }`, { id: createSubmission.id }, submitter.token);
    await ok(`mutation($id: ID!) { markSubmissionReceived(id: $id) { id } }`, { id: createSubmission.id }, staff.token);
    await waitFor(async () => (await t.gql(`query($id: ID!) { sample(id: $id) { workflow { id } } }`, { id: sampleId }, staff.token)).data?.sample?.workflow,
      { what: 'the workflow', timeoutMs: 20_000 });
    for (const step of STEPS) {
      await ok(`mutation($s: ID!, $step: WorkflowStepName!) { startStep(sampleId: $s, step: $step) { status } }`, { s: sampleId, step }, staff.token);
      await ok(`mutation($s: ID!, $step: WorkflowStepName!, $r: StepResultsInput) { completeStep(sampleId: $s, step: $step, results: $r) { status } }`,
        { s: sampleId, step, r: STEP_RESULTS[step] }, staff.token);
    }
    // Defaults: SAMPLE_QC and SEQUENCING_RUN completions notify; DATA_DELIVERY notifies as "data delivered".
    const expected = ['Samples received', 'Sample QC completed', 'Sequencing Run completed', 'Data delivered'];
    await waitFor(() => smtp.to(submitter.email).length >= 4 && smtp.to(member.email).length >= 4 && smtp.to('pi@uni.test').length >= 1 && hooks.calls.length >= 4,
      { what: 'every e-mail and webhook', timeoutMs: 20_000 });
    await sleep(500); // anything sent twice would arrive now
    for (const who of [submitter.email, member.email]) {
      const subjects = smtp.to(who).map((m) => m.subject);
      expect(subjects).toHaveLength(4);
      for (const prefix of expected) expect(subjects.filter((s) => s.includes(prefix))).toHaveLength(1);
    }
    const delivery = smtp.to('pi@uni.test');
    expect(delivery).toHaveLength(1);
    expect(delivery[0]!.subject).toContain('Data delivered: Notify-1');
    expect(delivery[0]!.body).toContain('https://data.example.org/run-1');
    expect(delivery[0]!.body).toContain(createSubmission.number);
    expect(smtp.to(staff.email)).toHaveLength(0);
    expect(hooks.calls.map((c) => c.json.type).sort()).toEqual(['DATA_DELIVERED', 'SAMPLE_RECEIVED', 'STEP_COMPLETED', 'STEP_COMPLETED']);
    expect(hooks.calls.every((c) => c.verified)).toBe(true);
    expect(new Set(hooks.calls.map((c) => c.json.id)).size).toBe(4);
    expect(hooks.ofType('DATA_DELIVERED')[0]!.json).toMatchObject({ sample: { id: sampleId, name: 'Notify-1' }, submission: { number: createSubmission.number }, labId: 'lab-a' });
  }, 90_000);

  it('shows the submitter their notifications live, and staff none of them', async () => {
    const results = await live.submitter.received(4, 'four live notifications');
    const events = results.map((r) => r.data?.notificationAdded.event);
    expect(events).toEqual(['SAMPLE_RECEIVED', 'STEP_COMPLETED', 'STEP_COMPLETED', 'DATA_DELIVERED']);
    expect(results.every((r) => r.data?.notificationAdded.readAt === null)).toBe(true);
    expect(live.staff.results).toHaveLength(0);
    const inbox = await ok(`{ notifications(unreadOnly: true, first: 10) { totalCount edges { node { id event } } } }`, {}, submitter.token);
    expect(inbox.notifications.totalCount).toBe(4);
    expect(inbox.notifications.edges.map((e: any) => e.node.id).sort()).toEqual(results.map((r) => r.data?.notificationAdded.id).sort());
    expect((await ok(`mutation { markNotificationsRead(all: true) }`, {}, submitter.token)).markNotificationsRead).toBe(4);
  });

  it('unsubscribes through the gateway link without logging in', async () => {
    const mail = smtp.to(member.email).find((m) => m.subject.includes('Data delivered'))!;
    const link = /Unsubscribe: (\S+)/.exec(mail.body)![1]!;
    const url = `${t.url}${new URL(link).pathname}${new URL(link).search}`;
    expect((await fetch(url)).status).toBe(200);
    expect((await fetch(url, { method: 'POST' })).status).toBe(200);
    const prefs = await ok(`{ notificationPreferences { event email } }`, {}, member.token);
    expect(prefs.notificationPreferences.find((p: any) => p.event === 'DATA_DELIVERED').email).toBe('OFF');
    expect((await fetch(`${url}tampered`, { method: 'POST' })).status).toBe(400);
  });
});
