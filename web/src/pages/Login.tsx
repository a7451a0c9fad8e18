import { useState, type FormEvent } from 'react';
import { Navigate, useSearchParams } from 'react-router';
import { useAuth } from '../auth';
import { describeError } from '../lib/errors';

export function LoginPage() {
  const { signedIn, login } = useAuth();
  const [params] = useSearchParams();
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const next = params.get('next');
  if (signedIn) return <Navigate to={next?.startsWith('/') && !next.startsWith('//') ? next : '/board'} replace />;

  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = new FormData(event.currentTarget);
    setBusy(true);
    setError(null);
    try {
      await login(String(form.get('email')), String(form.get('password')));
    } catch (err) {
      setError(err);
    } finally {
      setBusy(false);
    }
  };

  return (
    <main className="login" id="main">
      <form onSubmit={submit} aria-labelledby="login-title">
        <h1 id="login-title">Sign in</h1>
        <p>Nanopore sequencing core: samples, workflow and exports.</p>
        <label>Email <input name="email" type="email" autoComplete="username" required autoFocus /></label>
        <label>Password <input name="password" type="password" autoComplete="current-password" required /></label>
        {error ? <p className="notice notice-error" role="alert">{describeError(error)}</p> : null}
        <button type="submit" disabled={busy}>{busy ? 'Signing in…' : 'Sign in'}</button>
        <p className="muted">API explorers: <a href="/graphiql">GraphiQL</a> (works offline) · <a href="/sandbox">Apollo Sandbox</a> (needs internet)</p>
      </form>
    </main>
  );
}
