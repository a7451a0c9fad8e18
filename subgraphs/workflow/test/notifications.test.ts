// Notifications in the workflow subgraph against a real SMTP server and a real webhook receiver:
// triggers, recipients, preferences, unsubscribe, idempotency, outages, replay, SSRF.
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { setTimeout as sleep } from 'node:timers/promises';
import { createEvent, type Delivery, type DomainEvent, type Principal } from '@app/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { startTestSubgraph, testLogger, userPrincipal, waitFor, type TestSubgraph } from '@app/testing';
import { workflowSubgraph } from '../src/server.js';
import { createNotificationEventsConsumer } from '../src/background/notification-events.consumer.js';
import { NotificationDispatcher } from '../src/services/notifications/dispatch.js';
import { unsubscribeSecret } from '../src/services/notifications/unsubscribe-token.js';
import { postWebhook } from '../src/services/notifications/webhook-sender.js';
import { DeliveryWorker, retryDelayMs } from '../src/services/notifications/delivery-worker.js';
import { isBlockedAddress } from '../src/services/notifications/ssrf.js';
import { signUnsubscribe, verifyUnsubscribe } from '../src/services/notifications/unsubscribe-token.js';
import { createSample, expectNoErrors, goodResults, M, samplesEvent, STEPS } from './helpers.js';
import { TestSmtpServer, TestWebhookReceiver } from './notify-servers.js';

const SECRET = 'whsec_test_0123456789abcdef';
const admin = userPrincipal('ADMIN');
const staff = userPrincipal('STAFF', { name: 'Stella Staff' });
const submitter = userPrincipal('SUBMITTER', { labId: 'lab-n', name: 'Sam Submitter' });
const member = userPrincipal('SUBMITTER', { labId: 'lab-n', name: 'Mo Member' });
/** Another staff member: people are not told about what they did themselves. */
const colleague = userPrincipal('STAFF', { name: 'Cole Colleague' });
const emailOf = (p: Principal) => `${p.name!.split(' ')[0]!.toLowerCase()}-${p.userId!.slice(0, 6)}@lab.test`;

let sg: TestSubgraph;
let smtp: TestSmtpServer;
let hooks: TestWebhookReceiver;

/** auth's UserCreated, as auth emits it (data + after snapshot). */
function userCreated(p: Principal): DomainEvent {
  return createEvent({ source: 'auth', principal: admin }, {
    type: 'UserCreated', subject: { type: 'User', id: p.userId!, labId: p.labId },
    data: { email: emailOf(p), role: p.role },
    after: { email: emailOf(p), name: p.name, role: p.role, labId: p.labId, labName: p.labId ? `Lab ${p.labId}` : null, active: true },
  }) as DomainEvent;
}

/** samples' SubmissionCreated, with the delivery list. */
function submissionCreated(submissionId: string, notifyEmails: string[], number = 'SUB-2026-000042'): DomainEvent {
  return createEvent({ source: 'samples', principal: submitter }, {
    type: 'SubmissionCreated', subject: { type: 'Submission', id: submissionId, submissionId, labId: 'lab-n' },
    data: { number, projectId: randomUUID(), receivedAt: null, priority: 'NORMAL', status: 'DRAFT', submitterId: submitter.userId },
    after: { status: 'DRAFT', dataDeliveryPreferences: { method: 'CLOUD', notifyEmails } },
  }) as DomainEvent;
}

const db = () => sg.running.orm.em.fork().getConnection();
const deliveries = (where = 'true') => db().execute<{ channel: string; event: string; recipient: string; status: string; attempts: number; last_error: string | null; digest: boolean; next_attempt_at: Date }[]>(
  `select channel, event, recipient, status, attempts, last_error, digest, next_attempt_at from "workflow"."notification_delivery" where ${where}`);

async function newSample(name: string) {
  const submissionId = randomUUID();
  await sg.bus.publish(submissionCreated(submissionId, ['pi@uni.test']));
  return createSample(sg, staff, { submissionId, labId: 'lab-n', name });
}

async function walk(sampleId: string, steps: readonly string[]) {
  for (const step of steps) {
    expectNoErrors(await sg.call(M.start, { s: sampleId, step }, staff));
    expectNoErrors(await sg.call(M.complete, { s: sampleId, step, r: goodResults[step] }, staff));
  }
}

const envOf = () => ({
  SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), NOTIFY_PUBLIC_URL: 'http://gateway.test',
  NOTIFY_WEBHOOK_ALLOW_PRIVATE: 'true', NOTIFY_RETRY_BASE_MS: '50', NOTIFY_RETRY_MAX_DELAY_MS: '200', NOTIFY_WORKER_INTERVAL_MS: '50',
  NOTIFY_STEP_COMPLETED_STEPS: 'SAMPLE_QC',
});

beforeAll(async () => {
  smtp = await new TestSmtpServer().start();
  hooks = await new TestWebhookReceiver(SECRET).start();
  sg = await startTestSubgraph(workflowSubgraph, { env: envOf() });
  for (const p of [staff, submitter, member]) await sg.bus.publish(userCreated(p));
  const res = await sg.call(`mutation($i: WebhookEndpointInput!) { registerWebhookEndpoint(input: $i) { secret endpoint { id url events active } } }`,
    { i: { url: hooks.url, events: ['SAMPLE_RECEIVED', 'QC_FAILED', 'STEP_COMPLETED', 'DATA_DELIVERED', 'SAMPLE_OVERDUE'], secret: SECRET } }, admin);
  expectNoErrors(res);
}, 60_000);
afterAll(async () => {
  await sg?.stop();
  await smtp?.stop();
  await hooks?.stop();
});

describe('a sample walked through the 8 steps', () => {
  let sampleId: string;
  let submissionId: string;

  it('mails the submitter and the lab when the samples are received, and calls the webhook, signed', async () => {
    ({ sampleId, submissionId } = await newSample('Soil-N1'));
    await sg.bus.publish(samplesEvent('SubmissionReceived', { id: submissionId, submissionId, labId: 'lab-n' }, { number: 'SUB-2026-000042', receivedAt: new Date().toISOString() }));
    await waitFor(() => smtp.to(emailOf(submitter)).length === 1 && smtp.to(emailOf(member)).length === 1, { what: 'SAMPLE_RECEIVED mails' });
    const mail = smtp.to(emailOf(submitter))[0]!;
    expect(mail.subject).toContain('Samples received: SUB-2026-000042');
    expect(mail.body).toContain('Submission: SUB-2026-000042');
    expect(mail.body).toContain('<h2>Samples received');
    expect(mail.headers['list-unsubscribe']).toMatch(/^<http:\/\/gateway\.test\/notifications\/unsubscribe\?token=/);
    expect(mail.body).toContain('Unsubscribe: http://gateway.test/notifications/unsubscribe?token=');
    const hook = await waitFor(() => hooks.ofType('SAMPLE_RECEIVED')[0], { what: 'SAMPLE_RECEIVED webhook' });
    expect(hook.verified).toBe(true);
    expect(hook.json).toMatchObject({ type: 'SAMPLE_RECEIVED', submission: { id: submissionId, number: 'SUB-2026-000042' }, labId: 'lab-n' });
    expect(smtp.to(emailOf(staff))).toHaveLength(0);
  });

  it('tells customers about the configured steps and delivers data to the delivery list too, once each', async () => {
    await walk(sampleId, STEPS);
    await waitFor(() => smtp.to('pi@uni.test').length === 1, { what: 'DATA_DELIVERED to the delivery list' });
    await waitFor(() => hooks.ofType('DATA_DELIVERED').length === 1 && hooks.ofType('STEP_COMPLETED').length === 1, { what: 'webhooks' });
    // Each recipient's mail is its own delivery: wait for the submitter's last one before counting.
    await waitFor(() => smtp.to(emailOf(submitter)).some((m) => m.subject.includes('Data delivered: Soil-N1')), { what: "the submitter's DATA_DELIVERED mail" });
    const subjects = smtp.to(emailOf(submitter)).map((m) => m.subject);
    expect(subjects.filter((s) => s.includes('Sample QC completed: Soil-N1'))).toHaveLength(1);
    expect(subjects.filter((s) => s.includes('Data delivered: Soil-N1'))).toHaveLength(1);
    expect(subjects.some((s) => s.includes('Library Preparation'))).toBe(false);
    const delivered = smtp.to('pi@uni.test')[0]!;
    expect(delivered.body).toContain('https://data.example.org/x');
    expect(delivered.body).toContain('reads.fastq.gz');
    expect(hooks.ofType('DATA_DELIVERED')[0]!.verified).toBe(true);
    expect(hooks.ofType('DATA_DELIVERED')[0]!.json.details.results.location).toBe('https://data.example.org/x');
  });

  it('keeps an in-app inbox per person, keyset-paginated, and marks it read', async () => {
    const Q = `query($u: Boolean, $f: Int, $a: String) { notifications(unreadOnly: $u, first: $f, after: $a) { totalCount unreadCount pageInfo { hasNextPage endCursor } edges { node { id event title sampleId readAt } } } }`;
    const first = await sg.call(Q, { f: 2 }, submitter);
    expectNoErrors(first);
    const page1 = first.data!.notifications;
    expect(page1.totalCount).toBe(3);
    expect(page1.edges.map((e: any) => e.node.event)).toEqual(['DATA_DELIVERED', 'STEP_COMPLETED']);
    const page2 = (await sg.call(Q, { f: 2, a: page1.pageInfo.endCursor }, submitter)).data!.notifications;
    expect(page2.edges.map((e: any) => e.node.event)).toEqual(['SAMPLE_RECEIVED']);
    expect(page2.pageInfo.hasNextPage).toBe(false);
    const read = await sg.call(`mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }`, { ids: [page1.edges[0].node.id] }, submitter);
    expect(read.data?.markNotificationsRead).toBe(1);
    expect((await sg.call(Q, { u: true }, submitter)).data!.notifications.totalCount).toBe(2);
    // Someone else's id changes nothing; staff see none of the submitter's.
    expect((await sg.call(`mutation($ids: [ID!]) { markNotificationsRead(ids: $ids) }`, { ids: [page1.edges[1].node.id] }, member)).data?.markNotificationsRead).toBe(0);
    expect((await sg.call(Q, {}, staff)).data!.notifications.totalCount).toBe(0);
    const token = await sg.call(Q, {}, { ...submitter, kind: 'apiToken', tokenId: randomUUID(), scopes: ['workflow:read'] });
    expect(token.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const bad = await sg.call(`mutation { markNotificationsRead(ids: ["nope"]) }`, {}, submitter);
    expect(bad.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  it('processes a redelivered event once', async () => {
    const received = samplesEvent('SubmissionReceived', { id: submissionId, submissionId, labId: 'lab-n' }, { receivedAt: new Date().toISOString() });
    // Only this event's mails count: an earlier test's mail still being retried may land meanwhile.
    const receivedMails = () => smtp.mails.filter((m) => m.subject.includes('Samples received')).length;
    const before = receivedMails();
    await sg.bus.publish(received);
    await sg.bus.publish(received);
    await waitFor(() => receivedMails() >= before + 2, { what: 'the first delivery' });
    await sleep(400);
    expect(receivedMails()).toBe(before + 2); // submitter + member, once
  });
});

describe('recipients and preferences', () => {
  it('sends QC failures to the customers and the step assignee; overdue to the assignee (else all staff)', async () => {
    const { sampleId } = await newSample('Soil-N2');
    expectNoErrors(await sg.call(M.start, { s: sampleId, step: 'SAMPLE_QC', a: staff.userId }, staff));
    expectNoErrors(await sg.call(M.fail, { s: sampleId, step: 'SAMPLE_QC', reason: 'Degraded DNA' }, colleague));
    await waitFor(() => smtp.mails.some((m) => m.to.includes(emailOf(staff)) && m.subject.includes('Sample QC failed: Soil-N2')), { what: 'QC failure to the assignee' });
    const toSubmitter = await waitFor(() => smtp.to(emailOf(submitter)).find((m) => m.subject.includes('Sample QC failed')), { what: 'QC failure to the submitter' });
    expect(toSubmitter.body).toContain('Reason: Degraded DNA');
    await sg.bus.publish(createEvent({ source: 'workflow', principal: admin }, {
      type: 'SampleOverdue', subject: { type: 'Sample', id: sampleId, sampleId, labId: 'lab-n' },
      data: { dueAt: '2026-01-01T00:00:00.000Z', priority: 'NORMAL', currentStep: 'SAMPLE_QC', hoursLate: 5 },
    }) as DomainEvent);
    const overdue = await waitFor(() => smtp.to(emailOf(staff)).find((m) => m.subject.includes('Overdue: Soil-N2')), { what: 'overdue to staff' });
    expect(overdue.body).toContain('Hours late: 5');
    expect(smtp.to(emailOf(submitter)).some((m) => m.subject.includes('Overdue'))).toBe(false);
  });

  it('mails staff about extractions to review and committed intakes (the actor too)', async () => {
    const submissionId = randomUUID();
    await sg.bus.publish(createEvent({ source: 'ai', principal: submitter }, {
      type: 'ExtractionCompleted', subject: { type: 'ExtractionJob', id: randomUUID(), submissionId, labId: 'lab-n' },
      data: { method: 'PATTERN', resultCount: 5, needsReviewCount: 2, fields: ['volume', 'concentration'] },
    }) as DomainEvent);
    await sg.bus.publish(createEvent({ source: 'ai', principal: submitter }, {
      type: 'ExtractionCompleted', subject: { type: 'ExtractionJob', id: randomUUID(), submissionId, labId: 'lab-n' },
      data: { method: 'PATTERN', resultCount: 5, needsReviewCount: 0, fields: [] },
    }) as DomainEvent);
    // The submission subgraph's IntakeCommitFinished: a commit that ended COMMITTED notifies, a FAILED one (no samples) does not.
    await sg.bus.publish(createEvent({ source: 'submission', principal: submitter }, {
      type: 'IntakeCommitFinished', subject: { type: 'IntakeJob', id: randomUUID(), submissionId, labId: 'lab-n' }, data: { submissionId, error: 'samples is down', pendingRows: 3 },
      before: { status: 'COMMITTING' }, after: { status: 'FAILED', committedCount: 0 },
    }) as DomainEvent);
    await sg.bus.publish(createEvent({ source: 'submission', principal: submitter }, {
      type: 'IntakeCommitFinished', subject: { type: 'IntakeJob', id: randomUUID(), submissionId, labId: 'lab-n' }, data: { submissionId, error: null, pendingRows: 0 },
      before: { status: 'COMMITTING' }, after: { status: 'COMMITTED', committedCount: 12 },
    }) as DomainEvent);
    const review = await waitFor(() => smtp.to(emailOf(staff)).find((m) => m.subject.includes('Extraction needs review')), { what: 'review mail' });
    expect(review.body).toContain('volume, concentration');
    await waitFor(() => smtp.to(emailOf(submitter)).some((m) => m.subject.includes('Intake committed')) && smtp.to(emailOf(staff)).some((m) => m.subject.includes('Intake committed')),
      { what: 'intake mails' });
    await sleep(200);
    expect(smtp.to(emailOf(staff)).filter((m) => m.subject.includes('Extraction needs review'))).toHaveLength(1);
    const intake = smtp.to(emailOf(staff)).filter((m) => m.subject.includes('Intake committed'));
    expect(intake).toHaveLength(1);
    expect(intake[0]!.body).toContain('12');
  });

  it('honours per-person preferences: digest, off, in-app off', async () => {
    const set = (input: Record<string, unknown>) => sg.call(`mutation($i: NotificationPreferenceInput!) { setNotificationPreference(input: $i) { event email inApp } }`, { i: input }, member);
    expect((await set({ event: 'QC_FAILED', email: 'DIGEST' })).data?.setNotificationPreference).toEqual({ event: 'QC_FAILED', email: 'DIGEST', inApp: true });
    expectNoErrors(await set({ event: 'STEP_COMPLETED', email: 'OFF', inApp: false }));
    const prefs = (await sg.call(`{ notificationPreferences { event email inApp } }`, {}, member)).data!.notificationPreferences;
    expect(prefs).toHaveLength(7);
    expect(prefs.find((p: any) => p.event === 'SAMPLE_RECEIVED')).toEqual({ event: 'SAMPLE_RECEIVED', email: 'IMMEDIATE', inApp: true });
    const { sampleId } = await newSample('Soil-N3');
    await walk(sampleId, ['SAMPLE_QC']);
    expectNoErrors(await sg.call(M.start, { s: sampleId, step: 'LIBRARY_PREP' }, staff));
    expectNoErrors(await sg.call(M.fail, { s: sampleId, step: 'LIBRARY_PREP', reason: 'Kit lot recalled' }, staff));
    await waitFor(() => smtp.to(emailOf(submitter)).some((m) => m.subject.includes('Library Preparation failed: Soil-N3')), { what: 'failure mail' });
    const digest = await deliveries(`recipient = '${emailOf(member)}' and event = 'QC_FAILED' and digest`);
    expect(digest).toHaveLength(1);
    expect(digest[0]!.status).toBe('PENDING');
    expect(new Date(digest[0]!.next_attempt_at).getUTCHours()).toBe(7);
    expect(smtp.to(emailOf(member)).some((m) => m.subject.includes('Soil-N3'))).toBe(false);
    const inbox = (await sg.call(`{ notifications(first: 50) { edges { node { event title } } } }`, {}, member)).data!.notifications.edges;
    expect(inbox.some((e: any) => e.node.title.includes('Sample QC completed: Soil-N3'))).toBe(false);
    expect(inbox.some((e: any) => e.node.title.includes('Library Preparation failed: Soil-N3'))).toBe(true);
  });

  it('unsubscribes from a link without login; tampered links are refused', async () => {
    const mail = smtp.to(emailOf(submitter)).find((m) => m.subject.includes('Library Preparation failed'))!;
    const link = /Unsubscribe: (http:\/\/gateway\.test\S+)/.exec(mail.body)![1]!;
    const local = link.replace('http://gateway.test', sg.running.url.replace(/\/graphql$/, ''));
    expect((await fetch(local)).status).toBe(200);
    expect((await fetch(`${local}x`, { method: 'POST' })).status).toBe(400);
    const res = await fetch(local, { method: 'POST', body: 'List-Unsubscribe=One-Click', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    expect(res.status).toBe(200);
    const prefs = (await sg.call(`{ notificationPreferences { event email } }`, {}, submitter)).data!.notificationPreferences;
    expect(prefs.find((p: any) => p.event === 'QC_FAILED').email).toBe('OFF');
    const { sampleId } = await newSample('Soil-N4');
    expectNoErrors(await sg.call(M.start, { s: sampleId, step: 'SAMPLE_QC' }, staff));
    expectNoErrors(await sg.call(M.fail, { s: sampleId, step: 'SAMPLE_QC', reason: 'Too little' }, staff));
    await waitFor(() => hooks.calls.some((c) => c.json.type === 'QC_FAILED' && c.json.sample?.name === 'Soil-N4'), { what: 'the webhook of the failure' });
    await sleep(300);
    expect(smtp.to(emailOf(submitter)).some((m) => m.subject.includes('Soil-N4'))).toBe(false);
  });
});

describe('reliability', () => {
  it('keeps deliveries while SMTP and the receiver are down and sends each once they are back', async () => {
    await smtp.stop();
    await hooks.stop();
    const { sampleId } = await newSample('Soil-N5');
    const started = Date.now();
    await walk(sampleId, ['SAMPLE_QC']);
    expect(Date.now() - started).toBeLessThan(10_000); // mutations never wait for delivery
    // The submitter's e-mail and the webhook call (the member opted out of STEP_COMPLETED): retried, not lost.
    const failing = await waitFor(async () => {
      const rows = await deliveries(`status = 'PENDING' and attempts >= 2 and event = 'STEP_COMPLETED'`);
      return rows.length === 2 ? rows : null;
    }, { what: 'failed attempts', timeoutMs: 10_000 });
    expect(failing.map((r) => r.channel).sort()).toEqual(['EMAIL', 'WEBHOOK']);
    expect(failing.every((r) => r.last_error)).toBe(true);
    const mailsBefore = smtp.to(emailOf(submitter)).length;
    await smtp.start();
    await hooks.start();
    await waitFor(() => smtp.to(emailOf(submitter)).length === mailsBefore + 1, { what: 'the mail after SMTP came back', timeoutMs: 10_000 });
    await waitFor(() => hooks.calls.filter((c) => c.json.type === 'STEP_COMPLETED' && c.json.sample?.name === 'Soil-N5').length === 1, { what: 'the webhook after the receiver came back' });
    await sleep(400);
    expect(smtp.to(emailOf(submitter)).filter((m) => m.subject.includes('Soil-N5'))).toHaveLength(1);
    expect(hooks.calls.filter((c) => c.json.sample?.name === 'Soil-N5')).toHaveLength(1);
  });

  it('logs each delivery with status and response code, and replays one on request', async () => {
    hooks.status = 500;
    const { sampleId } = await newSample('Soil-N6');
    await walk(sampleId, ['SAMPLE_QC']);
    const Q = `query($e: ID) { webhookEndpoints { id deliveries(first: 5) { edges { node { id status attempts responseCode lastError event } } } } notificationDeliveries(endpointId: $e, first: 1) { totalCount } }`;
    const failed = await waitFor(async () => {
      const res = await sg.call(Q, {}, admin);
      const node = res.data?.webhookEndpoints[0].deliveries.edges[0]?.node;
      return node?.responseCode === 500 && node.attempts >= 2 ? node : null;
    }, { what: 'a logged 500' });
    expect(failed).toMatchObject({ status: 'PENDING', lastError: 'HTTP 500', event: 'STEP_COMPLETED' });
    hooks.status = 204;
    await waitFor(async () => (await sg.call(Q, {}, admin)).data?.webhookEndpoints[0].deliveries.edges[0]?.node.status === 'SENT', { what: 'the retry to succeed' });
    const calls = hooks.calls.length;
    const replay = await sg.call(`mutation($id: ID!) { replayNotificationDelivery(id: $id) { id replayOf status } }`, { id: failed.id }, admin);
    expectNoErrors(replay);
    expect(replay.data!.replayNotificationDelivery.replayOf).toBe(failed.id);
    await waitFor(() => hooks.calls.length === calls + 1, { what: 'the replay' });
    const last = hooks.calls.at(-1)!;
    expect(last.verified).toBe(true);
    expect(last.headers['x-nanopore-delivery']).toBe(replay.data!.replayNotificationDelivery.id);
    expect((await sg.call(Q, {}, staff)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('several workers (replicas) draining one outbox', () => {
  it('sends every claimed delivery exactly once (FOR UPDATE SKIP LOCKED)', async () => {
    hooks.status = 200;
    const endpointId = (await db().execute<{ id: string }[]>(`select id from "workflow"."webhook_endpoint" limit 1`))[0]!.id;
    const ids = Array.from({ length: 60 }, () => randomUUID());
    await db().execute(`insert into "workflow"."notification_delivery" (id, dedupe_key, channel, event, source_event_id, recipient, endpoint_id, payload, digest, status, attempts, next_attempt_at, created_at)
      values ${ids.map(() => `(?, ?, 'WEBHOOK', 'SAMPLE_OVERDUE', ?, ?, ?, ?, false, 'PENDING', 0, now() + interval '1 hour', now())`).join(', ')}`,
    ids.flatMap((id) => [id, `replica-test:${id}`, randomUUID(), hooks.url, endpointId, JSON.stringify({ body: JSON.stringify({ id, type: 'SAMPLE_OVERDUE' }) })]));
    const config = workflowSubgraph.loadConfig({ NOTIFY_WEBHOOK_ALLOW_PRIVATE: 'true', NOTIFY_WORKER_BATCH: '7', NOTIFY_WORKER_CONCURRENCY: '3' }).notify;
    // Due one hour from now for the running worker, due now for these three "replicas" (their clock runs ahead).
    const ahead = () => new Date(Date.now() + 2 * 3_600_000);
    const replicas = [1, 2, 3].map(() => new DeliveryWorker(sg.running.orm, 'workflow', config, testLogger('replica'), ahead));
    const before = hooks.calls.length;
    const drained = await Promise.all(replicas.map((w) => w.drain()));
    replicas.forEach((w) => w.close());
    expect(drained.reduce((a, b) => a + b, 0)).toBe(60);
    const got = hooks.calls.slice(before).map((c) => c.headers['x-nanopore-delivery'] as string);
    expect(got.sort()).toEqual([...ids].sort());
    const rows = await deliveries(`dedupe_key like 'replica-test:%'`);
    expect(rows.every((r) => r.status === 'SENT' && r.attempts === 1)).toBe(true);
  });
});

describe('batched consumption', () => {
  it('applies a batch handed over twice, or redelivered after a crash mid-batch, once per event', async () => {
    hooks.status = 200;
    const deps = {
      config: workflowSubgraph.loadConfig(envOf()), orm: sg.running.orm, schema: 'workflow', bus: sg.bus, relay: sg.running.relay,
      logger: testLogger('redelivery'), now: () => new Date(),
    };
    // Loaded first, like the runtime does: inside the consumer's transaction a second connection would deadlock PGlite.
    const stored = await unsubscribeSecret(sg.running.orm.em.fork(), 'workflow', null);
    const secret = async () => stored;
    let queuedBatches = 0;
    const consumer = createNotificationEventsConsumer(deps, new NotificationDispatcher(deps, secret), () => { queuedBatches++; });
    /** Does all of a batch's work and then dies before the commit: what a process killed mid-batch leaves. */
    class CrashingDispatcher extends NotificationDispatcher {
      override async handleBatch(em: EntityManager, events: DomainEvent[]): Promise<number> {
        await super.handleBatch(em, events);
        throw new Error('process killed mid-batch');
      }
    }
    const crashing = createNotificationEventsConsumer(deps, new CrashingDispatcher(deps, secret), () => { queuedBatches++; });

    const numbers = Array.from({ length: 6 }, (_, i) => `SUB-2026-9100${i}`);
    const submissionIds = numbers.map(() => randomUUID());
    for (const [i, id] of submissionIds.entries()) await sg.bus.publish(submissionCreated(id, [], numbers[i]));
    // With Redis the read model is updated asynchronously: the mails quote the submissions' numbers.
    await waitFor(async () => (await db().execute<{ n: number }[]>(
      `select count(*)::int as n from "workflow"."notify_submission" where id in (${submissionIds.map((id) => `'${id}'`).join(', ')}) and number is not null`))[0]!.n === 6,
    { what: 'the submissions in the read model' });
    const events = submissionIds.map((id) => samplesEvent('SubmissionReceived', { id, submissionId: id, labId: 'lab-n' }, { receivedAt: new Date().toISOString() }));
    const batch = (list: DomainEvent[]): Delivery[] => list.map((e) => { const raw = JSON.stringify(e); return { event: JSON.parse(raw) as DomainEvent, raw }; });
    const ids = `(${events.map((e) => `'${e.id}'`).join(', ')})`;
    const count = async (table: string, column = 'source_event_id') =>
      (await db().execute<{ n: number }[]>(`select count(*)::int as n from "workflow"."${table}" where ${column} in ${ids}`))[0]!.n;

    await expect(crashing.handleBatch(batch(events))).rejects.toThrow('process killed mid-batch');
    expect(await count('notification')).toBe(0);
    expect(await count('notification_delivery')).toBe(0);
    expect(await count('processed_event', 'event_id')).toBe(0);

    await consumer.handleBatch(batch(events.slice(0, 3))); // part of the batch, before a crash
    await consumer.handleBatch(batch(events)); // the whole batch again, as the bus redelivers it
    await Promise.all([consumer.handleBatch(batch(events)), consumer.handleBatch(batch(events))]); // and handed over twice at once
    expect(queuedBatches).toBe(2);
    expect(await count('processed_event', 'event_id')).toBe(6);
    expect(await count('notification')).toBe(12); // submitter and member, per event
    expect(await count('notification_delivery')).toBe(18); // their two e-mails and one webhook call, per event
    const created = await db().execute<{ n: number }[]>(
      `select count(*)::int as n from "workflow"."outbox_event" where type = 'NotificationCreated' and payload->'data'->>'sourceEventId' in ${ids}`);
    expect(created[0]!.n).toBe(12);

    const mailsOf = () => smtp.mails.filter((m) => numbers.some((n) => m.subject.includes(n)));
    const hooksOf = () => hooks.calls.filter((c) => submissionIds.includes(c.json.submission?.id));
    await waitFor(() => mailsOf().length >= 12 && hooksOf().length >= 6, { what: 'the batch\'s mails and webhooks', timeoutMs: 20_000 });
    await sleep(400);
    expect(mailsOf()).toHaveLength(12);
    for (const n of numbers) {
      expect(smtp.to(emailOf(submitter)).filter((m) => m.subject.includes(n))).toHaveLength(1);
      expect(smtp.to(emailOf(member)).filter((m) => m.subject.includes(n))).toHaveLength(1);
    }
    expect(hooksOf().map((c) => c.json.submission.id).sort()).toEqual([...submissionIds].sort());
    expect(hooksOf().every((c) => c.verified)).toBe(true);
  });
});

describe('webhook safety and signing', () => {
  it('refuses loopback, private and link-local targets unless allowed', async () => {
    expect(['127.0.0.1', '10.1.2.3', '172.20.0.1', '192.168.1.1', '169.254.169.254', '::1', 'fe80::1', '::ffff:127.0.0.1', 'fd00::1'].every(isBlockedAddress)).toBe(true);
    expect(['93.184.216.34', '2606:4700::1111'].some(isBlockedAddress)).toBe(false);
    const base = { body: '{}', secret: SECRET, event: 'X', deliveryId: randomUUID(), now: new Date(), timeoutMs: 2000 };
    const literal = await postWebhook({ ...base, url: hooks.url, allowPrivate: false });
    expect(literal).toMatchObject({ ok: false, status: null });
    expect(literal.error).toMatch(/may not reach/);
    const named = await postWebhook({ ...base, url: hooks.url.replace('127.0.0.1', 'localhost'), allowPrivate: false });
    expect(named.error).toMatch(/may not reach/);
    expect((await postWebhook({ ...base, url: hooks.url.replace('127.0.0.1', 'localhost'), allowPrivate: true })).ok).toBe(true);
  });

  it('validates registrations field by field', async () => {
    const res = await sg.call(`mutation($i: WebhookEndpointInput!) { registerWebhookEndpoint(input: $i) { secret } }`,
      { i: { url: 'ftp://example.org/x', events: [], secret: 'short' } }, admin);
    const fields = res.errors?.[0]?.extensions?.fields?.map((f: { field: string }) => f.field) ?? res.errors?.[0]?.extensions;
    expect(res.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
    expect(JSON.stringify(fields)).toContain('input.url');
    expect(JSON.stringify(fields)).toContain('input.events');
    expect(JSON.stringify(fields)).toContain('input.secret');
    expect((await sg.call(`mutation { registerWebhookEndpoint(input: { url: "https://example.org", events: [QC_FAILED] }) { secret } }`, {}, staff)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('signs unsubscribe tokens and computes backoff with jitter up to the cap', () => {
    const token = signUnsubscribe('s'.repeat(32), { address: 'a@b.test', userId: null, event: '*' });
    expect(verifyUnsubscribe('s'.repeat(32), token)).toEqual({ address: 'a@b.test', userId: null, event: '*' });
    expect(verifyUnsubscribe('t'.repeat(32), token)).toBeNull();
    expect(verifyUnsubscribe('s'.repeat(32), `${token.slice(0, -2)}xx`)).toBeNull();
    const retry = { baseMs: 1000, maxDelayMs: 60_000, windowMs: 86_400_000 };
    expect(retryDelayMs(1, retry, () => 0)).toBe(500);
    expect(retryDelayMs(3, retry, () => 1)).toBe(4000);
    expect(retryDelayMs(30, retry, () => 1)).toBe(60_000);
  });
});
