// Loading, error and empty states: each says what is happening or what went wrong, in words.
import type { ReactNode } from 'react';
import { describeError } from '../lib/errors';

export function Loading({ what }: { what: string }) {
  return <p className="state state-loading" role="status" aria-live="polite">Loading {what}…</p>;
}

export function ErrorState({ error, what, retry }: { error: unknown; what: string; retry?: () => void }) {
  return (
    <div className="state state-error" role="alert">
      <strong>Could not load {what}.</strong> {describeError(error)}
      {retry && <button type="button" onClick={retry}>Try again</button>}
    </div>
  );
}

export function Empty({ children }: { children: ReactNode }) {
  return <p className="state state-empty">{children}</p>;
}

export function Notice({ kind, children }: { kind: 'ok' | 'error'; children: ReactNode }) {
  return <p className={`notice notice-${kind}`} role={kind === 'error' ? 'alert' : 'status'}>{children}</p>;
}
