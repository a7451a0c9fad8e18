import { execFileSync } from 'node:child_process';
import type { PrivatePostgres } from './postgres.js';
import type { PrivateRedis } from './redis.js';
import type { ServiceProcess } from './service.js';

interface Tracked { postgres: PrivatePostgres; redis: PrivateRedis; services: Map<string, ServiceProcess> }

const live = new Set<Tracked>();
let hooked = false;

/**
 * Last-resort cleanup when the test process exits without calling stop() (a crash, a timeout, a
 * killed jest worker): no service, Redis or PostgreSQL is left running behind it.
 */
export function trackForTeardown(postgres: PrivatePostgres, redis: PrivateRedis, services: Map<string, ServiceProcess>): void {
  live.add({ postgres, redis, services });
  if (hooked) return;
  hooked = true;
  const killAll = () => {
    for (const t of live) {
      for (const s of t.services.values()) if (s.pid) try { process.kill(s.pid, 'SIGKILL'); } catch { /* already gone */ }
      if (t.redis.pid) try { process.kill(t.redis.pid, 'SIGKILL'); } catch { /* already gone */ }
      const stop = t.postgres.stopCommand();
      try { execFileSync(stop.file, stop.args, { stdio: 'ignore', timeout: 10_000, ...stop.user }); } catch { /* already stopped */ }
    }
    live.clear();
  };
  process.once('exit', killAll);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) process.once(signal, () => { killAll(); process.exit(1); });
}

export function untrack(services: Map<string, ServiceProcess>): void {
  for (const t of live) if (t.services === services) live.delete(t);
}
