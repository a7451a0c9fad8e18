import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/** The `node [flags] <entry>` that a package's `npm start` runs: flags as given, entry absolute. */
export interface StartCommand {
  flags: string[];
  entry: string;
}

/**
 * Reads the node command out of `<packageDir>/package.json`'s start script, so the fault harness and
 * the benchmarks run each service with the flags people run it with (e.g. the gateway's young-generation
 * cap, bench/README.md, memory) rather than a copy of them that can drift.
 */
export function startCommand(packageDir: string): StartCommand {
  const script = (JSON.parse(readFileSync(join(packageDir, 'package.json'), 'utf8')) as { scripts?: Record<string, string> }).scripts?.start ?? '';
  const command = /(?:^|&& )node((?: --\S+)*) (\S+\.js)$/.exec(script.trim());
  if (!command) throw new Error(`${packageDir}/package.json: cannot find "node [flags] <entry>.js" at the end of the start script: ${script}`);
  return { flags: command[1]!.split(' ').filter(Boolean), entry: join(packageDir, command[2]!) };
}
