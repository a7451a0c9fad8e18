import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * An address that followed an unsubscribe link (for addresses that are no user, such as a
 * submission's delivery list; users get their preference set to OFF instead). `event` '*' means all.
 */
export const NotificationUnsubscribe = defineEntity({
  name: 'NotificationUnsubscribe',
  tableName: 'notification_unsubscribe',
  properties: {
    address: p.string().length(320).primary(),
    event: p.string().length(40).primary(),
    createdAt: p.datetime(),
  },
});
export type NotificationUnsubscribe = InferEntity<typeof NotificationUnsubscribe>;
