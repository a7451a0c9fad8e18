import { defineEntity, p, type InferEntity } from '@mikro-orm/core';
import { Roles } from '@app/common';

/**
 * A person who signs in. Email is unique regardless of case: the unique index is on lower(email),
 * so the address keeps the case the person typed and sign-in looks it up by lower(email).
 */
export const User = defineEntity({
  name: 'User',
  tableName: 'app_user',
  properties: {
    id: p.uuid().primary().onCreate(() => crypto.randomUUID()),
    email: p.string().length(320),
    name: p.string().length(200),
    role: p.enum([...Roles]),
    labId: p.string().length(100).nullable(),
    labName: p.string().length(200).nullable(),
    active: p.boolean().default(true),
    /** argon2id PHC string; null until a password is set (by the admin or a reset token). */
    passwordHash: p.text().nullable(),
    passwordChangedAt: p.datetime().nullable(),
    lastLoginAt: p.datetime().nullable(),
    createdAt: p.datetime().onCreate(() => new Date()),
    updatedAt: p.datetime().onCreate(() => new Date()).onUpdate(() => new Date()),
  },
  indexes: [{ properties: ['role'] }, { properties: ['labId'] }],
  uniques: [{ name: 'app_user_email_lower_unique', expression: (table, columns, name) => `create unique index "${name}" on "${table.schema}"."${table.name}" (lower("${columns.email}"))` }],
});
export type User = InferEntity<typeof User>;
