import type { EntityManager } from '@mikro-orm/postgresql';
import { EventTypes, ApiScopes, ForbiddenError, keysetPage, NEWEST_FIRST, NotFoundError, Problems, type BaseContext, type Connection, type Principal, type ApiTokenCreatedData, type ApiTokenRevokedData } from '@app/common';
import type { AuthDeps } from '../deps.js';
import { ApiToken, User } from '../entities/index.js';
import { requirePerson } from './access.js';
import { emitAuthEvent } from './events.js';
import { randomSecret, sha256 } from './secrets.js';

export const API_TOKEN_PREFIX = 'ntk_';
/** lastUsedAt is written at most this often per token, so busy BI tools do not write on every call. */
const TOUCH_INTERVAL_MS = 60_000;

export interface CreateApiTokenInput { name: string; scopes: string[]; expiresAt?: Date | null }

/** Scoped bearer tokens for BI tools and automation; the secret is shown once and stored hashed. */
export class ApiTokenService {
  constructor(private readonly deps: AuthDeps, private readonly ctx: BaseContext) {}

  async create(input: CreateApiTokenInput): Promise<{ token: string; apiToken: ApiToken }> {
    const { principal } = this.ctx;
    requirePerson(principal);
    if (!principal.userId) throw new ForbiddenError('Only a person can own an API token');
    const problems = new Problems();
    const name = problems.text('name', input.name, { max: 100 });
    const scopes = [...new Set(input.scopes ?? [])];
    if (scopes.length === 0) problems.add('scopes', 'must name at least one scope');
    scopes.forEach((s, i) => { if (!(ApiScopes as readonly string[]).includes(s)) problems.add(`scopes.${i}`, `"${s.slice(0, 40)}" is not one of ${ApiScopes.join(', ')}`); });
    // A token never does more than its owner's role allows anyway; refusing write scopes to
    // viewers up front keeps their tokens honest about what they can do.
    if (principal.role === 'VIEWER' && scopes.some((s) => s.endsWith(':write'))) problems.add('scopes', 'viewers can only create read scopes');
    const expiresAt = this.expiryOf(problems, input.expiresAt);
    problems.throwIfAny();
    const secret = randomSecret();
    const token = `${API_TOKEN_PREFIX}${secret}`;
    return this.ctx.em.transactional(async (em) => {
      const apiToken = em.create(ApiToken, { userId: principal.userId!, name: name!, prefix: secret.slice(0, 8), tokenHash: sha256(token), scopes, createdAt: this.deps.now(), expiresAt });
      await em.flush();
      await emitAuthEvent(this.deps, em, this.ctx, {
        type: EventTypes.ApiTokenCreated, subject: { type: 'ApiToken', id: apiToken.id, labId: principal.labId },
        data: { name: apiToken.name, scopes, expiresAt: expiresAt.toISOString(), ownerId: principal.userId } satisfies ApiTokenCreatedData,
      });
      return { token, apiToken };
    });
  }

  private expiryOf(problems: Problems, requested: Date | null | undefined): Date {
    const now = this.deps.now().getTime();
    const { API_TOKEN_DEFAULT_DAYS, API_TOKEN_MAX_DAYS } = this.deps.config;
    if (!requested) return new Date(now + API_TOKEN_DEFAULT_DAYS * 86_400_000);
    if (requested.getTime() <= now) problems.add('expiresAt', 'must be in the future');
    if (requested.getTime() > now + API_TOKEN_MAX_DAYS * 86_400_000) problems.add('expiresAt', `must be within ${API_TOKEN_MAX_DAYS} days`);
    return requested;
  }

  /** Owners revoke their own tokens; ADMIN revokes anyone's. */
  async revoke(id: string): Promise<ApiToken> {
    const { principal } = this.ctx;
    requirePerson(principal);
    return this.ctx.em.transactional(async (em) => {
      const token = await em.findOne(ApiToken, id);
      if (!token || (token.userId !== principal.userId && principal.role !== 'ADMIN' && principal.kind !== 'service')) throw new NotFoundError('ApiToken', id);
      if (token.revokedAt) return token;
      token.revokedAt = this.deps.now();
      await em.flush();
      await emitAuthEvent(this.deps, em, this.ctx, { type: EventTypes.ApiTokenRevoked, subject: { type: 'ApiToken', id }, data: { name: token.name, ownerId: token.userId } satisfies ApiTokenRevokedData });
      return token;
    });
  }

  /** The caller's tokens, newest first; ADMIN may ask for everyone's. */
  async list(allUsers: boolean, first?: number | null, after?: string | null): Promise<Connection<ApiToken>> {
    const { principal } = this.ctx;
    requirePerson(principal);
    if (allUsers && principal.role !== 'ADMIN' && principal.kind !== 'service') throw new ForbiddenError('Only ADMIN can list everyone\'s API tokens');
    const where = allUsers ? {} : { userId: principal.userId ?? '00000000-0000-0000-0000-000000000000' };
    return keysetPage<ApiToken>(this.ctx.em, ApiToken, where, NEWEST_FIRST, { first, after });
  }
}

/**
 * What the gateway asks for each API-token request: the principal the token stands for, or null
 * when it is unknown, revoked, expired, or its owner is deactivated.
 */
export async function resolveApiToken(deps: AuthDeps, em: EntityManager, token: unknown): Promise<Principal | null> {
  if (typeof token !== 'string' || !token.startsWith(API_TOKEN_PREFIX) || token.length > 200) return null;
  const row = await em.findOne(ApiToken, { tokenHash: sha256(token) });
  const now = deps.now();
  if (!row || row.revokedAt || row.expiresAt <= now) return null;
  const owner = await em.findOne(User, row.userId);
  if (!owner || !owner.active) return null;
  if (!row.lastUsedAt || now.getTime() - row.lastUsedAt.getTime() > TOUCH_INTERVAL_MS) {
    await em.nativeUpdate(ApiToken, { id: row.id }, { lastUsedAt: now });
  }
  return {
    kind: 'apiToken', userId: owner.id, role: owner.role, labId: owner.labId ?? null, name: owner.name,
    scopes: [...row.scopes], tokenId: row.id, via: 'API',
  };
}
