import { existsSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

/** Thrown when another live process has the embedded database of a data folder open. */
export class DataDirInUseError extends Error {
  constructor(readonly dataDir: string, readonly holder: LockHolder) {
    super(`The embedded database in ${dataDir} is in use by process ${holder.pid} (${holder.command}${holder.url ? ` at ${holder.url}` : ''}, since ${holder.since}). `
      + 'PGlite data folders cannot be shared between processes: stop that process first'
      + `${holder.url ? `, or talk to it over HTTP (e.g. SEED_URL=${holder.url} ADMIN_EMAIL=… ADMIN_PASSWORD=… npm run seed)` : ''}.`);
    this.name = 'DataDirInUseError';
  }
}

export interface LockHolder { pid: number; command: string; since: string; url?: string }

export interface DataDirLock {
  /** Records where the holder can be reached, so a refused second process can say so. */
  setUrl(url: string): void;
  release(): void;
}

const alive = (pid: number): boolean => {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    // EPERM: the process exists but belongs to someone else.
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
};

/**
 * Takes `<dataDir>/embedded.lock` for this process. PGlite has no lock of its own (its postmaster.pid
 * holds a fake pid), and two processes writing one data folder corrupt it. A lock left by a process
 * that died is taken over.
 */
export function lockDataDir(dataDir: string, command = process.argv.slice(1).join(' ')): DataDirLock {
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, 'embedded.lock');
  if (existsSync(file)) {
    let holder: LockHolder | null = null;
    try { holder = JSON.parse(readFileSync(file, 'utf8')) as LockHolder; } catch { /* unreadable: treat as stale */ }
    if (holder && holder.pid !== process.pid && alive(holder.pid)) throw new DataDirInUseError(dataDir, holder);
  }
  const mine: LockHolder = { pid: process.pid, command, since: new Date().toISOString() };
  writeFileSync(file, `${JSON.stringify(mine)}\n`);
  return {
    setUrl(url) { writeFileSync(file, `${JSON.stringify({ ...mine, url })}\n`); },
    release() {
      try {
        const current = JSON.parse(readFileSync(file, 'utf8')) as LockHolder;
        if (current.pid === process.pid) rmSync(file, { force: true });
      } catch { /* already gone */ }
    },
  };
}
