// Administration: users and roles, API tokens, audit chain verification, dead letters.
// Everyone manages their own API tokens here; the rest shows only for the roles that may use it.
import { useState, type FormEvent } from 'react';
import { useLazyQuery, useMutation, useQuery } from '@apollo/client/react';
import { graphql } from '../gql';
import type { Role } from '../gql/graphql';
import { useAuth } from '../auth';
import { can } from '../lib/roles';
import { describeError } from '../lib/errors';
import { formatDateTime, titleCase } from '../lib/format';
import { Empty, ErrorState, Loading, Notice } from '../components/States';

const Users = graphql(`query Users($search: String) { users(first: 50, filter: { search: $search }) { totalCount edges { node { id name email role labId labName active lastLoginAt } } } }`);
const CreateUser = graphql(`mutation CreateUser($input: CreateUserInput!) { createUser(input: $input) { id name } }`);
const UpdateRole = graphql(`mutation UpdateRole($id: ID!, $role: Role!) { updateUser(id: $id, input: { role: $role }) { id role } }`);
const Deactivate = graphql(`mutation Deactivate($id: ID!) { deactivateUser(id: $id) { id active } }`);
const Reactivate = graphql(`mutation Reactivate($id: ID!) { reactivateUser(id: $id) { id active } }`);
const Tokens = graphql(`query Tokens { apiScopes apiTokens(first: 50) { edges { node { id name prefix scopes lastUsedAt expiresAt createdAt revokedAt } } } }`);
const CreateToken = graphql(`mutation CreateToken($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { id name } } }`);
const RevokeToken = graphql(`mutation RevokeToken($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }`);
const VerifyChain = graphql(`query VerifyChain { verifyAuditChain { valid checked fromSeq toSeq firstBrokenSeq reason } }`);
const DeadLetters = graphql(`query DeadLetters { deadLetters(first: 50) { totalCount edges { node { id consumerGroup eventType reason receivedAt } } } }`);

const ROLES: Role[] = ['ADMIN', 'STAFF', 'SUBMITTER', 'VIEWER'];

export function AdminPage() {
  const { me } = useAuth();
  return (
    <section aria-labelledby="admin-title">
      <h1 id="admin-title">Administration</h1>
      {can(me?.role, 'listUsers') && <UsersSection manage={can(me?.role, 'manageUsers')} />}
      <TokensSection />
      {can(me?.role, 'verifyAudit') && <AuditSection />}
      {can(me?.role, 'deadLetters') && <DeadLettersSection />}
    </section>
  );
}

function UsersSection({ manage }: { manage: boolean }) {
  const [search, setSearch] = useState<string | undefined>();
  const { data, error, loading, refetch } = useQuery(Users, { variables: { search } });
  const [createUser] = useMutation(CreateUser);
  const [updateRole] = useMutation(UpdateRole);
  const [deactivate] = useMutation(Deactivate);
  const [reactivate] = useMutation(Reactivate);
  const [notice, setNotice] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const run = (p: Promise<unknown>, ok: string) => p.then(() => { setNotice({ kind: 'ok', text: ok }); void refetch(); }, (err) => setNotice({ kind: 'error', text: describeError(err) }));
  const submit = (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const form = e.currentTarget;
    const f = new FormData(form);
    const input = { email: String(f.get('email')), name: String(f.get('name')), role: String(f.get('role')) as Role,
      labId: String(f.get('labId') || '') || undefined, labName: String(f.get('labName') || '') || undefined, password: String(f.get('password') || '') || undefined };
    void run(createUser({ variables: { input } }).then(() => form.reset()), `Created ${input.email}`);
  };
  return (
    <section aria-labelledby="users-title">
      <h2 id="users-title">Users and roles</h2>
      <form role="search" className="search" onSubmit={(e) => { e.preventDefault(); setSearch(String(new FormData(e.currentTarget).get('q') || '') || undefined); }}>
        <label>Search users <input name="q" type="search" /></label> <button type="submit">Search</button>
      </form>
      {notice ? <Notice kind={notice.kind}>{notice.text}</Notice> : null}
      {error ? <ErrorState error={error} what="users" /> : null}
      {loading && !data ? <Loading what="users" /> : null}
      {data && (
        <table className="table">
          <thead><tr><th scope="col">Name</th><th scope="col">Email</th><th scope="col">Role</th><th scope="col">Lab</th><th scope="col">Last sign-in</th><th scope="col">Active</th></tr></thead>
          <tbody>{data.users.edges.map(({ node: u }) => (
            <tr key={u.id}>
              <td>{u.name}</td><td>{u.email}</td>
              <td>{manage ? <select aria-label={`Role of ${u.name}`} value={u.role} onChange={(e) => void run(updateRole({ variables: { id: u.id, role: e.target.value as Role } }), `${u.name} is now ${e.target.value}`)}>
                {ROLES.map((r) => <option key={r} value={r}>{titleCase(r)}</option>)}</select> : titleCase(u.role)}</td>
              <td>{u.labName ?? u.labId ?? '—'}</td><td>{formatDateTime(u.lastLoginAt)}</td>
              <td>{manage ? (u.active
                ? <button type="button" onClick={() => void run(deactivate({ variables: { id: u.id } }), `Deactivated ${u.name}`)}>Deactivate</button>
                : <button type="button" onClick={() => void run(reactivate({ variables: { id: u.id } }), `Reactivated ${u.name}`)}>Reactivate</button>) : u.active ? 'yes' : 'no'}</td>
            </tr>
          ))}</tbody>
        </table>
      )}
      {manage && (
        <details className="create">
          <summary>New user</summary>
          <form onSubmit={submit} className="inline-form">
            <label>Email <input name="email" type="email" required /></label>
            <label>Name <input name="name" required /></label>
            <label>Role <select name="role" defaultValue="STAFF">{ROLES.map((r) => <option key={r} value={r}>{titleCase(r)}</option>)}</select></label>
            <label>Lab id <input name="labId" /></label>
            <label>Lab name <input name="labName" /></label>
            <label>Password <input name="password" type="password" autoComplete="new-password" placeholder="blank: a reset link" /></label>
            <button type="submit">Create user</button>
          </form>
        </details>
      )}
    </section>
  );
}

function TokensSection() {
  const { data, error, refetch } = useQuery(Tokens);
  const [createToken] = useMutation(CreateToken);
  const [revoke] = useMutation(RevokeToken);
  const [created, setCreated] = useState<string | null>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    const f = new FormData(e.currentTarget);
    try {
      const res = await createToken({ variables: { input: { name: String(f.get('name')), scopes: f.getAll('scopes').map(String) } } });
      setCreated(res.data!.createApiToken.token);
      setNotice(null);
      void refetch();
    } catch (err) {
      setNotice(describeError(err));
    }
  };
  return (
    <section aria-labelledby="tokens-title" id="tokens">
      <h2 id="tokens-title">API tokens</h2>
      {error ? <ErrorState error={error} what="API tokens" /> : null}
      {created ? <p className="notice notice-ok" role="status">New token (shown once, copy it now): <code data-testid="new-token">{created}</code></p> : null}
      {notice ? <Notice kind="error">{notice}</Notice> : null}
      {data && data.apiTokens.edges.length === 0 ? <Empty>You have no API tokens.</Empty> : null}
      {data && data.apiTokens.edges.length > 0 && (
        <table className="table">
          <thead><tr><th scope="col">Name</th><th scope="col">Prefix</th><th scope="col">Scopes</th><th scope="col">Last used</th><th scope="col">Expires</th><th scope="col"></th></tr></thead>
          <tbody>{data.apiTokens.edges.map(({ node: t }) => (
            <tr key={t.id}><td>{t.name}</td><td><code>{t.prefix}</code></td><td>{t.scopes.join(', ')}</td><td>{formatDateTime(t.lastUsedAt)}</td><td>{formatDateTime(t.expiresAt)}</td>
              <td>{t.revokedAt ? `revoked ${formatDateTime(t.revokedAt)}` : <button type="button" onClick={() => void revoke({ variables: { id: t.id } }).then(() => refetch())}>Revoke</button>}</td></tr>
          ))}</tbody>
        </table>
      )}
      <details className="create">
        <summary>New API token</summary>
        <form onSubmit={submit} className="inline-form">
          <label>Name <input name="name" required placeholder="Power BI" /></label>
          <fieldset className="filters"><legend>Scopes</legend>
            {data?.apiScopes.map((s) => <label key={s}><input type="checkbox" name="scopes" value={s} defaultChecked={s.endsWith(':read')} /> {s}</label>)}
          </fieldset>
          <button type="submit">Create token</button>
        </form>
      </details>
    </section>
  );
}

function AuditSection() {
  const [verify, { data, error, loading }] = useLazyQuery(VerifyChain, { fetchPolicy: 'network-only' });
  const v = data?.verifyAuditChain;
  return (
    <section aria-labelledby="audit-title">
      <h2 id="audit-title">Audit chain</h2>
      <button type="button" onClick={() => void verify()} disabled={loading}>{loading ? 'Verifying…' : 'Verify the audit chain'}</button>
      {error ? <ErrorState error={error} what="the audit chain" /> : null}
      {v ? <Notice kind={v.valid ? 'ok' : 'error'}>{v.valid
        ? `Intact: ${v.checked} entries checked (seq ${v.fromSeq ?? '—'} to ${v.toSeq ?? '—'}).`
        : `Broken at seq ${v.firstBrokenSeq}: ${v.reason}`}</Notice> : null}
    </section>
  );
}

function DeadLettersSection() {
  const { data, error, loading } = useQuery(DeadLetters);
  return (
    <section aria-labelledby="dead-title">
      <h2 id="dead-title">Dead letters</h2>
      {error ? <ErrorState error={error} what="dead letters" /> : null}
      {loading && !data ? <Loading what="dead letters" /> : null}
      {data && data.deadLetters.totalCount === 0 ? <Empty>No dead letters: every event was consumed.</Empty> : null}
      {data && data.deadLetters.totalCount > 0 && (
        <table className="table">
          <thead><tr><th scope="col">Received</th><th scope="col">Consumer</th><th scope="col">Event</th><th scope="col">Reason</th></tr></thead>
          <tbody>{data.deadLetters.edges.map(({ node: d }) => <tr key={d.id}><td>{formatDateTime(d.receivedAt)}</td><td>{d.consumerGroup}</td><td>{d.eventType ?? '—'}</td><td>{d.reason}</td></tr>)}</tbody>
        </table>
      )}
    </section>
  );
}
