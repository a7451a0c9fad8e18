import { describe, expect, it } from '@jest/globals';
import { parse, type FragmentDefinitionNode, type OperationDefinitionNode, type FieldNode } from 'graphql';
import { whereSql, orderSql, type PlainTable } from '../src/db/plain-rows.js';
import { selectedFields } from '../src/index.js';

/** A table whose property `p` lives in column `p_col`. */
const table: PlainTable = {
  from: '"s"."sample"',
  columns: [],
  rowOf: () => ({}),
  column: (p) => { if (p === 'nope') throw new Error('Sample has no stored property nope'); return `"t"."${p}_col"`; },
};
const compile = (where: Record<string, unknown>) => { const params: unknown[] = []; return { sql: whereSql(table, where, params), params }; };

describe('plain rows: filters to SQL', () => {
  it('compiles equality, null, lists and comparisons with values as parameters', () => {
    const at = new Date('2026-01-01T00:00:00Z');
    expect(compile({ labId: 'lab-a', archivedAt: null, status: { $in: ['A', 'B'] }, submittedAt: { $gte: at, $lt: at }, assigneeId: { $ne: null }, name: { $like: '%x%' } })).toEqual({
      sql: '"t"."labId_col" = $1 and "t"."archivedAt_col" is null and "t"."status_col" = any($2) and "t"."submittedAt_col" >= $3 and "t"."submittedAt_col" < $4 and "t"."assigneeId_col" is not null and "t"."name_col" like $5',
      params: ['lab-a', ['A', 'B'], at, at, '%x%'],
    });
  });

  it('nests and/or, drops empty branches, and an empty branch makes an or true', () => {
    expect(compile({ $and: [{}, { a: 1 }, { $or: [{ b: 2 }, { c: 3 }] }] })).toEqual({ sql: '("t"."a_col" = $1 and ("t"."b_col" = $2 or "t"."c_col" = $3))', params: [1, 2, 3] });
    expect(compile({ $or: [{ b: 2 }, {}] })).toEqual({ sql: 'true', params: [] });
    expect(compile({ $or: [] })).toEqual({ sql: 'false', params: [] });
    expect(compile({})).toEqual({ sql: 'true', params: [] });
  });

  it('the same filter shape gives the same text whatever the values; a list of one is an equality', () => {
    expect(compile({ status: { $in: ['A', 'B'] } }).sql).toBe(compile({ status: { $in: ['A', 'B', 'C'] } }).sql);
    expect(compile({ status: { $in: ['A'] } })).toEqual({ sql: '"t"."status_col" = $1', params: ['A'] });
  });

  it('refuses what it cannot express rather than dropping a condition', () => {
    expect(() => compile({ a: { $ilike: 'x' } })).toThrow(/unsupported condition \$ilike/);
    expect(() => compile({ $not: { a: 1 } })).toThrow(/unsupported operator \$not/);
    expect(() => compile({ nope: 1 })).toThrow(/no stored property nope/);
    expect(() => compile({ a: undefined })).toThrow(/undefined value/);
    expect(() => compile({ a: { $gt: null } })).toThrow(/unsupported condition/);
  });

  it('orders by the properties\' columns', () => {
    expect(orderSql(table, [{ submittedAt: 'desc' }, { id: 'asc' }])).toBe('"t"."submittedAt_col" desc, "t"."id_col" asc');
  });
});

describe('selectedFields', () => {
  const infoOf = (query: string) => {
    const doc = parse(query);
    const op = doc.definitions.find((d) => d.kind === 'OperationDefinition') as OperationDefinitionNode;
    const fragments = Object.fromEntries(doc.definitions.filter((d): d is FragmentDefinitionNode => d.kind === 'FragmentDefinition').map((f) => [f.name.value, f]));
    return { fieldNodes: [op.selectionSet.selections[0] as FieldNode], fragments };
  };

  it('reads the fields at a path, through inline fragments and fragment spreads', () => {
    const info = infoOf(`{ samples { edges { node { id ... on Sample { project { name } } ...S } } } } fragment S on Sample { submission { number } }`);
    expect([...selectedFields(info, ['edges', 'node'])].sort()).toEqual(['id', 'project', 'submission']);
    expect(selectedFields(info, ['nodes']).size).toBe(0);
  });

  it('merges aliased selections of the same field', () => {
    const info = infoOf(`{ samples { a: edges { node { id } } b: edges { node { name } } } }`);
    expect([...selectedFields(info, ['edges', 'node'])].sort()).toEqual(['id', 'name']);
  });
});
