import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { EmailModes, NotificationEvents } from './notification-enums.js';

/** One person's choice for one kind of notification; without a row: e-mail IMMEDIATE and in-app on. */
export const NotificationPreference = defineEntity({
  name: 'NotificationPreference',
  tableName: 'notification_preference',
  properties: {
    userId: p.uuid().primary(),
    event: p.enum([...NotificationEvents]).primary(),
    email: p.enum([...EmailModes]).default('IMMEDIATE'),
    inApp: p.boolean().default(true),
    updatedAt: p.datetime(),
  },
});
export type NotificationPreference = InferEntity<typeof NotificationPreference>;
