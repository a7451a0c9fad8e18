// A Vite plugin doing at build time what the client preset's babel/swc plugins do: each
// graphql(`...`) call is replaced by an import of the document GraphQL Code Generator generated for
// it in src/gql/graphql.ts, served as a module of its own (virtual:graphql-document/<Name>). The
// preset's graphql() looks documents up in one map (src/gql/gql.ts) holding every operation of every
// page, and graphql.ts holds them all in one module, so without this the first bundle carries every
// page's documents; with it each chunk holds only the documents it uses.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Plugin } from 'vite';

/** The generated map: document source text → name of its export in graphql.ts. */
export function readDocumentMap(gqlDir: string): Map<string, string> {
  const text = readFileSync(join(gqlDir, 'gql.ts'), 'utf8');
  const block = text.slice(text.indexOf('const documents'), text.indexOf('};', text.indexOf('const documents')));
  const map = new Map<string, string>();
  for (const m of block.matchAll(/^\s*("(?:[^"\\]|\\.)*"): types\.(\w+),$/gm)) map.set(JSON.parse(m[1]!) as string, m[2]!);
  return map;
}

/** Each generated document's JSON (the AST graphql.ts exports), by export name. */
export function readDocuments(gqlDir: string): Map<string, string> {
  const text = readFileSync(join(gqlDir, 'graphql.ts'), 'utf8');
  const docs = new Map<string, string>();
  for (const m of text.matchAll(/^export const (\w+(?:Document|FragmentDoc)) = (\{.*\}) as unknown as DocumentNode<.*>;$/gm)) docs.set(m[1]!, m[2]!);
  return docs;
}

const VIRTUAL = 'virtual:graphql-document/';

/** A graphql(`...`) call whose literal has no substitution (`${`) and no escape: the only kind codegen reads. */
const CALL = /\bgraphql\(`((?:[^`\\$]|\$(?!\{))*)`\)/g;

/** Rewrites one module's graphql(`...`) calls; returns null when it has none the map knows. */
export function inlineDocuments(code: string, importPath: string, map: Map<string, string>): string | null {
  const used = new Set<string>();
  const out = code.replace(CALL, (call, source: string) => {
    const name = map.get(source);
    if (!name) return call; // unknown (stale codegen): keep the runtime lookup
    used.add(name);
    return `__gql_${name}`;
  });
  if (used.size === 0) return null;
  const imports = [...used].map((n) => `import __gql_${n} from ${JSON.stringify(importPath + n)};`).join('\n');
  return `${imports}\n${out}`;
}

export function inlineGraphQLDocuments(srcDir: string): Plugin {
  const gqlDir = join(srcDir, 'gql');
  let map: Map<string, string> | null = null;
  let docs: Map<string, string> | null = null;
  return {
    name: 'inline-graphql-documents',
    apply: 'build',
    buildStart() {
      docs = readDocuments(gqlDir);
      // Only sources whose document graphql.ts exports are rewritten; the rest keep the runtime lookup.
      map = new Map([...readDocumentMap(gqlDir)].filter(([, name]) => docs!.has(name)));
    },
    resolveId(id) { return id.startsWith(VIRTUAL) ? `\0${id}` : null; },
    load(id) {
      if (!id.startsWith(`\0${VIRTUAL}`)) return null;
      const doc = docs?.get(id.slice(VIRTUAL.length + 1));
      if (!doc) throw new Error(`no generated document ${id.slice(VIRTUAL.length + 1)} in src/gql/graphql.ts`);
      return `export default ${doc};`;
    },
    transform(code, id) {
      if (!map || !/\.tsx?$/.test(id) || !id.startsWith(srcDir) || id.startsWith(gqlDir) || !code.includes('graphql(`')) return null;
      const next = inlineDocuments(code, VIRTUAL, map);
      return next === null ? null : { code: next, map: null };
    },
  };
}
