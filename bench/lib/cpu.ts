/**
 * CPU time over a load window, read from the kernel rather than from a profiler's wall clock: on a
 * shared machine a descheduled process is not working, so this stays comparable across loads where
 * latencies do not. This process's CPU (every thread: V8's GC helpers, libuv), other processes of the
 * system measured, and the local PostgreSQL backends of the benchmark's database (the pools keep them
 * alive throughout; a backend that exits mid-window would undercount).
 */
import { readdirSync, readFileSync } from 'node:fs';
import type { LoadWindow } from './load.js';

const TICKS_PER_SECOND = 100;

/** utime + stime of one process, in ms (0 once it is gone). */
function cpuMsOf(pid: number | string): number {
  try {
    const fields = readFileSync(`/proc/${pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
    return ((Number(fields[11]) + Number(fields[12])) * 1000) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/**
 * CPU of the PostgreSQL backends serving `database` (their process title names it), in ms; null
 * where none runs here (PGlite). Other databases' backends (other test suites) are not counted.
 */
function postgresCpuMs(database: string): number | null {
  const pids = readdirSync('/proc').filter((d) => /^\d+$/.test(d)).filter((pid) => {
    try {
      const title = readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      return title.startsWith('postgres: ') && title.includes(` ${database} `);
    } catch {
      return false;
    }
  });
  return pids.length ? pids.reduce((ms, pid) => ms + cpuMsOf(pid), 0) : null;
}

const processCpuMs = () => { const u = process.cpuUsage(); return (u.user + u.system) / 1000; };

/** ms of CPU: this process, the local PostgreSQL, and other processes of the measured system (e.g. another gateway). */
export interface CpuFigures { systemMs: number; postgresMs: number | null; otherMs: number }

/** A LoadWindow that adds up CPU over every window it sees (slices of an interleaved run). */
export function cpuMeter(database: string | null, otherPids: number[] = []): LoadWindow & { total(): CpuFigures; perRequest(requests: number): CpuFigures } {
  const total: CpuFigures = { systemMs: 0, postgresMs: null, otherMs: 0 };
  let from: CpuFigures | null = null;
  const read = (): CpuFigures => ({ systemMs: processCpuMs(), postgresMs: database ? postgresCpuMs(database) : null, otherMs: otherPids.reduce((ms, pid) => ms + cpuMsOf(pid), 0) });
  const round = (ms: number) => Math.round(ms * 100) / 100;
  return {
    opened() { from = read(); },
    closed() {
      if (!from) return;
      const to = read();
      total.systemMs += to.systemMs - from.systemMs;
      total.otherMs += to.otherMs - from.otherMs;
      if (to.postgresMs !== null && from.postgresMs !== null) total.postgresMs = (total.postgresMs ?? 0) + to.postgresMs - from.postgresMs;
      from = null;
    },
    total: () => ({ ...total }),
    perRequest: (requests) => ({
      systemMs: round(total.systemMs / Math.max(1, requests)),
      postgresMs: total.postgresMs === null ? null : round(total.postgresMs / Math.max(1, requests)),
      otherMs: round(total.otherMs / Math.max(1, requests)),
    }),
  };
}
