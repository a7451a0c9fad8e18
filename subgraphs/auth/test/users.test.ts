import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import type { Principal, Role } from '@app/common';
import { waitFor } from '@app/testing';
import { CREATE_USER, USER_FIELDS, codeOf, createUser, startAuth, type AuthHarness } from './helpers.js';

let h: AuthHarness;
beforeAll(async () => { h = await startAuth(); });
afterAll(() => h.sg.stop());

const UPDATE = `mutation($id: ID!, $input: UpdateUserInput!) { updateUser(id: $id, input: $input) { ${USER_FIELDS} } }`;
const USERS = `query($filter: UserFilter, $first: Int, $after: String) { users(filter: $filter, first: $first, after: $after) { totalCount edges { cursor node { id name email role } } pageInfo { hasNextPage endCursor } } }`;
const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) { ... on User { id name role email labId labName active lastLoginAt } } }`;

describe('user management', () => {
  it('creates users with a case-insensitive unique email and emits UserCreated without secrets', async () => {
    const input = { email: 'Mixed.Case@Example.org', name: 'Mixed Case', role: 'STAFF', password: 'a perfectly fine passphrase 1' };
    const created = await h.sg.call(CREATE_USER, { input }, h.admin);
    expect(created.errors).toBeUndefined();
    expect(created.data!.createUser).toMatchObject({ email: 'Mixed.Case@Example.org', role: 'STAFF', active: true });
    const dup = await h.sg.call(CREATE_USER, { input: { ...input, email: 'mixed.case@EXAMPLE.org' } }, h.admin);
    expect(dup.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'email' });
    const id = created.data!.createUser.id;
    await waitFor(() => h.events.find((e) => e.type === 'UserCreated' && e.subject.id === id), { what: 'UserCreated' });
    const event = h.events.find((e) => e.type === 'UserCreated' && e.subject.id === id)!;
    expect(event.after).toEqual({ email: 'Mixed.Case@Example.org', name: 'Mixed Case', role: 'STAFF', labId: null, labName: null, active: true });
    expect(JSON.stringify(event)).not.toContain(input.password);
    expect(JSON.stringify(event)).not.toContain('argon2');
  });

  it('names every invalid field at once', async () => {
    const res = await h.sg.call(CREATE_USER, { input: { email: 'not-an-email', name: ' ', role: 'SUBMITTER', password: 'short' } }, h.admin);
    expect(res.errors![0]!.extensions!.code).toBe('BAD_USER_INPUT');
    expect((res.errors![0]!.extensions!.problems as { field: string }[]).map((p) => p.field).sort()).toEqual(['email', 'labId', 'name']);
    const weak = await h.sg.call(CREATE_USER, { input: { email: 'weak@example.org', name: 'Weak', role: 'VIEWER', password: 'qwertyuiop123' } }, h.admin);
    expect(weak.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'password' });
  });

  it('updates a user, emitting UserUpdated and UserRoleChanged with before/after', async () => {
    const { user } = await createUser(h, 'VIEWER');
    const res = await h.sg.call(UPDATE, { id: user.id, input: { role: 'SUBMITTER', labId: 'lab-q', labName: 'Lab Q', name: 'Renamed' } }, h.admin);
    expect(res.errors).toBeUndefined();
    expect(res.data!.updateUser).toMatchObject({ role: 'SUBMITTER', labId: 'lab-q', name: 'Renamed' });
    await waitFor(() => h.events.find((e) => e.type === 'UserRoleChanged' && e.subject.id === user.id), { what: 'UserRoleChanged' });
    const updated = h.events.find((e) => e.type === 'UserUpdated' && e.subject.id === user.id)!;
    expect(updated.before).toEqual({ role: 'VIEWER', labId: null, labName: null, name: user.name });
    expect(updated.after).toEqual({ role: 'SUBMITTER', labId: 'lab-q', labName: 'Lab Q', name: 'Renamed' });
    const roleChanged = h.events.find((e) => e.type === 'UserRoleChanged' && e.subject.id === user.id)!;
    expect(roleChanged).toMatchObject({ before: { role: 'VIEWER' }, after: { role: 'SUBMITTER' }, actor: { userId: h.admin.userId, role: 'ADMIN' } });
  });

  it('refuses anyone changing their own role, and admins deactivating themselves', async () => {
    expect(codeOf(await h.sg.call(UPDATE, { id: h.admin.userId, input: { role: 'STAFF' } }, h.admin))).toBe('FORBIDDEN');
    expect(codeOf(await h.sg.call(`mutation($id: ID!) { deactivateUser(id: $id) { id } }`, { id: h.admin.userId }, h.admin))).toBe('FORBIDDEN');
    const { user, principal } = await createUser(h, 'STAFF');
    expect(codeOf(await h.sg.call(UPDATE, { id: user.id, input: { role: 'ADMIN' } }, principal))).toBe('FORBIDDEN');
    // The admin may still rename themself.
    expect((await h.sg.call(UPDATE, { id: h.admin.userId, input: { name: 'Root' } }, h.admin)).data!.updateUser.name).toBe('Root');
  });

  it('deactivates a user with UserDeactivated', async () => {
    const { user } = await createUser(h, 'VIEWER');
    const res = await h.sg.call(`mutation($id: ID!) { deactivateUser(id: $id) { id active } }`, { id: user.id }, h.admin);
    expect(res.data!.deactivateUser.active).toBe(false);
    await waitFor(() => h.events.find((e) => e.type === 'UserDeactivated' && e.subject.id === user.id), { what: 'UserDeactivated' });
  });

  it('lists users for ADMIN and STAFF with filters, pages and a total', async () => {
    for (let i = 0; i < 3; i++) await createUser(h, 'SUBMITTER', { labId: 'lab-list', name: `Lister ${i}` });
    const staff = (await createUser(h, 'STAFF')).principal;
    const page1 = await h.sg.call(USERS, { filter: { labId: 'lab-list' }, first: 2 }, staff);
    expect(page1.errors).toBeUndefined();
    expect(page1.data!.users.totalCount).toBe(3);
    expect(page1.data!.users.edges.map((e: any) => e.node.name)).toEqual(['Lister 0', 'Lister 1']);
    const page2 = await h.sg.call(USERS, { filter: { labId: 'lab-list' }, first: 2, after: page1.data!.users.pageInfo.endCursor }, staff);
    expect(page2.data!.users.edges.map((e: any) => e.node.name)).toEqual(['Lister 2']);
    expect(page2.data!.users.pageInfo.hasNextPage).toBe(false);
    const search = await h.sg.call(USERS, { filter: { search: 'LISTER 1', role: 'SUBMITTER', active: true } }, h.admin);
    expect(search.data!.users.edges.map((e: any) => e.node.name)).toEqual(['Lister 1']);
    const wildcard = await h.sg.call(USERS, { filter: { search: '%' } }, h.admin);
    expect(wildcard.data!.users.totalCount).toBe(0);
    expect(codeOf(await h.sg.call(USERS, { first: 500 }, h.admin))).toBe('BAD_USER_INPUT');
  });

  it('resolves references in one batch; fields are visible according to who asks', async () => {
    const { user: sub } = await createUser(h, 'SUBMITTER', { labId: 'lab-v' });
    const { principal: sameLab } = await createUser(h, 'SUBMITTER', { labId: 'lab-v' });
    const { principal: otherLab } = await createUser(h, 'SUBMITTER', { labId: 'lab-w' });
    const { principal: viewer } = await createUser(h, 'VIEWER');
    const ask = async (p?: Principal) => (await h.sg.call(ENTITIES, { r: [{ __typename: 'User', id: sub.id }, { __typename: 'User', id: '00000000-0000-4000-8000-000000000000' }] }, p)).data!._entities;
    expect((await ask(h.admin))[0]).toMatchObject({ id: sub.id, email: sub.email, labId: 'lab-v', active: true });
    expect((await ask(h.admin))[1]).toBeNull();
    expect((await ask(sameLab))[0]).toEqual({ id: sub.id, name: sub.name, role: 'SUBMITTER', email: null, labId: 'lab-v', labName: 'Lab A', active: null, lastLoginAt: null });
    expect((await ask(otherLab))[0]).toEqual({ id: sub.id, name: sub.name, role: 'SUBMITTER', email: null, labId: null, labName: null, active: null, lastLoginAt: null });
    expect((await ask(viewer))[0]).toMatchObject({ name: sub.name, email: null, labId: null });
    expect(await ask()).toEqual([null, null]);
  });
});

/**
 * The role × operation matrix of the README, walked operation by operation. "ok" means the call is
 * allowed (it may still fail later on its input); anything else is the error code expected.
 */
describe('role × operation matrix', () => {
  type Expect = 'ok' | 'FORBIDDEN' | 'UNAUTHENTICATED';
  const roles: (Role | 'TOKEN' | 'ANON')[] = ['ADMIN', 'STAFF', 'SUBMITTER', 'VIEWER', 'TOKEN', 'ANON'];
  /** Authorization outcome only: input errors (BAD_USER_INPUT, NOT_FOUND) mean the call got past the checks. */
  const outcome = (code: string | undefined) => (code === 'FORBIDDEN' || code === 'UNAUTHENTICATED' ? code : 'ok');
  let target: string;
  const callers: Record<string, Principal | undefined> = {};

  beforeAll(async () => {
    target = (await createUser(h, 'VIEWER')).user.id;
    callers.ADMIN = h.admin;
    for (const role of ['STAFF', 'SUBMITTER', 'VIEWER'] as Role[]) callers[role] = (await createUser(h, role)).principal;
    // An API token whose owner is ADMIN: it still manages nothing.
    callers.TOKEN = { ...h.admin, kind: 'apiToken', scopes: ['samples:read', 'samples:write'], tokenId: crypto.randomUUID(), via: 'API' };
    callers.ANON = undefined;
  });

  const ops: [string, () => [string, Record<string, unknown>], Record<string, Expect>][] = [
    ['users', () => [`{ users { totalCount } }`, {}], { ADMIN: 'ok', STAFF: 'ok', SUBMITTER: 'FORBIDDEN', VIEWER: 'FORBIDDEN', TOKEN: 'FORBIDDEN', ANON: 'UNAUTHENTICATED' }],
    ['createUser', () => [CREATE_USER, { input: { email: `m${Math.random()}@example.org`, name: 'M', role: 'VIEWER' } }], { ADMIN: 'ok', STAFF: 'FORBIDDEN', SUBMITTER: 'FORBIDDEN', VIEWER: 'FORBIDDEN', TOKEN: 'FORBIDDEN', ANON: 'UNAUTHENTICATED' }],
    ['updateUser', () => [UPDATE, { id: target, input: { name: 'Target' } }], { ADMIN: 'ok', STAFF: 'FORBIDDEN', SUBMITTER: 'FORBIDDEN', VIEWER: 'FORBIDDEN', TOKEN: 'FORBIDDEN', ANON: 'UNAUTHENTICATED' }],
    ['reactivateUser', () => [`mutation($id: ID!) { reactivateUser(id: $id) { id } }`, { id: target }], { ADMIN: 'ok', STAFF: 'FORBIDDEN', SUBMITTER: 'FORBIDDEN', VIEWER: 'FORBIDDEN', TOKEN: 'FORBIDDEN', ANON: 'UNAUTHENTICATED' }],
    ['requestPasswordReset', () => [`mutation($id: ID!) { requestPasswordReset(userId: $id) { expiresAt } }`, { id: target }], { ADMIN: 'ok', STAFF: 'FORBIDDEN', SUBMITTER: 'FORBIDDEN', VIEWER: 'FORBIDDEN', TOKEN: 'FORBIDDEN', ANON: 'UNAUTHENTICATED' }],
    ['apiTokens(allUsers)', () => [`{ apiTokens(allUsers: true) { totalCount } }`, {}], { ADMIN: 'ok', STAFF: 'FORBIDDEN', SUBMITTER: 'FORBIDDEN', VIEWER: 'FORBIDDEN', TOKEN: 'FORBIDDEN', ANON: 'UNAUTHENTICATED' }],
    ['apiTokens', () => [`{ apiTokens { totalCount } }`, {}], { ADMIN: 'ok', STAFF: 'ok', SUBMITTER: 'ok', VIEWER: 'ok', TOKEN: 'FORBIDDEN', ANON: 'UNAUTHENTICATED' }],
    ['createApiToken', () => [`mutation { createApiToken(input: { name: "m", scopes: ["samples:read"] }) { token } }`, {}], { ADMIN: 'ok', STAFF: 'ok', SUBMITTER: 'ok', VIEWER: 'ok', TOKEN: 'FORBIDDEN', ANON: 'UNAUTHENTICATED' }],
    ['logoutEverywhere', () => [`mutation { logoutEverywhere }`, {}], { ADMIN: 'ok', STAFF: 'ok', SUBMITTER: 'ok', VIEWER: 'ok', TOKEN: 'FORBIDDEN', ANON: 'UNAUTHENTICATED' }],
    ['changePassword', () => [`mutation { changePassword(currentPassword: "not the current one", newPassword: "whatever new passphrase 1") }`, {}], { ADMIN: 'ok', STAFF: 'ok', SUBMITTER: 'ok', VIEWER: 'ok', TOKEN: 'FORBIDDEN', ANON: 'UNAUTHENTICATED' }],
    ['revokeApiToken', () => [`mutation($id: ID!) { revokeApiToken(id: $id) { id } }`, { id: crypto.randomUUID() }], { ADMIN: 'ok', STAFF: 'ok', SUBMITTER: 'ok', VIEWER: 'ok', TOKEN: 'FORBIDDEN', ANON: 'UNAUTHENTICATED' }],
    ['user(id)', () => [`query($id: ID!) { user(id: $id) { id } }`, { id: target }], { ADMIN: 'ok', STAFF: 'ok', SUBMITTER: 'ok', VIEWER: 'ok', TOKEN: 'ok', ANON: 'UNAUTHENTICATED' }],
    ['apiScopes', () => [`{ apiScopes }`, {}], { ADMIN: 'ok', STAFF: 'ok', SUBMITTER: 'ok', VIEWER: 'ok', TOKEN: 'ok', ANON: 'ok' }],
    ['login (wrong password)', () => [`mutation($e: String!) { login(email: $e, password: "wrong password 1") { accessToken } }`, { e: `nobody${Math.random()}@example.org` }], { ADMIN: 'UNAUTHENTICATED', STAFF: 'UNAUTHENTICATED', SUBMITTER: 'UNAUTHENTICATED', VIEWER: 'UNAUTHENTICATED', TOKEN: 'UNAUTHENTICATED', ANON: 'UNAUTHENTICATED' }],
    ['deactivateUser', () => [`mutation($id: ID!) { deactivateUser(id: $id) { id } }`, { id: target }], { ADMIN: 'ok', STAFF: 'FORBIDDEN', SUBMITTER: 'FORBIDDEN', VIEWER: 'FORBIDDEN', TOKEN: 'FORBIDDEN', ANON: 'UNAUTHENTICATED' }],
  ];

  for (const [name, build, expected] of ops) {
    it(`${name}: ${roles.map((r) => `${r}=${expected[r]}`).join(' ')}`, async () => {
      for (const role of roles) {
        const [query, variables] = build();
        const res = await h.sg.call(query, variables, callers[role]);
        expect({ role, code: outcome(codeOf(res)) }).toEqual({ role, code: expected[role] });
      }
    });
  }

  it('me: null for anonymous callers, the caller otherwise', async () => {
    expect((await h.sg.call(`{ me { id } }`)).data!.me).toBeNull();
    for (const role of ['ADMIN', 'STAFF', 'SUBMITTER', 'VIEWER', 'TOKEN']) expect((await h.sg.call(`{ me { id } }`, {}, callers[role])).data!.me.id).toBe(callers[role]!.userId);
  });

  it('user(id) refuses anonymous callers and answers API tokens', async () => {
    expect((await h.sg.call(`query($id: ID!) { user(id: $id) { id } }`, { id: target })).errors![0]!.extensions!.code).toBe('UNAUTHENTICATED');
    expect((await h.sg.call(`query($id: ID!) { user(id: $id) { id } }`, { id: target }, callers.TOKEN)).data!.user.id).toBe(target);
  });
});
