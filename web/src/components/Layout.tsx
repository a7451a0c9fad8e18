import type { ReactNode } from 'react';
import { NavLink } from 'react-router';
import { useAuth } from '../auth';
import { can, type Capability } from '../lib/roles';
import { titleCase } from '../lib/format';

const LINKS: { to: string; label: string; needs?: Capability }[] = [
  { to: '/board', label: 'Board' },
  { to: '/queue', label: 'Queues' },
  { to: '/submissions', label: 'Submissions' },
  { to: '/projects', label: 'Projects' },
  { to: '/intake', label: 'Intake', needs: 'intake' },
  { to: '/review', label: 'PDF review', needs: 'reviewExtractions' },
  { to: '/export', label: 'Exports', needs: 'export' },
  { to: '/trends', label: 'Trends' },
  { to: '/admin', label: 'Admin', needs: 'apiTokens' },
];

export function Layout({ children }: { children: ReactNode }) {
  const { me, logout } = useAuth();
  return (
    <div className="app">
      <a className="skip" href="#main">Skip to content</a>
      <header className="topbar">
        <span className="brand">Nanopore facility</span>
        <nav aria-label="Main">
          {LINKS.filter((l) => !l.needs || can(me?.role, l.needs)).map((l) => (
            <NavLink key={l.to} to={l.to}>{l.label}</NavLink>
          ))}
          <a href="/graphiql">GraphiQL</a>
        </nav>
        <span className="who">
          <span data-testid="whoami">{me?.name} · {titleCase(me?.role ?? '')}{me?.labName ? ` · ${me.labName}` : ''}</span>
          <button type="button" onClick={() => void logout()}>Sign out</button>
        </span>
      </header>
      <main id="main" tabIndex={-1}>{children}</main>
    </div>
  );
}
