/**
 * Notifications: a burst of domain events (default 10,000 SubmissionReceived) into the workflow
 * subgraph, each notifying one customer by e-mail and in-app and one webhook endpoint. Reports
 * notifications per second (e-mails + webhook calls + in-app rows, from the first publish to the
 * last delivery) and the delivery lag from publish to sent (p50/p99), against a real local SMTP
 * server and webhook receiver in this process. Also counts the workflow subgraph's SQL statements
 * from the burst until the subgraph is quiet, per event: the notification consumer (which takes
 * events in batches), the delivery worker, the outbox relay, and workflow's own SubmissionReceived
 * consumer (one transaction per event).
 *   TEST_DATABASE_URL=postgres://... REDIS_URL=redis://... node --import tsx bench/notifications.ts [events]
 */
import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { machine, printTable, writeResult } from './lib/report.js';
import { latencyStats } from './lib/stats.js';
import { createEvent, createLogger, generateSigningKeyPair, startSubgraph, type DomainEvent, type Principal } from '@app/common';
import { createTestDatabase } from '../packages/testing/src/database.js';
import { createTestBus, deleteTestStream } from '../packages/testing/src/bus.js';
import { workflowSubgraph } from '../subgraphs/workflow/src/server.js';
import { TestSmtpServer, TestWebhookReceiver } from '../subgraphs/workflow/test/notify-servers.js';

const total = Number(process.argv[2] ?? 10_000);
const PUBLISHERS = 8;
/** Embedded PGlite runs every statement on this one thread: give it longer than PostgreSQL. */
const DEADLINE_MS = Number(process.env.BENCH_DEADLINE_MS ?? 1_200_000);
const SECRET = 'whsec_bench_0123456789abcdef';
const logger = createLogger('bench', { level: 'warn' });

const smtp = await new TestSmtpServer().start();
const hooks = await new TestWebhookReceiver(SECRET).start();
const db = await createTestDatabase();
const bus = createTestBus();
const keys = await generateSigningKeyPair('bench');
const env = {
  SMTP_HOST: '127.0.0.1', SMTP_PORT: String(smtp.port), NOTIFY_WEBHOOK_ALLOW_PRIVATE: 'true', NOTIFY_WORKER_INTERVAL_MS: '200',
  NOTIFY_WORKER_BATCH: '200', NOTIFY_WORKER_CONCURRENCY: '16', WORKFLOW_OVERDUE_SCAN_ENABLED: 'false', ...(process.env.NO_WORKER ? { NOTIFY_WORKER_ENABLED: 'false' } : {}),
};
const statements = { count: 0 };
const running = await startSubgraph(workflowSubgraph, {
  databaseUrl: db.url, bus, gatewayPublicKey: keys.publicKey, logger, config: workflowSubgraph.loadConfig(env), relayIntervalMs: 200, queryCounter: statements,
});
const sql = <T>(text: string, params: unknown[] = []) => running.orm.em.fork().getConnection().execute<T[]>(text, params, 'all') as Promise<T[]>;

const staff: Principal = { kind: 'user', userId: randomUUID(), role: 'STAFF', labId: null, name: 'bench staff', scopes: [], tokenId: null, via: 'UI' };
const submitterId = randomUUID();
const publish = (e: unknown) => bus.publish(e as DomainEvent);
await publish(createEvent({ source: 'auth', principal: staff }, {
  type: 'UserCreated', subject: { type: 'User', id: submitterId, labId: 'lab-bench' }, data: { email: 'customer@lab.test', role: 'SUBMITTER' },
  after: { email: 'customer@lab.test', name: 'Bench Customer', role: 'SUBMITTER', labId: 'lab-bench', labName: 'Bench lab', active: true },
}));
await sql(`insert into "workflow"."webhook_endpoint" (id, url, events, secret, active, created_at, updated_at) values (?, ?, '["SAMPLE_RECEIVED"]', ?, true, now(), now())`,
  [randomUUID(), hooks.url, SECRET]);
const submissions = Array.from({ length: total }, () => randomUUID());
for (let i = 0; i < total; i += 500) {
  // The read model the burst's events refer to, written directly (the burst measures notifications, not setup).
  const chunk = submissions.slice(i, i + 500);
  await sql(`insert into "workflow"."notify_submission" (id, number, lab_id, submitter_id, notify_emails, updated_at) values ${chunk.map(() => `(?, ?, 'lab-bench', ?, '[]', now())`).join(', ')}`,
    chunk.flatMap((id, j) => [id, `SUB-2026-${String(i + j).padStart(6, '0')}`, submitterId]));
}

console.log(`ready at ${Math.round(performance.now())} ms`);
const publishedAt = new Map<string, number>();
const started = Date.now();
const statementsBefore = statements.count;
/** The bench's own progress queries, subtracted from the count. */
let ownStatements = 0;
let next = 0;
await Promise.all(Array.from({ length: PUBLISHERS }, async () => {
  while (next < total) {
    const submissionId = submissions[next++]!;
    const event = createEvent({ source: 'samples', principal: staff }, {
      type: 'SubmissionReceived', subject: { type: 'Submission', id: submissionId, submissionId, labId: 'lab-bench' }, data: { receivedAt: new Date().toISOString() },
    }) as DomainEvent;
    publishedAt.set(event.id, Date.now());
    await bus.publish(event);
  }
}));
const publishDone = Date.now();
console.log(`published ${total} in ${(publishDone - started) / 1000} s`);
const expected = total * 2;
const sentCount = async () => (ownStatements++, await sql<{ n: number }>(`select count(*)::int as n from "workflow"."notification_delivery" where status = 'SENT'`))[0]!.n;
for (let i = 0; (await sentCount()) < expected; i++) {
  if (Date.now() - started > DEADLINE_MS) throw new Error(`deliveries did not finish within ${DEADLINE_MS / 60_000} minutes`);
  if (i % 50 === 0) console.log(`sent ${await sentCount()} of ${expected}`, (ownStatements++, await sql(`select status, channel, count(*)::int as n, max(last_error) as e from "workflow"."notification_delivery" group by 1, 2`)));
  await new Promise((r) => setTimeout(r, 100));
}
const finished = Date.now();
// Statements are counted once the subgraph is quiet: workflow's own SubmissionReceived consumer (one
// receipt per event) may still be behind when the last notification is out, and the outbox drained.
const settled = async () => {
  ownStatements += 2;
  const [receipts] = await sql<{ n: number }>(`select count(*)::int as n from "workflow"."submission_receipt"`);
  const [unsent] = await sql<{ n: number }>(`select count(*)::int as n from "workflow"."outbox_event" where sent_at is null`);
  return receipts!.n >= total && unsent!.n === 0;
};
while (!(await settled())) {
  if (Date.now() - started > DEADLINE_MS) throw new Error('the workflow subgraph did not settle');
  await new Promise((r) => setTimeout(r, 200));
}
const statementsPerEvent = Math.round(((statements.count - statementsBefore - ownStatements) / total) * 100) / 100;

const rows = await sql<{ source_event_id: string; channel: string; sent_at: Date }>(`select source_event_id, channel, sent_at from "workflow"."notification_delivery"`);
const lag = (channel: string) => latencyStats(rows.filter((r) => r.channel === channel).map((r) => new Date(r.sent_at).getTime() - publishedAt.get(r.source_event_id)!));
const inApp = (await sql<{ n: number }>(`select count(*)::int as n from "workflow"."notification"`))[0]!.n;
const seconds = (finished - started) / 1000;
const result = {
  benchmark: 'notifications', at: new Date().toISOString(), database: db.kind, bus: bus.kind, events: total, publishers: PUBLISHERS,
  delivered: { emails: smtp.mails.length, webhooks: hooks.calls.length, webhooksVerified: hooks.calls.filter((c) => c.verified).length, inApp },
  notificationsPerSecond: Math.round((smtp.mails.length + hooks.calls.length + inApp) / seconds),
  eventsPerSecond: Math.round(total / ((publishDone - started) / 1000)),
  publishSeconds: (publishDone - started) / 1000, totalSeconds: seconds,
  lagMs: { email: lag('EMAIL'), webhook: lag('WEBHOOK') },
  statementsPerEvent,
  machine: machine(),
};
printTable(`notifications: ${total} events on ${db.kind}/${bus.kind}`, ['figure', 'value'], [
  ['notifications/s (e-mail + webhook + in-app)', result.notificationsPerSecond], ['events consumed/s', result.eventsPerSecond],
  ['e-mail lag p50 / p99 ms', `${result.lagMs.email.p50} / ${result.lagMs.email.p99}`], ['webhook lag p50 / p99 ms', `${result.lagMs.webhook.p50} / ${result.lagMs.webhook.p99}`],
  ['SQL statements per event', statementsPerEvent], ['total s', seconds],
]);
// One file for both modes: the latest run at the top, and the latest of each mode under byMode.
const previous = (() => {
  try { return JSON.parse(readFileSync(new URL('./results/notifications.json', import.meta.url), 'utf8')) as { byMode?: Record<string, unknown> }; } catch { return {}; }
})();
const byMode = { ...(previous.byMode ?? {}), [`${db.kind}/${bus.kind}`]: result };
console.log(`wrote ${writeResult('notifications', { ...result, byMode })}`);

await running.stop();
await bus.close();
await deleteTestStream(bus.stream);
await db.drop();
await smtp.stop();
await hooks.stop();
