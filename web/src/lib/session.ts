// Holds the signed-in session and rotates the refresh token before the access token expires.
// Refresh tokens rotate on every use, and reusing an old one revokes the whole family, so only one
// refresh may be in flight: concurrent callers share it, and tabs take turns through a Web Lock.

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

const STORAGE_KEY = 'nanopore.session';
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
