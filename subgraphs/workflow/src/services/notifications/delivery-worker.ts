import { executeBound, qualified, type Logger } from '@app/common';
import type { MikroORM } from '@mikro-orm/postgresql';
import type { NotifyConfig } from '../../notify-config.js';
import { Mailer } from './mailer.js';
import { renderDigest } from './templates.js';
import { postWebhook, type WebhookResult } from './webhook-sender.js';

/** A claimed row of notification_delivery, as raw SQL returns it. */
interface ClaimedRow {
  id: string;
  channel: 'EMAIL' | 'WEBHOOK';
  event: string;
  recipient: string;
  endpoint_id: string | null;
  payload: Record<string, unknown> | string;
  digest: boolean;
  attempts: number;
  created_at: Date | string;
}

interface Outcome { ok: boolean; status: number | null; error: string | null }

/** Backoff before attempt `attempts + 1`: exponential from `baseMs`, capped, with jitter in its upper half. */
export function retryDelayMs(attempts: number, retry: NotifyConfig['retry'], random: () => number = Math.random): number {
  const exp = Math.min(retry.maxDelayMs, retry.baseMs * 2 ** Math.max(0, attempts - 1));
  return Math.round(exp / 2 + random() * (exp / 2));
}

const LEASE_MS = 120_000;
/** Outcomes written back per statement while a batch is being sent. */
const RECORD_EVERY = 50;

interface Endpoint { secret: string; url: string; active: boolean }

/** A send's outcome, with when it finished (its `sent_at`, or where its backoff starts). */
interface Recorded { group: ClaimedRow[]; outcome: Outcome; at: Date }
const json = (v: Record<string, unknown> | string) => (typeof v === 'string' ? (JSON.parse(v) as Record<string, unknown>) : v);

/**
 * Drains the delivery outbox: claims due rows with FOR UPDATE SKIP LOCKED (a lease, so several
 * replicas share the work and a crashed worker's rows come back), sends them, and records the
 * outcome: SENT, or the next attempt time with the error and response code, or FAILED once the
 * retry window is over.
 */
export class DeliveryWorker {
  private readonly mailer: Mailer | null;
  private readonly table: string;
  private readonly endpointTable: string;
  /** Rows sent since start, and failed attempts: for the benchmark and tests. */
  readonly counts = { sent: 0, failedAttempts: 0, gaveUp: 0 };

  constructor(
    private readonly orm: MikroORM, schema: string, private readonly config: NotifyConfig,
    private readonly logger: Logger, private readonly now: () => Date,
  ) {
    this.mailer = config.smtp ? new Mailer({ ...config, smtp: config.smtp }) : null;
    this.table = qualified(schema, 'notification_delivery');
    this.endpointTable = qualified(schema, 'webhook_endpoint');
  }

  /** Claims and sends due deliveries until none are left; returns how many were processed. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const rows = await this.claim(this.config.worker.batch);
      if (rows.length === 0) return total;
      await this.process(rows);
      total += rows.length;
    }
  }

  close(): void {
    this.mailer?.close();
  }

  private async claim(limit: number): Promise<ClaimedRow[]> {
    const now = this.now();
    return this.orm.em.fork().getConnection().execute<ClaimedRow[]>(
      `update ${this.table} d set claimed_until = ?, attempts = d.attempts + 1
       where d.id in (
         select id from ${this.table}
         where status = 'PENDING' and next_attempt_at <= ? and (claimed_until is null or claimed_until < ?)
         order by next_attempt_at, id limit ? for update skip locked)
       returning d.id, d.channel, d.event, d.recipient, d.endpoint_id, d.payload, d.digest, d.attempts, d.created_at`,
      [new Date(now.getTime() + LEASE_MS), now, now, limit],
    );
  }

  /**
   * Digest rows of one address become one e-mail; everything else is sent on its own, a few at a
   * time. The webhook endpoints of the whole batch are read in one query, and outcomes are written
   * back many rows per statement, every RECORD_EVERY outcomes (so a crash repeats few sends).
   */
  private async process(rows: ClaimedRow[]): Promise<void> {
    const digests = new Map<string, ClaimedRow[]>();
    const singles: ClaimedRow[][] = [];
    for (const row of rows) {
      if (row.channel === 'EMAIL' && row.digest) {
        const key = row.recipient.toLowerCase();
        digests.set(key, [...(digests.get(key) ?? []), row]);
      } else singles.push([row]);
    }
    const groups = [...singles, ...digests.values()];
    const endpoints = await this.endpointsOf(rows);
    const done: Recorded[] = [];
    // Writes run one after another; a failed one is rethrown at the end (its rows come back when the lease ends).
    let recording: Promise<void> = Promise.resolve();
    let failure: unknown = null;
    const flush = () => {
      const outcomes = done.splice(0);
      if (outcomes.length) recording = recording.then(() => this.record(outcomes)).catch((err) => { failure ??= err; });
      return recording;
    };
    let next = 0;
    const lanes = Array.from({ length: Math.min(this.config.worker.concurrency, groups.length) }, async () => {
      while (next < groups.length) {
        const group = groups[next++]!;
        const outcome = await this.send(group, endpoints).catch((err: Error): Outcome => ({ ok: false, status: null, error: err.message }));
        done.push({ group, outcome, at: this.now() });
        if (done.length >= RECORD_EVERY) void flush();
      }
    });
    await Promise.all(lanes);
    await flush();
    if (failure) throw failure;
  }

  /** The endpoints (secret and URL) of the batch's webhook rows, in one query. */
  private async endpointsOf(rows: ClaimedRow[]): Promise<Map<string, Endpoint>> {
    const ids = [...new Set(rows.flatMap((r) => (r.channel === 'WEBHOOK' && r.endpoint_id ? [r.endpoint_id] : [])))];
    if (ids.length === 0) return new Map();
    const found = await this.orm.em.fork().getConnection().execute<(Endpoint & { id: string })[]>(
      `select id, secret, url, active from ${this.endpointTable} where id = any(?::uuid[])`, [`{${ids.join(',')}}`],
    );
    return new Map(found.map((e) => [e.id, e]));
  }

  private async send(group: ClaimedRow[], endpoints: Map<string, Endpoint>): Promise<Outcome> {
    const first = group[0]!;
    if (first.channel === 'WEBHOOK') return this.sendWebhook(first, endpoints.get(first.endpoint_id ?? ''));
    if (!this.mailer) return { ok: false, status: null, error: 'SMTP is not configured' };
    const payloads = group.map((r) => json(r.payload) as { subject: string; text: string; html: string; unsubscribeUrl: string });
    const mail = first.digest ? renderDigest(payloads, payloads[0]!.unsubscribeUrl) : payloads[0]!;
    await this.mailer.send({ to: first.recipient, ...mail, unsubscribeUrl: payloads[0]!.unsubscribeUrl, messageId: `<${first.id}@notifications.nanopore>` });
    return { ok: true, status: 250, error: null };
  }

  private async sendWebhook(row: ClaimedRow, endpoint: Endpoint | undefined): Promise<WebhookResult> {
    if (!endpoint) return { ok: false, status: null, error: 'the endpoint no longer exists' };
    return postWebhook({
      url: endpoint.url, body: String(json(row.payload).body), secret: endpoint.secret, event: row.event, deliveryId: row.id,
      now: this.now(), timeoutMs: this.config.webhookTimeoutMs, allowPrivate: this.config.webhookAllowPrivate,
    });
  }

  /**
   * Writes the outcomes of several sends in one statement: SENT with the time and response code,
   * or the next attempt time (exponential backoff with jitter) with the error and response code,
   * or FAILED once the retry window is over.
   */
  private async record(outcomes: Recorded[]): Promise<void> {
    const values: unknown[][] = [];
    for (const { group, outcome, at: now } of outcomes) {
      const ids = group.map((r) => r.id);
      if (outcome.ok) {
        this.counts.sent += group.length;
        for (const id of ids) values.push([id, 'SENT', now, outcome.status, null]);
        continue;
      }
      this.counts.failedAttempts += group.length;
      const first = group[0]!;
      const giveUp = new Date(first.created_at).getTime() + this.config.retry.windowMs <= now.getTime();
      if (giveUp) this.counts.gaveUp += group.length;
      const nextAt = new Date(now.getTime() + retryDelayMs(first.attempts, this.config.retry));
      this.logger.warn({ deliveryIds: ids, channel: first.channel, attempts: first.attempts, error: outcome.error, giveUp }, 'notification delivery failed');
      for (const id of ids) values.push([id, giveUp ? 'FAILED' : 'PENDING', nextAt, outcome.status, (outcome.error ?? 'failed').slice(0, 2000)]);
    }
    if (values.length === 0) return;
    await executeBound(this.orm.em.fork(),
      `update ${this.table} d set status = v.status,
         sent_at = case when v.status = 'SENT' then v.at else d.sent_at end,
         next_attempt_at = case when v.status = 'SENT' then d.next_attempt_at else v.at end,
         response_code = v.code, last_error = v.error, claimed_until = null
       from (values ${values.map(() => '(?::uuid, ?::text, ?::timestamptz, ?::int, ?::text)').join(', ')}) as v(id, status, at, code, error)
       where d.id = v.id`,
      values.flat(), 'run',
    );
  }
}
