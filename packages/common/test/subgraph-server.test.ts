import { afterAll, beforeAll, describe, expect, it } from '@jest/globals';
import { parse } from 'graphql';
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  ForbiddenError, INTERNAL_TOKEN_HEADER, InternalTokenIssuer, InternalTokenVerifier, createSubgraphServer, generateSigningKeyPair, initOrm,
  requireRole, type BaseContext, type ClientInfo, type Principal, type SubgraphServer,
} from '../src/index.js';
import { captureLogger, createTestDatabase, type TestDatabase } from '@app/testing';

const typeDefs = parse(`
  type Query {
    me: Me!
    adminOnly: String
    boom: String
    dbNow: String
  }
  type Me { kind: String, userId: String, role: String, labId: String, scopes: [String!]!, ip: String, userAgent: String, requestId: String, correlationId: String, extra: String }
`);

type Ctx = BaseContext & { extra: string };
const resolvers = {
  Query: {
    me: (_: unknown, __: unknown, ctx: Ctx) => ({
      ...ctx.principal, ip: ctx.client.ip, userAgent: ctx.client.userAgent, requestId: ctx.requestId, correlationId: ctx.correlationId, extra: ctx.extra,
    }),
    adminOnly: (_: unknown, __: unknown, ctx: Ctx) => { requireRole(ctx.principal, 'ADMIN'); return 'secret'; },
    boom: () => { throw new Error('SELECT * FROM "samples"."sample" failed: connection reset'); },
    dbNow: async (_: unknown, __: unknown, ctx: Ctx) => {
      const [row] = await ctx.em.getConnection().execute<{ ok: number }[]>('select 1 as ok');
      return String(row!.ok);
    },
  },
};

let db: TestDatabase;
let orm: MikroORM;
let server: SubgraphServer;
let base: string;
let issuer: InternalTokenIssuer;
let foreignIssuer: InternalTokenIssuer;
const capture = captureLogger('samples', 'info');
const staff: Principal = { kind: 'user', userId: 'u-7', role: 'STAFF', labId: null, name: 'Sam', scopes: [], tokenId: null, via: 'UI' };
const client: ClientInfo = { ip: '203.0.113.9', userAgent: 'nanopore-ui/2' };

beforeAll(async () => {
  db = await createTestDatabase();
  orm = await initOrm({ databaseUrl: db.url, schema: 'servertest', entities: [], migrations: [] });
  const keys = await generateSigningKeyPair('gw');
  const otherKeys = await generateSigningKeyPair('other');
  issuer = new InternalTokenIssuer(keys.privateKey);
  foreignIssuer = new InternalTokenIssuer(otherKeys.privateKey);
  server = await createSubgraphServer<Ctx>({
    name: 'samples', typeDefs, resolvers: resolvers as never, orm, logger: capture.logger,
    verifier: new InternalTokenVerifier(keys.publicKey, 'samples'),
    readiness: [{ name: 'database', check: async () => { await orm.em.getConnection().execute('select 1'); } }],
    createContext: (ctx) => ({ ...ctx, extra: 'from createContext' }),
    routes: (app, authenticate) => {
      app.get('/private', authenticate, (req, res) => { res.json({ userId: req.internalCall?.principal.userId }); });
    },
  });
  base = await server.listen(0);
});

afterAll(async () => {
  await server.stop();
  await orm.close();
  await db.drop();
});

async function gql(query: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${base}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify({ query }) });
  return { status: res.status, body: await res.json() as { data?: Record<string, unknown>; errors?: { message: string; extensions?: Record<string, unknown> }[] } };
}

describe('createSubgraphServer', () => {
  it('rejects a request without an internal token with 401 UNAUTHENTICATED', async () => {
    const { status, body } = await gql('{ me { kind } }');
    expect(status).toBe(401);
    expect(body.errors?.[0]?.extensions?.code).toBe('UNAUTHENTICATED');
    expect(body.data).toBeUndefined();
  });

  it('rejects a token minted for another subgraph, a foreign key or garbage with 401', async () => {
    for (const token of [
      await issuer.issue('workflow', staff, client),
      await foreignIssuer.issue('samples', staff, client),
      'not-a-jwt',
    ]) {
      const { status, body } = await gql('{ me { kind } }', { [INTERNAL_TOKEN_HEADER]: token });
      expect(status).toBe(401);
      expect(body.errors?.[0]).toMatchObject({ message: 'The internal token is invalid or expired', extensions: { code: 'UNAUTHENTICATED' } });
    }
  });

  it('with a valid token the resolver sees the principal, client info, request ids and the subgraph context', async () => {
    const token = await issuer.issue('samples', staff, client);
    const { status, body } = await gql('{ me { kind userId role labId scopes ip userAgent requestId correlationId extra } dbNow }', {
      [INTERNAL_TOKEN_HEADER]: token, 'x-request-id': 'req-42', 'x-correlation-id': 'corr-42',
    });
    expect(status).toBe(200);
    expect(body).toEqual({ data: {
      me: { kind: 'user', userId: 'u-7', role: 'STAFF', labId: null, scopes: [], ip: '203.0.113.9', userAgent: 'nanopore-ui/2', requestId: 'req-42', correlationId: 'corr-42', extra: 'from createContext' },
      dbNow: '1',
    } });
  });

  it('passes domain errors through and masks an unexpected resolver error (logging the original)', async () => {
    const token = await issuer.issue('samples', staff, client);
    const { body } = await gql('{ adminOnly boom }', { [INTERNAL_TOKEN_HEADER]: token });
    const byPath = Object.fromEntries((body.errors ?? []).map((e) => [String((e as { path?: string[] }).path?.[0]), e]));
    expect(byPath.adminOnly).toMatchObject({ extensions: { code: 'FORBIDDEN' } });
    expect(byPath.boom).toMatchObject({ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } });
    expect(JSON.stringify(body)).not.toContain('connection reset');
    expect(JSON.stringify(body)).not.toContain('stacktrace');
    expect(capture.lines.join('')).toContain('connection reset');
    expect(new ForbiddenError()).toBeInstanceOf(Error);
  });

  it('guards extra routes with the same internal auth', async () => {
    expect((await fetch(`${base}/private`)).status).toBe(401);
    const res = await fetch(`${base}/private`, { headers: { [INTERNAL_TOKEN_HEADER]: await issuer.issue('samples', staff, client) } });
    expect(await res.json()).toEqual({ userId: 'u-7' });
  });

  it('serves health, readiness and metrics without a token', async () => {
    expect((await fetch(`${base}/healthz`)).status).toBe(200);
    const ready = await fetch(`${base}/readyz`);
    expect(ready.status).toBe(200);
    const metrics = await (await fetch(`${base}/metrics`)).text();
    expect(metrics).toContain('graphql_operation_duration_seconds');
    expect(metrics).toContain('service="samples"');
  });

  it('does not allow introspection by default', async () => {
    const token = await issuer.issue('samples', staff, client);
    const { body } = await gql('{ __schema { types { name } } }', { [INTERNAL_TOKEN_HEADER]: token });
    expect(body.errors?.[0]?.extensions?.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });
});
