import { describe, expect, it } from '@jest/globals';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative } from 'node:path';
import { EventTypes } from '@app/common';

// Event names are declared once, in packages/common/src/events/contracts.ts, and producers and
// consumers name them through `EventTypes`. A name written as a string literal in a producer or a
// consumer drifts silently when the event is renamed (a consumer then waits for an event nobody
// emits), so runtime code of the subgraphs, the gateway and the apps must not spell one out.
const root = join(import.meta.dirname, '..');
const SOURCES = [
  'gateway/src',
  ...readdirSync(join(root, 'subgraphs')).map((s) => `subgraphs/${s}/src`),
  ...readdirSync(join(root, 'apps')).map((a) => `apps/${a}/src`),
];
const names = new Set<string>(Object.values(EventTypes));

function sourceFiles(dir: string): string[] {
  let entries: string[];
  try { entries = readdirSync(dir); } catch { return []; }
  return entries.flatMap((entry) => {
    const path = join(dir, entry);
    if (statSync(path).isDirectory()) return entry === '__generated__' ? [] : sourceFiles(path);
    return path.endsWith('.ts') ? [path] : [];
  });
}

const files = SOURCES.flatMap((dir) => sourceFiles(join(root, dir))).map((path) => ({ path: relative(root, path), text: readFileSync(path, 'utf8') }));

/** `file:line: text` of each match of `pattern` whose first group passes `keep`. */
function findings(pattern: RegExp, keep: (name: string) => boolean): string[] {
  return files.flatMap(({ path, text }) => [...text.matchAll(pattern)]
    .filter((m) => keep(m[2]!))
    .map((m) => `${path}:${text.slice(0, m.index).split('\n').length}: ${m[0]}`));
}

describe('event names', () => {
  it('reads the sources it guards', () => {
    expect(files.some((f) => f.path.startsWith('subgraphs/workflow/src/'))).toBe(true);
    expect(files.some((f) => f.path.startsWith('gateway/src/subscriptions/'))).toBe(true);
  });

  it('are never spelled out as string literals outside contracts.ts', () => {
    expect(findings(/(['"])([A-Z][A-Za-z]+)\1/g, (name) => names.has(name))).toEqual([]);
  });

  it('of every emitted event are declared in EventTypes', () => {
    // An event literal is `{ type: 'Name', subject: ... }`; a subject is `{ type: 'Sample', id: ... }`.
    expect(findings(/\btype: (['"])([A-Za-z]+)\1,\s*subject\b/g, () => true)).toEqual([]);
  });
});
