/**
 * MikroORM keeps two AsyncLocalStorages: TransactionContext (which EntityManager a transaction's
 * code runs in) and the unit of work's "inside a flush" flag. On Node 20 the first `run` of any
 * AsyncLocalStorage turns on promise hooks for the whole process, for good, so every promise of
 * every request pays for context propagation: about a seventh of a dashboard request's CPU, though
 * reads open no transaction and flush nothing (bench/README.md, profile-dashboard). Each of those
 * storages is therefore disabled whenever none of its `run`s is in flight: `disable()` removes the
 * hooks once no storage is enabled, and the next `run` turns them back on. Only at zero: disabling
 * exits every context of the storage, and an open transaction still needs its own. A callback
 * scheduled inside a run that fires after it ended finds no store, which is what both flags mean
 * then (no transaction, not flushing). Node 22's AsyncContextFrame makes this unnecessary.
 */
import { AsyncLocalStorage } from 'node:async_hooks';

type Run = AsyncLocalStorage<unknown>['run'];

const released = new WeakSet<AsyncLocalStorage<unknown>>();

/** Disables `storage` whenever no `run` of it is in flight (a run that returns a promise is in flight until it settles). */
export function disableWhenIdle(storage: AsyncLocalStorage<unknown>): void {
  if (released.has(storage)) return;
  released.add(storage);
  let open = 0;
  const closed = () => {
    if (--open === 0) storage.disable();
  };
  storage.run = function runThenRelease(this: unknown, store: unknown, callback: (...args: unknown[]) => unknown, ...args: unknown[]) {
    open++;
    let result: unknown;
    try {
      // The prototype's run, looked up per call, so storageRunBy still finds a released storage.
      result = (AsyncLocalStorage.prototype.run as Run).call(storage, store, callback, ...args);
    } catch (err) {
      closed();
      throw err;
    }
    if (typeof (result as PromiseLike<unknown> | null)?.then === 'function') Promise.resolve(result).then(closed, closed);
    else closed();
    return result;
  } as Run;
}

/**
 * The first AsyncLocalStorage whose `run` `trigger` calls synchronously (how a library's private
 * storage is found), and what `trigger` returned.
 */
export function storageRunBy<T>(trigger: () => T): { storage: AsyncLocalStorage<unknown> | null; result: T } {
  const prototype = AsyncLocalStorage.prototype as { run: Run };
  const run = prototype.run;
  const seen: AsyncLocalStorage<unknown>[] = [];
  prototype.run = function captureRun(this: AsyncLocalStorage<unknown>, ...args: Parameters<Run>) {
    seen.push(this);
    return run.apply(this, args);
  } as Run;
  try {
    const result = trigger();
    return { storage: seen[0] ?? null, result };
  } finally {
    prototype.run = run;
  }
}
