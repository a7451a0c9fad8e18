import {
  ANONYMOUS, InternalTokenIssuer, generateSigningKeyPair, startSubgraph, INTERNAL_TOKEN_HEADER,
  type AuthTokenTrust, type BaseContext, type ClientInfo, type EventBus, type Logger, type Principal, type RunningSubgraph, type SubgraphModule,
} from '@app/common';
import { createTestBus, deleteTestStream } from './bus.js';
import { createTestDatabase, type TestDatabase } from './database.js';
import { testLogger } from './logger.js';

export interface GraphQLResponse<T = Record<string, any>> {
  data?: T | null;
  errors?: { message: string; extensions?: Record<string, any>; path?: (string | number)[] }[];
}

export interface TestSubgraph {
  running: RunningSubgraph;
  db: TestDatabase;
  bus: EventBus;
  issuer: InternalTokenIssuer;
  /** Sends an operation straight to the subgraph as `principal`, with a valid internal token. */
  call<T = Record<string, any>>(query: string, variables?: Record<string, unknown>, principal?: Principal, client?: ClientInfo): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

export interface TestSubgraphOptions<Config> {
  env?: Record<string, string>;
  config?: Config;
  /** Share a bus (and database) with other subgraphs started in the same test. */
  bus?: EventBus;
  db?: TestDatabase;
  now?: () => Date;
  queryCounter?: { count: number };
  /** Keys the subgraph trusts for tokens auth signs (see `testSigner`). */
  authTokens?: AuthTokenTrust;
  /** Where the subgraph logs (e.g. `captureLogger().logger` to assert what was logged); default testLogger. */
  logger?: Logger;
}

/** Starts one subgraph on a fresh test database and the test bus, listening on a free port. */
export async function startTestSubgraph<Config, Ctx extends BaseContext>(module: SubgraphModule<Config, Ctx>, options: TestSubgraphOptions<Config> = {}): Promise<TestSubgraph> {
  const ownsDb = !options.db;
  const db = options.db ?? (await createTestDatabase());
  const ownBus = options.bus ? null : createTestBus(testLogger(module.name));
  const bus = options.bus ?? ownBus!;
  const keys = await generateSigningKeyPair('test-gateway');
  const issuer = new InternalTokenIssuer(keys.privateKey);
  const running = await startSubgraph(module, {
    databaseUrl: db.url, bus, gatewayPublicKey: keys.publicKey, logger: options.logger ?? testLogger(module.name),
    config: options.config ?? module.loadConfig({ ...options.env }), now: options.now, queryCounter: options.queryCounter, relayIntervalMs: 50,
    authTokens: options.authTokens,
  });
  return {
    running, db, bus, issuer,
    async call(query, variables = {}, principal = ANONYMOUS, client = { ip: '127.0.0.1', userAgent: 'jest' }) {
      const res = await fetch(`${running.url}/graphql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', [INTERNAL_TOKEN_HEADER]: await issuer.issue(module.name, principal, client) },
        body: JSON.stringify({ query, variables }),
      });
      return (await res.json()) as GraphQLResponse<any>;
    },
    async stop() {
      await running.stop();
      if (ownBus) {
        await ownBus.close();
        await deleteTestStream(ownBus.stream);
      }
      if (ownsDb) await db.drop();
    },
  };
}

