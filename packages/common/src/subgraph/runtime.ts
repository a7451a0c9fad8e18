import type { CryptoKey } from 'jose';
import type { EventBus } from '../events/bus.js';
import { InProcessBus } from '../events/in-process-bus.js';
import { RedisStreamsBus } from '../events/redis-bus.js';
import { OutboxRelay } from '../events/relay.js';
import { initOrm } from '../db/orm.js';
import { InternalTokenVerifier } from '../identity/internal-token.js';
import type { AuthTokenTrust } from '../identity/signature.js';
import type { Logger } from '../logger.js';
import { createMetrics } from '../metrics.js';
import type { BaseContext } from './context.js';
import type { SubgraphModule } from './module.js';
import { createSubgraphServer, type SubgraphServer } from './server.js';

export interface StartSubgraphOptions<Config> {
  databaseUrl: string;
  schema?: string;
  bus: EventBus;
  /** The gateway's public key, to verify internal tokens. */
  gatewayPublicKey: CryptoKey;
  /** Auth's keys and issuer, for subgraphs that verify tokens auth signs (e-signatures); absent when not configured. */
  authTokens?: AuthTokenTrust;
  logger: Logger;
  config: Config;
  port?: number;
  host?: string;
  poolMax?: number;
  introspection?: boolean;
  now?: () => Date;
  /** Counts SQL statements (tests and benchmarks). */
  queryCounter?: { count: number };
  relayIntervalMs?: number;
}

export interface RunningSubgraph {
  name: string;
  url: string;
  server: SubgraphServer;
  relay: OutboxRelay;
  orm: import('@mikro-orm/postgresql').MikroORM;
  stop(): Promise<void>;
}

/** Migrates, builds, starts background work and listens: one subgraph, ready to serve. */
export async function startSubgraph<Config, Ctx extends BaseContext>(module: SubgraphModule<Config, Ctx>, options: StartSubgraphOptions<Config>): Promise<RunningSubgraph> {
  const schema = options.schema ?? module.schema;
  const logger = options.logger.child({ subgraph: module.name });
  let relay: OutboxRelay | null = null;
  const orm = await initOrm({
    databaseUrl: options.databaseUrl, schema, entities: module.entities, migrations: module.migrations,
    poolMax: options.poolMax, logger, onCommit: (transaction) => relay?.kick(transaction), queryCounter: options.queryCounter,
  });
  relay = new OutboxRelay({ orm, schema, bus: options.bus, logger, intervalMs: options.relayIntervalMs, ownConnection: true, takeCommits: true });
  const now = options.now ?? (() => new Date());
  const parts = await module.build({ config: options.config, orm, schema, bus: options.bus, relay, logger, now, authTokens: options.authTokens });
  const metrics = createMetrics(module.name);
  const server = await createSubgraphServer<Ctx>({
    name: module.name, typeDefs: parts.typeDefs, resolvers: parts.resolvers, orm, logger, metrics,
    verifier: new InternalTokenVerifier(options.gatewayPublicKey, module.name),
    createContext: parts.createContext, routes: parts.routes, introspection: options.introspection,
    readiness: [
      { name: 'database', check: async () => { await orm.em.getConnection().execute('select 1'); } },
      { name: 'event-bus', check: () => options.bus.ping() },
    ],
  });
  relay.start();
  for (const task of parts.background ?? []) await task.start();
  const url = await server.listen(options.port ?? 0, options.host);
  logger.info({ url }, 'subgraph ready');
  const activeRelay = relay;
  return {
    name: module.name, url, server, relay: activeRelay, orm,
    async stop() {
      await server.stop();
      for (const task of [...(parts.background ?? [])].reverse()) await task.stop();
      await activeRelay.stop();
      await orm.close();
    },
  };
}

/** The bus a service uses: Redis Streams when REDIS_URL is set, else in-process. */
export function createBus(options: { redisUrl?: string; stream: string; logger: Logger }): EventBus {
  return options.redisUrl ? new RedisStreamsBus({ url: options.redisUrl, stream: options.stream, logger: options.logger }) : new InProcessBus(options.logger);
}
