import { UniqueConstraintViolationException } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import {
  EventTypes, diffFields, ForbiddenError, keysetPage, NotFoundError, Problems, Roles, ValidationError, type BaseContext, type Connection, type Role,
  type SortKey, type UserCreatedData, type UserRoleChangedData, type UserUpdatedData, type UserDeactivatedData,
} from '@app/common';
import type { AuthDeps } from '../deps.js';
import { User } from '../entities/index.js';
import type { AuthLoaders } from '../loaders/index.js';
import { requirePerson } from './access.js';
import { emailOf } from './validation.js';
import { emitAuthEvent, userSnapshot, userSubject } from './events.js';
import { findUserByEmail, type SessionService } from './session.service.js';
import { checkNewPassword } from './password.service.js';

/** Users are listed by name; the id breaks ties. */
const BY_NAME: SortKey[] = [{ field: 'name', dir: 'asc', kind: 'string' }, { field: 'id', dir: 'asc', kind: 'string' }];

export interface CreateUserInput { email: string; name: string; role: Role; labId?: string | null; labName?: string | null; password?: string | null }
export interface UpdateUserInput { email?: string | null; name?: string | null; role?: Role | null; labId?: string | null; labName?: string | null }
export interface UserFilter { role?: Role | null; active?: boolean | null; labId?: string | null; search?: string | null }

/** Escapes LIKE wildcards so a search for "50%" means the text "50%". */
const likeText = (s: string) => `%${s.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;

/** Creating, changing and listing people. Every change is ADMIN-only and emits an event. */
export class UserService {
  constructor(private readonly deps: AuthDeps, private readonly ctx: BaseContext, private readonly loaders: AuthLoaders, private readonly sessions: SessionService) {}

  async get(id: string): Promise<User> {
    const user = await this.loaders.userById.load(id);
    if (!user) throw new NotFoundError('User', id);
    return user;
  }

  /** ADMIN and STAFF list users, by name. */
  async list(filter: UserFilter = {}, first?: number | null, after?: string | null): Promise<Connection<User>> {
    requirePerson(this.ctx.principal, 'ADMIN', 'STAFF');
    const search = filter.search?.trim().slice(0, 200);
    const where = {
      ...(filter.role ? { role: filter.role } : {}),
      ...(filter.active !== null && filter.active !== undefined ? { active: filter.active } : {}),
      ...(filter.labId ? { labId: filter.labId } : {}),
      ...(search ? { $or: [{ name: { $ilike: likeText(search) } }, { email: { $ilike: likeText(search) } }] } : {}),
    };
    return keysetPage<User>(this.ctx.em, User, where, BY_NAME, { first, after });
  }

  async create(input: CreateUserInput): Promise<User> {
    requirePerson(this.ctx.principal, 'ADMIN');
    const problems = new Problems();
    const email = emailOf(problems, 'email', input.email);
    const name = problems.text('name', input.name, { max: 200 });
    const lab = this.labOf(problems, input.role, input.labId, input.labName);
    problems.throwIfAny();
    if (input.password) checkNewPassword('password', input.password, { email, name });
    const passwordHash = input.password ? await this.deps.passwords.hash(input.password) : null;
    return this.ctx.em.transactional(async (em) => {
      await this.ensureEmailFree(em, email!);
      const user = em.create(User, { email: email!, name: name!, role: input.role, ...lab, passwordHash, passwordChangedAt: passwordHash ? this.deps.now() : null });
      await this.flushUnique(em);
      await emitAuthEvent(this.deps, em, this.ctx, { type: EventTypes.UserCreated, subject: userSubject(user), data: { email: user.email, role: user.role } satisfies UserCreatedData, after: userSnapshot(user) });
      return user;
    });
  }

  /** Nobody changes their own role: an admin cannot promote, demote or lock out themself by accident. */
  async update(id: string, input: UpdateUserInput): Promise<User> {
    requirePerson(this.ctx.principal, 'ADMIN');
    if (input.role && id === this.ctx.principal.userId) throw new ForbiddenError('You cannot change your own role');
    return this.ctx.em.transactional(async (em) => {
      const user = await em.findOne(User, id);
      if (!user) throw new NotFoundError('User', id);
      const before = userSnapshot(user);
      const problems = new Problems();
      const email = input.email !== undefined && input.email !== null ? emailOf(problems, 'email', input.email) : user.email;
      const name = input.name !== undefined && input.name !== null ? problems.text('name', input.name, { max: 200 }) : user.name;
      const role = input.role ?? user.role;
      const lab = this.labOf(problems, role, input.labId !== undefined ? input.labId : user.labId, input.labName !== undefined ? input.labName : user.labName);
      problems.throwIfAny();
      if (email!.toLowerCase() !== user.email.toLowerCase()) await this.ensureEmailFree(em, email!);
      em.assign(user, { email: email!, name: name!, role, ...lab });
      const change = diffFields(before, userSnapshot(user));
      if (!change) return user;
      await this.flushUnique(em);
      await emitAuthEvent(this.deps, em, this.ctx, { type: EventTypes.UserUpdated, subject: userSubject(user), data: { fields: Object.keys(change.after) } satisfies UserUpdatedData, ...change });
      if (before.role !== user.role) {
        await emitAuthEvent(this.deps, em, this.ctx, { type: EventTypes.UserRoleChanged, subject: userSubject(user), data: { role: user.role, previousRole: before.role } satisfies UserRoleChangedData, before: { role: before.role }, after: { role: user.role } });
      }
      return user;
    });
  }

  /** Deactivation takes effect at once: every session is revoked and API tokens stop resolving. */
  async setActive(id: string, active: boolean): Promise<User> {
    requirePerson(this.ctx.principal, 'ADMIN');
    if (id === this.ctx.principal.userId) throw new ForbiddenError(`You cannot ${active ? 'reactivate' : 'deactivate'} yourself`);
    return this.ctx.em.transactional(async (em) => {
      const user = await em.findOne(User, id);
      if (!user) throw new NotFoundError('User', id);
      if (user.active === active) return user;
      user.active = active;
      await em.flush();
      const sessionsEnded = active ? 0 : await this.sessions.revokeFamilies(em, { userId: id }, 'DEACTIVATED');
      await emitAuthEvent(this.deps, em, this.ctx, {
        type: active ? EventTypes.UserUpdated : EventTypes.UserDeactivated, subject: userSubject(user),
        data: active ? { fields: ['active'] } satisfies UserUpdatedData : { sessionsEnded } satisfies UserDeactivatedData, before: { active: !active }, after: { active },
      });
      return user;
    });
  }

  /** Submitters need a lab (their data is scoped by it); other roles may have one. */
  private labOf(problems: Problems, role: Role, labId?: string | null, labName?: string | null) {
    if (!Roles.includes(role)) problems.add('role', `must be one of ${Roles.join(', ')}`);
    const id = problems.text('labId', labId, { max: 100, required: role === 'SUBMITTER' });
    const name = problems.text('labName', labName, { max: 200, required: false });
    if (name && !id) problems.add('labId', 'is required when labName is given');
    return { labId: id, labName: id ? name : null };
  }

  private async ensureEmailFree(em: EntityManager, email: string): Promise<void> {
    if (await findUserByEmail(em, email)) throw ValidationError.field('email', 'is already used by another user');
  }

  /** The lower(email) index is the real guard against two concurrent creations with one address. */
  private async flushUnique(em: EntityManager): Promise<void> {
    try {
      await em.flush();
    } catch (err) {
      if (err instanceof UniqueConstraintViolationException) throw ValidationError.field('email', 'is already used by another user');
      throw err;
    }
  }
}

