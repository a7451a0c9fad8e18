import { describe, expect, it } from '@jest/globals';
import { AppError, NEWEST_FIRST, afterPosition, decodePosition, encodeCursor, orderOf, positionOf, type SortKey } from '../src/index.js';

const BY_NAME: SortKey[] = [{ field: 'name', dir: 'asc', kind: 'string' }, { field: 'id', dir: 'asc', kind: 'string' }];
const code = (fn: () => unknown) => {
  try { fn(); } catch (err) { return (err as AppError).extensions?.code; }
  return 'no error';
};

describe('keyset pagination', () => {
  it('orders and positions rows by their sort keys, dates as ISO text', () => {
    const at = new Date('2026-01-02T03:04:05.000Z');
    expect(orderOf(NEWEST_FIRST)).toEqual([{ createdAt: 'desc' }, { id: 'desc' }]);
    expect(positionOf({ createdAt: at, id: 'b', other: 1 }, NEWEST_FIRST)).toEqual(['2026-01-02T03:04:05.000Z', 'b']);
  });

  it('decodes a cursor it issued back into typed values', () => {
    const cursor = encodeCursor(['2026-01-02T03:04:05.000Z', 'b']);
    expect(decodePosition(cursor, NEWEST_FIRST)).toEqual([new Date('2026-01-02T03:04:05.000Z'), 'b']);
    expect(decodePosition(null, NEWEST_FIRST)).toBeNull();
  });

  it('refuses a forged cursor whose values have the wrong kind or length', () => {
    expect(code(() => decodePosition(encodeCursor([42, 'b']), NEWEST_FIRST))).toBe('BAD_USER_INPUT');
    expect(code(() => decodePosition(encodeCursor(['not a date', 'b']), NEWEST_FIRST))).toBe('BAD_USER_INPUT');
    expect(code(() => decodePosition(encodeCursor(['a']), BY_NAME))).toBe('BAD_USER_INPUT');
  });

  it('selects the rows strictly after a position, in either direction', () => {
    expect(afterPosition(BY_NAME, null)).toEqual({});
    expect(afterPosition(BY_NAME, ['m', 'x'])).toEqual({
      $and: [{ name: { $gte: 'm' } }, { $or: [{ name: { $gt: 'm' } }, { name: 'm', id: { $gt: 'x' } }] }],
    });
    const at = new Date('2026-01-02T00:00:00Z');
    expect(afterPosition(NEWEST_FIRST, [at, 'x'])).toEqual({
      $and: [{ createdAt: { $lte: at } }, { $or: [{ createdAt: { $lt: at } }, { createdAt: at, id: { $lt: 'x' } }] }],
    });
  });
});
