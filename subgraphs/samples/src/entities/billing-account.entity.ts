import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A chart field (billing account) of one lab; admins manage them, work may only use active ones of its lab. */
export const BillingAccount = defineEntity({
  name: 'BillingAccount',
  tableName: 'billing_account',
  properties: {
    id: p.uuid().primary().onCreate(() => crypto.randomUUID()),
    code: p.string().length(50).unique(),
    description: p.text().nullable(),
    labId: p.string().length(100),
    active: p.boolean().default(true),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
  indexes: [{ properties: ['labId', 'active'] }],
});
export type BillingAccount = InferEntity<typeof BillingAccount>;
