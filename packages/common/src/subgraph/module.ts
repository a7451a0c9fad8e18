import type { Express } from 'express';
import type { DocumentNode } from 'graphql';
import type { Constructor } from '@mikro-orm/core';
import type { Migration } from '@mikro-orm/migrations';
import type { EntitySchema, MikroORM } from '@mikro-orm/postgresql';
import type { EventBus } from '../events/bus.js';
import type { OutboxRelay } from '../events/relay.js';
import type { Logger } from '../logger.js';
import type { AuthenticateMiddleware, SubgraphResolvers } from './server.js';
import type { BaseContext } from './context.js';
import type { AuthTokenTrust } from '../identity/signature.js';

/** Everything a subgraph is given to build itself; the same in embedded and distributed modes. */
export interface SubgraphDeps<Config> {
  config: Config;
  orm: MikroORM;
  /** The subgraph's Postgres schema (for raw SQL and the outbox). */
  schema: string;
  bus: EventBus;
  relay: OutboxRelay;
  logger: Logger;
  /** Injectable clock, so tests can move time (lockouts, SLAs). */
  now: () => Date;
  /** Auth's keys and issuer, to verify tokens auth signs (e-signatures); absent when not configured. */
  authTokens?: AuthTokenTrust;
}

/** A long-running part of a subgraph: an event consumer, a scheduler. */
export interface BackgroundTask {
  name: string;
  start(): Promise<void>;
  stop(): Promise<void>;
}

/** What a subgraph's `build` returns: its contract, resolvers and extras. */
export interface SubgraphParts<Ctx extends BaseContext> {
  typeDefs: DocumentNode;
  resolvers: SubgraphResolvers;
  createContext: (base: BaseContext) => Ctx | Promise<Ctx>;
  routes?: (app: Express, authenticate: AuthenticateMiddleware) => void;
  background?: BackgroundTask[];
}

/** A subgraph as a unit the runtime can start anywhere. */
export interface SubgraphModule<Config = unknown, Ctx extends BaseContext = BaseContext> {
  name: string;
  /** Default Postgres schema name. */
  schema: string;
  entities: EntitySchema<any, any>[];
  migrations: Constructor<Migration>[];
  /** Parses the subgraph's own configuration (beyond the shared data-service variables). */
  loadConfig(env: Record<string, string | undefined>): Config;
  build(deps: SubgraphDeps<Config>): Promise<SubgraphParts<Ctx>> | SubgraphParts<Ctx>;
}
