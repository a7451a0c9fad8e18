// Who is signed in: the session tokens, the caller's own record, sign-in and sign-out.
import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useApolloClient, useQuery } from '@apollo/client/react';
import { graphql } from './gql';
import { rawGraphQL, scheduleRefresh, session } from './session-store';
import type { SessionTokens } from './lib/session';
import type { RoleName } from './lib/roles';

export const MeQuery = graphql(`
  query Me { me { id name email role labId labName } }
`);

const LOGIN = `mutation Login($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken refreshToken expiresAt refreshExpiresAt } }`;
const LOGOUT = `mutation Logout($t: String!) { logout(refreshToken: $t) }`;

export interface Me { id: string; name: string; email?: string | null; role: RoleName; labId?: string | null; labName?: string | null }

interface AuthState {
  signedIn: boolean;
  me: Me | null;
  loading: boolean;
  login(email: string, password: string): Promise<void>;
  logout(): Promise<void>;
}

const AuthContext = createContext<AuthState | null>(null);

export function AuthProvider({ children, onSignedOut }: { children: ReactNode; onSignedOut: () => void }) {
  const client = useApolloClient();
  const [signedIn, setSignedIn] = useState(() => session.tokens !== null);
  useEffect(() => session.onChange((tokens) => setSignedIn(tokens !== null)), []);
  useEffect(() => scheduleRefresh(), []);
  const { data, loading } = useQuery(MeQuery, { skip: !signedIn, fetchPolicy: 'cache-first' });

  const login = useCallback(async (email: string, password: string) => {
    const { login: tokens } = await rawGraphQL<{ login: SessionTokens }>(LOGIN, { e: email, p: password });
    await client.clearStore();
    session.set(tokens);
  }, [client]);

  const logout = useCallback(async () => {
    const refreshToken = session.tokens?.refreshToken;
    session.set(null);
    if (refreshToken) await rawGraphQL(LOGOUT, { t: refreshToken }).catch(() => undefined);
    await client.clearStore();
    onSignedOut();
  }, [client, onSignedOut]);

  const value = useMemo<AuthState>(() => ({
    signedIn, me: (data?.me as Me | undefined) ?? null, loading: signedIn && loading && !data, login, logout,
  }), [signedIn, data, loading, login, logout]);
  return <AuthContext.Provider value={value}>{children}</AuthContext.Provider>;
}

export function useAuth(): AuthState {
  const value = useContext(AuthContext);
  if (!value) throw new Error('useAuth outside AuthProvider');
  return value;
}
