import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { DeliveryChannels, DeliveryStatuses, NotificationEvents } from './notification-enums.js';

/**
 * The delivery outbox and log: one row per e-mail or webhook call to make, written in the same
 * transaction as the event's processing marker, claimed by workers with SKIP LOCKED and retried
 * with backoff until sent or the retry window is over. `dedupeKey` makes a redelivered event a no-op.
 */
export const NotificationDelivery = defineEntity({
  name: 'NotificationDelivery',
  tableName: 'notification_delivery',
  properties: {
    id: p.uuid().primary().onCreate(() => crypto.randomUUID()),
    dedupeKey: p.string().length(200).unique(),
    channel: p.enum([...DeliveryChannels]),
    event: p.enum([...NotificationEvents]),
    sourceEventId: p.uuid(),
    /** E-mail address, or the endpoint's URL for webhooks. */
    recipient: p.string().length(2000),
    endpointId: p.uuid().nullable(),
    userId: p.uuid().nullable(),
    /** E-mail: { subject, text, html, unsubscribeUrl }; webhook: { body } (the exact JSON signed). */
    payload: p.json<Record<string, unknown>>(),
    /** Part of a daily digest: sent with the recipient's other digest items at `nextAttemptAt`. */
    digest: p.boolean().default(false),
    status: p.enum([...DeliveryStatuses]).default('PENDING'),
    attempts: p.integer().default(0),
    nextAttemptAt: p.datetime(),
    claimedUntil: p.datetime().nullable(),
    lastError: p.text().nullable(),
    responseCode: p.integer().nullable(),
    replayOf: p.uuid().nullable(),
    createdAt: p.datetime(),
    sentAt: p.datetime().nullable(),
  },
  indexes: [{ properties: ['status', 'nextAttemptAt'] }, { properties: ['endpointId', 'createdAt', 'id'] }],
});
export type NotificationDelivery = InferEntity<typeof NotificationDelivery>;
