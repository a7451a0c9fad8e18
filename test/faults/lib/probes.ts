import { probe, type DistributedSystem } from '@app/testing';

/** /healthz and /readyz status of every process, by name. */
export async function healthOfAll(sys: DistributedSystem): Promise<Record<string, { health: number; ready: number }>> {
  const entries = await Promise.all([...sys.services.values()].map(async (s) =>
    [s.name, { health: await probe(`${s.url}/healthz`), ready: await probe(`${s.url}/readyz`) }] as const));
  return Object.fromEntries(entries);
}

/** Process ids by name, to show nothing was restarted. */
export function pids(sys: DistributedSystem): Record<string, number | undefined> {
  return Object.fromEntries([...sys.services.values()].map((s) => [s.name, s.pid]));
}
