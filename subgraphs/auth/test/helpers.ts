import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { DomainEvent, Logger, Principal, Role } from '@app/common';
import { startTestSubgraph, userPrincipal, type TestSubgraph } from '@app/testing';
import { authSubgraph } from '../src/server.js';

export const ADMIN_EMAIL = 'Root.Admin@Example.org';
export const ADMIN_PASSWORD = 'correct horse battery staple 42';

/** A clock tests can move; the subgraph reads it through `now`. */
export class TestClock {
  constructor(public ms = Date.now()) {}
  now = () => new Date(this.ms);
  advanceMinutes(minutes: number) { this.ms += minutes * 60_000; }
  advanceSeconds(seconds: number) { this.ms += seconds * 1000; }
}

export interface AuthHarness {
  sg: TestSubgraph;
  clock: TestClock;
  events: DomainEvent[];
  keysDir: string;
  admin: Principal;
}

/** Boots the auth subgraph with a first admin from ADMIN_EMAIL/ADMIN_PASSWORD and collects its events. */
export async function startAuth(options: { env?: Record<string, string>; logger?: Logger } = {}): Promise<AuthHarness> {
  const clock = new TestClock();
  const keysDir = mkdtempSync(join(tmpdir(), 'auth-keys-'));
  const sg = await startTestSubgraph(authSubgraph, {
    env: { AUTH_KEYS_DIR: keysDir, ADMIN_EMAIL, ADMIN_PASSWORD, ...options.env }, now: clock.now, logger: options.logger,
  });
  const events: DomainEvent[] = [];
  await sg.bus.subscribe({ group: 'test', handler: async (d) => { if (d.event) events.push(d.event); } });
  const res = await sg.call(LOGIN, { email: ADMIN_EMAIL, password: ADMIN_PASSWORD });
  if (res.errors) throw new Error(`admin login failed: ${res.errors[0]!.message}`);
  const admin = principalOf(res.data!.login.user);
  return { sg, clock, events, keysDir, admin };
}

/** The principal the gateway would derive from this user's access token. */
export function principalOf(user: { id: string; role: Role; labId?: string | null; name: string }, tokenId: string | null = null): Principal {
  return userPrincipal(user.role, { userId: user.id, labId: user.labId ?? null, name: user.name, tokenId });
}

export const USER_FIELDS = 'id name role email labId labName active createdAt updatedAt lastLoginAt';
export const LOGIN = `mutation($email: String!, $password: String!) { login(email: $email, password: $password) { accessToken refreshToken expiresAt refreshExpiresAt user { ${USER_FIELDS} } } }`;
export const REFRESH = `mutation($t: String!) { refreshSession(refreshToken: $t) { accessToken refreshToken expiresAt user { id } } }`;
export const CREATE_USER = `mutation($input: CreateUserInput!) { createUser(input: $input) { ${USER_FIELDS} } }`;
export const ME = `{ me { ${USER_FIELDS} } }`;

let counter = 0;
/** Creates a user through the API as the admin and returns it with its password. */
export async function createUser(h: AuthHarness, role: Role, extra: Record<string, unknown> = {}) {
  const email = `user${++counter}.${Date.now().toString(36)}@example.org`;
  const password = `A sturdy passphrase ${counter} for tests`;
  const input = { email, name: `${role.toLowerCase()} ${counter}`, role, password, ...(role === 'SUBMITTER' ? { labId: 'lab-a', labName: 'Lab A' } : {}), ...extra };
  const res = await h.sg.call(CREATE_USER, { input }, h.admin);
  if (res.errors) throw new Error(`createUser failed: ${JSON.stringify(res.errors)}`);
  const user = res.data!.createUser as { id: string; role: Role; labId: string | null; name: string; email: string };
  return { user, email, password, principal: principalOf(user) };
}

export async function login(h: AuthHarness, email: string, password: string, ip = '127.0.0.1') {
  return h.sg.call(LOGIN, { email, password }, undefined, { ip, userAgent: 'jest' });
}

export const codeOf = (res: { errors?: { extensions?: Record<string, any> }[] }) => res.errors?.[0]?.extensions?.code;

/** Records what is written to stdout (the first-start banner) until `restore()`. */
export function captureStdout(): { text: () => string; restore: () => void } {
  const original = process.stdout.write.bind(process.stdout);
  const chunks: string[] = [];
  process.stdout.write = ((chunk: string | Uint8Array) => {
    chunks.push(typeof chunk === 'string' ? chunk : Buffer.from(chunk).toString('utf8'));
    return true;
  }) as typeof process.stdout.write;
  return { text: () => chunks.join(''), restore: () => { process.stdout.write = original; } };
}
