/**
 * Keyset pagination over MikroORM: a list ordered by sort keys (the last one unique, the id) is
 * read `first + 1` rows after the cursor's position, never with OFFSET, so a page costs the same
 * wherever it is and concurrent inserts do not shift it. Answers the Relay connection shape.
 */
import type { EntityManager } from '@mikro-orm/postgresql';
import { ValidationError } from '../errors.js';
import { selectRows, type PlainJoin } from './plain-rows.js';
import { decodeCursor, pageSize, toConnection, type Connection, type PageArgs } from '../graphql/pagination.js';

/** One column of a keyset ordering; the last key must be unique (the id). */
export interface SortKey {
  field: string;
  dir: 'asc' | 'desc';
  kind: 'date' | 'number' | 'string';
}

/** Newest first on (createdAt, id): the default order of every list of records. */
export const NEWEST_FIRST: SortKey[] = [
  { field: 'createdAt', dir: 'desc', kind: 'date' },
  { field: 'id', dir: 'desc', kind: 'string' },
];

export function orderOf(keys: SortKey[]): Record<string, 'asc' | 'desc'>[] {
  return keys.map((k) => ({ [k.field]: k.dir }));
}

export function positionOf(row: object, keys: SortKey[]): unknown[] {
  return keys.map((k) => {
    const value = (row as Record<string, unknown>)[k.field];
    return value instanceof Date ? value.toISOString() : value;
  });
}

/** Decodes `after` for these keys, checking each value's kind so a forged cursor cannot reach SQL as the wrong type. */
export function decodePosition(after: string | null | undefined, keys: SortKey[]): unknown[] | null {
  const raw = decodeCursor(after, keys.length);
  if (!raw) return null;
  return raw.map((value, i) => {
    const kind = keys[i]!.kind;
    if (kind === 'date' && typeof value === 'string' && !Number.isNaN(Date.parse(value))) return new Date(value);
    if (kind === 'number' && typeof value === 'number') return value;
    if (kind === 'string' && typeof value === 'string') return value;
    throw ValidationError.field('after', 'is not a cursor this list returned');
  });
}

/** Rows strictly after `position` in the ordering: (a > x) or (a = x and b > y) or ... */
export function afterPosition(keys: SortKey[], position: unknown[] | null): Record<string, unknown> {
  if (!position) return {};
  const branches = keys.map((key, i) => {
    const branch: Record<string, unknown> = {};
    for (let j = 0; j < i; j++) branch[keys[j]!.field] = position[j];
    branch[key.field] = { [key.dir === 'asc' ? '$gt' : '$lt']: position[i] };
    return branch;
  });
  // The redundant bound on the first key lets PostgreSQL range-scan the index instead of
  // evaluating the OR over every row.
  const first = keys[0]!;
  return { $and: [{ [first.field]: { [first.dir === 'asc' ? '$gte' : '$lte']: position[0] } }, { $or: branches }] };
}

/** How a list answers `totalCount` when the query selects it; by default an exact count of `where`. */
export interface KeysetPageOptions {
  count?: () => Promise<number>;
}

export interface KeysetRowsOptions extends KeysetPageOptions {
  /** Related rows read in the same statement (`row.joined`), for lists whose query selects them. */
  joins?: PlainJoin[];
}

/** The page's connection from its `first + 1` rows: cursors from the sort keys, the total counted only when asked. */
function pageOf<T extends object>(rows: T[], em: EntityManager, entity: unknown, where: Record<string, unknown>, keys: SortKey[], limit: number, after: boolean, options: KeysetPageOptions): Connection<T> {
  return toConnection(rows, limit, (r) => positionOf(r, keys), options.count ?? (() => em.count(entity as never, where as never)), after);
}

/**
 * One page of `entity` rows matching `where`, in `keys` order: `first + 1` rows after the cursor
 * position (the extra row only says whether another page exists), and a total computed only when
 * the query selects it: `count` when given (a list that keeps counters), else count(*) of `where`.
 */
export async function keysetPage<T extends object>(
  em: EntityManager, entity: unknown, where: Record<string, unknown>, keys: SortKey[], args: PageArgs, options: KeysetPageOptions = {},
): Promise<Connection<T>> {
  const limit = pageSize(args.first);
  const position = decodePosition(args.after, keys);
  const rows = (await em.find(entity as never, { $and: [where, afterPosition(keys, position)] } as never, {
    orderBy: orderOf(keys) as never, limit: limit + 1,
  })) as T[];
  return pageOf(rows, em, entity, where, keys, limit, !!position, options);
}

/**
 * `keysetPage` for read-only lists: the same rows, order and cursors, as plain objects with the
 * entity's property names (a many-to-one holds the related id, a string) instead of managed
 * entities, read through plain-rows.ts (SQL straight to the driver, no query builder, no
 * hydration, no identity map). Never pass these rows to em.persist/flush.
 */
export async function keysetRows<R extends object>(
  em: EntityManager, entity: unknown, where: Record<string, unknown>, keys: SortKey[], args: PageArgs, options: KeysetRowsOptions = {},
): Promise<Connection<R>> {
  const limit = pageSize(args.first);
  const position = decodePosition(args.after, keys);
  const rows = await selectRows<R>(em, entity, {
    where: { $and: [where, afterPosition(keys, position)] }, order: orderOf(keys), limit: limit + 1, joins: options.joins,
  });
  return pageOf(rows, em, entity, where, keys, limit, !!position, options);
}
