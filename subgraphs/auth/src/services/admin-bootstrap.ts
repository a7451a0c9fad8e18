import type { EntityManager } from '@mikro-orm/postgresql';
import { EventTypes, SYSTEM, emitEvent, type Logger, type UserCreatedData, type UserRoleChangedData, type UserUpdatedData } from '@app/common';
import type { AuthDeps } from '../deps.js';
import { User } from '../entities/index.js';
import { userSnapshot, userSubject } from './events.js';
import { checkNewPassword } from './password.service.js';
import type { PasswordHasher } from './password-hasher.js';
import { randomSecret } from './secrets.js';
import { findUserByEmail } from './session.service.js';

export interface AdminAccount { email: string; password: string; name?: string }

/**
 * Creates an ADMIN with `account`, or makes an existing user with that email an active ADMIN with
 * that password. Used by the first-start bootstrap and by `npm run create-admin`.
 */
export async function createOrPromoteAdmin(em: EntityManager, schema: string, passwords: PasswordHasher, account: AdminAccount, now: Date): Promise<{ user: User; created: boolean }> {
  checkNewPassword('password', account.password, { email: account.email, name: account.name ?? null });
  const passwordHash = await passwords.hash(account.password);
  const origin = { source: 'auth', principal: SYSTEM };
  return em.transactional(async (tx) => {
    const existing = await findUserByEmail(tx, account.email);
    if (existing) {
      const before = userSnapshot(existing);
      tx.assign(existing, { role: 'ADMIN', active: true, passwordHash, passwordChangedAt: now });
      await tx.flush();
      await emitEvent(tx, schema, origin, { type: EventTypes.UserUpdated, subject: userSubject(existing), data: { fields: ['role', 'active', 'password'], via: 'create-admin' } satisfies UserUpdatedData, before, after: userSnapshot(existing) });
      if (before.role !== 'ADMIN') await emitEvent(tx, schema, origin, { type: EventTypes.UserRoleChanged, subject: userSubject(existing), data: { role: 'ADMIN', previousRole: before.role } satisfies UserRoleChangedData, before: { role: before.role }, after: { role: 'ADMIN' } });
      return { user: existing, created: false };
    }
    const user = tx.create(User, { email: account.email.trim(), name: account.name ?? 'Administrator', role: 'ADMIN', passwordHash, passwordChangedAt: now });
    await tx.flush();
    await emitEvent(tx, schema, origin, { type: EventTypes.UserCreated, subject: userSubject(user), data: { email: user.email, role: 'ADMIN', via: 'bootstrap' } satisfies UserCreatedData, after: userSnapshot(user) });
    return { user, created: true };
  });
}

/** Where the one-time banner goes: the terminal of whoever just ran `npm start`. */
export type Announce = (text: string) => void;
const toStdout: Announce = (text) => process.stdout.write(text);

/** A plain block that stands out among the JSON log lines. */
export function firstAdminBanner(email: string, password: string): string {
  const rule = '='.repeat(72);
  return [
    '', rule,
    '  First start: an administrator account was created.',
    '',
    `    email:     ${email}`,
    `    password:  ${password}`,
    '',
    '  Sign in with the `login` mutation, then change the password (`changePassword`).',
    '  This is the only time the password is shown.',
    rule, '', '',
  ].join('\n');
}

/**
 * First start: with no users at all, ADMIN_EMAIL/ADMIN_PASSWORD create the first admin; in
 * embedded mode (AUTH_GENERATE_ADMIN) without them a random password is generated and shown once.
 */
export async function bootstrapFirstAdmin(deps: AuthDeps, logger: Logger, announce: Announce = toStdout): Promise<void> {
  const em = deps.orm.em.fork();
  if ((await em.count(User, {})) > 0) return;
  const { ADMIN_EMAIL, ADMIN_PASSWORD, ADMIN_NAME, AUTH_GENERATE_ADMIN } = deps.config;
  if (ADMIN_EMAIL && ADMIN_PASSWORD) {
    await createOrPromoteAdmin(em, deps.schema, deps.passwords, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD, name: ADMIN_NAME }, deps.now());
    logger.info({ email: ADMIN_EMAIL }, 'created the first admin from ADMIN_EMAIL');
    return;
  }
  if (!AUTH_GENERATE_ADMIN) {
    logger.warn('no users exist: set ADMIN_EMAIL and ADMIN_PASSWORD, or run `npm run create-admin`');
    return;
  }
  const email = 'admin@nanopore.local';
  const password = `${randomSecret(18)}`;
  await createOrPromoteAdmin(em, deps.schema, deps.passwords, { email, password, name: ADMIN_NAME }, deps.now());
  // The ONLY place a password is ever shown: the one-time embedded-mode bootstrap, so the person
  // who just started the tracker can sign in. It is random, never stored in clear, printed once to
  // the terminal and kept out of the log (logs are shipped and kept; a terminal is not).
  announce(firstAdminBanner(email, password));
  logger.warn({ email }, 'first admin created: its password is printed above, once; sign in and change it');
}
