import { createHash } from 'node:crypto';

const MAX_ENTRIES = 10_000;

/**
 * What a credential resolved to, remembered until a deadline. Keyed by a hash so raw tokens never
 * sit in memory longer than their request; bounded, so a flood of distinct tokens cannot grow it.
 */
export class CredentialCache<T> {
  private readonly entries = new Map<string, { value: T; until: number }>();

  constructor(private readonly now: () => number = Date.now) {}

  /** The remembered value, or undefined when unknown or past its deadline. */
  get(token: string): T | undefined {
    const key = CredentialCache.key(token);
    const hit = this.entries.get(key);
    if (hit && hit.until > this.now()) return hit.value;
    this.entries.delete(key);
    return undefined;
  }

  set(token: string, value: T, until: number): void {
    if (this.entries.size >= MAX_ENTRIES) this.entries.clear();
    this.entries.set(CredentialCache.key(token), { value, until });
  }

  private static key(token: string): string {
    return createHash('sha256').update(token).digest('base64url');
  }
}
