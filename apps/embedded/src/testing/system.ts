import { randomBytes } from 'node:crypto';
import type { Role } from '@app/common';
import { createTestDatabase, deleteTestStream, testLogger, testStreamName, type GraphQLResponse, type TestDatabase } from '@app/testing';
import { startSystem, type RunningSystem, type SystemOptions } from '../system.js';

export interface TestUser {
  id: string;
  email: string;
  password: string;
  role: Role;
  labId: string | null;
  token: string;
}

export interface TestSystem {
  system: RunningSystem;
  url: string;
  admin: TestUser;
  /** Sends an operation to the gateway over HTTP, as the holder of `token` (anonymous when omitted). */
  gql<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<GraphQLResponse<T>>;
  /** Like `gql`, but answers the data and throws (listing them) when the response has errors. */
  data<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, token?: string | null): Promise<T>;
  /**
   * Sends a GraphQL multipart request (the upload spec) to the gateway: `files` maps a variable path
   * (e.g. "file" or "files.0") to the part's name and bytes.
   */
  upload<T = Record<string, any>>(query: string, variables: Record<string, unknown>, files: Record<string, UploadPart>, token?: string | null): Promise<GraphQLResponse<T>>;
  /** Logs in through the gateway and returns the access token. */
  login(email: string, password: string): Promise<string>;
  /** Creates a user through the gateway as the admin and logs them in. */
  createUser(role: Role, labId?: string | null): Promise<TestUser>;
  stop(): Promise<void>;
}

/** One file of a multipart request. */
export interface UploadPart {
  name: string;
  bytes: Uint8Array | string;
}

export const ADMIN_PASSWORD = 'correct horse battery staple 42';

/**
 * The whole supergraph on a fresh test database (PGlite, or TEST_DATABASE_URL) and bus (in-process,
 * or REDIS_URL). With a `dataDir` and no database, on PGlite keeping its files there, as `npm start` does.
 */
export async function startTestSystem(options: Partial<SystemOptions> = {}): Promise<TestSystem> {
  const onDisk = !!options.dataDir && !options.databaseUrl;
  const db: TestDatabase | null = onDisk ? null : await createTestDatabase();
  const stream = testStreamName();
  const adminEmail = `admin-${randomBytes(3).toString('hex')}@facility.test`;
  const system = await startSystem({
    logger: testLogger('system'), dataDir: null, databaseUrl: db?.url, redisUrl: process.env.REDIS_URL, eventStream: stream, port: 0,
    ...options,
    env: { ADMIN_EMAIL: adminEmail, ADMIN_PASSWORD, AUTH_GENERATE_ADMIN: 'false', LOG_LEVEL: 'warn', ...options.env },
  });
  const gql = async (query: string, variables: Record<string, unknown> = {}, token?: string | null) => {
    const res = await fetch(`${system.url}/graphql`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
      body: JSON.stringify({ query, variables }),
    });
    return (await res.json()) as GraphQLResponse<any>;
  };
  const data = async (query: string, variables: Record<string, unknown> = {}, token?: string | null) => {
    const res = await gql(query, variables, token);
    if (res.errors?.length) throw new Error(`unexpected errors: ${JSON.stringify(res.errors)}`);
    return res.data!;
  };
  const upload = async (query: string, variables: Record<string, unknown>, files: Record<string, UploadPart>, token?: string | null) => {
    const form = new FormData();
    form.append('operations', JSON.stringify({ query, variables }));
    form.append('map', JSON.stringify(Object.fromEntries(Object.keys(files).map((path, i) => [String(i), [`variables.${path}`]]))));
    Object.values(files).forEach((part, i) => form.append(String(i), new Blob([typeof part.bytes === 'string' ? part.bytes : new Uint8Array(part.bytes)]), part.name));
    const res = await fetch(`${system.url}/graphql`, {
      method: 'POST', body: form,
      headers: { 'apollo-require-preflight': 'true', ...(token ? { authorization: `Bearer ${token}` } : {}) },
    });
    return (await res.json()) as GraphQLResponse<any>;
  };
  const login = async (email: string, password: string) => {
    const res = await gql(`mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`, { e: email, p: password });
    if (!res.data?.login) throw new Error(`login failed for ${email}: ${JSON.stringify(res.errors)}`);
    return res.data.login.accessToken as string;
  };
  const adminToken = await login(adminEmail, ADMIN_PASSWORD);
  const me = await gql(`{ me { id } }`, {}, adminToken);
  const admin: TestUser = { id: me.data!.me.id, email: adminEmail, password: ADMIN_PASSWORD, role: 'ADMIN', labId: null, token: adminToken };
  const createUser = async (role: Role, labId: string | null = role === 'SUBMITTER' ? 'lab-a' : null): Promise<TestUser> => {
    const email = `${role.toLowerCase()}-${randomBytes(4).toString('hex')}@facility.test`;
    const password = `pw ${randomBytes(9).toString('base64url')} long enough`;
    const res = await gql(`mutation($i: CreateUserInput!) { createUser(input: $i) { id } }`, {
      i: { email, name: `Test ${role.toLowerCase()}`, role, password, ...(labId ? { labId, labName: `Lab ${labId}` } : {}) },
    }, adminToken);
    if (!res.data?.createUser) throw new Error(`createUser failed: ${JSON.stringify(res.errors)}`);
    return { id: res.data.createUser.id, email, password, role, labId, token: await login(email, password) };
  };
  return {
    system, url: system.url, admin, gql, data, upload, login, createUser,
    async stop() {
      await system.stop();
      await deleteTestStream(stream);
      await db?.drop();
    },
  };
}
