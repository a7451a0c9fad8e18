import { EventTypes, ForbiddenError, NotFoundError, UnauthenticatedError, ValidationError, type BaseContext, type PasswordChangedData, type PasswordResetData, type PasswordResetRequestedData } from '@app/common';
import { requirePerson } from './access.js';
import type { AuthDeps } from '../deps.js';
import { PasswordResetToken, User } from '../entities/index.js';
import { sessionIdOf } from './access-token.js';
import { emitAuthEvent, userSubject } from './events.js';
import { LoginThrottleStore, emailKey } from './login-throttle.js';
import { MAX_PASSWORD_LENGTH, passwordProblem } from './password-policy.js';
import { randomSecret, sha256 } from './secrets.js';
import type { SessionService } from './session.service.js';

const INVALID_RESET = 'The reset token is invalid, used or expired';

/** Throws a BAD_USER_INPUT naming `field` when the new password breaks the policy. */
export function checkNewPassword(field: string, password: string, user: { email?: string | null; name?: string | null }): void {
  const problem = passwordProblem(password ?? '', user);
  if (problem) throw ValidationError.field(field, problem);
}

/** Changing, resetting and (for admins) issuing reset tokens for passwords. */
export class PasswordService {
  constructor(private readonly deps: AuthDeps, private readonly ctx: BaseContext, private readonly sessions: SessionService) {}

  /** Needs the current password; ends every other session of the user (this one stays signed in). */
  async change(currentPassword: string, newPassword: string): Promise<boolean> {
    const { principal } = this.ctx;
    requirePerson(principal);
    if (!principal.userId) throw new ForbiddenError('Only a signed-in person can change their password');
    const user = await this.ctx.em.findOne(User, principal.userId!);
    if (!user || !user.active) throw new UnauthenticatedError();
    const current = currentPassword && currentPassword.length <= MAX_PASSWORD_LENGTH && user.passwordHash
      ? await this.deps.passwords.verify(user.passwordHash, currentPassword) : false;
    if (!current) throw ValidationError.field('currentPassword', 'is not your current password');
    checkNewPassword('newPassword', newPassword, user);
    if (newPassword === currentPassword) throw ValidationError.field('newPassword', 'must differ from the current password');
    const hash = await this.deps.passwords.hash(newPassword);
    const keep = sessionIdOf(principal.tokenId);
    await this.ctx.em.transactional(async (em) => {
      const fresh = await em.findOneOrFail(User, user.id);
      fresh.passwordHash = hash;
      fresh.passwordChangedAt = this.deps.now();
      const ended = await this.sessions.revokeFamilies(em, { userId: user.id, exceptFamilyId: keep }, 'PASSWORD_CHANGED');
      await emitAuthEvent(this.deps, em, this.ctx, { type: EventTypes.PasswordChanged, subject: userSubject(fresh), data: { otherSessionsEnded: ended } satisfies PasswordChangedData });
    });
    return true;
  }

  /** Admin only: a single-use token valid for PASSWORD_RESET_MINUTES; earlier unused ones stop working. */
  async requestReset(userId: string): Promise<{ token: string; expiresAt: Date; user: User }> {
    requirePerson(this.ctx.principal, 'ADMIN');
    const user = await this.ctx.em.findOne(User, userId);
    if (!user) throw new NotFoundError('User', userId);
    const token = `nrt_${randomSecret()}`;
    const now = this.deps.now();
    const expiresAt = new Date(now.getTime() + this.deps.config.PASSWORD_RESET_MINUTES * 60_000);
    await this.ctx.em.transactional(async (em) => {
      await em.nativeUpdate(PasswordResetToken, { userId, usedAt: null }, { usedAt: now });
      em.create(PasswordResetToken, { userId, tokenHash: sha256(token), createdBy: this.ctx.principal.userId, createdAt: now, expiresAt });
      await em.flush();
      await emitAuthEvent(this.deps, em, this.ctx, { type: EventTypes.PasswordResetRequested, subject: userSubject(user), data: { expiresAt: expiresAt.toISOString() } satisfies PasswordResetRequestedData });
    });
    return { token, expiresAt, user };
  }

  /** Sets a new password with a reset token; ends every session and clears any lockout. */
  async reset(token: string, newPassword: string): Promise<boolean> {
    const row = token && token.length <= 200 ? await this.ctx.em.findOne(PasswordResetToken, { tokenHash: sha256(token) }) : null;
    if (!row || row.usedAt || row.expiresAt <= this.deps.now()) throw new UnauthenticatedError(INVALID_RESET);
    const user = await this.ctx.em.findOne(User, row.userId);
    if (!user || !user.active) throw new UnauthenticatedError(INVALID_RESET);
    checkNewPassword('newPassword', newPassword, user);
    const hash = await this.deps.passwords.hash(newPassword);
    await this.ctx.em.transactional(async (em) => {
      // Conditional update: a token raced by two requests is used by exactly one.
      const used = await em.nativeUpdate(PasswordResetToken, { id: row.id, usedAt: null }, { usedAt: this.deps.now() });
      if (used !== 1) throw new UnauthenticatedError(INVALID_RESET);
      const fresh = await em.findOneOrFail(User, user.id);
      fresh.passwordHash = hash;
      fresh.passwordChangedAt = this.deps.now();
      const ended = await this.sessions.revokeFamilies(em, { userId: user.id }, 'PASSWORD_RESET');
      await new LoginThrottleStore(this.deps).clear(em, emailKey(user.email));
      await emitAuthEvent(this.deps, em, this.ctx, { type: EventTypes.PasswordReset, subject: userSubject(fresh), data: { sessionsEnded: ended, resetTokenId: row.id } satisfies PasswordResetData });
    });
    return true;
  }
}
