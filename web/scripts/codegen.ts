/**
 * Typed documents for every operation the pages send (src/gql/, GraphQL Code Generator's client
 * preset), checked against the committed supergraph.
 *
 *   node --import tsx scripts/codegen.ts           (npm run codegen -w web; the web build runs it)
 *   node --import tsx scripts/codegen.ts --check   (fails when src/gql/ is stale)
 *
 * It runs the preset through @graphql-codegen/core rather than the CLI, as ../scripts/codegen.ts does:
 * the CLI's loaders (URL, git, GitHub) pull packages that need Node 22, and a local schema file plus
 * `graphql(\`...\`)` literals in our own sources need none of them.
 */
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { codegen } from '@graphql-codegen/core';
import { preset } from '@graphql-codegen/client-preset';
import type { Types } from '@graphql-codegen/plugin-helpers';
import { buildASTSchema, concatAST, lexicographicSortSchema, parse, printSchema, specifiedRules, validate, NoUnusedFragmentsRule, type DocumentNode } from 'graphql';

const WEB = join(import.meta.dirname, '..');
const SCHEMA = join(WEB, '..', 'schema', 'supergraph.graphql');
const SOURCES = join(WEB, 'src');
const OUTPUT = 'src/gql/';
const CONFIG = { scalars: { DateTime: 'string', JSON: 'unknown' }, enumsAsTypes: true, useTypeImports: true };

/** Every .ts/.tsx file under src/ except the generated output, in path order (as the CLI loads them). */
function sourceFiles(dir: string): string[] {
  return readdirSync(dir).sort().flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return path === join(SOURCES, 'gql') ? [] : sourceFiles(path);
    return /\.tsx?$/.test(name) && !name.endsWith('.d.ts') ? [path] : [];
  });
}

/** The `graphql(\`...\`)` literals of one file; a literal with `${}` or an escape is refused, not guessed at. */
function documentsIn(file: string): Types.DocumentFile[] {
  const code = readFileSync(file, 'utf8');
  const location = relative(WEB, file);
  return [...code.matchAll(/\bgraphql\(\s*`([^`]*)`\s*\)/g)].map(([, rawSDL]) => {
    if (/\$\{|\\/.test(rawSDL)) throw new Error(`${location}: a graphql() document must be a plain literal (no \${...} or escapes)`);
    try {
      return { location, rawSDL, document: parse(rawSDL) };
    } catch (error) {
      throw new Error(`${location}: ${(error as Error).message}`);
    }
  });
}

/** Operations are checked together: a fragment may live in another literal or file. */
function assertValid(schemaAst: ReturnType<typeof buildASTSchema>, documents: Types.DocumentFile[]): void {
  const all = concatAST(documents.map((file) => file.document as DocumentNode));
  const errors = validate(schemaAst, all, specifiedRules.filter((rule) => rule !== NoUnusedFragmentsRule));
  if (errors.length) throw new Error(`invalid operations:\n  ${errors.map((error) => error.message).join('\n  ')}`);
}

async function generate(): Promise<Map<string, string>> {
  // Types in name order, as the CLI does, so the output does not move when the SDL is reordered.
  const schemaAst = lexicographicSortSchema(buildASTSchema(parse(readFileSync(SCHEMA, 'utf8')), { assumeValidSDL: true }));
  const schema = parse(printSchema(schemaAst));
  const documents = sourceFiles(SOURCES).flatMap(documentsIn);
  assertValid(schemaAst, documents);
  const sections = await preset.buildGeneratesSection({
    baseOutputDir: OUTPUT,
    presetConfig: { fragmentMasking: false },
    plugins: [],
    pluginMap: {},
    schema,
    schemaAst,
    documents,
    config: CONFIG,
  });
  const outputs = new Map<string, string>();
  for (const section of sections) outputs.set(join(WEB, section.filename), await codegen({ ...section, cache: undefined }));
  return outputs;
}

const check = process.argv.includes('--check');
const stale: string[] = [];
for (const [file, content] of await generate()) {
  if (existsSync(file) && readFileSync(file, 'utf8') === content) continue;
  if (check) stale.push(relative(WEB, file));
  else {
    mkdirSync(dirname(file), { recursive: true });
    writeFileSync(file, content);
  }
}
if (stale.length) {
  console.error(`stale generated web types (run npm run codegen -w web):\n  ${stale.join('\n  ')}`);
  process.exit(1);
}
if (check) console.log('generated web types are up to date.');
