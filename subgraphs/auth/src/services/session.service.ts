import { raw } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { EventTypes, ForbiddenError, RateLimitedError, UnauthenticatedError, ValidationError, type BaseContext, type AccountLockedData, type LoggedOutData, type LoginFailedData, type LoginSucceededData, type RefreshTokenReusedData, type SessionRefreshedData } from '@app/common';
import { requirePerson } from './access.js';
import type { AuthDeps } from '../deps.js';
import { RefreshToken, User } from '../entities/index.js';
import { signAccessToken } from './access-token.js';
import { emitAuthEvent, principalOf, userSubject } from './events.js';
import { LoginThrottleStore, emailKey, ipKey } from './login-throttle.js';
import { MAX_PASSWORD_LENGTH } from './password-policy.js';
import { randomSecret, sha256 } from './secrets.js';

export interface AuthPayload {
  accessToken: string;
  refreshToken: string;
  expiresAt: Date;
  refreshExpiresAt: Date;
  user: User;
}

/** One message for every sign-in failure, so it never tells whether the email exists. */
const INVALID_LOGIN = 'Invalid email or password';
const INVALID_REFRESH = 'The refresh token is invalid or expired';
const LOOKS_LIKE_EMAIL = /^[^\s@]{1,64}@[^\s@]{1,255}$/;

export async function findUserByEmail(em: EntityManager, email: string): Promise<User | null> {
  return em.findOne(User, { [raw('lower(email)')]: email.trim().toLowerCase() } as never);
}

/** Sign-in, refresh-token rotation with reuse detection, and sign-out. */
export class SessionService {
  private readonly throttle: LoginThrottleStore;

  constructor(private readonly deps: AuthDeps, private readonly ctx: BaseContext) {
    this.throttle = new LoginThrottleStore(deps);
  }

  async login(email: string, password: string): Promise<AuthPayload> {
    if (!email?.trim() || email.length > 320) throw ValidationError.field('email', 'must be 1-320 characters');
    if (!password || password.length > MAX_PASSWORD_LENGTH) throw ValidationError.field('password', `must be 1-${MAX_PASSWORD_LENGTH} characters`);
    const ip = this.ctx.client.ip;
    const keys = [emailKey(email), ...(ip ? [ipKey(ip)] : [])];
    const lockedUntil = await this.throttle.lockedUntil(this.ctx.em, keys);
    if (lockedUntil) {
      await this.recordFailure(email, null, 'LOCKED', false);
      throw new RateLimitedError('Too many failed sign-in attempts; try again later', Math.ceil((lockedUntil.getTime() - this.deps.now().getTime()) / 1000));
    }
    const user = await findUserByEmail(this.ctx.em, email);
    const matches = user?.passwordHash ? await this.deps.passwords.verify(user.passwordHash, password) : await this.deps.passwords.verifyDummy(password);
    if (!user || !matches || !user.active) {
      await this.recordFailure(email, user, user && !user.active && matches ? 'INACTIVE' : 'INVALID_CREDENTIALS', true);
      throw new UnauthenticatedError(INVALID_LOGIN);
    }
    const rehash = this.deps.passwords.needsRehash(user.passwordHash!) ? await this.deps.passwords.hash(password) : null;
    return this.ctx.em.transactional(async (em) => {
      const fresh = await em.findOneOrFail(User, user.id);
      fresh.lastLoginAt = this.deps.now();
      if (rehash) fresh.passwordHash = rehash;
      await this.throttle.clear(em, emailKey(email));
      const payload = await this.startSession(em, fresh);
      await emitAuthEvent(this.deps, em, this.ctx, { type: EventTypes.LoginSucceeded, subject: userSubject(fresh), data: { sessionId: payload.sessionId } satisfies LoginSucceededData }, principalOf(fresh));
      return payload;
    });
  }

  /**
   * Counts the failure and records the event in a transaction of its own, so both are committed
   * although the sign-in itself fails.
   */
  async recordFailure(email: string, user: User | null, reason: string, count: boolean): Promise<void> {
    const ip = this.ctx.client.ip;
    const { config } = this.deps;
    await this.ctx.em.transactional(async (em) => {
      const accountLocked = count && await this.throttle.fail(em, emailKey(email), config.LOGIN_MAX_FAILURES, config.LOGIN_LOCK_MINUTES);
      const addressLocked = count && !!ip && await this.throttle.fail(em, ipKey(ip), config.LOGIN_IP_MAX_FAILURES, config.LOGIN_LOCK_MINUTES);
      // The attempted address helps spot attacks on unknown accounts; anything not shaped like an
      // email (a password typed in the wrong box, say) is left out.
      const attempted = LOOKS_LIKE_EMAIL.test(email.trim()) ? email.trim().toLowerCase() : null;
      const subject = user ? userSubject(user) : { type: 'LoginAttempt', id: crypto.randomUUID() };
      await emitAuthEvent(this.deps, em, this.ctx, { type: EventTypes.LoginFailed, subject, data: { reason, email: attempted, accountLocked, addressLocked } satisfies LoginFailedData });
      if (accountLocked && user) {
        await emitAuthEvent(this.deps, em, this.ctx, {
          type: EventTypes.AccountLocked, subject: userSubject(user),
          data: { failures: config.LOGIN_MAX_FAILURES, windowMinutes: config.LOGIN_FAILURE_WINDOW_MINUTES, lockMinutes: config.LOGIN_LOCK_MINUTES } satisfies AccountLockedData,
        });
      }
      if (addressLocked) this.ctx.logger.warn({ ip }, 'client address locked after repeated failed sign-ins');
    });
  }

  /**
   * A new session (a refresh-token family with its first token) or its next token, and an access
   * token; `authTime` is when the password was entered for the session (now, for a sign-in).
   */
  async startSession(em: EntityManager, user: User, familyId: string = crypto.randomUUID(), authTime: Date = this.deps.now()): Promise<AuthPayload & { sessionId: string }> {
    const now = this.deps.now();
    const refreshToken = randomSecret();
    const refreshExpiresAt = new Date(now.getTime() + this.deps.config.REFRESH_TOKEN_DAYS * 86_400_000);
    em.create(RefreshToken, {
      familyId, userId: user.id, tokenHash: sha256(refreshToken), createdAt: now, expiresAt: refreshExpiresAt,
      ip: this.ctx.client.ip?.slice(0, 64) ?? null, userAgent: this.ctx.client.userAgent?.slice(0, 300) ?? null,
    });
    await em.flush();
    const access = await signAccessToken(this.deps, user, familyId, authTime);
    return { accessToken: access.token, expiresAt: access.expiresAt, refreshToken, refreshExpiresAt, user, sessionId: familyId };
  }

  /**
   * Spends `token` and returns the next one; a spent token revokes its whole family (theft detection),
   * unless it was spent moments ago (`withinReuseGrace`).
   */
  async refresh(token: string): Promise<AuthPayload> {
    const row = token && token.length <= 200 ? await this.ctx.em.findOne(RefreshToken, { tokenHash: sha256(token) }) : null;
    if (!row) throw new UnauthenticatedError(INVALID_REFRESH);
    const live = !row.revokedAt && row.expiresAt > this.deps.now();
    if (row.spentAt) return live && await this.withinReuseGrace(this.ctx.em, row) ? this.rotate(row, { graceReuse: true }) : this.reused(row);
    if (!live) throw new UnauthenticatedError(INVALID_REFRESH);
    return this.rotate(row, { graceReuse: false });
  }

  /**
   * Whether a spent token presented again is a client that lost the answer to its own refresh (a page
   * reloaded, a tab closed mid-request) rather than a thief. As Auth0's rotation "reuse interval"
   * (leeway): within `AUTH_REFRESH_REUSE_GRACE_SECONDS` of being spent, and only while none of its
   * successors has been used (Auth0: "only the previous token can be reused"; an older one is theft),
   * the token rotates again instead of revoking the family. Auth0 then issues a fresh token and leaves
   * the successor issued before valid too: the lost answer may still reach another tab, and revoking it
   * would sign that tab out, which is the failure the interval exists to prevent. The exposure is
   * bounded by the interval: after it, presenting the token revokes the family as before.
   */
  private async withinReuseGrace(em: EntityManager, row: RefreshToken): Promise<boolean> {
    const graceMs = this.deps.config.AUTH_REFRESH_REUSE_GRACE_SECONDS * 1000;
    if (!row.spentAt || graceMs === 0 || this.deps.now().getTime() - row.spentAt.getTime() > graceMs) return false;
    // Its successors are the family's tokens issued since it was spent; once one of them has been
    // used, this token is no longer the previous one.
    const usedSuccessors = await em.count(RefreshToken, { familyId: row.familyId, id: { $ne: row.id }, createdAt: { $gte: row.spentAt }, spentAt: { $ne: null } });
    return usedSuccessors === 0;
  }

  /** Spends `row` (or, within the reuse grace, spends it again) and issues the next token of its family. */
  private async rotate(row: RefreshToken, { graceReuse }: { graceReuse: boolean }): Promise<AuthPayload> {
    const user = await this.ctx.em.findOne(User, row.userId);
    if (!user || !user.active) {
      await this.ctx.em.transactional((em) => this.revokeFamilies(em, { familyId: row.familyId }, 'INACTIVE'));
      throw new UnauthenticatedError(INVALID_REFRESH);
    }
    const next = await this.ctx.em.transactional(async (em) => {
      // Conditional update: of two concurrent refreshes with one token, only one spends it. A grace
      // reuse matches the row as it was read (spent at that time, family not revoked since), so a
      // revocation or a later rotation that lands in between wins.
      const spent = graceReuse
        ? await em.nativeUpdate(RefreshToken, { id: row.id, spentAt: row.spentAt, revokedAt: null }, { spentAt: row.spentAt })
        : await em.nativeUpdate(RefreshToken, { id: row.id, spentAt: null, revokedAt: null }, { spentAt: this.deps.now() });
      if (spent !== 1) return null;
      if (graceReuse && !(await this.withinReuseGrace(em, row))) return null;
      const payload = await this.startSession(em, user, row.familyId, await this.sessionStart(em, row.familyId));
      // Every change to a session is on the audit trail, the rotation included (issue 6: no mutation skips its event).
      await emitAuthEvent(this.deps, em, this.ctx, {
        type: EventTypes.SessionRefreshed, subject: userSubject(user), data: { sessionId: row.familyId, tokenId: row.id, ...(graceReuse ? { graceReuse: true } : {}) } satisfies SessionRefreshedData,
      }, principalOf(user));
      return payload;
    });
    if (next) return next;
    // Lost a race. Two first spends at once (two tabs, say) are the case the grace exists for: the
    // loser re-reads the row the winner spent and takes the grace path; anything else is reuse.
    if (!graceReuse) {
      const fresh = await this.ctx.em.fork().findOne(RefreshToken, row.id);
      if (fresh?.spentAt && !fresh.revokedAt && await this.withinReuseGrace(this.ctx.em.fork(), fresh)) return this.rotate(fresh, { graceReuse: true });
    }
    return this.reused(row);
  }

  /** When the family's sign-in happened (its first token), which a refresh does not renew. */
  private async sessionStart(em: EntityManager, familyId: string): Promise<Date> {
    const first = await em.findOne(RefreshToken, { familyId }, { orderBy: { createdAt: 'asc' }, fields: ['createdAt'] });
    return first?.createdAt ?? new Date(0);
  }

  private async reused(row: RefreshToken): Promise<never> {
    await this.ctx.em.transactional(async (em) => {
      const revoked = await this.revokeFamilies(em, { familyId: row.familyId }, 'REUSED');
      await emitAuthEvent(this.deps, em, this.ctx, {
        type: EventTypes.RefreshTokenReused, subject: { type: 'User', id: row.userId }, data: { sessionId: row.familyId, tokenId: row.id, sessionsRevoked: revoked } satisfies RefreshTokenReusedData,
      });
    });
    throw new UnauthenticatedError(INVALID_REFRESH);
  }

  /** Ends the session `token` belongs to. True when a live session was ended. */
  async logout(token: string): Promise<boolean> {
    const row = token && token.length <= 200 ? await this.ctx.em.findOne(RefreshToken, { tokenHash: sha256(token) }) : null;
    if (!row || row.revokedAt) return false;
    return this.ctx.em.transactional(async (em) => {
      const ended = await this.revokeFamilies(em, { familyId: row.familyId }, 'LOGOUT');
      await emitAuthEvent(this.deps, em, this.ctx, { type: EventTypes.LoggedOut, subject: { type: 'User', id: row.userId }, data: { sessionId: row.familyId, everywhere: false } satisfies LoggedOutData });
      return ended > 0;
    });
  }

  /** Ends every session of the caller; returns how many were live. */
  async logoutEverywhere(): Promise<number> {
    const { principal } = this.ctx;
    requirePerson(principal);
    if (!principal.userId) throw new ForbiddenError('Only a signed-in person can sign out');
    return this.ctx.em.transactional(async (em) => {
      const ended = await this.revokeFamilies(em, { userId: principal.userId! }, 'LOGOUT_EVERYWHERE');
      await emitAuthEvent(this.deps, em, this.ctx, { type: EventTypes.LoggedOut, subject: { type: 'User', id: principal.userId!, labId: principal.labId }, data: { everywhere: true, sessionsEnded: ended } satisfies LoggedOutData });
      return ended;
    });
  }

  /** Revokes every token of the matching families; returns the number of sessions that were live. */
  async revokeFamilies(em: EntityManager, where: { familyId?: string; userId?: string; exceptFamilyId?: string | null }, reason: string): Promise<number> {
    const filter = {
      ...(where.familyId ? { familyId: where.familyId } : {}),
      ...(where.userId ? { userId: where.userId } : {}),
      ...(where.exceptFamilyId ? { familyId: { $ne: where.exceptFamilyId } } : {}),
      revokedAt: null,
    };
    const live = await em.find(RefreshToken, { ...filter, spentAt: null, expiresAt: { $gt: this.deps.now() } }, { fields: ['familyId'] });
    await em.nativeUpdate(RefreshToken, filter, { revokedAt: this.deps.now(), revokedReason: reason });
    return new Set(live.map((r) => r.familyId)).size;
  }
}
