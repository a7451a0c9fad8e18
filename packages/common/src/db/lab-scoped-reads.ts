import type DataLoader from 'dataloader';
import { NotFoundError } from '../errors.js';
import { labScope, requireRead, type ApiScope } from '../identity/authorization.js';
import type { Connection, PageArgs } from '../graphql/pagination.js';
import type { BaseContext } from '../subgraph/context.js';
import { NEWEST_FIRST, keysetPage } from './keyset.js';

export interface LabScopedReadsOptions<T> {
  /** The entity class (a row with its own `labId`). */
  entity: unknown;
  /** Its GraphQL type name, for NOT_FOUND. */
  typeName: string;
  /** The API scope a reader needs (`requireRead`). */
  scope: ApiScope;
  /** This request's `labScopedByIdLoader` for the entity. */
  byId: DataLoader<string, T | null>;
}

/**
 * Reads of one lab-owned record type, the same in every subgraph that keeps such records (ai's
 * extraction jobs, submission's intake jobs): by id through the request's lab-scoped loader, a
 * NOT_FOUND for a row that is missing or in another lab alike, and a newest-first page within the
 * caller's lab. A subgraph's service extends it with its own filters and reads.
 */
export class LabScopedReads<T extends { id: string }> {
  constructor(protected readonly ctx: BaseContext, private readonly options: LabScopedReadsOptions<T>) {}

  /** The row, or null when it is missing or the caller may not see it. */
  byId(id: string): Promise<T | null> {
    requireRead(this.ctx.principal, this.options.scope);
    return this.options.byId.load(id);
  }

  /** A row the caller may see, or NOT_FOUND (missing and invisible alike). */
  async visible(id: string): Promise<T> {
    const row = await this.byId(id);
    if (!row) throw new NotFoundError(this.options.typeName, id);
    return row;
  }

  /**
   * Newest first, keyset-paginated on (createdAt, id), within the caller's lab. `where` adds the
   * subgraph's filter; it is built after the access check, so an unauthorised caller learns
   * nothing from a filter's validation.
   */
  protected page(args: PageArgs, where: () => Record<string, unknown> = () => ({})): Promise<Connection<T>> {
    requireRead(this.ctx.principal, this.options.scope);
    const scope = labScope(this.ctx.principal);
    return keysetPage<T>(this.ctx.em, this.options.entity, { ...(scope === null ? {} : { labId: scope }), ...where() }, NEWEST_FIRST, args);
  }
}
