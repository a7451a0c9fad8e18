import { describe, expect, it } from '@jest/globals';
import { graphql, GraphQLObjectType, GraphQLSchema, GraphQLString, GraphQLNonNull } from 'graphql';
import {
  DEFAULT_PAGE_SIZE, DateTimeScalar, JSONScalar, MAX_PAGE_SIZE, ValidationError, decodeCursor, encodeCursor, pageSize, toConnection,
} from '../src/index.js';

function validationError(fn: () => unknown): ValidationError {
  try {
    fn();
  } catch (err) {
    expect(err).toBeInstanceOf(ValidationError);
    return err as ValidationError;
  }
  throw new Error('expected a ValidationError');
}

describe('pagination', () => {
  it('pageSize defaults and accepts the bounds', () => {
    expect(pageSize(undefined)).toBe(DEFAULT_PAGE_SIZE);
    expect(pageSize(null)).toBe(DEFAULT_PAGE_SIZE);
    expect(pageSize(1)).toBe(1);
    expect(pageSize(MAX_PAGE_SIZE)).toBe(MAX_PAGE_SIZE);
    expect(pageSize(null, 10)).toBe(10);
    expect(pageSize(10, 10)).toBe(10);
  });

  it.each([0, -1, MAX_PAGE_SIZE + 1, 2.5, Number.NaN])('pageSize(%p) is a BAD_USER_INPUT on field "first"', (first) => {
    const err = validationError(() => pageSize(first));
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect(err.message).toBe(`first: must be between 1 and ${MAX_PAGE_SIZE}`);
  });

  it('pageSize honours a smaller max', () => {
    expect(validationError(() => pageSize(11, 10)).message).toBe('first: must be between 1 and 10');
  });

  it('cursors round-trip and are opaque URL-safe text', () => {
    const position = ['2026-11-23T14:05:00.000Z', 'sample-42', 7, null];
    const cursor = encodeCursor(position);
    expect(cursor).toMatch(/^[A-Za-z0-9_-]+$/);
    expect(decodeCursor(cursor)).toEqual(position);
    expect(decodeCursor(cursor, 4)).toEqual(position);
  });

  it('no cursor means the first page', () => {
    expect(decodeCursor(null)).toBeNull();
    expect(decodeCursor(undefined)).toBeNull();
  });

  it.each([
    ['garbage', 'not-a-cursor!!'],
    ['JSON that is not a list', Buffer.from('{"a":1}').toString('base64url')],
    ['a list of the wrong length', encodeCursor(['a'])],
  ])('a bad cursor (%s) is BAD_USER_INPUT on field "after"', (_what, cursor) => {
    const err = validationError(() => decodeCursor(cursor, 2));
    expect(err.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'after' });
  });

  it('toConnection reports a next page from the extra row', () => {
    const rows = [{ id: 'a' }, { id: 'b' }, { id: 'c' }];
    const conn = toConnection(rows, 2, (r) => [r.id], 3);
    expect(conn.nodes).toEqual([{ id: 'a' }, { id: 'b' }]);
    expect(conn.edges.map((e) => decodeCursor(e.cursor))).toEqual([['a'], ['b']]);
    expect(conn.pageInfo).toEqual({ hasNextPage: true, endCursor: encodeCursor(['b']), hasPreviousPage: false, startCursor: encodeCursor(['a']) });
    expect(conn.totalCount).toBe(3);
  });

  it('toConnection on the last page and on an empty page', () => {
    const last = toConnection([{ id: 'c' }], 2, (r) => [r.id], 3, true);
    expect(last.pageInfo).toEqual({ hasNextPage: false, endCursor: encodeCursor(['c']), hasPreviousPage: true, startCursor: encodeCursor(['c']) });
    const exact = toConnection([{ id: 'a' }, { id: 'b' }], 2, (r) => [r.id], 2);
    expect(exact.pageInfo.hasNextPage).toBe(false);
    const empty = toConnection<{ id: string }>([], 2, (r) => [r.id], () => Promise.resolve(0));
    expect(empty.pageInfo).toEqual({ hasNextPage: false, endCursor: null, hasPreviousPage: false, startCursor: null });
    expect(typeof empty.totalCount).toBe('function');
  });

  it('the end cursor continues where the page stopped', () => {
    const all = Array.from({ length: 5 }, (_, i) => ({ n: i }));
    const pageAfter = (after: string | null, limit: number) => {
      const position = decodeCursor(after, 1);
      const start = position ? (position[0] as number) + 1 : 0;
      return toConnection(all.slice(start, start + limit + 1), limit, (r) => [r.n], all.length, !!after);
    };
    const seen: number[] = [];
    let after: string | null = null;
    for (let i = 0; i < 10; i++) {
      const page = pageAfter(after, 2);
      seen.push(...page.nodes.map((r) => r.n));
      if (!page.pageInfo.hasNextPage) break;
      after = page.pageInfo.endCursor;
    }
    expect(seen).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('scalars', () => {
  const schema = new GraphQLSchema({
    query: new GraphQLObjectType({
      name: 'Query',
      fields: {
        echoDate: { type: DateTimeScalar, args: { at: { type: new GraphQLNonNull(DateTimeScalar) } }, resolve: (_s, { at }) => at },
        isDate: { type: GraphQLString, args: { at: { type: new GraphQLNonNull(DateTimeScalar) } }, resolve: (_s, { at }) => String(at instanceof Date) },
        stored: { type: DateTimeScalar, resolve: () => '2026-11-23T15:05:00+01:00' },
        echoJson: { type: JSONScalar, args: { value: { type: JSONScalar } }, resolve: (_s, { value }) => value },
      },
    }),
  });
  const run = (source: string, variableValues?: Record<string, unknown>) => graphql({ schema, source, variableValues });

  it('DateTime serialises Dates and strings as UTC ISO-8601', () => {
    expect(DateTimeScalar.serialize(new Date(Date.UTC(2026, 10, 23, 14, 5)))).toBe('2026-11-23T14:05:00.000Z');
    expect(DateTimeScalar.serialize('2026-11-23T15:05:00+01:00')).toBe('2026-11-23T14:05:00.000Z');
    expect(DateTimeScalar.serialize(Date.UTC(2026, 10, 23, 14, 5))).toBe('2026-11-23T14:05:00.000Z');
    expect(() => DateTimeScalar.serialize('yesterday')).toThrow('DateTime must be an ISO-8601 date-time');
  });

  it('DateTime parses literals and variables into Dates', async () => {
    expect(await run('{ isDate(at: "2026-11-23T14:05:00Z") echoDate(at: "2026-11-23T15:05:00.5+01:00") stored }')).toEqual({
      data: { isDate: 'true', echoDate: '2026-11-23T14:05:00.500Z', stored: '2026-11-23T14:05:00.000Z' },
    });
    expect(await run('query ($at: DateTime!) { echoDate(at: $at) }', { at: '2026-11-23T14:05:00.000Z' })).toEqual({ data: { echoDate: '2026-11-23T14:05:00.000Z' } });
  });

  it.each([
    ['"not a date"', 'ISO-8601'],
    ['"2026-13-45T00:00:00Z"', 'ISO-8601'],
    ['"1"', 'ISO-8601'],
    ['"March 7, 2026"', 'ISO-8601'],
    ['"2026-11-23T14:05:00"', 'ISO-8601'],
    ['12345', 'must be a string'],
  ])('DateTime rejects the literal %s', async (literal, message) => {
    const result = await run(`{ echoDate(at: ${literal}) }`);
    expect(result.data).toBeUndefined();
    expect(result.errors?.[0]?.message).toContain(message);
  });

  it.each([['not a date'], [12345], ['1'], ['2026-11-23T14:05:00'], [true]])('DateTime rejects the variable %p', async (value) => {
    const result = await run('query ($at: DateTime!) { echoDate(at: $at) }', { at: value });
    expect(result.errors?.[0]?.message).toContain('DateTime');
  });

  it('JSON passes values and literals through', async () => {
    const value = { a: [1, 2.5, 'x', true, null], b: { c: 'd' } };
    expect(await run('query ($v: JSON) { echoJson(value: $v) }', { v: value })).toEqual({ data: { echoJson: value } });
    expect(await run('{ echoJson(value: { a: [1, 2.5, "x", true, null], b: { c: "d" }, e: RED }) }')).toEqual({
      data: { echoJson: { ...value, e: 'RED' } },
    });
    expect(await run('{ echoJson(value: 42) }')).toEqual({ data: { echoJson: 42 } });
  });

  it('JSON refuses variables inside literals', async () => {
    const result = await run('query ($x: String) { echoJson(value: { a: $x }) }', { x: 'y' });
    expect(result.errors?.[0]?.message).toContain('variables are not allowed inside JSON literals');
  });
});
