import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * One refresh token of a session. Rotation spends it and adds the next token to the same family;
 * presenting a spent token revokes the whole family. Only the SHA-256 of the token is stored.
 */
export const RefreshToken = defineEntity({
  name: 'RefreshToken',
  tableName: 'refresh_token',
  properties: {
    id: p.uuid().primary().onCreate(() => crypto.randomUUID()),
    familyId: p.uuid(),
    userId: p.uuid(),
    tokenHash: p.string().length(64).unique(),
    createdAt: p.datetime(),
    expiresAt: p.datetime(),
    spentAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
    revokedReason: p.string().length(40).nullable(),
    ip: p.string().length(64).nullable(),
    userAgent: p.string().length(300).nullable(),
  },
  indexes: [
    { properties: ['familyId'] },
    { properties: ['userId'] },
    // Live sessions of a user (sign out everywhere, password change) without scanning spent tokens.
    { name: 'refresh_token_live_index', expression: (table, columns, name) => `create index "${name}" on "${table.schema}"."${table.name}" ("${columns.userId}") where "${columns.revokedAt}" is null` },
  ],
});
export type RefreshToken = InferEntity<typeof RefreshToken>;
