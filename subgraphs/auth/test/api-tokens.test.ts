import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { INTERNAL_TOKEN_HEADER, SYSTEM } from '@app/common';
import { waitFor } from '@app/testing';
import { codeOf, createUser, startAuth, type AuthHarness } from './helpers.js';

let h: AuthHarness;
beforeAll(async () => { h = await startAuth(); });
afterAll(() => h.sg.stop());

const CREATE = `mutation($input: CreateApiTokenInput!) { createApiToken(input: $input) { token apiToken { id name prefix scopes lastUsedAt expiresAt createdAt revokedAt owner { id name } } } }`;

/** What the gateway does for a bearer token that looks like an API token. */
async function resolve(token: unknown, internal = true): Promise<{ status: number; body: any }> {
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (internal) headers[INTERNAL_TOKEN_HEADER] = await h.sg.issuer.issue('auth', SYSTEM, { ip: null, userAgent: null });
  const res = await fetch(`${h.sg.running.url}/internal/api-tokens/resolve`, { method: 'POST', headers, body: JSON.stringify({ token }) });
  return { status: res.status, body: await res.json() };
}

describe('API tokens', () => {
  it('creates a token shown once, resolves it to its owner with scopes, and revokes it', async () => {
    const { user, principal } = await createUser(h, 'SUBMITTER', { labId: 'lab-bi' });
    const created = await h.sg.call(CREATE, { input: { name: 'Power BI', scopes: ['samples:read', 'exports:read', 'samples:read'] } }, principal);
    expect(created.errors).toBeUndefined();
    const { token, apiToken } = created.data!.createApiToken;
    expect(token).toMatch(/^ntk_[A-Za-z0-9_-]{43}$/);
    expect(apiToken).toMatchObject({ name: 'Power BI', prefix: token.slice(4, 12), scopes: ['samples:read', 'exports:read'], lastUsedAt: null, revokedAt: null, owner: { id: user.id } });

    const resolved = await resolve(token);
    expect(resolved).toEqual({ status: 200, body: { principal: {
      kind: 'apiToken', userId: user.id, role: 'SUBMITTER', labId: 'lab-bi', name: user.name, scopes: ['samples:read', 'exports:read'], tokenId: apiToken.id, via: 'API',
    } } });
    const listed = await h.sg.call(`{ apiTokens { totalCount edges { node { id lastUsedAt } } } }`, {}, principal);
    expect(listed.data!.apiTokens.totalCount).toBe(1);
    expect(listed.data!.apiTokens.edges[0].node.lastUsedAt).not.toBeNull();

    const revoked = await h.sg.call(`mutation($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }`, { id: apiToken.id }, principal);
    expect(revoked.data!.revokeApiToken.revokedAt).not.toBeNull();
    expect((await resolve(token)).body).toEqual({ principal: null });
    await waitFor(() => ['ApiTokenCreated', 'ApiTokenRevoked'].every((t) => h.events.some((e) => e.type === t && e.subject.id === apiToken.id)), { what: 'token events' });
    expect(JSON.stringify(h.events)).not.toContain(token);
  });

  it('answers null for unknown, malformed and expired tokens and for deactivated owners', async () => {
    const { user, principal } = await createUser(h, 'STAFF');
    expect((await resolve('ntk_doesnotexist')).body).toEqual({ principal: null });
    expect((await resolve(42)).body).toEqual({ principal: null });
    expect((await resolve(`ntk_${'x'.repeat(300)}`)).body).toEqual({ principal: null });
    const soon = new Date(h.clock.ms + 60 * 60_000).toISOString();
    const expiring = (await h.sg.call(CREATE, { input: { name: 'short', scopes: ['workflow:write'], expiresAt: soon } }, principal)).data!.createApiToken.token;
    const other = (await h.sg.call(CREATE, { input: { name: 'long', scopes: ['workflow:read'] } }, principal)).data!.createApiToken.token;
    expect((await resolve(expiring)).body.principal).not.toBeNull();
    h.clock.advanceMinutes(61);
    expect((await resolve(expiring)).body).toEqual({ principal: null });
    expect((await resolve(other)).body.principal).not.toBeNull();
    await h.sg.call(`mutation($id: ID!) { deactivateUser(id: $id) { id } }`, { id: user.id }, h.admin);
    expect((await resolve(other)).body).toEqual({ principal: null });
  });

  it('is only reachable with an internal token', async () => {
    expect((await resolve('ntk_whatever', false)).status).toBe(401);
  });

  it('validates name, scopes and expiry, naming the field', async () => {
    const { principal } = await createUser(h, 'VIEWER');
    const bad = await h.sg.call(CREATE, { input: { name: '', scopes: ['samples:read', 'root:all'], expiresAt: new Date(h.clock.ms - 1000).toISOString() } }, principal);
    expect((bad.errors![0]!.extensions!.problems as { field: string }[]).map((p) => p.field)).toEqual(['name', 'scopes.1', 'expiresAt']);
    const write = await h.sg.call(CREATE, { input: { name: 'w', scopes: ['samples:write'] } }, principal);
    expect(write.errors![0]!.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'scopes' });
    const far = await h.sg.call(CREATE, { input: { name: 'far', scopes: ['samples:read'], expiresAt: new Date(h.clock.ms + 400 * 86_400_000).toISOString() } }, principal);
    expect(far.errors![0]!.extensions).toMatchObject({ field: 'expiresAt' });
    expect((await h.sg.call(`{ apiScopes }`, {}, principal)).data!.apiScopes).toContain('samples:read');
  });

  it("lets owners revoke their own tokens only; ADMIN lists and revokes anyone's", async () => {
    const owner = await createUser(h, 'STAFF');
    const stranger = await createUser(h, 'STAFF');
    const { apiToken } = (await h.sg.call(CREATE, { input: { name: 'mine', scopes: ['audit:read'] } }, owner.principal)).data!.createApiToken;
    expect(codeOf(await h.sg.call(`mutation($id: ID!) { revokeApiToken(id: $id) { id } }`, { id: apiToken.id }, stranger.principal))).toBe('NOT_FOUND');
    expect((await h.sg.call(`{ apiTokens { totalCount } }`, {}, stranger.principal)).data!.apiTokens.totalCount).toBe(0);
    const all = await h.sg.call(`{ apiTokens(allUsers: true, first: 100) { edges { node { id owner { id } } } } }`, {}, h.admin);
    expect(all.data!.apiTokens.edges.map((e: any) => e.node.id)).toContain(apiToken.id);
    expect((await h.sg.call(`mutation($id: ID!) { revokeApiToken(id: $id) { id revokedAt } }`, { id: apiToken.id }, h.admin)).data!.revokeApiToken.revokedAt).not.toBeNull();
  });
});
