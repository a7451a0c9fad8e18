import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** Small values generated once and shared by every replica (the unsubscribe signing secret). */
export const NotifySetting = defineEntity({
  name: 'NotifySetting',
  tableName: 'notify_setting',
  properties: {
    key: p.string().length(100).primary(),
    value: p.text(),
  },
});
export type NotifySetting = InferEntity<typeof NotifySetting>;
