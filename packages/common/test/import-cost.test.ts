import { describe, expect, it } from '@jest/globals';
import { execFile } from 'node:child_process';
import { join } from 'node:path';
import { promisify } from 'node:util';

// The gateway imports @app/common and never opens a database: MikroORM, knex and pg must load on
// first use only (db/orm.ts, events/relay.ts), or they cost every gateway ~8 MB of heap
// (bench/README.md, memory). Checked in a fresh process, since jest's own registry shares modules.
const root = join(import.meta.dirname, '../../..');
const DRIVERS = /node_modules\/(@mikro-orm\/[^/]+|knex|pg)\//;

async function loadedBy(entry: string): Promise<string[]> {
  const script = [
    `const { createRequire } = await import('node:module');`,
    `await import(${JSON.stringify(join(root, entry))});`,
    `console.log(JSON.stringify(Object.keys(createRequire(import.meta.url).cache)));`,
  ].join('\n');
  const { stdout } = await promisify(execFile)(process.execPath, ['--import', 'tsx', '--input-type=module', '-e', script], {
    cwd: root, env: { ...process.env, NODE_OPTIONS: '' },
  });
  return JSON.parse(stdout.trim().split('\n').at(-1)!) as string[];
}

describe('what importing a module loads', () => {
  it('@app/common loads no database driver or ORM', async () => {
    const loaded = await loadedBy('packages/common/src/index.ts');
    expect(loaded.length).toBeGreaterThan(0);
    expect([...new Set(loaded.filter((f) => DRIVERS.test(f)).map((f) => DRIVERS.exec(f)![1]))]).toEqual([]);
  });
});
