import DataLoader from 'dataloader';
import type { EntityManager } from '@mikro-orm/postgresql';
import { canSeeLab } from '../identity/authorization.js';
import type { Principal } from '../identity/principal.js';
import { isUuid } from '../validation.js';
import { selectRows, type PlainJoin } from './plain-rows.js';

export interface ByIdOptions<T> {
  /** Relations to load with the row (e.g. the parent whose lab decides visibility). */
  populate?: string[];
  /** Keeps only the rows the caller may see; the others resolve to null like missing ones. */
  visible?: (row: T) => boolean;
}

/**
 * Loads rows by id in one query per batch and returns them in key order. Ids that are not UUIDs
 * cannot match a row and resolve to null without reaching SQL.
 */
function loaderById<T extends { id: string }>(read: (ids: string[]) => Promise<T[]>, visible?: (row: T) => boolean) {
  return new DataLoader<string, T | null>(async (ids) => {
    const valid = [...new Set(ids.filter(isUuid))];
    const found = valid.length ? await read(valid) : [];
    const byId = new Map(found.filter((row) => visible?.(row) ?? true).map((row) => [row.id, row]));
    return ids.map((id) => byId.get(id) ?? null);
  });
}

/** Managed entities by id (`loaderById`), with `populate`d relations. */
export function byIdLoader<T extends { id: string }>(em: EntityManager, entity: unknown, options: ByIdOptions<T> = {}) {
  return loaderById<T>(
    async (ids) => (await em.find(entity as never, { id: { $in: ids } } as never, options.populate ? { populate: options.populate as never } : {})) as T[],
    options.visible,
  );
}

/**
 * A by-id loader that hides rows of other labs from lab-scoped callers (submitters), so every
 * path to a row, `__resolveReference` included, applies the same visibility. `labOf` reads the
 * row's lab, by default its own `labId`, else its parent's (populate the parent).
 */
export function labScopedByIdLoader<T extends { id: string }>(
  em: EntityManager, entity: unknown, principal: Principal,
  options: { labOf?: (row: T) => string | null | undefined; populate?: string[] } = {},
) {
  const labOf = options.labOf ?? ((row: T) => (row as { labId?: string | null }).labId);
  return byIdLoader<T>(em, entity, { populate: options.populate, visible: (row) => canSeeLab(principal, labOf(row) ?? null) });
}

/**
 * `byIdLoader` for read-only use: plain rows with the entity's property names (a many-to-one holds
 * the related id) instead of managed entities, read through plain-rows.ts, so nothing is hydrated.
 * For resolvers that only read; never for rows a service changes.
 */
export function byIdRowLoader<R extends { id: string }>(
  em: EntityManager, entity: unknown, options: Pick<ByIdOptions<R>, 'visible'> & { joins?: PlainJoin[] } = {},
) {
  return loaderById<R>((ids) => selectRows<R>(em, entity, { where: { id: { $in: ids } }, joins: options.joins }), options.visible);
}

/**
 * `labScopedByIdLoader` for read-only use: plain rows (`byIdRowLoader`), other labs' rows hidden by
 * the same rule; `joins` read related rows in the same statement (give them the same rule).
 */
export function labScopedRowLoader<R extends { id: string; labId?: string | null }>(em: EntityManager, entity: unknown, principal: Principal, joins?: PlainJoin[]) {
  return byIdRowLoader<R>(em, entity, { visible: (row) => canSeeLab(principal, row.labId ?? null), joins });
}

/**
 * For a non-null field whose row a loader is known to find (the parent of a row the caller sees,
 * in the same lab): says so to the type checker without changing what is returned.
 */
export const knownToExist = <T>(row: Promise<T | null>): Promise<T> => row as Promise<T>;

/** The id a many-to-one holds: a reference or entity (managed rows), or the id itself (plain rows, keysetRows). */
export const refId = (ref: string | { id: string }): string => (typeof ref === 'string' ? ref : ref.id);
