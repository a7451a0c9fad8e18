import { describe, expect, it } from '@jest/globals';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse, print, type DefinitionNode, type FieldDefinitionNode } from 'graphql';

// Federation makes subgraphs repeat some SDL: value types marked @shareable (PageInfo), enums and
// scalars several subgraphs use (SampleStatus, DateTime), and the stubs of entities they extend
// (`type Sample @key(fields: "id") { id: ID! ... }`). Composition accepts copies that differ in
// descriptions, so they drift silently; this keeps every copy identical, descriptions included.
const ROOT = join(import.meta.dirname, '..', 'subgraphs');
const OPERATION_TYPES = new Set(['Query', 'Mutation', 'Subscription']);

type Named = Extract<DefinitionNode, { name?: unknown }> & { name: { value: string }; fields?: readonly FieldDefinitionNode[] };

function definitionsBySubgraph(): Map<string, Map<string, Named>> {
  const result = new Map<string, Map<string, Named>>();
  for (const subgraph of readdirSync(ROOT)) {
    const file = join(ROOT, subgraph, 'schema.graphql');
    if (!existsSync(file)) continue;
    const named = new Map<string, Named>();
    for (const def of parse(readFileSync(file, 'utf8')).definitions) {
      if ('name' in def && def.name) named.set(def.name.value, def as Named);
    }
    result.set(subgraph, named);
  }
  return result;
}

const isEntity = (def: Named) => def.directives?.some((d) => d.name.value === 'key') ?? false;

/** Every copy of `key` (a type, or `Type.field` of an entity) with the subgraphs that hold it. */
function copies(): Map<string, Map<string, string[]>> {
  const found = new Map<string, Map<string, string[]>>();
  const add = (key: string, text: string, subgraph: string) => {
    const variants = found.get(key) ?? new Map<string, string[]>();
    variants.set(text, [...(variants.get(text) ?? []), subgraph]);
    found.set(key, variants);
  };
  for (const [subgraph, defs] of definitionsBySubgraph()) {
    for (const [name, def] of defs) {
      if (OPERATION_TYPES.has(name)) continue;
      // An entity's owner and each extender add their own fields; the fields they share must agree.
      if (isEntity(def)) for (const field of def.fields ?? []) add(`${name}.${field.name.value}`, print(field), subgraph);
      else add(name, print(def), subgraph);
    }
  }
  return found;
}

describe('SDL that federation makes subgraphs repeat', () => {
  const all = copies();

  it('finds the shared types it is meant to guard', () => {
    for (const key of ['PageInfo', 'DateTime', 'SampleStatus', 'Sample.id', 'User.id']) expect(all.get(key)?.size).toBeGreaterThan(0);
  });

  it('is identical in every subgraph, descriptions included', () => {
    const drifted = [...all].filter(([, variants]) => variants.size > 1)
      .map(([key, variants]) => `${key}: ${[...variants.values()].map((s) => s.join('+')).join(' vs ')}`);
    expect(drifted).toEqual([]);
  });
});
