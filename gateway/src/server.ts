// First: @apollo/gateway's dependencies for paths we do not use load on use (see the module).
import './apollo-deferred-modules.js';
import { createServer, type Server } from 'node:http';
import cors from 'cors';
import type { Express, RequestHandler } from 'express';
import { ApolloServer, type ApolloServerPlugin } from '@apollo/server';
import { ApolloServerPluginDrainHttpServer } from '@apollo/server/plugin/drainHttpServer';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { ApolloServerPluginLandingPageLocalDefault } from '@apollo/server/plugin/landingPage/default';
import { expressMiddleware } from '@as-integrations/express5';
import { ApolloGateway } from '@apollo/gateway';
import { Supergraph } from '@apollo/federation-internals';
import { parse } from 'graphql';
import {
  CORRELATION_ID_HEADER, REQUEST_ID_HEADER, closeHttpServer, listenHttp, createErrorFormatter, createHttpApp, createMetrics, jsonBody,
  metricsPlugin, requestIds, type EventBus, type InternalTokenIssuer, type LocalGraphQLHandler, type Logger, type ReadinessCheck, type ServiceMetrics,
} from '@app/common';
import type { ApiTokenResolver } from './auth/api-tokens.js';
import type { UserTokenVerifier } from './auth/user-tokens.js';
import type { GatewayConfig } from './config.js';
import { createContextFactory, type GatewayContext } from './context.js';
import { expensiveOperationLimit, formatLimitErrors, limitPrecheck, queryLimitRules } from './limits/index.js';
import { httpErrorHandler } from './routes/errors.js';
import { mountCallerProxy, mountExportsProxy } from './routes/exports.js';
import { mountFilesProxy } from './routes/files.js';
import { mountIntakeProxy } from './routes/intake.js';
import { mountJwksProxy } from './routes/jwks.js';
import { DELEGATIONS, SubgraphDataSource } from './subgraph-data-source.js';
import { createSubgraphFetcher } from './subgraph-fetcher.js';
import { mountUnsubscribeProxy } from './routes/unsubscribe.js';
import { mountWebApp } from './routes/web.js';
import { LiveSubscriptions } from './subscriptions/index.js';
import { multipartUploads } from './uploads/multipart-guard.js';
import { UPLOAD_FIELDS, UploadForwardingDataSource } from './uploads/upload-data-source.js';
import { listSubgraphs, resolveSubgraphUrl, serviceBaseUrl, type SubgraphEndpoint } from './subgraphs.js';

export interface GatewayOptions {
  config: GatewayConfig;
  supergraphSdl: string;
  /** Per-subgraph GraphQL URLs; win over SUBGRAPH_URL_<NAME> and the supergraph's routing URLs. */
  subgraphUrls?: Record<string, string>;
  internalTokenIssuer: InternalTokenIssuer;
  userTokens: UserTokenVerifier;
  apiTokens?: ApiTokenResolver;
  logger: Logger;
  /** Base URL of the auth service (JWKS proxy); defaults to the auth subgraph's URL minus /graphql. */
  authServiceUrl?: string;
  /** Base URL of the samples service (exports proxy); defaults like authServiceUrl. */
  samplesServiceUrl?: string;
  /** Base URL of the files service (the /files/* proxy); defaults to FILES_SERVICE_URL, then like authServiceUrl. */
  filesServiceUrl?: string;
  /** The event bus; when given, live subscriptions are served over graphql-ws at /graphql on the same port. */
  bus?: EventBus;
  /** Runs before Apollo starts, e.g. to register `gateway.onSchemaLoadOrUpdate`, which does not replay. */
  beforeStart?: (gateway: ApolloGateway) => void;
  metrics?: ServiceMetrics;
  /** Subgraphs running in this process, by name (embedded mode): their fetches skip HTTP (subgraph-fetcher.ts). */
  localSubgraphs?: Record<string, LocalGraphQLHandler>;
}

export interface GatewayServer {
  app: Express;
  httpServer: Server;
  apollo: ApolloServer<GatewayContext>;
  gateway: ApolloGateway;
  metrics: ServiceMetrics;
  /** The subgraphs this gateway routes to, with their effective URLs. */
  subgraphs: SubgraphEndpoint[];
  /** Live subscriptions, present when a bus was given. */
  subscriptions: LiveSubscriptions | null;
  /** Listens and resolves the base URL (http://host:port). */
  listen(port: number, host?: string): Promise<string>;
  stop(): Promise<void>;
}

/** Every subgraph must answer its own /readyz: a gateway in front of a dead subgraph is not ready. */
function subgraphReadiness(subgraphs: SubgraphEndpoint[]): ReadinessCheck[] {
  return subgraphs.map(({ name, url }) => ({
    name: `subgraph:${name}`,
    check: async () => {
      const res = await fetch(`${serviceBaseUrl(url)}/readyz`, { signal: AbortSignal.timeout(1_500) });
      await res.body?.cancel();
      if (res.status !== 200) throw new Error(`${name} /readyz answered ${res.status}`);
    },
  }));
}

/** Fixes the request and correlation ids once, so the context, proxies and response agree on them. */
const assignRequestIds: RequestHandler = (req, res, next) => {
  const ids = requestIds(req);
  req.headers[REQUEST_ID_HEADER] = ids.requestId;
  req.headers[CORRELATION_ID_HEADER] = ids.correlationId;
  res.setHeader(REQUEST_ID_HEADER, ids.requestId);
  next();
};

/** An empty CORS_ORIGINS allows no cross-origin caller; same-origin requests carry no Origin check. */
function corsPolicy(origins: string[]): RequestHandler {
  const allowed = new Set(origins);
  return cors({ origin: (origin, done) => done(null, origin !== undefined && allowed.has(origin)), maxAge: 600 });
}

function apolloPlugins(options: GatewayOptions, httpServer: Server, metrics: ServiceMetrics): ApolloServerPlugin<GatewayContext>[] {
  return [
    ApolloServerPluginDrainHttpServer({ httpServer }),
    // No cache hints anywhere: the default cache-control plugin only cost per-request work.
    ApolloServerPluginCacheControlDisabled(),
    options.config.SANDBOX ? ApolloServerPluginLandingPageLocalDefault({ embed: true, includeCookies: false }) : ApolloServerPluginLandingPageDisabled(),
    metricsPlugin(metrics),
    expensiveOperationLimit(options.config.EXPENSIVE_OPERATIONS_PER_MINUTE),
  ];
}

function createApollo(options: GatewayOptions, gateway: ApolloGateway, httpServer: Server, metrics: ServiceMetrics): ApolloServer<GatewayContext> {
  const { config } = options;
  return new ApolloServer<GatewayContext>({
    gateway,
    // registerShutdown owns SIGTERM/SIGINT (see packages/common/src/subgraph/server.ts).
    stopOnTerminationSignals: false,
    introspection: config.GRAPHQL_INTROSPECTION,
    csrfPrevention: true,
    includeStacktraceInErrorResponses: false,
    // Apollo's own guard against fragment fan-out; it also makes our rules run only on documents
    // that already passed graphql's specified rules.
    maxRecursiveSelections: true,
    validationRules: queryLimitRules({
      maxDepth: config.MAX_QUERY_DEPTH, maxAliases: config.MAX_QUERY_ALIASES, maxCost: config.MAX_QUERY_COST, maxRootFields: config.MAX_ROOT_FIELDS,
    }),
    formatError: formatLimitErrors(createErrorFormatter(options.logger)),
    plugins: apolloPlugins(options, httpServer, metrics),
  });
}

/**
 * @apollo/gateway reports usage to Apollo unless APOLLO_TELEMETRY_DISABLED is set when it is built: a
 * lab system sends nothing to a third party it was not told to (and the probe costs memory).
 */
function settleApolloTelemetry(enabled: boolean): void {
  if (!enabled && process.env.APOLLO_TELEMETRY_DISABLED === undefined) process.env.APOLLO_TELEMETRY_DISABLED = 'true';
}

/** What parseSupergraphWithoutLocations replaces: private in @apollo/gateway 2.14 (dist/index.js). */
interface SupergraphBuilding {
  config: { validateSupergraph?: boolean };
  createServices(subgraphs: ReturnType<Supergraph['subgraphsMetadata']>): void;
  createSchemaFromSupergraphSdl(supergraphSdl: string): { supergraph: Supergraph; supergraphSdl: string };
}

/**
 * @apollo/gateway parses the supergraph (at start and on every update) with token locations, and its
 * schemas keep every type's and field's AST node, so each node's Location and the whole token list
 * stayed for the life of the process: ~15,000 tokens, 2.5 MB of heap (bench/README.md, memory). The
 * same build from a document parsed without them; a gateway test checks that the method is there.
 */
export function parseSupergraphWithoutLocations(gateway: ApolloGateway): void {
  const building = gateway as unknown as SupergraphBuilding;
  if (typeof building.createSchemaFromSupergraphSdl !== 'function') throw new Error('@apollo/gateway no longer has createSchemaFromSupergraphSdl');
  building.createSchemaFromSupergraphSdl = (supergraphSdl) => {
    // As Apollo's own: validated outside production.
    const validateSupergraph = building.config.validateSupergraph ?? process.env.NODE_ENV !== 'production';
    const supergraph = Supergraph.build(parse(supergraphSdl, { noLocation: true }), { validateSupergraph });
    building.createServices(supergraph.subgraphsMetadata());
    return { supergraph, supergraphSdl };
  };
}

function createApolloGateway(options: GatewayOptions, subgraphs: SubgraphEndpoint[]): ApolloGateway {
  settleApolloTelemetry(options.config.APOLLO_TELEMETRY);
  const urls = Object.fromEntries(subgraphs.map((s) => [s.name, s.url]));
  const local = Object.fromEntries(subgraphs.flatMap((s) => (options.localSubgraphs?.[s.name] ? [[s.url, options.localSubgraphs[s.name]!]] : [])));
  const fetcher = createSubgraphFetcher({ maxSockets: options.config.SUBGRAPH_MAX_SOCKETS, timeoutMs: options.config.SUBGRAPH_TIMEOUT_MS, local });
  const gateway = new ApolloGateway({
    supergraphSdl: options.supergraphSdl,
    logger: options.logger,
    buildService: ({ name, url }) => {
      const target = urls[name] ?? resolveSubgraphUrl(name, url);
      // The subgraphs taking Upload arguments (federation.md §3.3): their fetches may carry a multipart stream.
      const uploadField = UPLOAD_FIELDS[name];
      if (uploadField) {
        return new UploadForwardingDataSource(name, target, options.internalTokenIssuer, fetcher).configureUploads({ timeoutMs: options.config.UPLOAD_TIMEOUT_MS, field: uploadField });
      }
      const delegates = (DELEGATIONS[name] ?? []).flatMap((to) => (urls[to] ? [{ name: to, url: urls[to] }] : []));
      return new SubgraphDataSource(name, target, options.internalTokenIssuer, fetcher, delegates);
    },
  });
  parseSupergraphWithoutLocations(gateway);
  return gateway;
}

/** The service root of subgraph `name`, if the supergraph has one. */
function serviceUrl(subgraphs: SubgraphEndpoint[], name: string): string | undefined {
  const found = subgraphs.find((s) => s.name === name);
  return found ? serviceBaseUrl(found.url) : undefined;
}

/** The GraphQL endpoint's chain: multipart uploads, JSON body, cheap limit checks, Apollo. */
function graphqlHandlers(options: GatewayOptions, apollo: ApolloServer<GatewayContext>, verifiers: Parameters<typeof multipartUploads>[1]): RequestHandler[] {
  const { config } = options;
  const precheck = limitPrecheck({
    maxDepth: config.MAX_QUERY_DEPTH, maxAliases: config.MAX_QUERY_ALIASES, maxRootFields: config.MAX_ROOT_FIELDS, maxTokens: config.MAX_QUERY_TOKENS,
  });
  const uploads = multipartUploads({ maxFileBytes: config.UPLOAD_MAX_FILE_BYTES, maxFiles: config.UPLOAD_MAX_FILES, maxRequestBytes: config.UPLOAD_MAX_REQUEST_BYTES }, verifiers);
  return [uploads, jsonBody(config.BODY_LIMIT), precheck, expressMiddleware(apollo, { context: createContextFactory(verifiers, options.logger) })];
}

/** Builds the gateway (Apollo started, routes mounted) without listening. */
export async function createGateway(options: GatewayOptions): Promise<GatewayServer> {
  const { config, logger } = options;
  const subgraphs = listSubgraphs(options.supergraphSdl).map(({ name, url }) => ({
    name, url: resolveSubgraphUrl(name, url, options.subgraphUrls, config.subgraphUrls),
  }));
  const metrics = options.metrics ?? createMetrics('gateway');
  const app = createHttpApp({ metrics, readiness: subgraphReadiness(subgraphs) });
  const httpServer = createServer(app);
  const gateway = createApolloGateway(options, subgraphs);
  const apollo = createApollo(options, gateway, httpServer, metrics);
  const verifiers = { userTokens: options.userTokens, apiTokens: options.apiTokens };
  const subscriptions = options.bus ? new LiveSubscriptions({ bus: options.bus, apollo, config, verifiers, logger }) : null;
  subscriptions?.register(gateway);
  options.beforeStart?.(gateway);
  await apollo.start();
  try {
    await subscriptions?.attach(httpServer);
  } catch (err) {
    await apollo.stop();
    throw err;
  }

  app.use(assignRequestIds, corsPolicy(config.CORS_ORIGINS));
  const graphql = graphqlHandlers(options, apollo, verifiers);
  // The API's own path first: every request to it would otherwise walk the proxies' routes below.
  app.all('/graphql', graphql);
  mountJwksProxy(app, options.authServiceUrl ?? config.AUTH_SERVICE_URL ?? serviceUrl(subgraphs, 'auth'), logger);
  mountExportsProxy(app, {
    samplesServiceUrl: options.samplesServiceUrl ?? config.SAMPLES_SERVICE_URL ?? serviceUrl(subgraphs, 'samples'),
    verifiers, issuer: options.internalTokenIssuer, logger,
  });
  mountFilesProxy(app, options.filesServiceUrl ?? config.FILES_SERVICE_URL ?? serviceUrl(subgraphs, 'files'), logger);
  mountIntakeProxy(app, {
    submissionServiceUrl: serviceUrl(subgraphs, 'submission'), samplesGraphqlUrl: subgraphs.find((s) => s.name === 'samples')?.url,
    verifiers, issuer: options.internalTokenIssuer, logger,
  });
  mountUnsubscribeProxy(app, serviceUrl(subgraphs, 'workflow'), logger);
  // MinKNOW sample sheets of pools and runs at stable URLs; the workflow service authorizes the caller.
  for (const route of ['/lab/pools/:id/sample-sheet.csv', '/lab/runs/:id/sample-sheet.csv']) {
    mountCallerProxy(app, { route, service: 'workflow', serviceUrl: serviceUrl(subgraphs, 'workflow'), what: 'sample sheet', verifiers, issuer: options.internalTokenIssuer, logger });
  }
  // With the dashboard served, browsers get it at / and the Sandbox at /sandbox; otherwise the Sandbox
  // opens at the root. /healthz, /readyz and /metrics were mounted first by createHttpApp and keep precedence.
  if (config.WEB_APP) mountWebApp(app, config.WEB_DIR, logger);
  // At the root and /sandbox after the dashboard, which answers browsers' page requests there.
  app.all(['/', '/sandbox'], graphql);
  app.use(httpErrorHandler(logger));

  return {
    app, httpServer, apollo, gateway, metrics, subgraphs, subscriptions,
    listen: (port, host) => listenHttp(httpServer, port, host),
    stop: async () => {
      // Sockets first: they would otherwise keep the HTTP server from closing.
      await subscriptions?.stop();
      await apollo.stop();
      await closeHttpServer(httpServer);
    },
  };
}
