// The signed-in session shared by the dashboard and the GraphiQL page, and calls that need no session.
import { STORAGE_KEY, Session, SessionExpiredError, storageLock, type SessionTokens } from './lib/session';

export const GRAPHQL_PATH = '/graphql';

const REFRESH = `mutation Refresh($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken expiresAt refreshExpiresAt } }`;

/** Sends an operation without the Apollo cache (sign-in, refresh, sign-out must not depend on a session). */
export async function rawGraphQL<T>(query: string, variables: Record<string, unknown>, token?: string): Promise<T> {
  const res = await fetch(GRAPHQL_PATH, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    body: JSON.stringify({ query, variables }),
  });
  const body = (await res.json().catch(() => null)) as { data?: T; errors?: { message: string; extensions?: { code?: string } }[] } | null;
  if (!body) throw new Error(`The server answered ${res.status} without a GraphQL response`);
  if (body.errors?.length) {
    const first = body.errors[0]!;
    if (first.extensions?.code === 'UNAUTHENTICATED') throw new SessionExpiredError(first.message);
    throw Object.assign(new Error(first.message), { extensions: first.extensions });
  }
  return body.data as T;
}

// Wakes a tab waiting for the storage lease as soon as another tab writes, instead of at its next look.
const storageWaiters = new Set<() => void>();
const pauseUntilStorageChanges = (ms: number) => new Promise<void>((resolve) => {
  const done = () => { clearTimeout(timer); storageWaiters.delete(done); resolve(); };
  const timer = setTimeout(done, ms);
  storageWaiters.add(done);
});
const leaseLock = storageLock({ storage: window.localStorage, pause: pauseUntilStorageChanges });

/** One refresh at a time across the tabs: a Web Lock where the browser has one (secure contexts), else a lease in storage. */
function withTabLock<T>(fn: () => Promise<T>): Promise<T> {
  const locks = typeof navigator !== 'undefined' ? navigator.locks : undefined;
  return locks ? (locks.request('nanopore.session.refresh', fn) as Promise<T>) : leaseLock(fn);
}

export const session = new Session({
  storage: window.localStorage,
  withLock: withTabLock,
  refresh: async (refreshToken) => (await rawGraphQL<{ refreshSession: SessionTokens }>(REFRESH, { t: refreshToken })).refreshSession,
});

// Another tab signed in, rotated or signed out: this tab plans its next refresh from that (and does
// not spend a token that tab already spent), and a lease waiter looks again at once.
window.addEventListener('storage', (event) => {
  if (event.storageArea !== window.localStorage) return;
  for (const wake of [...storageWaiters]) wake();
  if (event.key === STORAGE_KEY || event.key === null) session.externalChange();
});

/** Keeps the access token fresh while the page is open, so idle dashboards stay signed in. */
export function scheduleRefresh(): () => void {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const plan = () => {
    clearTimeout(timer);
    const wait = session.msUntilRefresh();
    if (wait === null) return;
    timer = setTimeout(() => { session.refreshNow().catch(() => undefined); }, Math.min(wait, 2 ** 31 - 1));
  };
  const stop = session.onChange(plan);
  plan();
  return () => { stop(); clearTimeout(timer); };
}
