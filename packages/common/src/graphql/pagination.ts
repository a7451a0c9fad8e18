import { ValidationError } from '../errors.js';

export interface PageArgs {
  first?: number | null;
  after?: string | null;
}

export interface Edge<T> {
  cursor: string;
  node: T;
}

export interface Connection<T> {
  edges: Edge<T>[];
  nodes: T[];
  pageInfo: { hasNextPage: boolean; endCursor: string | null; hasPreviousPage: boolean; startCursor: string | null };
  totalCount: number | (() => Promise<number>);
}

export const DEFAULT_PAGE_SIZE = 20;
export const MAX_PAGE_SIZE = 100;

/** Validates `first`: a page is 1 to `max` items. */
export function pageSize(first: number | null | undefined, max = MAX_PAGE_SIZE): number {
  if (first === null || first === undefined) return Math.min(DEFAULT_PAGE_SIZE, max);
  if (!Number.isInteger(first) || first < 1 || first > max) throw ValidationError.field('first', `must be between 1 and ${max}`);
  return first;
}

/** Opaque cursor over a keyset position (the sort values of the last row seen). */
export function encodeCursor(position: unknown[]): string {
  return Buffer.from(JSON.stringify(position)).toString('base64url');
}

export function decodeCursor(cursor: string | null | undefined, length?: number): unknown[] | null {
  if (!cursor) return null;
  try {
    const value = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8')) as unknown;
    if (Array.isArray(value) && (length === undefined || value.length === length)) return value;
  } catch {
    // fall through to the error below
  }
  throw ValidationError.field('after', 'is not a cursor this list returned');
}

/**
 * Builds a connection from `limit + 1` fetched rows: the extra row only tells whether a next page
 * exists. `totalCount` may be a thunk so it is computed only when selected.
 */
export function toConnection<T>(rows: T[], limit: number, cursorOf: (row: T) => unknown[], totalCount: Connection<T>['totalCount'], hadCursor = false): Connection<T> {
  const page = rows.slice(0, limit);
  const edges = page.map((node) => ({ node, cursor: encodeCursor(cursorOf(node)) }));
  return {
    edges,
    nodes: page,
    pageInfo: {
      hasNextPage: rows.length > limit,
      endCursor: edges.at(-1)?.cursor ?? null,
      hasPreviousPage: hadCursor,
      startCursor: edges[0]?.cursor ?? null,
    },
    totalCount,
  };
}
