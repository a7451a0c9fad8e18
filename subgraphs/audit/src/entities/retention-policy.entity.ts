import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { AuditCategories } from './enums.js';

/** How long entries of one category are kept before pruning may remove them. */
export const RetentionPolicy = defineEntity({
  name: 'RetentionPolicy',
  tableName: 'retention_policy',
  properties: {
    category: p.enum([...AuditCategories]).primary(),
    retainDays: p.integer(),
    updatedAt: p.datetime(),
    updatedBy: p.string().length(100).nullable(),
  },
});
export type RetentionPolicy = InferEntity<typeof RetentionPolicy>;
