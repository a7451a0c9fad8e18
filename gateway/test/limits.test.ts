import { describe, expect, it } from '@jest/globals';
import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { queryLimitRules, type QueryLimits } from '../src/limits/index.js';

const schema = buildSchema(`
  type Query { sample(id: ID!): Sample samples(first: Int = 20): SampleConnection! recent: [Sample!]! me: User }
  type SampleConnection { edges: [SampleEdge!]! nodes: [Sample!]! totalCount: Int! }
  type SampleEdge { node: Sample! }
  type Sample { id: ID! name: String! parent: Sample tags: [String!]! runs(limit: Int): [Run!]! }
  type Run { id: ID! status: String! }
  type User { id: ID! }
`);

const generous: QueryLimits = { maxDepth: 100, maxAliases: 1000, maxCost: 1_000_000, maxRootFields: 100 };

function check(query: string, limits: Partial<QueryLimits>): Record<string, unknown>[] {
  return validate(schema, parse(query), [...specifiedRules, ...queryLimitRules({ ...generous, ...limits })]).map((e) => ({ message: e.message, ...e.extensions }));
}

/** The cost the rule computed, read back from the error it raises with the smallest enabled limit. */
function costOf(query: string): number {
  const [error] = check(query, { maxCost: 1 });
  return error ? (error.actual as number) : 1;
}

describe('cost', () => {
  it('counts each field once when nothing is a list', () => {
    expect(costOf('{ sample(id: "1") { id name parent { id } } }')).toBe(5);
  });

  it('multiplies by a literal page size and does not count the page twice through edges', () => {
    // samples(1) + 10 × (edges 1 + node 1 + id 1 + name 1)
    expect(costOf('{ samples(first: 10) { edges { node { id name } } } }')).toBe(41);
  });

  it('uses the schema default page size when first is omitted', () => {
    expect(costOf('{ samples { nodes { id } } }')).toBe(1 + 20 * 2);
  });

  it("uses a variable's declared default, or 20 when it has none", () => {
    expect(costOf('query ($n: Int = 5) { samples(first: $n) { nodes { id } } }')).toBe(1 + 5 * 2);
    expect(costOf('query ($n: Int) { samples(first: $n) { nodes { id } } }')).toBe(1 + 20 * 2);
  });

  it('assumes 20 items for an unpaged list and multiplies nested pages', () => {
    // recent(1) + 20 × (id 1 + runs(1) + 50 × status 1)
    expect(costOf('{ recent { id runs(limit: 50) { status } } }')).toBe(1 + 20 * (1 + 1 + 50));
  });

  it('follows fragments and inline fragments', () => {
    expect(costOf('{ recent { ...F } } fragment F on Sample { id ... on Sample { name } }')).toBe(1 + 20 * 2);
  });

  it('ignores introspection, which has its own switch', () => {
    expect(check('{ __schema { types { fields { name } } } }', { maxCost: 1 })).toEqual([]);
  });

  it('reports the limit, the numbers and the code', () => {
    expect(check('{ samples(first: 100) { nodes { id name } } }', { maxCost: 150 })).toEqual([{
      message: 'Estimated query cost 301 exceeds the maximum cost of 150', code: 'QUERY_TOO_COMPLEX', limit: 'cost', actual: 301, max: 150,
    }]);
  });
});

describe('depth', () => {
  it('measures through fragments', () => {
    const query = '{ sample(id: "1") { ...A } } fragment A on Sample { parent { ...B } } fragment B on Sample { parent { id } }';
    expect(check(query, { maxDepth: 4 })).toEqual([]);
    expect(check(query, { maxDepth: 3 })).toEqual([expect.objectContaining({ limit: 'depth', actual: 4, max: 3 })]);
  });

  it('measures a fragment bomb without expanding it (2^31 paths)', () => {
    const fragments = Array.from({ length: 30 }, (_, i) => `fragment F${i} on Sample { parent { ...F${i + 1} ...F${i + 1} } }`).join('\n');
    const query = `{ sample(id: "1") { ...F0 } } ${fragments} fragment F30 on Sample { id }`;
    const errors = validate(schema, parse(query), queryLimitRules({ ...generous, maxDepth: 10 }));
    expect(errors.map((e) => [e.extensions.limit, e.extensions.actual])).toEqual([['depth', 32], ['cost', 2 ** 31]]);
  });

  it('does not loop on fragment cycles (graphql reports them)', () => {
    const errors = check('{ sample(id: "1") { ...A } } fragment A on Sample { parent { ...A } }', { maxDepth: 5 });
    expect(errors.map((e) => e.message).join()).toMatch(/Cannot spread fragment "A" within itself/);
  });
});

describe('aliases and root fields', () => {
  it('counts aliases across the document', () => {
    expect(check('{ a: sample(id: "1") { x: id } b: me { id } }', { maxAliases: 3 })).toEqual([]);
    expect(check('{ a: sample(id: "1") { x: id y: name } b: me { id } }', { maxAliases: 3 })).toEqual([
      expect.objectContaining({ message: 'The query uses 4 aliases; the maximum is 3', limit: 'aliases' }),
    ]);
  });

  it('counts distinct root fields, not aliases of the same one', () => {
    expect(check('{ a: me { id } b: me { id } recent { id } }', { maxRootFields: 2 })).toEqual([]);
    expect(check('{ me { id } recent { id } samples { totalCount } }', { maxRootFields: 2 })).toEqual([
      expect.objectContaining({ limit: 'rootFields', actual: 3, max: 2 }),
    ]);
  });

  it('turns a limit off at 0', () => {
    expect(queryLimitRules({ maxDepth: 0, maxAliases: 0, maxCost: 0, maxRootFields: 0 })).toEqual([]);
  });
});
