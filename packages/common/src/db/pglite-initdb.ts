import { execFile } from 'node:child_process';
import { existsSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';

const run = promisify(execFile);

/** Creates the database cluster in `dataDir` with PGlite, then closes it; run by a short-lived node process. */
const INITDB = `
const { PGlite } = await import('@electric-sql/pglite');
const db = await PGlite.create({ dataDir: process.argv[1] });
await db.close();
`;

/**
 * Runs initdb for a new PGlite data folder in a child process. In the serving process it would
 * leave initdb's own WebAssembly memory (~190 MB reserved, ~165 MB touched) and the new folder's
 * image (~300 MB of ArrayBuffers) behind: RSS reached ~820 MB and settled ~130 MB above a restart
 * (bench/README.md, memory). A folder that already holds a cluster (PG_VERSION) is left alone.
 */
export async function initDataDirInChild(dataDir: string): Promise<void> {
  if (existsSync(join(dataDir, 'PG_VERSION'))) return;
  // `-e` resolves bare imports from the working directory: this package's, so its node_modules.
  await run(process.execPath, ['--input-type=module', '-e', INITDB, dataDir], { cwd: dirname(fileURLToPath(import.meta.url)), timeout: 120_000 })
    .catch((err: Error & { stderr?: string }) => { throw new Error(`initdb of ${dataDir} failed: ${err.stderr || err.message}`); });
}
