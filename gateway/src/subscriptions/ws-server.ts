import type { IncomingMessage, Server } from 'node:http';
import {
  GraphQLError, getOperationAST, parse, specifiedRules, validate, type DocumentNode, type ExecutionArgs, type GraphQLFormattedError,
  type GraphQLSchema,
} from 'graphql';
import { WebSocketServer } from 'ws';
import { useServer } from 'graphql-ws/use/ws';
import type { Context as WsContext } from 'graphql-ws';
import { ErrorCode, createErrorFormatter, type Logger } from '@app/common';
import type { CredentialVerifiers } from '../auth/principal.js';
import { clientInfo } from '../context.js';
import { formatLimitErrors, queryLimitRules, type QueryLimits } from '../limits/index.js';
import { authenticateConnection, delayUntil } from './connection-auth.js';
import type { Subscriber } from './gateway-queries.js';
import { hydratedFieldResolver } from './hydrate.js';
import { SharedExecutions } from './shared-execution.js';
import type { SubscriptionContext } from './workflow-fields.js';

/** Close codes: 4403 makes graphql-ws clients reconnect (re-running connectionParams, so a fresh token). */
export const CLOSE_FORBIDDEN = 4403;
/** "Service restart": not fatal for graphql-ws clients, which reconnect (possibly to another replica). */
export const CLOSE_RECONNECT = 1012;
/** A subscribe message is one query document; HTTP bodies have BODY_LIMIT, sockets this. */
const MAX_MESSAGE_BYTES = 256 * 1024;

export interface WsServerOptions {
  httpServer: Server;
  path: string;
  /** The executable schema, or null before the supergraph loaded. */
  schema: () => GraphQLSchema | null;
  verifiers: CredentialVerifiers;
  limits: QueryLimits;
  maxPerConnection: number;
  connectionInitTimeoutMs: number;
  /** 0: no limit. */
  maxLifetimeMs: number;
  /** Cross-origin browsers allowed to open sockets (same-origin always may). */
  allowedOrigins: string[];
  logger: Logger;
}

interface ConnectionState {
  subscriber: Subscriber;
  timers: NodeJS.Timeout[];
  active: Map<string, AbortController>;
}

type Extra = { live: ConnectionState };
type Ctx = WsContext<Record<string, unknown>, { socket: import('ws').WebSocket; request: IncomingMessage } & Partial<Extra>>;

const refuse = (message: string, code: string, extensions: Record<string, unknown> = {}) => [new GraphQLError(message, { extensions: { code, ...extensions } })];

/**
 * Browsers send Origin on the upgrade; a page on a foreign site must not ride a user's session.
 * Tokens travel in connection_init (never cookies) so this is defence in depth; non-browser
 * clients send no Origin.
 */
function originAllowed(req: IncomingMessage, allowed: string[]): boolean {
  const origin = req.headers.origin;
  if (!origin) return true;
  if (allowed.includes(origin)) return true;
  try {
    return new URL(origin).host === req.headers.host;
  } catch {
    return false;
  }
}

/** Parses and validates one subscribe message: subscriptions only, the same limits as HTTP. */
function prepare(schema: GraphQLSchema, query: string, operationName: string | null | undefined, limits: QueryLimits): { document: DocumentNode } | { errors: readonly GraphQLError[] } {
  let document: DocumentNode;
  try {
    document = parse(query, { maxTokens: 10_000 });
  } catch (err) {
    return { errors: refuse(err instanceof Error ? err.message : String(err), 'GRAPHQL_PARSE_FAILED') };
  }
  const operation = getOperationAST(document, operationName);
  if (!operation) return { errors: refuse('The document must name the operation to run', 'GRAPHQL_VALIDATION_FAILED') };
  if (operation.operation !== 'subscription') {
    return { errors: refuse(`Only subscriptions are served over WebSocket; send ${operation.operation} operations with HTTP POST /graphql`, 'BAD_REQUEST') };
  }
  const errors = validate(schema, document, [...specifiedRules, ...queryLimitRules(limits)]);
  // Labelled as Apollo labels HTTP validation errors, so the formatter lets them through.
  const labelled = errors.map((e) => (e.extensions.code ? e : new GraphQLError(e.message, { nodes: e.nodes, extensions: { code: 'GRAPHQL_VALIDATION_FAILED' } })));
  return labelled.length ? { errors: labelled } : { document };
}

/** The graphql-ws endpoint on the gateway's HTTP server: authenticates connections, admits subscriptions. */
export function startWsServer(options: WsServerOptions): { wss: WebSocketServer; executions: SharedExecutions; dispose(): Promise<void> } {
  const { logger } = options;
  const executions = new SharedExecutions();
  const format = formatLimitErrors(createErrorFormatter(logger));
  const formatAll = (errors: readonly GraphQLError[]): GraphQLFormattedError[] => errors.map((e) => format(e.toJSON(), e));
  const wss = new WebSocketServer({
    server: options.httpServer, path: options.path, maxPayload: MAX_MESSAGE_BYTES,
    verifyClient: ({ req }: { req: IncomingMessage }) => originAllowed(req, options.allowedOrigins),
  });

  const server = useServer<Record<string, unknown>, Extra>({
    connectionInitWaitTimeout: options.connectionInitTimeoutMs,
    // One payload execution per event and subscription key, not per subscriber.
    subscribe: executions.subscribe,
    onConnect: async (ctx: Ctx) => {
      let auth;
      try {
        auth = await authenticateConnection(ctx.connectionParams, options.verifiers);
      } catch (err) {
        // e.g. the key set or auth is unreachable: refuse with the retryable code rather than a fatal 4500.
        logger.warn({ err }, 'could not verify a subscription connection');
        return false;
      }
      if (!auth.ok) {
        logger.debug({ reason: auth.reason }, 'subscription connection refused');
        return false;
      }
      const { socket } = ctx.extra;
      const timers: NodeJS.Timeout[] = [];
      if (auth.expiresAt !== null) timers.push(setTimeout(() => socket.close(CLOSE_FORBIDDEN, 'Token expired'), delayUntil(auth.expiresAt)));
      if (options.maxLifetimeMs > 0) timers.push(setTimeout(() => socket.close(CLOSE_RECONNECT, 'Connection lifetime reached; reconnect'), options.maxLifetimeMs));
      ctx.extra.live = { subscriber: { principal: auth.principal, client: clientInfo(ctx.extra.request as never) }, timers, active: new Map() };
      return true;
    },
    onSubscribe: (ctx: Ctx, id, payload): ExecutionArgs | readonly GraphQLError[] => {
      const state = ctx.extra.live!;
      // graphql-ws lists this one already, and forgets a completed one as soon as the client says so.
      const others = Object.keys(ctx.subscriptions).length - 1;
      if (others >= options.maxPerConnection) {
        return refuse(`This connection already has ${others} subscriptions, the maximum (SUBSCRIPTIONS_MAX_PER_CONNECTION); complete one or open another connection`,
          ErrorCode.RATE_LIMITED, { limit: 'subscriptionsPerConnection', max: options.maxPerConnection });
      }
      const schema = options.schema();
      if (!schema) return refuse('Subscriptions are not available yet; retry shortly', 'BAD_REQUEST');
      const prepared = prepare(schema, payload.query, payload.operationName, options.limits);
      if ('errors' in prepared) return prepared.errors;
      const abort = new AbortController();
      state.active.set(id, abort);
      const contextValue: SubscriptionContext = { subscriber: state.subscriber, signal: abort.signal };
      return {
        schema, document: prepared.document, variableValues: payload.variables, operationName: payload.operationName,
        contextValue, fieldResolver: hydratedFieldResolver,
      };
    },
    onNext: (_ctx, _id, _payload, _args, result) => (result.errors ? { ...result, errors: formatAll(result.errors) } : undefined),
    onError: (_ctx, _id, _payload, errors) => formatAll(errors),
    onComplete: (ctx: Ctx, id) => {
      const state = ctx.extra.live;
      state?.active.get(id)?.abort();
      state?.active.delete(id);
    },
    onClose: (ctx: Ctx) => {
      const state = ctx.extra.live;
      if (!state) return;
      state.timers.forEach(clearTimeout);
      for (const abort of state.active.values()) abort.abort();
      state.active.clear();
    },
  }, wss);

  return { wss, executions, dispose: async () => { await server.dispose(); } };
}
