import { randomBytes } from 'node:crypto';
import type { Role } from '@app/common';
import type { GraphQLResponse } from '../subgraph.js';

export interface ClientUser {
  id: string;
  email: string;
  password: string;
  role: Role;
  labId: string | null;
  token: string;
}

/** A GraphQL-over-HTTP client of one gateway, as an outside caller uses it. */
export class GatewayClient {
  constructor(public url: string, private readonly timeoutMs = 15_000) {}

  async gql<T = Record<string, any>>(query: string, variables: Record<string, unknown> = {}, token?: string | null): Promise<GraphQLResponse<T> & { status: number }> {
    const res = await fetch(`${this.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
      signal: AbortSignal.timeout(this.timeoutMs),
    });
    const text = await res.text();
    try {
      return { ...(JSON.parse(text) as GraphQLResponse<T>), status: res.status };
    } catch {
      return { errors: [{ message: `non-JSON answer (${res.status}): ${text.slice(0, 200)}`, extensions: { code: 'NOT_JSON' } }], status: res.status } as GraphQLResponse<T> & { status: number };
    }
  }

  async login(email: string, password: string): Promise<string> {
    const res = await this.gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: email, p: password });
    if (!res.data?.login) throw new Error(`login failed for ${email}: ${JSON.stringify(res.errors)}`);
    return res.data.login.accessToken as string;
  }

  async me(token: string): Promise<string> {
    const res = await this.gql(`{ me { id } }`, {}, token);
    if (!res.data?.me) throw new Error(`me failed: ${JSON.stringify(res.errors)}`);
    return res.data.me.id as string;
  }

  /** Creates a user as `adminToken` and logs them in. */
  async createUser(adminToken: string, role: Role, labId: string | null = role === 'SUBMITTER' ? 'lab-a' : null): Promise<ClientUser> {
    const email = `${role.toLowerCase()}-${randomBytes(4).toString('hex')}@facility.test`;
    const password = `pw ${randomBytes(9).toString('base64url')} long enough`;
    const res = await this.gql(`mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`, {
      i: { email, name: `Test ${role.toLowerCase()}`, role, password, ...(labId ? { labId, labName: `Lab ${labId}` } : {}) },
    }, adminToken);
    if (!res.data?.createUser) throw new Error(`createUser failed: ${JSON.stringify(res.errors)}`);
    return { id: res.data.createUser.id, email, password, role, labId, token: await this.login(email, password) };
  }
}
