import { randomUUID } from 'node:crypto';
import type { EntityManager } from '@mikro-orm/postgresql';
import { EventTypes, SYSTEM, createEvent, executeBound, qualified, recordEvents, type DomainEvent } from '@app/common';
import { SOURCE, type WorkflowDeps } from '../../deps.js';
import { NotificationPreference, NotificationUnsubscribe, WebhookEndpoint } from '../../entities/index.js';
import type { EmailMode } from '../../entities/notification-enums.js';
import { applyToReadModel, READ_MODEL_TYPES } from './read-model.js';
import { addressAll, type Addressed, type NotificationFacts } from './recipients.js';
import { render, withUnsubscribe } from './templates.js';
import { triggerOf, type Trigger } from './triggers.js';
import { signUnsubscribe } from './unsubscribe-token.js';

/** The next `hour`:00 UTC strictly after `now`: when daily digests go out. */
export function nextDigestAt(now: Date, hour: number): Date {
  const at = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate(), hour));
  if (at <= now) at.setUTCDate(at.getUTCDate() + 1);
  return at;
}

/** The JSON a webhook receives (signed as sent); `id` is the domain event's id, stable across retries and replays. */
export function webhookBody(trigger: Trigger, facts: NotificationFacts): string {
  return JSON.stringify({
    id: trigger.source.id, type: trigger.event, occurredAt: trigger.source.occurredAt,
    sourceEvent: { id: trigger.source.id, type: trigger.source.type },
    sample: facts.sample, submission: facts.submission, labId: facts.labId, step: trigger.step, details: trigger.details,
  });
}

interface Choice { inApp: boolean; email: EmailMode }

/** A row of `notification` to insert (the in-app inbox). */
interface NotificationRow {
  id: string; recipientId: string; event: string; title: string; body: string;
  sampleId: string | null; submissionId: string | null; sourceEventId: string; createdAt: Date; trigger: Trigger;
}

/** A row of `notification_delivery` to insert (the delivery outbox). */
interface DeliveryRow {
  dedupeKey: string; channel: 'EMAIL' | 'WEBHOOK'; event: string; sourceEventId: string; recipient: string;
  endpointId: string | null; userId: string | null; payload: Record<string, unknown>; digest: boolean; nextAttemptAt: Date;
}

/** Rows per INSERT statement: well under PostgreSQL's 65,535 bind parameters. */
const INSERT_CHUNK = 500;

const chunks = <T>(items: T[], size: number): T[][] => Array.from({ length: Math.ceil(items.length / size) }, (_, i) => items.slice(i * size, (i + 1) * size));

/** When a notification is dated: when its event happened (so an inbox lists a burst in stream order), never later than now. */
function dated(event: DomainEvent, now: Date): Date {
  const at = new Date(event.occurredAt);
  return Number.isNaN(at.getTime()) || at > now ? now : at;
}

/**
 * Turns domain events into in-app notifications, queued e-mails and queued webhook calls, inside
 * the consumer's transaction (with its processed markers): nothing is sent here, so a slow or dead
 * SMTP server or receiver never holds up the bus, and a crash loses nothing. A batch of events
 * costs a fixed number of statements: recipients, preferences, unsubscribes and endpoints are read
 * with one query each for the whole run of triggers, and rows are inserted many per statement.
 */
export class NotificationDispatcher {
  constructor(private readonly deps: WorkflowDeps, private readonly secret: () => Promise<string>) {}

  /**
   * Events in stream order. Read-model updates are applied where they stand, so a trigger sees
   * exactly the users, submissions and samples it would have seen one event at a time; the
   * triggers between them are dispatched together. Returns how many deliveries were queued.
   */
  async handleBatch(em: EntityManager, events: DomainEvent[]): Promise<number> {
    let queued = 0;
    let run: Trigger[] = [];
    let endpoints: WebhookEndpoint[] | null = null;
    const flushRun = async () => {
      if (run.length === 0) return;
      endpoints ??= await em.find(WebhookEndpoint, { active: true });
      queued += await this.dispatch(em, run, endpoints);
      run = [];
    };
    for (const event of events) {
      if (READ_MODEL_TYPES.has(event.type)) {
        await flushRun();
        await applyToReadModel(em, event);
      }
      const trigger = triggerOf(event, this.deps.config.notify);
      if (trigger) run.push(trigger);
    }
    await flushRun();
    return queued;
  }

  private async dispatch(em: EntityManager, triggers: Trigger[], endpoints: WebhookEndpoint[]): Promise<number> {
    const addressed = await addressAll(em, triggers);
    const choices = await this.choices(em, addressed);
    const now = this.deps.now();
    const notifications: NotificationRow[] = [];
    const deliveries: DeliveryRow[] = [];
    const secret = this.deps.config.notify.smtp ? await this.secret() : null;
    addressed.forEach((a, i) => {
      const { trigger, facts, recipients } = a;
      const message = render(trigger, facts);
      const createdAt = dated(trigger.source, now);
      recipients.forEach((r, j) => {
        const choice = choices[i]![j]!;
        if (r.userId && choice.inApp) {
          notifications.push({
            id: randomUUID(), recipientId: r.userId, event: trigger.event, title: message.title.slice(0, 300), body: message.body,
            sampleId: trigger.sampleId, submissionId: facts.submission?.id ?? null, sourceEventId: trigger.source.id, createdAt, trigger,
          });
        }
        if (secret === null || choice.email === 'OFF') return;
        const token = signUnsubscribe(secret, { address: r.email.toLowerCase(), userId: r.userId, event: trigger.event });
        const unsubscribeUrl = `${this.deps.config.notify.publicUrl}/notifications/unsubscribe?token=${token}`;
        deliveries.push({
          dedupeKey: `${trigger.source.id}:EMAIL:${r.email.toLowerCase()}`.slice(0, 200), channel: 'EMAIL', event: trigger.event,
          sourceEventId: trigger.source.id, recipient: r.email, endpointId: null, userId: r.userId, digest: choice.email === 'DIGEST',
          payload: { ...withUnsubscribe(message, unsubscribeUrl), unsubscribeUrl },
          nextAttemptAt: choice.email === 'DIGEST' ? nextDigestAt(now, this.deps.config.notify.digestHourUtc) : now,
        });
      });
      const hooks = endpoints.filter((e) => e.events.includes(trigger.event));
      if (hooks.length === 0) return;
      const body = webhookBody(trigger, facts);
      for (const endpoint of hooks) {
        deliveries.push({
          dedupeKey: `${trigger.source.id}:WEBHOOK:${endpoint.id}`, channel: 'WEBHOOK', event: trigger.event, sourceEventId: trigger.source.id,
          recipient: endpoint.url, endpointId: endpoint.id, userId: null, payload: { body }, digest: false, nextAttemptAt: now,
        });
      }
    });
    const inserted = await this.insertNotifications(em, notifications);
    const queued = await this.insertDeliveries(em, deliveries, now);
    for (const chunk of chunks(inserted, INSERT_CHUNK)) await recordEvents(em, this.deps.schema, chunk.map((n) => notificationCreated(n, now)));
    return queued;
  }

  /** Each recipient's preference for its trigger's kind, for the whole run in two queries; addresses that unsubscribed get no e-mail. */
  private async choices(em: EntityManager, addressed: Addressed[]): Promise<Choice[][]> {
    const userIds = [...new Set(addressed.flatMap((a) => a.recipients.flatMap((r) => (r.userId ? [r.userId] : []))))];
    const events = [...new Set(addressed.map((a) => a.trigger.event))];
    const addresses = [...new Set(addressed.flatMap((a) => a.recipients.map((r) => r.email.toLowerCase())))];
    const prefs = userIds.length ? await em.find(NotificationPreference, { userId: { $in: userIds }, event: { $in: events } }) : [];
    const byUser = new Map(prefs.map((p) => [`${p.userId}:${p.event}`, p]));
    const unsubscribed = new Set((addresses.length ? await em.find(NotificationUnsubscribe, {
      address: { $in: addresses }, event: { $in: [...events, '*'] },
    }) : []).map((u) => `${u.address}:${u.event}`));
    return addressed.map(({ trigger, recipients }) => recipients.map((r) => {
      const pref = r.userId ? byUser.get(`${r.userId}:${trigger.event}`) : undefined;
      const address = r.email.toLowerCase();
      const off = unsubscribed.has(`${address}:${trigger.event}`) || unsubscribed.has(`${address}:*`);
      return { inApp: pref?.inApp ?? true, email: off ? 'OFF' : pref?.email ?? 'IMMEDIATE' };
    }));
  }

  /** Inserts the inbox rows, many per statement; returns those inserted (one per source event and recipient, whatever was there). */
  private async insertNotifications(em: EntityManager, rows: NotificationRow[]): Promise<NotificationRow[]> {
    const table = qualified(this.deps.schema, 'notification');
    const inserted = new Set<string>();
    for (const chunk of chunks(rows, INSERT_CHUNK)) {
      const res = await executeBound<{ id: string }[]>(em,
        `insert into ${table} (id, recipient_id, event, title, body, sample_id, submission_id, source_event_id, created_at)
         values ${chunk.map(() => '(?, ?, ?, ?, ?, ?, ?, ?, ?)').join(', ')}
         on conflict (source_event_id, recipient_id) do nothing returning id`,
        chunk.flatMap((n) => [n.id, n.recipientId, n.event, n.title, n.body, n.sampleId, n.submissionId, n.sourceEventId, n.createdAt]),
      );
      res.forEach((r) => inserted.add(r.id));
    }
    return rows.filter((n) => inserted.has(n.id));
  }

  /** Inserts the delivery outbox rows, many per statement; a dedupe key already there is skipped. Returns how many were queued. */
  private async insertDeliveries(em: EntityManager, rows: DeliveryRow[], now: Date): Promise<number> {
    const table = qualified(this.deps.schema, 'notification_delivery');
    let queued = 0;
    for (const chunk of chunks(rows, INSERT_CHUNK)) {
      const res = await executeBound<{ id: string }[]>(em,
        `insert into ${table} (id, dedupe_key, channel, event, source_event_id, recipient, endpoint_id, user_id, payload, digest, status, attempts, next_attempt_at, created_at)
         values ${chunk.map(() => `(?, ?, ?, ?, ?, ?, ?, ?, ?::jsonb, ?, 'PENDING', 0, ?, ?)`).join(', ')}
         on conflict (dedupe_key) do nothing returning id`,
        chunk.flatMap((d) => [randomUUID(), d.dedupeKey, d.channel, d.event, d.sourceEventId, d.recipient, d.endpointId, d.userId,
          JSON.stringify(d.payload), d.digest, d.nextAttemptAt, now]),
      );
      queued += res.length;
    }
    return queued;
  }
}

/**
 * The event the gateway turns into `notificationAdded` for the recipient (and audit records). Its
 * subject is the notification alone: telling someone about a sample is not a change to the sample,
 * so it stays out of Sample.history (the sample and submission are in `data`).
 */
function notificationCreated(n: NotificationRow, now: Date): DomainEvent {
  return createEvent({ source: SOURCE, principal: SYSTEM, correlationId: n.trigger.source.correlationId }, {
    type: EventTypes.NotificationCreated,
    subject: { type: 'Notification', id: n.id, labId: n.trigger.labId },
    data: {
      recipientId: n.recipientId, event: n.event, title: n.title, body: n.body, sampleId: n.sampleId ?? null,
      submissionId: n.submissionId ?? null, createdAt: n.createdAt.toISOString(), sourceEventId: n.sourceEventId,
    },
  }, now) as DomainEvent;
}
