import { describe, expect, it } from '@jest/globals';
import { REFRESH_MARGIN_MS, Session, SessionExpiredError, storageLock, type SessionTokens, type TokenStorage } from '../../src/lib/session.js';

class MemoryStorage implements TokenStorage {
  items = new Map<string, string>();
  getItem(k: string) { return this.items.get(k) ?? null; }
  setItem(k: string, v: string) { this.items.set(k, v); }
  removeItem(k: string) { this.items.delete(k); }
}

const NOW = Date.parse('2026-12-02T12:00:00Z');
const tokens = (n: number, expiresInMs = 15 * 60_000): SessionTokens => ({
  accessToken: `access-${n}`, refreshToken: `refresh-${n}`,
  expiresAt: new Date(NOW + expiresInMs).toISOString(), refreshExpiresAt: new Date(NOW + 86_400_000).toISOString(),
});

function setup(options: { expiresInMs?: number; refresh?: (t: string) => Promise<SessionTokens> } = {}) {
  const calls: string[] = [];
  let n = 1;
  const storage = new MemoryStorage();
  const session = new Session({
    storage, now: () => NOW,
    refresh: options.refresh ?? (async (t) => { calls.push(t); n += 1; return tokens(n); }),
  });
  // Issued a while ago, so a near expiry means "refresh now" rather than "a very short-lived token".
  session.set({ ...tokens(1, options.expiresInMs), obtainedAt: NOW - 15 * 60_000 });
  return { session, calls, storage };
}

describe('Session', () => {
  it('hands out the stored access token while it is fresh', async () => {
    const { session, calls } = setup();
    await expect(session.accessToken()).resolves.toBe('access-1');
    expect(calls).toEqual([]);
    expect(session.msUntilRefresh()).toBe(15 * 60_000 - REFRESH_MARGIN_MS);
    expect(session.tokens?.obtainedAt).toBe(NOW - 15 * 60_000);
  });

  it('rotates once for many concurrent callers when the token is about to expire', async () => {
    const { session, calls } = setup({ expiresInMs: 30_000 });
    const got = await Promise.all([session.accessToken(), session.accessToken(), session.accessToken()]);
    expect(got).toEqual(['access-2', 'access-2', 'access-2']);
    expect(calls).toEqual(['refresh-1']);
    expect(session.tokens?.refreshToken).toBe('refresh-2');
  });

  it('keeps the margin proportionate for short-lived tokens', () => {
    const { session } = setup();
    session.set(tokens(1, 60_000));
    // A one-minute token is refreshed after three quarters of its life, not at once.
    expect(session.msUntilRefresh()).toBe(45_000);
  });

  it('uses tokens another tab stored while this one waited, instead of spending a rotated token', async () => {
    const storage = new MemoryStorage();
    const calls: string[] = [];
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const session = new Session({
      storage, now: () => NOW,
      refresh: async (t) => { calls.push(t); return tokens(9); },
      withLock: async (fn) => { await gate; return fn(); },
    });
    session.set(tokens(1, 10_000));
    const pending = session.refreshNow();
    // The other tab rotated first and wrote its result.
    storage.setItem('nanopore.session', JSON.stringify(tokens(2)));
    release();
    await expect(pending).resolves.toMatchObject({ refreshToken: 'refresh-2' });
    expect(calls).toEqual([]);
  });

  it('signs out when the server refuses the refresh token', async () => {
    const changes: (SessionTokens | null)[] = [];
    const { session } = setup({ expiresInMs: 1_000, refresh: async () => { throw new SessionExpiredError('refresh token reused'); } });
    session.onChange((t) => changes.push(t));
    await expect(session.accessToken()).rejects.toThrow('refresh token reused');
    expect(session.tokens).toBeNull();
    expect(changes).toEqual([null]);
  });

  it('keeps the session on a network failure, so the next call can try again', async () => {
    const { session } = setup({ expiresInMs: 1_000, refresh: async () => { throw new TypeError('Failed to fetch'); } });
    await expect(session.refreshNow()).rejects.toThrow('Failed to fetch');
    expect(session.tokens?.refreshToken).toBe('refresh-1');
  });
});

describe('two tabs sharing one storage', () => {
  /** Two Session objects over one storage, each with its own storage lease: two tabs of a browser without Web Locks. */
  function twoTabs() {
    const storage = new MemoryStorage();
    const calls: string[] = [];
    let n = 1;
    const tab = (owner: string) => new Session({
      storage, now: () => NOW,
      withLock: storageLock({ storage, owner, now: () => NOW, pause: (ms) => new Promise((r) => setTimeout(r, Math.min(ms, 5))) }),
      refresh: async (t) => {
        calls.push(t);
        await new Promise((r) => setTimeout(r, 20)); // the server takes a moment
        n += 1;
        return tokens(n);
      },
    });
    const a = tab('a');
    const b = tab('b');
    a.set({ ...tokens(1, 30_000), obtainedAt: NOW - 15 * 60_000 });
    return { storage, calls, a, b };
  }

  it('rotates once when both tabs find the token due at the same moment', async () => {
    const { calls, a, b } = twoTabs();
    const [fromA, fromB] = await Promise.all([a.accessToken(), b.accessToken()]);
    expect(calls).toEqual(['refresh-1']);
    expect(fromA).toBe('access-2');
    expect(fromB).toBe('access-2');
  });

  it('releases the lease after a refresh, and takes over a lease its holder left behind', async () => {
    const { storage, calls, a } = twoTabs();
    // A tab closed while it held the lease, long ago.
    storage.setItem('nanopore.session.lock', JSON.stringify({ owner: 'gone', until: NOW - 1 }));
    await a.refreshNow();
    expect(calls).toEqual(['refresh-1']);
    expect(storage.getItem('nanopore.session.lock')).toBeNull();
  });

  it('waits while another tab holds a live lease', async () => {
    const { storage, calls, a } = twoTabs();
    storage.setItem('nanopore.session.lock', JSON.stringify({ owner: 'other', until: NOW + 60_000 }));
    let settled = false;
    const pending = a.refreshNow().then(() => { settled = true; });
    await new Promise((r) => setTimeout(r, 60));
    expect(settled).toBe(false);
    expect(calls).toEqual([]);
    // The other tab finishes: it stored its new tokens and dropped the lease; this tab uses them.
    storage.setItem('nanopore.session', JSON.stringify(tokens(7)));
    storage.removeItem('nanopore.session.lock');
    await pending;
    expect(calls).toEqual([]);
    expect(a.tokens?.refreshToken).toBe('refresh-7');
  });

  it('tells listeners when another tab changed the stored session', () => {
    const { storage, a } = twoTabs();
    const seen: (string | null)[] = [];
    a.onChange((t) => seen.push(t?.refreshToken ?? null));
    storage.setItem('nanopore.session', JSON.stringify(tokens(3)));
    a.externalChange();
    storage.removeItem('nanopore.session');
    a.externalChange();
    expect(seen).toEqual(['refresh-3', null]);
  });
});
