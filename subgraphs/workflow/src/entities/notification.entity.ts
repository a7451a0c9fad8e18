import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { NotificationEvents } from './notification-enums.js';

/** An in-app notification of one person; one per (source event, recipient), so a redelivered event adds none. */
export const Notification = defineEntity({
  name: 'Notification',
  tableName: 'notification',
  properties: {
    id: p.uuid().primary().onCreate(() => crypto.randomUUID()),
    recipientId: p.uuid(),
    event: p.enum([...NotificationEvents]),
    title: p.string().length(300),
    body: p.text(),
    sampleId: p.uuid().nullable(),
    submissionId: p.uuid().nullable(),
    sourceEventId: p.uuid(),
    createdAt: p.datetime(),
    readAt: p.datetime().nullable(),
  },
  uniques: [{ properties: ['sourceEventId', 'recipientId'] }],
  indexes: [{ properties: ['recipientId', 'createdAt', 'id'] }],
});
export type Notification = InferEntity<typeof Notification>;
