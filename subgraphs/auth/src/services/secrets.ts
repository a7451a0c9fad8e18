import { createHash, randomBytes } from 'node:crypto';

/** An unguessable token: 32 random bytes, base64url (43 characters). */
export function randomSecret(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

/**
 * What we store instead of a token. Tokens are random (256 bits), so a fast hash is enough: unlike
 * passwords they cannot be guessed from a dictionary.
 */
export function sha256(value: string): string {
  return createHash('sha256').update(value, 'utf8').digest('hex');
}
