// Holds the signed-in session and rotates the refresh token before the access token expires.
// Refresh tokens rotate on every use, and reusing an old one revokes the whole family, so only one
// refresh may be in flight: concurrent callers share it, and tabs take turns through a Web Lock (or,
// where there is none, as on plain http off localhost, a lease in storage: `storageLock`). A tab
// hears another tab's rotation through the storage event (`externalChange`) and plans from it.

export interface SessionTokens {
  accessToken: string;
  refreshToken: string;
  /** ISO time the access token stops working. */
  expiresAt: string;
  refreshExpiresAt: string;
  /** Epoch ms the tokens were received; set by Session, so short-lived tokens get a proportionate margin. */
  obtainedAt?: number;
}

export interface TokenStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

export type RefreshFn = (refreshToken: string) => Promise<SessionTokens>;

export const STORAGE_KEY = 'nanopore.session';
/** Refresh this long before the access token expires (at most a quarter of its life), so requests never carry a dead token. */
export const REFRESH_MARGIN_MS = 60_000;

export class SessionExpiredError extends Error {
  constructor(message = 'Your session has ended; please sign in again') {
    super(message);
  }
}

export interface SessionOptions {
  storage: TokenStorage;
  refresh: RefreshFn;
  now?: () => number;
  /** Runs `fn` while holding a lock shared by every tab (navigator.locks in the browser). */
  withLock?: <T>(fn: () => Promise<T>) => Promise<T>;
}

export class Session {
  private inFlight: Promise<SessionTokens> | null = null;
  private listeners = new Set<(tokens: SessionTokens | null) => void>();
  private readonly now: () => number;

  constructor(private readonly options: SessionOptions) {
    this.now = options.now ?? Date.now;
  }

  get tokens(): SessionTokens | null {
    const raw = this.options.storage.getItem(STORAGE_KEY);
    if (!raw) return null;
    try {
      return JSON.parse(raw) as SessionTokens;
    } catch {
      return null;
    }
  }

  set(tokens: SessionTokens | null): void {
    if (tokens) this.options.storage.setItem(STORAGE_KEY, JSON.stringify({ ...tokens, obtainedAt: tokens.obtainedAt ?? this.now() }));
    else this.options.storage.removeItem(STORAGE_KEY);
    for (const listener of this.listeners) listener(tokens);
  }

  /** Another tab wrote the stored session (the storage event): listeners re-plan from what it stored. */
  externalChange(): void {
    const tokens = this.tokens;
    for (const listener of this.listeners) listener(tokens);
  }

  onChange(listener: (tokens: SessionTokens | null) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }

  /** Milliseconds until the token should be refreshed (0 when due now); null when signed out. */
  msUntilRefresh(tokens = this.tokens): number | null {
    if (!tokens) return null;
    const expires = Date.parse(tokens.expiresAt);
    const life = tokens.obtainedAt ? expires - tokens.obtainedAt : Infinity;
    return Math.max(0, expires - Math.min(REFRESH_MARGIN_MS, life / 4) - this.now());
  }

  /** An access token good for at least the margin, refreshing first when needed; null when signed out. */
  async accessToken(): Promise<string | null> {
    const tokens = this.tokens;
    if (!tokens) return null;
    if (this.msUntilRefresh(tokens)! > 0) return tokens.accessToken;
    return (await this.refreshNow()).accessToken;
  }

  /** Rotates the refresh token once, however many callers ask at the same moment. */
  refreshNow(): Promise<SessionTokens> {
    this.inFlight ??= this.rotate().finally(() => { this.inFlight = null; });
    return this.inFlight;
  }

  private async rotate(): Promise<SessionTokens> {
    const seen = this.tokens?.refreshToken;
    const run = async () => {
      const current = this.tokens;
      if (!current) throw new SessionExpiredError();
      // Another tab rotated while this one waited for the lock: its tokens are the new ones.
      if (current.refreshToken !== seen) return current;
      if (Date.parse(current.refreshExpiresAt) <= this.now()) {
        this.set(null);
        throw new SessionExpiredError();
      }
      try {
        const next = await this.options.refresh(current.refreshToken);
        this.set(next);
        return next;
      } catch (err) {
        if (err instanceof SessionExpiredError) this.set(null);
        throw err;
      }
    };
    return this.options.withLock ? this.options.withLock(run) : run();
  }
}

export interface StorageLockOptions {
  storage: TokenStorage;
  key?: string;
  /** This tab's id, to tell its own lease from another tab's. */
  owner?: string;
  now?: () => number;
  /** How long a lease holds before another tab may take it over (a tab closed mid-refresh). */
  ttlMs?: number;
  /** Waits before looking again; resolves early when storage changes (the storage event) where the caller wires it. */
  pause?: (ms: number) => Promise<void>;
}

interface Lease { owner: string; until: number }

/**
 * A lock shared by the tabs of one origin through storage, for browsers without Web Locks
 * (`navigator.locks` exists only in secure contexts). localStorage has no compare-and-set, so a tab
 * writes its lease, waits a moment and proceeds only if the lease is still its own: of two tabs that
 * wrote at once, the last writer wins and the other waits. A lease expires after `ttlMs`, so a tab
 * closed while holding it blocks nobody for long. What slips through (two tabs in the same instant)
 * is what the server's reuse grace is for.
 */
export function storageLock(options: StorageLockOptions): <T>(fn: () => Promise<T>) => Promise<T> {
  const { storage } = options;
  const key = options.key ?? 'nanopore.session.lock';
  const owner = options.owner ?? Math.random().toString(36).slice(2);
  const now = options.now ?? Date.now;
  const ttlMs = options.ttlMs ?? 15_000;
  const pause = options.pause ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const read = (): Lease | null => {
    try {
      const lease = JSON.parse(storage.getItem(key) ?? 'null') as Lease | null;
      return lease && typeof lease.owner === 'string' && typeof lease.until === 'number' ? lease : null;
    } catch {
      return null;
    }
  };
  const takeable = (lease: Lease | null) => !lease || lease.owner === owner || lease.until <= now();
  let queue: Promise<unknown> = Promise.resolve();
  const acquire = async (): Promise<void> => {
    for (;;) {
      if (takeable(read())) {
        storage.setItem(key, JSON.stringify({ owner, until: now() + ttlMs } satisfies Lease));
        await pause(30);
        if (read()?.owner === owner) return;
      }
      await pause(100);
    }
  };
  return <T>(fn: () => Promise<T>): Promise<T> => {
    // Callers in this tab queue behind each other first, so the lease is taken once at a time.
    const run = queue.then(async () => {
      await acquire();
      try {
        return await fn();
      } finally {
        if (read()?.owner === owner) storage.removeItem(key);
      }
    });
    queue = run.catch(() => undefined);
    return run;
  };
}
