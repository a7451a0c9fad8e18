import { readFileSync } from 'node:fs';
import { join } from 'node:path';

export const MIN_PASSWORD_LENGTH = 12;
export const MAX_PASSWORD_LENGTH = 256;

let common: Set<string> | null = null;

/** The bundled list of common passwords (resources/common-passwords.txt), loaded once, lower-case. */
function commonPasswords(): Set<string> {
  common ??= new Set(readFileSync(join(import.meta.dirname, '..', '..', 'resources', 'common-passwords.txt'), 'utf8').split('\n').map((l) => l.trim()).filter(Boolean));
  return common;
}

/** What is wrong with a new password, or null when it is acceptable. Never echoes the password. */
export function passwordProblem(password: string, person: { email?: string | null; name?: string | null } = {}): string | null {
  if (password.length < MIN_PASSWORD_LENGTH) return `must be at least ${MIN_PASSWORD_LENGTH} characters`;
  if (password.length > MAX_PASSWORD_LENGTH) return `must be at most ${MAX_PASSWORD_LENGTH} characters`;
  const lower = password.toLowerCase();
  // "password2024!" is as guessable as "password": decorations around a listed word do not help.
  const core = lower.replace(/^[\d\W_]+|[\d\W_]+$/g, '');
  if (commonPasswords().has(lower) || (core.length >= 4 && commonPasswords().has(core))) return 'is too common; choose something less predictable';
  if (new Set(lower).size < 4) return 'uses too few different characters';
  const local = person.email?.split('@')[0]?.toLowerCase();
  if (local && local.length >= 4 && lower.includes(local)) return 'must not contain your email address';
  if (person.email && lower === person.email.toLowerCase()) return 'must not be your email address';
  return null;
}
