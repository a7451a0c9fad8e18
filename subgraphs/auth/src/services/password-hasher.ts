import argon2 from 'argon2';
import type { AuthConfig } from '../config.js';
import { randomSecret } from './secrets.js';

/** argon2id with the configured cost; also keeps a dummy hash so unknown emails cost the same time. */
export class PasswordHasher {
  private readonly options: { type: typeof argon2.argon2id; memoryCost: number; timeCost: number; parallelism: number };
  private dummy: Promise<string> | null = null;

  constructor(config: Pick<AuthConfig, 'ARGON2_MEMORY_KIB' | 'ARGON2_TIME_COST' | 'ARGON2_PARALLELISM'>) {
    this.options = { type: argon2.argon2id, memoryCost: config.ARGON2_MEMORY_KIB, timeCost: config.ARGON2_TIME_COST, parallelism: config.ARGON2_PARALLELISM };
  }

  hash(password: string): Promise<string> {
    return argon2.hash(password, this.options);
  }

  /** False for a wrong password or a malformed hash; never throws for bad input. */
  async verify(hash: string, password: string): Promise<boolean> {
    try {
      return await argon2.verify(hash, password);
    } catch {
      return false;
    }
  }

  /** Spends the same effort as a real check, then fails: used when there is no account to check against. */
  async verifyDummy(password: string): Promise<false> {
    this.dummy ??= this.hash(randomSecret());
    await this.verify(await this.dummy, password);
    return false;
  }

  /** True when the stored hash was made with other parameters (rehashed at the next sign-in). */
  needsRehash(hash: string): boolean {
    try {
      return argon2.needsRehash(hash, this.options);
    } catch {
      return true;
    }
  }
}
