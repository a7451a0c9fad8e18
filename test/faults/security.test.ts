import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { buildClientSchema, getIntrospectionQuery, type IntrospectionQuery } from 'graphql';
import { SignJWT, decodeJwt, decodeProtectedHeader, generateKeyPair } from 'jose';
import { INTERNAL_TOKEN_HEADER, InternalTokenIssuer, generateSigningKeyPair, importPrivateKey, type Principal } from '@app/common';
import { GatewayClient, SUBGRAPHS, type ClientUser } from '@app/testing';
import { ACCESS_MATRIX, CALLERS, CREDENTIAL_OPERATIONS, type Caller } from '../../schema/access-matrix.js';
import { operationCalls } from '../e2e/operation-calls.js';
import { startWorld, type World } from './lib/world.js';

// The security promises, checked on the distributed deployment: token attacks, the RBAC matrix,
// subgraphs refusing anything but a gateway-signed token for them, rate limits, and no secret or
// credential in any process's output. Gateway 1 allows introspection (to walk the matrix);
// gateway 2 runs the production defaults.
const EXPENSIVE_PER_MINUTE = 12;
let w: World;
let viewer: ClientUser;
const code = (res: { errors?: { extensions?: Record<string, any> }[] }) => res.errors?.[0]?.extensions?.code;
const adminClaimsOf = (id: string): Principal => ({ kind: 'user', userId: id, role: 'ADMIN', labId: null, name: 'Mallory', scopes: [], tokenId: null, via: 'UI' });

beforeAll(async () => {
  w = await startWorld({
    gateways: 2,
    env: { EXPENSIVE_OPERATIONS_PER_MINUTE: String(EXPENSIVE_PER_MINUTE) },
    serviceEnv: { gateway: { GRAPHQL_INTROSPECTION: 'true' } },
  });
  viewer = await w.client.createUser(w.admin, 'VIEWER');
}, 180_000);
afterAll(() => w?.stop());

describe('token attacks through the distributed gateway', () => {
  it('answers tampered, foreign-key, expired, alg:none, wrong-audience and wrong-issuer tokens with UNAUTHENTICATED', async () => {
    const token = w.submitter.token;
    const { privateKey } = await generateKeyPair('EdDSA', { crv: 'Ed25519' });
    const sign = (iss: string, aud: string, exp: string | number) => new SignJWT({ role: 'ADMIN', name: 'Mallory' })
      .setProtectedHeader({ alg: 'EdDSA', kid: decodeProtectedHeader(token).kid! }).setSubject(w.submitter.id)
      .setIssuer(iss).setAudience(aud).setIssuedAt().setExpirationTime(exp).sign(privateKey);
    const [head, body, signature] = token.split('.');
    const elevated = Buffer.from(JSON.stringify({ ...decodeJwt(token), role: 'ADMIN' })).toString('base64url');
    const attacks = {
      tampered: `${head}.${elevated}.${signature}`,
      foreignKey: await sign('nanopore-auth', 'nanopore-api', '10m'),
      expired: await sign('nanopore-auth', 'nanopore-api', Math.floor(Date.now() / 1000) - 60),
      algNone: `${Buffer.from(JSON.stringify({ alg: 'none', typ: 'JWT' })).toString('base64url')}.${body}.`,
      wrongAudience: await sign('nanopore-auth', 'someone-else', '10m'),
      wrongIssuer: await sign('evil-issuer', 'nanopore-api', '10m'),
      garbage: 'not-a-token-at-all',
    };
    for (const url of w.sys.gatewayUrls()) {
      const client = new GatewayClient(url);
      for (const [name, forged] of Object.entries(attacks)) {
        expect({ url, name, code: code(await client.gql(`{ me { id } }`, {}, forged)) }).toEqual({ url, name, code: 'UNAUTHENTICATED' });
      }
    }
  });

  it('refuses introspection with the production defaults', async () => {
    const res = await new GatewayClient(w.sys.gatewayUrls()[1]!).gql(`{ __schema { types { name } } }`, {}, w.admin);
    expect(res.errors?.length).toBeGreaterThan(0);
    expect(res.data?.__schema).toBeUndefined();
  });
});

describe('direct calls to a subgraph', () => {
  it('refuses every subgraph without a gateway token, with a foreign-key token, with a token for another subgraph and with a user token', async () => {
    const gatewayKey = await importPrivateKey(w.sys.secrets.INTERNAL_TOKEN_PRIVATE_KEY);
    const real = new InternalTokenIssuer(gatewayKey);
    const foreign = new InternalTokenIssuer((await generateSigningKeyPair('mallory')).privateKey);
    const client = { ip: '127.0.0.1', userAgent: 'mallory' };
    for (const name of SUBGRAPHS) {
      const other = name === 'samples' ? 'workflow' : 'samples';
      const headers: Record<string, Record<string, string>> = {
        none: {},
        foreignKey: { [INTERNAL_TOKEN_HEADER]: await foreign.issue(name, adminClaimsOf(w.staff.id), client) },
        otherAudience: { [INTERNAL_TOKEN_HEADER]: await real.issue(other, adminClaimsOf(w.staff.id), client) },
        userToken: { [INTERNAL_TOKEN_HEADER]: w.admin, authorization: `Bearer ${w.admin}` },
      };
      for (const [attack, h] of Object.entries(headers)) {
        const res = await fetch(`${w.sys.service(name).url}/graphql`, {
          method: 'POST', headers: { 'content-type': 'application/json', ...h }, body: JSON.stringify({ query: '{ __typename }' }),
        });
        await res.arrayBuffer();
        expect({ name, attack, status: res.status }).toEqual({ name, attack, status: 401 });
      }
    }
  });
});

describe('the RBAC matrix on the distributed deployment', () => {
  it('refuses and allows exactly as the matrix says, for every caller', async () => {
    const tokens = {} as Record<Caller, string | null>;
    tokens.ADMIN = w.admin;
    tokens.STAFF = (await w.client.createUser(w.admin, 'STAFF')).token;
    tokens.SUBMITTER = (await w.client.createUser(w.admin, 'SUBMITTER', 'lab-a')).token;
    tokens.VIEWER = viewer.token;
    tokens.ANONYMOUS = null;
    const created = await w.client.gql(`mutation($i: CreateApiTokenInput!) { createApiToken(input: $i) { token } }`, {
      i: { name: 'matrix BI token', scopes: ['samples:read', 'exports:read', 'workflow:read', 'audit:read', 'files:read'] },
    }, tokens.STAFF);
    tokens.READ_TOKEN = created.data!.createApiToken.token;
    const introspection = await w.client.gql<IntrospectionQuery>(getIntrospectionQuery(), {}, w.admin);
    const calls = operationCalls(buildClientSchema(introspection.data!));
    const observed: Record<string, Caller[]> = {};
    const ordered = [...calls].sort((a, b) => Number(a.name.includes('logout')) - Number(b.name.includes('logout')));
    for (const call of ordered) {
      observed[call.name] = [];
      const refusals = call.name in CREDENTIAL_OPERATIONS ? new Set(['FORBIDDEN']) : new Set(['FORBIDDEN', 'UNAUTHENTICATED']);
      for (const caller of CALLERS) {
        const res = await w.client.gql(call.document, {}, tokens[caller]);
        if (!(res.errors ?? []).some((e) => refusals.has(String(e.extensions?.code)))) observed[call.name]!.push(caller);
      }
    }
    const expected = Object.fromEntries(calls.map((c) => [c.name, [...(ACCESS_MATRIX[c.name] ?? [])].sort()]));
    expect(Object.fromEntries(Object.entries(observed).map(([k, v]) => [k, [...v].sort()]))).toEqual(expected);
  });
});

describe('rate limits', () => {
  it('locks an account after 5 wrong passwords', async () => {
    const victim = await w.client.createUser(w.admin, 'STAFF');
    const LOGIN = `mutation($e: String!, $p: String!) { login(email: $e, password: $p) { accessToken } }`;
    for (let i = 0; i < 5; i++) expect(code(await w.client.gql(LOGIN, { e: victim.email, p: `wrong password ${i} xx` }))).toBe('UNAUTHENTICATED');
    expect(code(await w.client.gql(LOGIN, { e: victim.email, p: victim.password }))).toBe('RATE_LIMITED');
  });

  it(`rations expensive operations to ${EXPENSIVE_PER_MINUTE} a minute per caller, per gateway`, async () => {
    const [heavy, other] = [await w.client.createUser(w.admin, 'STAFF'), await w.client.createUser(w.admin, 'STAFF')];
    const EXPORT = `mutation { exportProjects(format: NDJSON) { id } }`;
    for (let i = 0; i < EXPENSIVE_PER_MINUTE; i++) expect(code(await w.client.gql(EXPORT, {}, heavy.token))).toBeUndefined();
    const refused = await w.client.gql(EXPORT, {}, heavy.token);
    expect(code(refused)).toBe('RATE_LIMITED');
    expect(refused.status).toBe(429);
    expect(refused.errors![0]!.extensions!.retryAfterSeconds).toBeGreaterThan(0);
    // Aliases count one each: a single operation cannot smuggle many.
    const aliased = await w.client.gql(`mutation { a: exportProjects(format: NDJSON) { id } b: exportProjects(format: CSV) { id } }`, {}, other.token);
    expect(code(aliased)).toBeUndefined();
    expect(code(await w.client.gql(EXPORT, {}, other.token))).toBeUndefined();
    // Cheap operations are not rationed.
    expect(code(await w.client.gql(`{ me { id } }`, {}, heavy.token))).toBeUndefined();
  });
});

describe('process output', () => {
  it('never contains a secret, a password or a bearer token, in any process', async () => {
    expect(w.sys.leakedSecrets()).toEqual([]);
    const credentials = [w.admin, w.staff.token, w.submitter.token, viewer.token, w.staff.password, w.submitter.password, viewer.password];
    for (const s of w.sys.services.values()) {
      const text = s.output.text();
      expect({ service: s.name, captured: text.length > 0 }).toEqual({ service: s.name, captured: true });
      expect({ service: s.name, leaked: credentials.filter((c) => text.includes(c)).length }).toEqual({ service: s.name, leaked: 0 });
      expect({ service: s.name, wrongPasswordLogged: text.includes('wrong password') }).toEqual({ service: s.name, wrongPasswordLogged: false });
    }
  });
});
