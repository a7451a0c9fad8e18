import { defineEntity, p, type InferEntity } from '@mikro-orm/core';

/**
 * Failed-login counter for one key: `email:<lower-case address>` (the account lockout, kept for
 * unknown addresses too so a lock does not reveal whether an account exists) or `ip:<address>`.
 */
export const LoginThrottle = defineEntity({
  name: 'LoginThrottle',
  tableName: 'login_throttle',
  properties: {
    key: p.string().length(400).primary(),
    failures: p.integer(),
    windowStartedAt: p.datetime(),
    lockedUntil: p.datetime().nullable(),
  },
});
export type LoginThrottle = InferEntity<typeof LoginThrottle>;
