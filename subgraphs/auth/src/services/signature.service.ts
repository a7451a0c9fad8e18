import {
  ErrorCode, EventTypes, ForbiddenError, RECENT_SIGN_IN_SECONDS, RateLimitedError, SignatureError, SignatureMeanings, UnauthenticatedError,
  ValidationError, signSignatureToken, type BaseContext, type SignatureClaims, type SignatureMeaning, type SignatureMethod, type SignatureIssuedData,
} from '@app/common';
import type { AuthDeps } from '../deps.js';
import { User } from '../entities/index.js';
import { requirePerson } from './access.js';
import { emitAuthEvent, userSubject } from './events.js';
import { LoginThrottleStore, emailKey, ipKey } from './login-throttle.js';
import { MAX_PASSWORD_LENGTH } from './password-policy.js';
import type { SessionService } from './session.service.js';

export interface SignRecordInput {
  password?: string | null;
  meaning: SignatureMeaning;
  recordType: string;
  recordId: string;
  recordHash: string;
}

/** A signature just made: the token to hand to the subgraph that changes the record, and what it says. */
export interface IssuedSignature {
  token: string;
  claims: SignatureClaims;
  signer: User;
}

const HASH = /^[0-9a-f]{64}$/;
const WRONG_PASSWORD = 'The password is wrong; the record was not signed';

/**
 * E-signatures (21 CFR Part 11 §11.200): the signer re-authenticates (their password, or a sign-in
 * with it at most RECENT_SIGN_IN_SECONDS ago) and auth signs a 5-minute, single-use token bound to
 * the hash of one record. Wrong passwords count towards the sign-in lockout, so this is no oracle.
 */
export class SignatureService {
  private readonly throttle: LoginThrottleStore;

  constructor(private readonly deps: AuthDeps, private readonly ctx: BaseContext, private readonly sessions: SessionService) {
    this.throttle = new LoginThrottleStore(deps);
  }

  async sign(input: SignRecordInput): Promise<IssuedSignature> {
    const { principal } = this.ctx;
    requirePerson(principal);
    if (principal.kind !== 'user' || !principal.userId) throw new ForbiddenError('Only a signed-in person can sign a record');
    this.check(input);
    const user = await this.ctx.em.findOne(User, principal.userId);
    if (!user || !user.active) throw new UnauthenticatedError();
    const method = input.password ? await this.checkPassword(user, input.password) : this.checkRecentSignIn();
    const now = this.deps.now();
    const claims: Omit<SignatureClaims, 'expiresAt'> = {
      signatureId: crypto.randomUUID(), signerId: user.id, signerName: user.name, meaning: input.meaning, method,
      recordType: input.recordType, recordId: input.recordId, recordHash: input.recordHash, signedAt: new Date(Math.floor(now.getTime() / 1000) * 1000),
    };
    const { token, expiresAt } = await signSignatureToken(this.deps.keys.current, this.deps.config.AUTH_ISSUER, claims);
    await this.ctx.em.transactional(async (em) => {
      await emitAuthEvent(this.deps, em, this.ctx, {
        type: EventTypes.SignatureIssued, subject: userSubject(user),
        data: {
          signatureId: claims.signatureId, meaning: claims.meaning, method, recordType: claims.recordType, recordId: claims.recordId,
          recordHash: claims.recordHash, expiresAt: expiresAt.toISOString(),
        } satisfies SignatureIssuedData,
      });
    });
    return { token, claims: { ...claims, expiresAt }, signer: user };
  }

  private check(input: SignRecordInput): void {
    if (!SignatureMeanings.includes(input.meaning)) throw ValidationError.field('meaning', `must be one of ${SignatureMeanings.join(', ')}`);
    if (!input.recordType?.trim() || input.recordType.length > 100) throw ValidationError.field('recordType', 'must be 1-100 characters');
    if (!input.recordId?.trim() || input.recordId.length > 200) throw ValidationError.field('recordId', 'must be 1-200 characters');
    if (!HASH.test(input.recordHash ?? '')) throw ValidationError.field('recordHash', 'must be a SHA-256 digest in lower-case hex (64 characters)');
    if (input.password && input.password.length > MAX_PASSWORD_LENGTH) throw ValidationError.field('password', `must be 1-${MAX_PASSWORD_LENGTH} characters`);
  }

  /** The sign-in lockout applies: a locked account cannot sign, and each wrong password counts as a failed sign-in. */
  private async checkPassword(user: User, password: string): Promise<SignatureMethod> {
    const ip = this.ctx.client.ip;
    const lockedUntil = await this.throttle.lockedUntil(this.ctx.em, [emailKey(user.email), ...(ip ? [ipKey(ip)] : [])]);
    if (lockedUntil) {
      await this.sessions.recordFailure(user.email, user, 'LOCKED', false);
      throw new RateLimitedError('Too many wrong passwords; try again later', Math.ceil((lockedUntil.getTime() - this.deps.now().getTime()) / 1000));
    }
    const matches = user.passwordHash ? await this.deps.passwords.verify(user.passwordHash, password) : false;
    if (!matches) {
      await this.sessions.recordFailure(user.email, user, 'SIGNATURE_WRONG_PASSWORD', true);
      throw new SignatureError(WRONG_PASSWORD, ErrorCode.SIGNATURE_REQUIRED, { field: 'password' });
    }
    return 'PASSWORD';
  }

  /** Without a password, the caller's sign-in (with password) must be at most RECENT_SIGN_IN_SECONDS old. */
  private checkRecentSignIn(): SignatureMethod {
    const authTime = this.ctx.principal.authTime;
    const age = authTime ? this.deps.now().getTime() / 1000 - authTime : Infinity;
    if (age > RECENT_SIGN_IN_SECONDS) {
      throw new SignatureError(`Re-enter your password to sign: you signed in more than ${RECENT_SIGN_IN_SECONDS / 60} minutes ago`, ErrorCode.SIGNATURE_REQUIRED, { field: 'password' });
    }
    return 'RECENT_SIGN_IN';
  }
}
