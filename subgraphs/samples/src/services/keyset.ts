import { decodeCursor, ValidationError } from '@app/common';

/** One column of a keyset ordering; the last key must be unique (the id). */
export interface SortKey {
  field: string;
  dir: 'asc' | 'desc';
  kind: 'date' | 'number' | 'string';
}

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
