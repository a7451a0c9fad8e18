import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Roles } from '@app/common';

/**
 * Read model of auth's users, kept from UserCreated/UserUpdated/UserRoleChanged/UserDeactivated:
 * who to notify and where, without reading auth's tables.
 */
export const NotifyUser = defineEntity({
  name: 'NotifyUser',
  tableName: 'notify_user',
  properties: {
    id: p.uuid().primary(),
    email: p.string().length(320),
    name: p.string().length(255).nullable(),
    role: p.enum([...Roles]).nullable(),
    labId: p.string().length(100).nullable(),
    labName: p.string().length(255).nullable(),
    active: p.boolean().default(true),
    updatedAt: p.datetime(),
  },
  indexes: [{ properties: ['labId'] }, { properties: ['role'] }],
});
export type NotifyUser = InferEntity<typeof NotifyUser>;
