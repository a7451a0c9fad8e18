import type { EntityManager } from '@mikro-orm/postgresql';
import { EventTypes, SYSTEM, createEvent, recordEvents, type DomainEvent } from '@app/common';
import { SOURCE, type WorkflowDeps } from '../../deps.js';
import {
  Notification, NotificationDelivery, NotificationPreference, NotificationUnsubscribe, WebhookEndpoint,
} from '../../entities/index.js';
import type { EmailMode } from '../../entities/notification-enums.js';
import { applyToReadModel, READ_MODEL_TYPES } from './read-model.js';
import { factsOf, recipientsOf, type NotificationFacts, type Recipient } from './recipients.js';
import { render, withUnsubscribe, type RenderedMessage } from './templates.js';
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

/**
 * Turns one domain event into in-app notifications, queued e-mails and queued webhook calls, inside
 * the consumer's transaction (with its processed marker): nothing is sent here, so a slow or dead
 * SMTP server or receiver never holds up the bus, and a crash loses nothing.
 */
export class NotificationDispatcher {
  constructor(private readonly deps: WorkflowDeps, private readonly secret: () => Promise<string>) {}

  /** Returns how many deliveries were queued (the worker is woken when > 0). */
  async handle(em: EntityManager, event: DomainEvent): Promise<number> {
    if (READ_MODEL_TYPES.has(event.type)) await applyToReadModel(em, event);
    const trigger = triggerOf(event, this.deps.config.notify);
    if (!trigger) return 0;
    const facts = await factsOf(em, trigger);
    const recipients = await recipientsOf(em, trigger);
    const message = render(trigger, facts);
    const choices = await this.choices(em, trigger, recipients);
    const now = this.deps.now();
    const notifications = recipients.filter((r, i) => r.userId && choices[i]!.inApp).map((r) => em.create(Notification, {
      recipientId: r.userId!, event: trigger.event, title: message.title.slice(0, 300), body: message.body,
      sampleId: trigger.sampleId, submissionId: facts.submission?.id ?? null, sourceEventId: event.id, createdAt: now,
    }));
    let queued = await this.queueEmails(em, trigger, message, recipients, choices, now);
    queued += await this.queueWebhooks(em, trigger, facts, now);
    await em.flush();
    await recordEvents(em, this.deps.schema, notifications.map((n) => notificationCreated(n, trigger, now)));
    return queued;
  }

  /** Each recipient's preference for this kind; addresses that unsubscribed get no e-mail. */
  private async choices(em: EntityManager, trigger: Trigger, recipients: Recipient[]): Promise<Choice[]> {
    const userIds = recipients.flatMap((r) => (r.userId ? [r.userId] : []));
    const prefs = userIds.length ? await em.find(NotificationPreference, { userId: { $in: userIds }, event: trigger.event }) : [];
    const byUser = new Map(prefs.map((p) => [p.userId, p]));
    const unsubscribed = new Set((await em.find(NotificationUnsubscribe, {
      address: { $in: recipients.map((r) => r.email.toLowerCase()) }, event: { $in: [trigger.event, '*'] },
    })).map((u) => u.address));
    return recipients.map((r) => {
      const pref = r.userId ? byUser.get(r.userId) : undefined;
      return { inApp: pref?.inApp ?? true, email: unsubscribed.has(r.email.toLowerCase()) ? 'OFF' : pref?.email ?? 'IMMEDIATE' };
    });
  }

  private async queueEmails(em: EntityManager, trigger: Trigger, message: RenderedMessage, recipients: Recipient[], choices: Choice[], now: Date): Promise<number> {
    const { notify } = this.deps.config;
    if (!notify.smtp) return 0;
    const secret = await this.secret();
    let queued = 0;
    recipients.forEach((r, i) => {
      const mode = choices[i]!.email;
      if (mode === 'OFF') return;
      const token = signUnsubscribe(secret, { address: r.email.toLowerCase(), userId: r.userId, event: trigger.event });
      const unsubscribeUrl = `${notify.publicUrl}/notifications/unsubscribe?token=${token}`;
      em.create(NotificationDelivery, {
        dedupeKey: `${trigger.source.id}:EMAIL:${r.email.toLowerCase()}`.slice(0, 200), channel: 'EMAIL', event: trigger.event,
        sourceEventId: trigger.source.id, recipient: r.email, userId: r.userId, digest: mode === 'DIGEST',
        payload: { ...withUnsubscribe(message, unsubscribeUrl), unsubscribeUrl },
        nextAttemptAt: mode === 'DIGEST' ? nextDigestAt(now, notify.digestHourUtc) : now, createdAt: now,
      });
      queued++;
    });
    return queued;
  }

  private async queueWebhooks(em: EntityManager, trigger: Trigger, facts: NotificationFacts, now: Date): Promise<number> {
    const endpoints = (await em.find(WebhookEndpoint, { active: true })).filter((e) => e.events.includes(trigger.event));
    if (endpoints.length === 0) return 0;
    const body = webhookBody(trigger, facts);
    for (const endpoint of endpoints) {
      em.create(NotificationDelivery, {
        dedupeKey: `${trigger.source.id}:WEBHOOK:${endpoint.id}`, channel: 'WEBHOOK', event: trigger.event, sourceEventId: trigger.source.id,
        recipient: endpoint.url, endpointId: endpoint.id, payload: { body }, nextAttemptAt: now, createdAt: now,
      });
    }
    return endpoints.length;
  }
}

/**
 * The event the gateway turns into `notificationAdded` for the recipient (and audit records). Its
 * subject is the notification alone: telling someone about a sample is not a change to the sample,
 * so it stays out of Sample.history (the sample and submission are in `data`).
 */
function notificationCreated(n: Notification, trigger: Trigger, now: Date): DomainEvent {
  return createEvent({ source: SOURCE, principal: SYSTEM, correlationId: trigger.source.correlationId }, {
    type: EventTypes.NotificationCreated,
    subject: { type: 'Notification', id: n.id, labId: trigger.labId },
    data: {
      recipientId: n.recipientId, event: n.event, title: n.title, body: n.body, sampleId: n.sampleId ?? null,
      submissionId: n.submissionId ?? null, createdAt: n.createdAt.toISOString(), sourceEventId: n.sourceEventId,
    },
  }, now) as DomainEvent;
}
