import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import type { NotificationEvent } from './notification-enums.js';

/** A receiver registered by an admin: where to POST which events, and the secret that signs them. */
export const WebhookEndpoint = defineEntity({
  name: 'WebhookEndpoint',
  tableName: 'webhook_endpoint',
  properties: {
    id: p.uuid().primary().onCreate(() => crypto.randomUUID()),
    url: p.string().length(2000),
    events: p.json<NotificationEvent[]>(),
    /** Needed in clear to sign; shown once at registration, never returned again. */
    secret: p.string().length(200),
    description: p.string().length(500).nullable(),
    active: p.boolean().default(true),
    createdById: p.uuid().nullable(),
    createdAt: p.datetime(),
    updatedAt: p.datetime(),
  },
});
export type WebhookEndpoint = InferEntity<typeof WebhookEndpoint>;
