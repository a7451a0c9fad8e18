import type { Server } from 'node:http';
import type { GraphQLSchema } from 'graphql';
import type { ApolloServer } from '@apollo/server';
import type { ApolloGateway } from '@apollo/gateway';
import type { EventBus, Logger } from '@app/common';
import type { CredentialVerifiers } from '../auth/principal.js';
import type { GatewayConfig } from '../config.js';
import type { GatewayContext } from '../context.js';
import type { BusFeed } from './bus-feed.js';
import { workflowFeed, type WorkflowLiveEvent } from './events.js';
import { extractionFeed } from './extraction-progress.js';
import { GatewayQueries } from './gateway-queries.js';
import { intakeFeed } from './intake-progress.js';
import { notificationFeed } from './notification-feed.js';
import { buildSubscriptionSchema, type LiveFeeds } from './schema.js';
import { CLOSE_RECONNECT, startWsServer } from './ws-server.js';

export { CLOSE_FORBIDDEN, CLOSE_RECONNECT } from './ws-server.js';
export { LIVE_GROUP } from './events.js';
export type { WorkflowLiveEvent } from './events.js';

export interface LiveSubscriptionsOptions {
  bus: EventBus;
  apollo: ApolloServer<GatewayContext>;
  config: GatewayConfig;
  verifiers: CredentialVerifiers;
  logger: Logger;
}

/** Counters for tests, the benchmark and operators. */
export interface LiveSubscriptionStats {
  connections: number;
  /** Samples with a live listener in this process, and dashboard feeds. */
  listeners: { samples: number; feeds: number };
  eventsReceived: number;
  /** Gateway executions (authorization, snapshots, hydrations), hydrations among them, and hydration requests answered by another subscriber's. */
  queries: { executed: number; hydrations: number; shared: number };
  /** Event payloads executed, and deliveries that reused another subscriber's (same document, variables, visibility). */
  payloads: { executed: number; shared: number };
}

/**
 * Live subscriptions hosted by the gateway (federation.md §2.5): graphql-ws on the gateway's own
 * port and path, executing a copy of the API schema whose subscription fields read the bus and
 * whose foreign fields are hydrated through the gateway as the subscriber.
 */
export class LiveSubscriptions {
  private readonly workflow: BusFeed<WorkflowLiveEvent>;
  private readonly feeds: Required<LiveFeeds>;
  private readonly queries: GatewayQueries;
  private schema: GraphQLSchema | null = null;
  private server: ReturnType<typeof startWsServer> | null = null;

  constructor(private readonly options: LiveSubscriptionsOptions) {
    this.workflow = workflowFeed(options.bus, options.logger);
    this.feeds = {
      notifications: notificationFeed(options.bus, options.logger),
      extractions: extractionFeed(options.bus, options.logger),
      intake: intakeFeed(options.bus, options.logger),
    };
    this.queries = new GatewayQueries(options.apollo, options.logger);
  }

  /** Must run before Apollo starts: `onSchemaLoadOrUpdate` does not replay the first load. */
  register(gateway: ApolloGateway): void {
    gateway.onSchemaLoadOrUpdate(({ apiSchema }) => {
      const reload = this.schema !== null;
      this.schema = buildSubscriptionSchema(apiSchema, this.workflow, this.queries, this.feeds);
      // Open operations were validated against the old schema: make clients resubscribe.
      if (reload) for (const socket of this.server?.wss.clients ?? []) socket.close(CLOSE_RECONNECT, 'Schema reloaded; reconnect');
    });
  }

  /** Starts reading the bus and accepting WebSocket connections on `httpServer`. */
  async attach(httpServer: Server): Promise<void> {
    const { config } = this.options;
    for (const feed of this.allFeeds()) await feed.start();
    this.server = startWsServer({
      httpServer, path: '/graphql', schema: () => this.schema, verifiers: this.options.verifiers, logger: this.options.logger,
      limits: { maxDepth: config.MAX_QUERY_DEPTH, maxAliases: config.MAX_QUERY_ALIASES, maxCost: config.MAX_QUERY_COST, maxRootFields: config.MAX_ROOT_FIELDS },
      maxPerConnection: config.SUBSCRIPTIONS_MAX_PER_CONNECTION,
      connectionInitTimeoutMs: config.SUBSCRIPTION_CONNECTION_INIT_TIMEOUT_MS,
      maxLifetimeMs: config.SUBSCRIPTION_MAX_LIFETIME_MS,
      allowedOrigins: config.CORS_ORIGINS,
    });
  }

  /** Closes every socket (1001, clients reconnect elsewhere) and the bus subscription. */
  async stop(): Promise<void> {
    const server = this.server;
    this.server = null;
    await server?.dispose();
    for (const feed of this.allFeeds()) await feed.stop();
  }

  stats(): LiveSubscriptionStats {
    return {
      connections: this.server?.wss.clients.size ?? 0,
      listeners: { samples: this.workflow.size.keys, feeds: this.workflow.size.all },
      eventsReceived: this.workflow.received,
      queries: this.queries.counts,
      payloads: { ...(this.server?.executions.counts ?? { executed: 0, shared: 0 }) },
    };
  }

  private allFeeds(): { start(): Promise<void>; stop(): Promise<void> }[] {
    return [this.workflow, ...Object.values(this.feeds)];
  }
}
