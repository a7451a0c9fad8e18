import { describe, expect, it } from '@jest/globals';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

// .env.example must list every variable a configuration schema reads, and nothing that none reads.
const root = join(import.meta.dirname, '..');
const CONFIG_FILES = [
  'packages/common/src/config.ts', 'packages/common/src/subgraph/process.ts', 'apps/embedded/src/main.ts', 'apps/embedded/src/seed.ts', 'gateway/src/config.ts',
  ...['auth', 'samples', 'workflow', 'ai', 'files', 'audit', 'submission'].map((s) => `subgraphs/${s}/src/config.ts`),
];
/** A zod object key written in capitals (`DATABASE_URL: z.string()...`) is an environment variable. */
const VARIABLE = /^\s+([A-Z][A-Z0-9_]{2,}): [a-z][A-Za-z0-9]*[.(]/gm;

function variablesRead(): Set<string> {
  const names = new Set<string>();
  for (const file of CONFIG_FILES) for (const m of readFileSync(join(root, file), 'utf8').matchAll(VARIABLE)) names.add(m[1]!);
  return names;
}

const listed = new Set([...readFileSync(join(root, '.env.example'), 'utf8').matchAll(/^([A-Z][A-Z0-9_]*)=/gm)].map((m) => m[1]!));

describe('.env.example', () => {
  it('lists every variable the services read', () => {
    expect([...variablesRead()].filter((v) => !listed.has(v)).sort()).toEqual([]);
  });

  it('lists nothing that no service reads', () => {
    const read = variablesRead();
    const extra = [...listed].filter((v) => !read.has(v) && !v.startsWith('SUBGRAPH_URL_') && v !== 'POSTGRES_PASSWORD');
    expect(extra.sort()).toEqual([]);
  });
});
