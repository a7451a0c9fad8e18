// Two small real subgraphs (auth, samples) built with the shared subgraph server, composed in
// process and served through a real gateway on a free port. Tests talk to it over HTTP.
import express from 'express';
import { SignJWT, UnsecuredJWT, type CryptoKey } from 'jose';
import { parse } from 'graphql';
import type { MikroORM } from '@mikro-orm/postgresql';
import {
  InternalTokenIssuer, InternalTokenVerifier, createSubgraphServer, generateSigningKeyPair, initOrm, publicJwk,
  type BaseContext, type SigningKeyPair,
} from '@app/common';
import { createTestDatabase, testLogger, type TestDatabase } from '@app/testing';
import {
  HttpApiTokenResolver, composeSupergraph, createGateway, createUserTokenVerifier, loadGatewayConfig, type GatewayOptions, type GatewayServer,
} from '../src/index.js';

const VIEWER = `
  type Viewer @shareable {
    kind: String! userId: ID role: String labId: String name: String tokenId: String scopes: [String!]!
    via: String! ip: String userAgent: String requestId: String! correlationId: String!
  }`;

const AUTH_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])
  type Query { whoami: Viewer! }
  type Person @key(fields: "id") { id: ID! name: String! viewer: Viewer! }
  ${VIEWER}`;

const SAMPLES_SDL = `
  extend schema @link(url: "https://specs.apollo.dev/federation/v2.7", import: ["@key", "@shareable"])
  type Query { sample(id: ID!): Sample samples(first: Int = 20): [Sample!]! }
  type Sample @key(fields: "id") {
    id: ID! name: String! parent: Sample children(first: Int = 20): [Sample!]! owner: Person! viewer: Viewer!
  }
  type Person @key(fields: "id", resolvable: false) { id: ID! }
  ${VIEWER}`;

/** What a subgraph saw of the caller: the proof that identity crossed the hop. */
const viewer = (ctx: BaseContext) => ({ ...ctx.principal, ...ctx.client, requestId: ctx.requestId, correlationId: ctx.correlationId });

const sample = (id: string) => ({ id, name: `Sample ${id}`, ownerId: `person-${id}` });

/** API tokens the fixture auth service knows; `lookups` counts how often the gateway asked. */
export const API_TOKENS = { valid: 'ntk_valid_0123456789', unknown: 'ntk_unknown_0123456789' };

export interface Fixture {
  url: string;
  gateway: GatewayServer;
  authUrl: string;
  samplesUrl: string;
  userKeys: SigningKeyPair;
  gatewayKeys: SigningKeyPair;
  apiTokenLookups: { count: number };
  stop(): Promise<void>;
}

function authRoutes(userKeys: SigningKeyPair, lookups: { count: number }) {
  return (app: express.Express, authenticate: express.RequestHandler) => {
    app.get('/.well-known/jwks.json', async (_req, res) => { res.json({ keys: [await publicJwk(userKeys)] }); });
    app.post('/internal/api-tokens/resolve', authenticate, express.json(), (req, res) => {
      lookups.count++;
      // Only the gateway acting as itself may resolve tokens.
      if (req.internalCall?.principal.kind !== 'service') return void res.status(403).json({ error: 'forbidden' });
      const known = req.body?.token === API_TOKENS.valid;
      res.json({ principal: known ? { userId: 'bi-user', role: 'VIEWER', labId: null, name: 'BI export', scopes: ['samples:read'], tokenId: 'tok-1' } : null });
    });
  };
}

function samplesRoutes(app: express.Express, authenticate: express.RequestHandler) {
  app.get('/exports/*path', authenticate, (req, res) => {
    const who = req.internalCall!.principal;
    res.type('text/csv').setHeader('content-disposition', 'attachment; filename="samples.csv"');
    res.send(`path,user,kind\n${req.path},${who.userId ?? ''},${who.kind}\n`);
  });
}

async function startSubgraphs(orm: MikroORM, gatewayKeys: SigningKeyPair, userKeys: SigningKeyPair, lookups: { count: number }) {
  const logger = testLogger('fixture');
  const common = { orm, logger, readiness: [], createContext: (base: BaseContext) => base };
  const auth = await createSubgraphServer({
    ...common, name: 'auth', typeDefs: parse(AUTH_SDL), verifier: new InternalTokenVerifier(gatewayKeys.publicKey, 'auth'),
    routes: authRoutes(userKeys, lookups),
    resolvers: {
      Query: { whoami: (_: unknown, __: unknown, ctx: BaseContext) => viewer(ctx) },
      Person: {
        __resolveReference: ({ id }: { id: string }) => ({ id, name: `Person ${id}` }),
        viewer: (_: unknown, __: unknown, ctx: BaseContext) => viewer(ctx),
      },
    } as never,
  });
  const samples = await createSubgraphServer({
    ...common, name: 'samples', typeDefs: parse(SAMPLES_SDL), verifier: new InternalTokenVerifier(gatewayKeys.publicKey, 'samples'),
    routes: samplesRoutes,
    resolvers: {
      Query: {
        sample: (_: unknown, { id }: { id: string }) => sample(id),
        samples: (_: unknown, { first }: { first: number }) => Array.from({ length: Math.min(first, 3) }, (_v, i) => sample(`s${i}`)),
      },
      Sample: {
        parent: ({ id }: { id: string }) => sample(`${id}.p`),
        children: ({ id }: { id: string }) => [sample(`${id}.c`)],
        owner: ({ ownerId }: { ownerId: string }) => ({ id: ownerId }),
        viewer: (_: unknown, __: unknown, ctx: BaseContext) => viewer(ctx),
      },
    } as never,
  });
  return { auth, samples };
}

export async function startFixture(env: Record<string, string> = {}, extra: Partial<GatewayOptions> = {}): Promise<Fixture> {
  const db: TestDatabase = await createTestDatabase();
  const orm = await initOrm({ databaseUrl: db.url, schema: 'fixture', entities: [], migrations: [] });
  const [gatewayKeys, userKeys] = await Promise.all([generateSigningKeyPair('gateway'), generateSigningKeyPair('user-key-1')]);
  const apiTokenLookups = { count: 0 };
  const { auth, samples } = await startSubgraphs(orm, gatewayKeys, userKeys, apiTokenLookups);
  const [authUrl, samplesUrl] = await Promise.all([auth.listen(0), samples.listen(0)]);

  // Routing URLs that cannot resolve: the gateway must use the overrides passed to it.
  const composed = composeSupergraph([
    { name: 'auth', url: 'http://auth.invalid:4004/graphql', sdl: AUTH_SDL },
    { name: 'samples', url: 'http://samples.invalid:4001/graphql', sdl: SAMPLES_SDL },
  ]);
  if (!composed.ok) throw new Error(`fixture does not compose: ${JSON.stringify(composed.errors)}`);

  const config = loadGatewayConfig({ NODE_ENV: 'test', EMBEDDED: 'true', LOG_LEVEL: 'silent', CORS_ORIGINS: 'https://ui.example.org', ...env });
  const issuer = new InternalTokenIssuer(gatewayKeys.privateKey);
  const gateway = await createGateway({
    config, supergraphSdl: composed.supergraphSdl, logger: testLogger('gateway'), internalTokenIssuer: issuer,
    subgraphUrls: { auth: `${authUrl}/graphql`, samples: `${samplesUrl}/graphql` },
    userTokens: await createUserTokenVerifier(config, authUrl),
    apiTokens: new HttpApiTokenResolver({ authServiceUrl: authUrl, issuer }),
    ...extra,
  });
  const url = await gateway.listen(0);
  return {
    url, gateway, authUrl, samplesUrl, userKeys, gatewayKeys, apiTokenLookups,
    async stop() {
      await gateway.stop();
      await Promise.all([auth.stop(), samples.stop()]);
      await orm.close();
      await db.drop();
    },
  };
}

export interface UserClaims {
  sub?: string;
  role?: string;
  lab?: string;
  name?: string;
  jti?: string;
}

export interface SignOptions {
  key?: CryptoKey;
  kid?: string;
  issuer?: string;
  audience?: string;
  /** Seconds from now; negative for an expired token. */
  expiresIn?: number;
}

/** A user access token as the auth service would mint it (overridable to make bad ones). */
export function signUserToken(keys: SigningKeyPair, claims: UserClaims = {}, options: SignOptions = {}): Promise<string> {
  const { sub = 'user-42', ...rest } = { role: 'STAFF', name: 'Ada Staff', jti: 'session-1', ...claims };
  const now = Math.floor(Date.now() / 1000);
  return new SignJWT({ ...rest })
    .setProtectedHeader({ alg: 'EdDSA', kid: options.kid ?? keys.kid })
    .setSubject(sub)
    .setIssuer(options.issuer ?? 'nanopore-auth')
    .setAudience(options.audience ?? 'nanopore-api')
    .setIssuedAt(now - 5)
    .setExpirationTime(now + (options.expiresIn ?? 300))
    .sign(options.key ?? keys.privateKey);
}

/** The same claims with `alg: none` and no signature. */
export function unsignedToken(claims: UserClaims = {}): string {
  return new UnsecuredJWT({ role: 'ADMIN', ...claims })
    .setSubject(claims.sub ?? 'user-42').setIssuer('nanopore-auth').setAudience('nanopore-api').setExpirationTime('5m').encode();
}

export interface GraphQLBody {
  data?: Record<string, any> | null;
  errors?: { message: string; extensions?: Record<string, any> }[];
}

/** POSTs an operation to the gateway; returns status, headers and parsed body. */
export async function gql(url: string, query: string, init: { token?: string; headers?: Record<string, string>; variables?: Record<string, unknown> } = {}) {
  const res = await fetch(`${url}/graphql`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(init.token ? { authorization: `Bearer ${init.token}` } : {}), ...init.headers },
    body: JSON.stringify({ query, variables: init.variables }),
  });
  return { status: res.status, headers: res.headers, body: (await res.json()) as GraphQLBody };
}
