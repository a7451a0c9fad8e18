import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A single-use, short-lived token an admin issues for a forgotten password; stored as SHA-256. */
export const PasswordResetToken = defineEntity({
  name: 'PasswordResetToken',
  tableName: 'password_reset_token',
  properties: {
    id: p.uuid().primary().onCreate(() => crypto.randomUUID()),
    userId: p.uuid(),
    tokenHash: p.string().length(64).unique(),
    createdBy: p.uuid().nullable(),
    createdAt: p.datetime(),
    expiresAt: p.datetime(),
    usedAt: p.datetime().nullable(),
  },
  indexes: [{ properties: ['userId'] }],
});
export type PasswordResetToken = InferEntity<typeof PasswordResetToken>;
