import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { generateSigningKeyPair } from '@app/common';
import { gql, signUserToken, startFixture, unsignedToken, type Fixture } from './fixture.js';

let fx: Fixture;
beforeAll(async () => { fx = await startFixture({ SANDBOX: 'true', WEB_APP: 'false', MAX_QUERY_DEPTH: '15', MAX_QUERY_ALIASES: '30', MAX_QUERY_COST: '10000' }); });
afterAll(async () => { await fx?.stop(); });

const expectUnauthenticated = (res: Awaited<ReturnType<typeof gql>>) => {
  expect(res.status).toBe(401);
  expect(res.body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
  expect(res.body.data).toBeUndefined();
};

describe('bearer tokens that must be refused', () => {
  const cases: [string, () => Promise<string>][] = [
    ['signed by another key (forged)', async () => signUserToken(fx.userKeys, {}, { key: (await generateSigningKeyPair('user-key-1')).privateKey })],
    ['expired', () => signUserToken(fx.userKeys, {}, { expiresIn: -3600 })],
    ['alg none', async () => unsignedToken()],
    ['for another audience', () => signUserToken(fx.userKeys, {}, { audience: 'some-other-api' })],
    ['from another issuer', () => signUserToken(fx.userKeys, {}, { issuer: 'evil-auth' })],
    ['with an unknown key id', () => signUserToken(fx.userKeys, {}, { kid: 'no-such-key' })],
    ['without a known role', () => signUserToken(fx.userKeys, { role: 'ROOT' })],
    ['tampered (role raised after signing)', async () => {
      const [header, payload, signature] = (await signUserToken(fx.userKeys, { role: 'VIEWER' })).split('.');
      const claims = { ...JSON.parse(Buffer.from(payload!, 'base64url').toString()), role: 'ADMIN' };
      return [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');
    }],
  ];

  it.each(cases)('rejects a token %s with 401 UNAUTHENTICATED', async (_name, make) => {
    expectUnauthenticated(await gql(fx.url, '{ whoami { kind role } }', { token: await make() }));
  });

  it('tells the client why, without echoing the token', async () => {
    const { body } = await gql(fx.url, '{ whoami { kind } }', { token: await signUserToken(fx.userKeys, {}, { expiresIn: -3600 }) });
    expect(body.errors?.[0]?.message).toBe('The access token has expired');
  });

  it('rejects an Authorization header that is not a bearer token', async () => {
    expectUnauthenticated(await gql(fx.url, '{ whoami { kind } }', { headers: { authorization: 'Basic dXNlcjpwYXNz' } }));
  });

  it('still accepts a good token from the same key set', async () => {
    const { status, body } = await gql(fx.url, '{ whoami { kind role } }', { token: await signUserToken(fx.userKeys, { role: 'ADMIN' }) });
    expect(status).toBe(200);
    expect(body.data!.whoami).toEqual({ kind: 'user', role: 'ADMIN' });
  });
});

describe('query limits', () => {
  /** `sample`, then `parent` nested until the leaf `id` sits at `depth`. */
  const nested = (depth: number) => `{ sample(id: "s1") { ${'parent { '.repeat(depth - 2)}id${' }'.repeat(depth - 2)} } }`;

  const expectTooComplex = (res: Awaited<ReturnType<typeof gql>>, pattern: RegExp) => {
    expect(res.status).toBe(400);
    expect(res.body.data).toBeUndefined();
    expect(res.body.errors).toEqual([expect.objectContaining({ message: expect.stringMatching(pattern), extensions: expect.objectContaining({ code: 'QUERY_TOO_COMPLEX' }) })]);
  };

  it('rejects a 50-level-deep query', async () => {
    expectTooComplex(await gql(fx.url, nested(50)), /depth 50 exceeds the maximum depth of 15/);
  });

  it('allows a query at the depth limit', async () => {
    const { body } = await gql(fx.url, nested(15));
    expect(body.errors).toBeUndefined();
    expectTooComplex(await gql(fx.url, nested(16)), /depth 16 exceeds/);
  });

  it('rejects a query with 1,000 aliases', async () => {
    const aliases = Array.from({ length: 1000 }, (_, i) => `a${i}: sample(id: "s${i}") { id }`).join(' ');
    expectTooComplex(await gql(fx.url, `{ ${aliases} }`), /1000 aliases; the maximum is 30/);
  });

  it('refuses a document over the token limit before parsing all of it', async () => {
    const fields = Array.from({ length: 21_000 }, () => 'id').join(' ');
    const res = await gql(fx.url, `{ samples(first: 1) { ${fields} } }`);
    expectTooComplex(res, /more than 20000 tokens/);
    expect(res.body.errors![0]!.extensions).toMatchObject({ limit: 'tokens', max: 20000 });
  });

  it('refuses an over-limit query the same way when it repeats a text it accepted before', async () => {
    const ok = '{ samples(first: 1) { id } }';
    expect((await gql(fx.url, ok)).body.errors).toBeUndefined();
    expect((await gql(fx.url, ok)).body.errors).toBeUndefined();
    expectTooComplex(await gql(fx.url, nested(16)), /depth 16 exceeds/);
  });

  it('rejects a query whose estimated cost is too high, counting page sizes', async () => {
    expectTooComplex(await gql(fx.url, '{ samples(first: 100) { children(first: 100) { id } } }'), /cost 10101 exceeds the maximum cost of 10000/);
  });

  it('still serves normal queries after rejecting abusive ones', async () => {
    const { status, body } = await gql(fx.url, '{ samples(first: 2) { id children { id } } }');
    expect(status).toBe(200);
    expect(body.data!.samples).toEqual([{ id: 's0', children: [{ id: 's0.c' }] }, { id: 's1', children: [{ id: 's1.c' }] }]);
  });

  it('lets the standard introspection query through', async () => {
    const { getIntrospectionQuery } = await import('graphql');
    const { body } = await gql(fx.url, getIntrospectionQuery());
    expect(body.errors).toBeUndefined();
    expect(body.data!.__schema.types.length).toBeGreaterThan(5);
  });
});

describe('HTTP hardening', () => {
  it('allows a listed origin and answers its preflight', async () => {
    const res = await fetch(`${fx.url}/graphql`, {
      method: 'OPTIONS',
      headers: { origin: 'https://ui.example.org', 'access-control-request-method': 'POST', 'access-control-request-headers': 'content-type,authorization' },
    });
    expect(res.status).toBe(204);
    expect(res.headers.get('access-control-allow-origin')).toBe('https://ui.example.org');
    const post = await gql(fx.url, '{ whoami { kind } }', { headers: { origin: 'https://ui.example.org' } });
    expect(post.headers.get('access-control-allow-origin')).toBe('https://ui.example.org');
  });

  it('gives an unlisted origin no CORS grant', async () => {
    const res = await fetch(`${fx.url}/graphql`, {
      method: 'OPTIONS', headers: { origin: 'https://evil.example.com', 'access-control-request-method': 'POST' },
    });
    expect(res.headers.get('access-control-allow-origin')).toBeNull();
    const post = await gql(fx.url, '{ whoami { kind } }', { headers: { origin: 'https://evil.example.com' } });
    expect(post.headers.get('access-control-allow-origin')).toBeNull();
  });

  it('refuses a text/plain POST (CSRF prevention)', async () => {
    const res = await fetch(`${fx.url}/graphql`, { method: 'POST', headers: { 'content-type': 'text/plain' }, body: JSON.stringify({ query: '{ whoami { kind } }' }) });
    expect(res.status).toBe(400);
    expect(await res.text()).toMatch(/CSRF/);
  });

  it('answers an oversized body with 413', async () => {
    const res = await fetch(`${fx.url}/graphql`, {
      method: 'POST', headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ query: '{ whoami { kind } }', variables: { pad: 'x'.repeat(1_100_000) } }),
    });
    expect(res.status).toBe(413);
    expect(((await res.json()) as { errors: { extensions: { code: string } }[] }).errors[0]!.extensions.code).toBe('PAYLOAD_TOO_LARGE');
  });

  it('answers malformed JSON with 400', async () => {
    const res = await fetch(`${fx.url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"query": ' });
    expect(res.status).toBe(400);
  });

  it('serves the Sandbox landing page at / to browsers', async () => {
    const res = await fetch(`${fx.url}/`, { headers: { accept: 'text/html' } });
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toMatch(/text\/html/);
    expect(await res.text()).toContain('embeddable-sandbox');
  });

  it('also serves GraphQL at / so the Sandbox can query the page it was opened on', async () => {
    const res = await fetch(`${fx.url}/`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ query: '{ whoami { kind } }' }) });
    expect(((await res.json()) as { data: unknown }).data).toEqual({ whoami: { kind: 'anonymous' } });
  });
});
