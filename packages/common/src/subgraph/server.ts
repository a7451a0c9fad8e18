import { createServer, type Server } from 'node:http';
import type { Express, NextFunction, Request, Response } from 'express';
import type { DocumentNode } from 'graphql';
import { ApolloServer, HeaderMap } from '@apollo/server';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper/index.js';
import type { MikroORM } from '@mikro-orm/postgresql';
import { createErrorFormatter } from '../errors.js';
import { createHttpApp, jsonBody, requestIds, type ReadinessCheck } from '../http/app.js';
import { listenHttp } from '../http/listen.js';
import { INTERNAL_TOKEN_HEADER, type InternalTokenVerifier, type VerifiedInternalCall } from '../identity/internal-token.js';
import { requestLogger, type Logger } from '../logger.js';
import { createMetrics, metricsPlugin, type ServiceMetrics } from '../metrics.js';
import { closeHttpServer } from '../shutdown.js';
import { readDelegates, type BaseContext } from './context.js';

/**
 * A subgraph's resolver map. Each subgraph types its own with the `Resolvers` type generated from
 * its schema.graphql (codegen), which checks parents, arguments, results and context; here it only
 * needs to be a map, handed to buildSubgraphSchema as is.
 */
export type SubgraphResolvers = Readonly<Record<string, unknown>>;

export interface SubgraphServerOptions<Ctx extends BaseContext> {
  name: string;
  typeDefs: DocumentNode;
  resolvers: SubgraphResolvers;
  orm: MikroORM;
  verifier: InternalTokenVerifier;
  logger: Logger;
  readiness: ReadinessCheck[];
  /** Adds the subgraph's loaders and services to the base context. */
  createContext: (base: BaseContext) => Ctx | Promise<Ctx>;
  /** Plain HTTP routes beside /graphql (JWKS, exports, uploads); `authenticate` guards them. */
  routes?: (app: Express, authenticate: AuthenticateMiddleware) => void;
  introspection?: boolean;
  bodyLimit?: string;
  metrics?: ServiceMetrics;
}

export type AuthenticateMiddleware = (req: Request, res: Response, next: NextFunction) => void;

/** A GraphQL POST handed over in memory, as the gateway would send it over HTTP (lower-case header names). */
export interface LocalGraphQLRequest {
  headers: Record<string, string>;
  body: string;
}

/** What /graphql would have answered. */
export interface LocalGraphQLResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export type LocalGraphQLHandler = (request: LocalGraphQLRequest) => Promise<LocalGraphQLResponse>;

export interface SubgraphServer {
  name: string;
  app: Express;
  httpServer: Server;
  metrics: ServiceMetrics;
  /**
   * Answers a GraphQL POST without a socket, through the same internal auth, context and Apollo
   * server as /graphql: the embedded gateway's transport to the subgraphs in its own process.
   */
  handleGraphQL: LocalGraphQLHandler;
  /** Listens and resolves the base URL (http://host:port). */
  listen(port: number, host?: string): Promise<string>;
  stop(): Promise<void>;
}

declare module 'express-serve-static-core' {
  interface Request {
    internalCall?: VerifiedInternalCall;
  }
}

const unauthorizedBody = (message: string) => ({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] });

/** The verified call a request's internal token carries, or why it is refused. */
async function verifyInternalCall(verifier: InternalTokenVerifier, token: unknown): Promise<VerifiedInternalCall | { refused: string }> {
  if (typeof token !== 'string' || token.length === 0) return { refused: 'This service only accepts calls from the gateway' };
  return verifier.verify(token).catch(() => ({ refused: 'The internal token is invalid or expired' }));
}

/** Rejects any request that does not carry a valid token minted by the gateway for this subgraph. */
export function internalAuth(verifier: InternalTokenVerifier): AuthenticateMiddleware {
  return (req, res, next) => {
    verifyInternalCall(verifier, req.headers[INTERNAL_TOKEN_HEADER]).then((call) => {
      if ('refused' in call) return void res.status(401).json(unauthorizedBody(call.refused));
      req.internalCall = call;
      next();
    }, next);
  };
}

const jsonResponse = (status: number, body: unknown): LocalGraphQLResponse => ({ status, headers: { 'content-type': 'application/json; charset=utf-8' }, body: JSON.stringify(body) });

/** `handleGraphQL`: the /graphql route's auth and Apollo execution, minus express and the socket. */
function localGraphQLHandler<Ctx extends BaseContext>(
  apollo: ApolloServer<Ctx>, verifier: InternalTokenVerifier, contextFor: (headers: Record<string, string>, call: VerifiedInternalCall) => Promise<Ctx>,
): LocalGraphQLHandler {
  return async ({ headers, body }) => {
    const call = await verifyInternalCall(verifier, headers[INTERNAL_TOKEN_HEADER]);
    if ('refused' in call) return jsonResponse(401, unauthorizedBody(call.refused));
    let parsed: unknown;
    try { parsed = JSON.parse(body); } catch { return jsonResponse(400, { errors: [{ message: 'The request body is not JSON', extensions: { code: 'BAD_REQUEST' } }] }); }
    const httpHeaders = new HeaderMap();
    for (const [name, value] of Object.entries(headers)) httpHeaders.set(name, value);
    const answer = await apollo.executeHTTPGraphQLRequest({
      httpGraphQLRequest: { method: 'POST', headers: httpHeaders, search: '', body: parsed },
      context: () => contextFor(headers, call),
    });
    let text = '';
    if (answer.body.kind === 'complete') text = answer.body.string;
    else for await (const chunk of answer.body.asyncIterator) text += chunk;
    return { status: answer.status ?? 200, headers: Object.fromEntries(answer.headers), body: text };
  };
}

/** Builds (but does not start) a subgraph: Apollo on /graphql behind internal auth, plus health and metrics. */
export async function createSubgraphServer<Ctx extends BaseContext>(options: SubgraphServerOptions<Ctx>): Promise<SubgraphServer> {
  const metrics = options.metrics ?? createMetrics(options.name);
  const app = createHttpApp({ metrics, readiness: options.readiness });
  const httpServer = createServer(app);
  // Longer than the gateway's keep-alive so reused sockets are not reset under it.
  httpServer.keepAliveTimeout = 65_000;
  const apollo = new ApolloServer<Ctx>({
    schema: buildSubgraphSchema({ typeDefs: options.typeDefs, resolvers: options.resolvers as GraphQLResolverMap<unknown> }),
    introspection: options.introspection ?? false,
    includeStacktraceInErrorResponses: false,
    // registerShutdown owns SIGTERM/SIGINT and stops everything in order; Apollo's own handler
    // would re-raise the signal and kill the process before the database is closed.
    stopOnTerminationSignals: false,
    formatError: createErrorFormatter(options.logger),
    plugins: [
      ApolloServerPluginDrainHttpServer({ httpServer }),
      ApolloServerPluginInlineTraceDisabled(),
      // No field carries a cache hint, and the default cache-control plugin's per-field hook made
      // Apollo wrap every resolver: ~0.5 MB of garbage per 50-row page.
      ApolloServerPluginCacheControlDisabled(),
      ApolloServerPluginLandingPageDisabled(),
      metricsPlugin(metrics),
    ],
  });
  await apollo.start();
  const authenticate = internalAuth(options.verifier);
  options.routes?.(app, authenticate);
  const contextFor = async (headers: Record<string, string | string[] | undefined>, call: VerifiedInternalCall): Promise<Ctx> => {
    const ids = requestIds({ headers });
    const base: BaseContext = {
      principal: call.principal,
      client: call.client,
      ...ids,
      logger: requestLogger(options.logger, ids),
      em: options.orm.em.fork(),
      delegates: readDelegates(headers),
    };
    return options.createContext(base);
  };
  app.use('/graphql', authenticate, jsonBody(options.bodyLimit ?? '2mb'), expressMiddleware(apollo, {
    context: ({ req }) => contextFor(req.headers, req.internalCall!),
  }));
  return {
    name: options.name,
    app,
    httpServer,
    metrics,
    handleGraphQL: localGraphQLHandler(apollo, options.verifier, contextFor),
    listen: (port, host) => listenHttp(httpServer, port, host),
    stop: async () => {
      await apollo.stop();
      await closeHttpServer(httpServer);
    },
  };
}
