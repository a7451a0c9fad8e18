import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/** A long-lived, scoped bearer token for BI tools and automation; only its SHA-256 is stored. */
export const ApiToken = defineEntity({
  name: 'ApiToken',
  tableName: 'api_token',
  properties: {
    id: p.uuid().primary().onCreate(() => crypto.randomUUID()),
    userId: p.uuid(),
    name: p.string().length(100),
    /** The first characters after `ntk_`, so people can tell their tokens apart. */
    prefix: p.string().length(12),
    tokenHash: p.string().length(64).unique(),
    scopes: p.array(),
    createdAt: p.datetime(),
    expiresAt: p.datetime(),
    lastUsedAt: p.datetime().nullable(),
    revokedAt: p.datetime().nullable(),
  },
  indexes: [{ properties: ['userId'] }],
});
export type ApiToken = InferEntity<typeof ApiToken>;
