import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export const SEED_ADMIN_EMAIL = 'seed-admin@nanopore.local';

/** The auth subgraph's own `create-admin` CLI: built next to its server, or its source through tsx. */
function createAdminCommand(): string[] {
  const built = fileURLToPath(new URL('./cli/create-admin.js', import.meta.resolve('@app/subgraph-auth')));
  if (existsSync(built)) return [built];
  const source = built.replace(/[/\\]dist[/\\]cli[/\\]create-admin\.js$/, '/src/cli/create-admin.ts');
  return ['--import', 'tsx', source];
}

/**
 * Creates (or, on later runs, re-passwords) the dedicated seed admin with the auth subgraph's
 * create-admin logic, so the password is hashed and the UserCreated event emitted exactly as
 * `npm run create-admin` does. The password travels in the environment, not the argument list.
 */
export async function createSeedAdmin(databaseUrl: string): Promise<{ email: string; password: string }> {
  const password = `seed-${randomBytes(12).toString('base64url')}`;
  const env = { ...process.env, DATABASE_URL: databaseUrl, ADMIN_EMAIL: SEED_ADMIN_EMAIL, ADMIN_PASSWORD: password, ADMIN_NAME: 'Seed Administrator' };
  const child = spawn(process.execPath, createAdminCommand(), { env, stdio: ['ignore', 'pipe', 'pipe'] });
  let output = '';
  child.stdout.on('data', (d: Buffer) => { output += d.toString(); });
  child.stderr.on('data', (d: Buffer) => { output += d.toString(); });
  const code = await new Promise<number | null>((resolve, reject) => { child.on('error', reject); child.on('exit', resolve); });
  if (code !== 0) throw new Error(`create-admin exited with ${code}: ${output.trim()}`);
  return { email: SEED_ADMIN_EMAIL, password };
}
