import {
  EventTypes, diffFields, emitEvent, eventOrigin, keysetPage, labScope, NotFoundError, Problems, requireRead, requireWrite, type BaseContext,
  type PageArgs, type SortKey, type BillingAccountEventData,
} from '@app/common';
import type { EntityManager } from '@mikro-orm/postgresql';
import { BillingAccount } from '../entities/index.js';
import { SOURCE, type SamplesDeps } from '../deps.js';

export interface BillingAccountInput {
  code?: string | null;
  description?: string | null;
  labId?: string | null;
  active?: boolean | null;
}

export interface BillingAccountFilter {
  labId?: string | null;
  activeOnly?: boolean | null;
  search?: string | null;
}

/** Chart fields look like HTSF-001 or NANO-12345-A: capital letters, digits and hyphens. */
const CODE = /^[A-Z0-9][A-Z0-9-]{1,48}[A-Z0-9]$/;
const ORDER: SortKey[] = [{ field: 'code', dir: 'asc', kind: 'string' }, { field: 'id', dir: 'asc', kind: 'string' }];

const snapshot = (a: BillingAccount) => ({ code: a.code, description: a.description ?? null, labId: a.labId, active: a.active });

/**
 * Checks that `accountId` names an active account of `labId`; reports the problem on `field`.
 * Runs on the caller's (possibly transactional) entity manager.
 */
export async function checkUsableAccount(em: EntityManager, problems: Problems, field: string, accountId: string, labId: string): Promise<BillingAccount | null> {
  const account = await em.findOne(BillingAccount, accountId);
  if (!account) problems.add(field, 'no such billing account');
  else if (account.labId !== labId) problems.add(field, `billing account ${account.code} belongs to another lab`);
  else if (!account.active) problems.add(field, `billing account ${account.code} is inactive`);
  else return account;
  return null;
}

/** Billing accounts (chart fields): admins manage them; everyone reads those of labs they can see. */
export class BillingAccountService {
  constructor(private readonly deps: SamplesDeps, private readonly ctx: BaseContext) {}

  async list(filter: BillingAccountFilter = {}, args: PageArgs = {}) {
    requireRead(this.ctx.principal, 'samples:read');
    const scope = labScope(this.ctx.principal);
    const parts: Record<string, unknown>[] = [];
    if (scope) parts.push({ labId: scope });
    if (filter.labId) parts.push({ labId: filter.labId });
    if (filter.activeOnly) parts.push({ active: true });
    const term = filter.search?.trim().toUpperCase();
    if (term) parts.push({ code: { $like: `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%` } });
    return keysetPage<BillingAccount>(this.ctx.em, BillingAccount, parts.length ? { $and: parts } : {}, ORDER, args);
  }

  async create(input: BillingAccountInput): Promise<BillingAccount> {
    requireWrite(this.ctx.principal, 'samples:write', 'ADMIN');
    const problems = new Problems();
    const code = this.code(problems, input.code);
    const description = problems.text('description', input.description, { required: false, max: 500 });
    const labId = problems.text('labId', input.labId, { max: 100, pattern: 'identifier' });
    problems.throwIfAny();
    return this.ctx.em.transactional(async (em) => {
      if (await em.count(BillingAccount, { code: code! })) problems.add('code', `${code} already exists`).throwIfAny();
      const account = em.create(BillingAccount, { code: code!, description, labId: labId!, active: input.active ?? true });
      await em.flush();
      await this.emit(em, EventTypes.BillingAccountCreated, account, null, snapshot(account));
      return account;
    });
  }

  async update(id: string, input: BillingAccountInput): Promise<BillingAccount> {
    requireWrite(this.ctx.principal, 'samples:write', 'ADMIN');
    const problems = new Problems();
    const code = input.code === undefined ? undefined : this.code(problems, input.code);
    const description = input.description === undefined ? undefined : problems.text('description', input.description, { required: false, max: 500 });
    const labId = input.labId === undefined ? undefined : problems.text('labId', input.labId, { max: 100, pattern: 'identifier' });
    if (input.active === null) problems.add('active', 'must be true or false');
    problems.throwIfAny();
    return this.ctx.em.transactional(async (em) => {
      const account = await em.findOne(BillingAccount, id);
      if (!account) throw new NotFoundError('BillingAccount', id);
      if (code && code !== account.code && (await em.count(BillingAccount, { code }))) problems.add('code', `${code} already exists`).throwIfAny();
      const before = snapshot(account);
      if (code) account.code = code;
      if (description !== undefined) account.description = description;
      if (labId) account.labId = labId;
      if (typeof input.active === 'boolean') account.active = input.active;
      await em.flush();
      const diff = diffFields(before, snapshot(account));
      if (diff) await this.emit(em, input.active === false && before.active ? EventTypes.BillingAccountDeactivated : EventTypes.BillingAccountUpdated, account, diff.before, diff.after);
      return account;
    });
  }

  deactivate(id: string): Promise<BillingAccount> {
    return this.update(id, { active: false });
  }

  private code(problems: Problems, value: string | null | undefined): string | null {
    const code = problems.text('code', value, { max: 50 })?.toUpperCase() ?? null;
    if (code && !CODE.test(code)) problems.add('code', 'must be 3-50 capital letters, digits and hyphens, e.g. HTSF-001');
    return code;
  }

  private emit(
    em: EntityManager, type: typeof EventTypes.BillingAccountCreated | typeof EventTypes.BillingAccountUpdated | typeof EventTypes.BillingAccountDeactivated, a: BillingAccount,
    before: Record<string, unknown> | null, after: Record<string, unknown>,
  ) {
    return emitEvent(em, this.deps.schema, eventOrigin(this.ctx, SOURCE), {
      type, subject: { type: 'BillingAccount', id: a.id, labId: a.labId }, data: { code: a.code, labId: a.labId, active: a.active } satisfies BillingAccountEventData, before, after,
    });
  }
}
