import { randomBytes } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * A random secret generated on first start and kept in the data folder (mode 0600), so embedded
 * mode needs no configuration and still survives restarts (signed URLs stay valid).
 */
export function persistentSecret(dataDir: string | null, name: string): string {
  if (!dataDir) return randomBytes(32).toString('base64url');
  const dir = join(dataDir, 'secrets');
  const file = join(dir, name);
  if (existsSync(file)) return readFileSync(file, 'utf8').trim();
  mkdirSync(dir, { recursive: true, mode: 0o700 });
  const secret = randomBytes(32).toString('base64url');
  writeFileSync(file, secret, { mode: 0o600 });
  return secret;
}
