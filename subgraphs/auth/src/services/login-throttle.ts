import type { EntityManager } from '@mikro-orm/postgresql';
import { qualified } from '@app/common';
import type { AuthDeps } from '../deps.js';

export const emailKey = (email: string) => `email:${email.trim().toLowerCase()}`;
export const ipKey = (ip: string) => `ip:${ip}`;

/** Lock windows are counted from the first failure: fixed windows keep this to one row per key. */
export class LoginThrottleStore {
  private readonly table: string;

  constructor(private readonly deps: AuthDeps) {
    this.table = qualified(deps.schema, 'login_throttle');
  }

  /** The latest lock end among `keys` that is still in the future, or null. */
  async lockedUntil(em: EntityManager, keys: string[]): Promise<Date | null> {
    const rows = await em.getConnection().execute<{ locked_until: Date | string }[]>(
      `select locked_until from ${this.table} where key in (${keys.map(() => '?').join(', ')}) and locked_until > ?::timestamptz order by locked_until desc limit 1`,
      [...keys, this.deps.now().toISOString()], 'all', em.getTransactionContext(),
    );
    return rows[0] ? new Date(rows[0].locked_until) : null;
  }

  /**
   * Counts one failure for `key`; when it reaches `max` within the window the key is locked for
   * `lockMinutes` and its count starts again. Returns true when this failure caused the lock.
   */
  async fail(em: EntityManager, key: string, max: number, lockMinutes: number): Promise<boolean> {
    const now = this.deps.now();
    const windowStart = new Date(now.getTime() - this.deps.config.LOGIN_FAILURE_WINDOW_MINUTES * 60_000).toISOString();
    const t = this.table;
    const [row] = await em.getConnection().execute<{ failures: number }[]>(
      `insert into ${t} as t (key, failures, window_started_at) values (?, 1, ?::timestamptz)
       on conflict (key) do update set
         failures = case when t.window_started_at < ?::timestamptz then 1 else t.failures + 1 end,
         window_started_at = case when t.window_started_at < ?::timestamptz then excluded.window_started_at else t.window_started_at end
       returning failures`,
      [key, now.toISOString(), windowStart, windowStart], 'all', em.getTransactionContext(),
    );
    if (!row || row.failures < max) return false;
    const until = new Date(now.getTime() + lockMinutes * 60_000).toISOString();
    await em.getConnection().execute(
      `update ${t} set locked_until = ?::timestamptz, failures = 0, window_started_at = ?::timestamptz where key = ?`,
      [until, now.toISOString(), key], 'run', em.getTransactionContext(),
    );
    return true;
  }

  /** A successful sign-in (or a password reset) clears the account's count and lock. */
  async clear(em: EntityManager, key: string): Promise<void> {
    await em.getConnection().execute(`delete from ${this.table} where key = ?`, [key], 'run', em.getTransactionContext());
  }
}
