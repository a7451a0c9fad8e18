import { createServer, type Server } from 'node:http';
import type { Express, NextFunction, Request, Response } from 'express';
import type { DocumentNode } from 'graphql';
import { ApolloServer } from '@apollo/server';
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

export interface SubgraphServer {
  name: string;
  app: Express;
  httpServer: Server;
  metrics: ServiceMetrics;
  /** Listens and resolves the base URL (http://host:port). */
  listen(port: number, host?: string): Promise<string>;
  stop(): Promise<void>;
}

declare module 'express-serve-static-core' {
  interface Request {
    internalCall?: VerifiedInternalCall;
  }
}

function unauthorized(res: Response, message: string): void {
  res.status(401).json({ errors: [{ message, extensions: { code: 'UNAUTHENTICATED' } }] });
}

/** Rejects any request that does not carry a valid token minted by the gateway for this subgraph. */
export function internalAuth(verifier: InternalTokenVerifier): AuthenticateMiddleware {
  return (req, res, next) => {
    const token = req.headers[INTERNAL_TOKEN_HEADER];
    if (typeof token !== 'string' || token.length === 0) return unauthorized(res, 'This service only accepts calls from the gateway');
    verifier.verify(token).then(
      (call) => { req.internalCall = call; next(); },
      () => unauthorized(res, 'The internal token is invalid or expired'),
    );
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
  app.use('/graphql', authenticate, jsonBody(options.bodyLimit ?? '2mb'), expressMiddleware(apollo, {
    context: async ({ req }) => {
      const call = req.internalCall!;
      const ids = requestIds(req);
      const base: BaseContext = {
        principal: call.principal,
        client: call.client,
        ...ids,
        logger: requestLogger(options.logger, ids),
        em: options.orm.em.fork(),
        delegates: readDelegates(req.headers),
      };
      return options.createContext(base);
    },
  }));
  return {
    name: options.name,
    app,
    httpServer,
    metrics,
    listen: (port, host) => listenHttp(httpServer, port, host),
    stop: async () => {
      await apollo.stop();
      await closeHttpServer(httpServer);
    },
  };
}
