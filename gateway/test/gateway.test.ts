import { request } from 'node:http';
import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { API_TOKENS, gql, signUserToken, startFixture, type Fixture } from './fixture.js';

/** A GET with the path sent byte for byte (fetch would normalise dot segments away first). */
function rawGet(url: string, path: string): Promise<number> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve, reject) => {
    request({ hostname, port, path, method: 'GET' }, (res) => { res.resume(); resolve(res.statusCode ?? 0); }).on('error', reject).end();
  });
}

const VIEWER_FIELDS = 'kind userId role labId name tokenId scopes via ip userAgent requestId correlationId';

let fx: Fixture;
/** Root query fields seen by a schema listener registered through beforeStart. */
let schemaFields: string[] = [];
beforeAll(async () => {
  fx = await startFixture({}, {
    beforeStart: (gateway) => { gateway.onSchemaLoadOrUpdate(({ apiSchema }) => { schemaFields = Object.keys(apiSchema.getQueryType()!.getFields()); }); },
  });
});
afterAll(async () => { await fx?.stop(); });

describe('routing and identity', () => {
  it('built without APOLLO_TELEMETRY, leaves Apollo\'s usage telemetry off', () => {
    expect(process.env.APOLLO_TELEMETRY_DISABLED).toBe('true');
  });

  it('answers a query that crosses two subgraphs, and both see the caller from the internal token', async () => {
    const token = await signUserToken(fx.userKeys, { sub: 'user-7', role: 'SUBMITTER', lab: 'lab-a', name: 'Sam Submitter', jti: 'sess-9' });
    const { status, body } = await gql(fx.url, `{ sample(id: "s1") { name viewer { ${VIEWER_FIELDS} } owner { id name viewer { userId role labId via } } } }`, {
      token, headers: { 'user-agent': 'jest-client/1.0' },
    });
    expect(status).toBe(200);
    expect(body.errors).toBeUndefined();
    const s = body.data!.sample;
    expect(s.name).toBe('Sample s1');
    expect(s.viewer).toMatchObject({
      kind: 'user', userId: 'user-7', role: 'SUBMITTER', labId: 'lab-a', name: 'Sam Submitter', tokenId: 'sess-9', via: 'UI', userAgent: 'jest-client/1.0',
    });
    expect(s.viewer.ip).toMatch(/127\.0\.0\.1$/);
    // Person.name and Person.viewer come from the auth subgraph via _entities.
    expect(s.owner).toEqual({ id: 'person-s1', name: 'Person person-s1', viewer: { userId: 'user-7', role: 'SUBMITTER', labId: 'lab-a', via: 'UI' } });
  });

  it('sends callers without an Authorization header as anonymous', async () => {
    const { status, body } = await gql(fx.url, '{ whoami { kind userId role } }');
    expect(status).toBe(200);
    expect(body.data!.whoami).toEqual({ kind: 'anonymous', userId: null, role: null });
  });

  it('records the client address a trusted local proxy forwarded', async () => {
    const { body } = await gql(fx.url, '{ whoami { ip } }', { headers: { 'x-forwarded-for': '203.0.113.7' } });
    expect(body.data!.whoami.ip).toBe('203.0.113.7');
  });

  it('propagates x-request-id to subgraphs and echoes it', async () => {
    const { headers, body } = await gql(fx.url, '{ whoami { requestId correlationId } }', { headers: { 'x-request-id': 'req-abc-123' } });
    expect(headers.get('x-request-id')).toBe('req-abc-123');
    expect(body.data!.whoami).toEqual({ requestId: 'req-abc-123', correlationId: 'req-abc-123' });
  });

  it('assigns a request id when the client sends none and uses the same one downstream', async () => {
    const { headers, body } = await gql(fx.url, '{ whoami { requestId } }');
    expect(headers.get('x-request-id')).toMatch(/^[0-9a-f-]{36}$/);
    expect(body.data!.whoami.requestId).toBe(headers.get('x-request-id'));
  });
});

describe('hooks', () => {
  it('runs beforeStart early enough to see the first schema load', () => {
    expect(schemaFields.sort()).toEqual(['sample', 'samples', 'whoami']);
  });
});

describe('API tokens', () => {
  it('resolves an opaque token through the auth service and caches the answer', async () => {
    const before = fx.apiTokenLookups.count;
    for (let i = 0; i < 3; i++) {
      const { status, body } = await gql(fx.url, '{ whoami { kind userId role via scopes tokenId } }', { token: API_TOKENS.valid });
      expect(status).toBe(200);
      expect(body.data!.whoami).toEqual({ kind: 'apiToken', userId: 'bi-user', role: 'VIEWER', via: 'API', scopes: ['samples:read'], tokenId: 'tok-1' });
    }
    expect(fx.apiTokenLookups.count - before).toBe(1);
  });

  it('rejects an unknown API token with 401 UNAUTHENTICATED', async () => {
    const { status, body } = await gql(fx.url, '{ whoami { kind } }', { token: API_TOKENS.unknown });
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(body.data).toBeUndefined();
  });
});

describe('subgraphs are closed to direct calls', () => {
  const query = JSON.stringify({ query: '{ whoami { kind } }' });

  it('refuses a call without the internal token', async () => {
    const res = await fetch(`${fx.authUrl}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: query });
    expect(res.status).toBe(401);
  });

  it('refuses a user access token in place of the internal token', async () => {
    const token = await signUserToken(fx.userKeys, { role: 'ADMIN' });
    const res = await fetch(`${fx.authUrl}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json', 'x-internal-token': token, authorization: `Bearer ${token}` }, body: query,
    });
    expect(res.status).toBe(401);
  });
});

describe('operational endpoints', () => {
  it('serves /healthz and a /readyz that checks every subgraph', async () => {
    expect((await fetch(`${fx.url}/healthz`)).status).toBe(200);
    const ready = await fetch(`${fx.url}/readyz`);
    const body = (await ready.json()) as { checks: { name: string; ok: boolean }[] };
    expect(ready.status).toBe(200);
    expect(body.checks.map((c) => c.name).sort()).toEqual(['subgraph:auth', 'subgraph:samples']);
  });

  it('exposes operation metrics', async () => {
    await gql(fx.url, 'query MetricsProbe { whoami { kind } }');
    const text = await (await fetch(`${fx.url}/metrics`)).text();
    expect(text).toMatch(/graphql_operation_duration_seconds_count\{[^}]*operation="MetricsProbe"/);
  });

  it('proxies the auth service JWKS', async () => {
    const res = await fetch(`${fx.url}/.well-known/jwks.json`);
    expect(res.status).toBe(200);
    const jwks = (await res.json()) as { keys: { kid: string; alg: string }[] };
    expect(jwks.keys).toEqual([expect.objectContaining({ kid: 'user-key-1', alg: 'EdDSA' })]);
  });

  it('serves introspection when enabled', async () => {
    const { body } = await gql(fx.url, '{ __schema { queryType { name } } }');
    expect(body.data!.__schema.queryType.name).toBe('Query');
  });
});

describe('exports proxy', () => {
  it('streams the samples export with the caller identity and file headers', async () => {
    const token = await signUserToken(fx.userKeys, { sub: 'user-9' });
    const res = await fetch(`${fx.url}/exports/project/p1.csv?columns=id`, { headers: { authorization: `Bearer ${token}` } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/^text\/csv/);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="samples.csv"');
    expect(await res.text()).toBe('path,user,kind\n/exports/project/p1.csv,user-9,user\n');
  });

  it('forwards anonymous callers as anonymous', async () => {
    const res = await fetch(`${fx.url}/exports/x.csv`);
    expect(await res.text()).toContain(',,anonymous');
  });

  it('rejects a bad token with 401 before calling samples', async () => {
    const res = await fetch(`${fx.url}/exports/x.csv`, { headers: { authorization: 'Bearer not.a.jwt' } });
    expect(res.status).toBe(401);
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('UNAUTHENTICATED');
  });

  it('refuses paths that would climb out of /exports', async () => {
    expect(await rawGet(fx.url, '/exports/%2e%2e/graphql')).toBe(400);
    expect(await rawGet(fx.url, '/exports/a/../../graphql')).toBe(400);
  });
});
