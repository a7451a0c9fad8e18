import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  InternalTokenIssuer, authKeySource, createBus, generateSigningKeyPair, runShutdown, startEmbeddedPostgres, startSubgraph,
  type EventBus, type Logger, type RunningSubgraph, type SigningKeyPair, type SubgraphModule,
} from '@app/common';
import { DEFAULT_SUPERGRAPH_PATH, HttpApiTokenResolver, createGateway, createUserTokenVerifier, loadGatewayConfig, type GatewayServer } from '@app/gateway';
import { lockDataDir } from './data-lock.js';
import { persistentSecret } from './secrets.js';
import { allSubgraphs } from './subgraphs.js';

export interface SystemOptions {
  logger: Logger;
  /** Folder for embedded data (database, keys, files, exports); null keeps everything in memory. */
  dataDir: string | null;
  /** Use this PostgreSQL server instead of the embedded one. */
  databaseUrl?: string;
  /** Use Redis Streams instead of the in-process bus. */
  redisUrl?: string;
  eventStream?: string;
  port?: number;
  host?: string;
  /** Extra environment for subgraph and gateway configuration (wins over process.env). */
  env?: Record<string, string | undefined>;
  now?: () => Date;
  subgraphs?: SubgraphModule<any, any>[];
  queryCounters?: Record<string, { count: number }>;
  /** Called with the gateway before it starts (e.g. to attach live subscriptions). */
  beforeGatewayStart?: Parameters<typeof createGateway>[0]['beforeStart'];
  /**
   * How the gateway reaches the subgraphs beside it: `memory` (default) hands each fetch to the
   * subgraph's Apollo server in this process; `http` goes over loopback as the distributed mode does.
   * Every subgraph still listens on its own port for direct calls either way.
   */
  subgraphTransport?: 'memory' | 'http';
  /** Key pair the gateway signs internal tokens with (default: generated); benchmarks pass one to call subgraphs directly. */
  gatewayKeys?: SigningKeyPair;
}

export interface RunningSystem {
  url: string;
  gateway: GatewayServer;
  subgraphs: Record<string, RunningSubgraph>;
  bus: EventBus;
  databaseUrl: string;
  stop(): Promise<void>;
}

/** Settings embedded mode supplies so a fresh checkout runs with no configuration at all. */
function embeddedEnv(dataDir: string | null, port: number): Record<string, string> {
  // In memory, each system gets its own scratch folder: a shared one let parallel systems race to create the same key file.
  const base = dataDir ?? mkdtempSync(join(tmpdir(), 'nanopore-system-'));
  const dir = (name: string) => join(base, name);
  return {
    AUTH_KEYS_DIR: dir('keys'),
    AUTH_GENERATE_ADMIN: 'true',
    FILES_DIR: dir('files'),
    EXPORT_DIR: dir('exports'),
    FILES_SIGNING_SECRET: persistentSecret(dataDir, 'files-signing-secret'),
    FILES_PUBLIC_URL: `http://localhost:${port}/files`,
    EMBEDDED: 'true',
  };
}

/** Starts the whole supergraph in this process: database, bus, seven subgraphs and the gateway. */
export async function startSystem(options: SystemOptions): Promise<RunningSystem> {
  const { logger } = options;
  const port = options.port ?? 4000;
  const env = { ...embeddedEnv(options.dataDir, port), ...process.env, ...options.env };
  // Two processes on one PGlite folder corrupt it: refuse before opening it.
  const lock = !options.databaseUrl && options.dataDir ? lockDataDir(options.dataDir) : null;
  const embedded = options.databaseUrl ? null : await startEmbeddedPostgres({ dataDir: options.dataDir ? join(options.dataDir, 'pg') : undefined })
    .catch((err: unknown) => { lock?.release(); throw err; });
  const databaseUrl = options.databaseUrl ?? embedded!.url;
  const bus: EventBus = createBus({ redisUrl: options.redisUrl, stream: options.eventStream ?? 'nanopore:events', logger });
  // Internal tokens live 60 s, so a key pair per process is enough; nothing to persist.
  const keys = options.gatewayKeys ?? await generateSigningKeyPair('embedded-gateway');
  const running: RunningSubgraph[] = [];
  const stopAll = async () => {
    await runShutdown([
      ...[...running].reverse().map((s) => ({ name: s.name, run: () => s.stop() })),
      { name: 'bus', run: () => bus.close() },
      ...(embedded ? [{ name: 'database', run: () => embedded.stop() }] : []),
      ...(lock ? [{ name: 'data lock', run: async () => lock.release() }] : []),
    ], logger);
  };
  try {
    // Subgraphs do not depend on each other to start, so they migrate and boot concurrently.
    const modules = options.subgraphs ?? allSubgraphs;
    const configs = modules.map((module) => module.loadConfig(env));
    const gatewayConfig = loadGatewayConfig({ ...env, EMBEDDED: 'true' });
    // Auth listens on a port chosen at start, so its key set is located when first needed.
    const authAddress: { url?: string } = {};
    const authTokens = { key: await authKeySource(gatewayConfig, () => authAddress.url), issuer: gatewayConfig.AUTH_ISSUER };
    const started = await Promise.allSettled(modules.map((module, i) => startSubgraph(module, {
      databaseUrl, bus, gatewayPublicKey: keys.publicKey, logger, config: configs[i],
      poolMax: embedded ? 2 : 5, introspection: true, now: options.now, queryCounter: options.queryCounters?.[module.name],
      relayIntervalMs: 250, authTokens,
    })));
    for (const result of started) if (result.status === 'fulfilled') running.push(result.value);
    const failed = started.find((r): r is PromiseRejectedResult => r.status === 'rejected');
    if (failed) throw failed.reason;
    const byName = Object.fromEntries(running.map((s) => [s.name, s]));
    authAddress.url = byName.auth?.url;
    const internalTokenIssuer = new InternalTokenIssuer(keys.privateKey);
    const authServiceUrl = byName.auth?.url;
    const gateway = await createGateway({
      config: gatewayConfig,
      supergraphSdl: readFileSync(gatewayConfig.SUPERGRAPH_PATH ?? DEFAULT_SUPERGRAPH_PATH, 'utf8'),
      subgraphUrls: Object.fromEntries(running.map((s) => [s.name, `${s.url}/graphql`])),
      internalTokenIssuer, logger: logger.child({ service: 'gateway' }), authServiceUrl, samplesServiceUrl: byName.samples?.url,
      filesServiceUrl: byName.files?.url, bus,
      userTokens: await createUserTokenVerifier(gatewayConfig, authServiceUrl),
      apiTokens: authServiceUrl ? new HttpApiTokenResolver({ authServiceUrl, issuer: internalTokenIssuer }) : undefined,
      beforeStart: options.beforeGatewayStart,
      localSubgraphs: options.subgraphTransport === 'http' ? undefined : Object.fromEntries(running.map((s) => [s.name, s.server.handleGraphQL])),
    });
    const url = await gateway.listen(port, options.host ?? '127.0.0.1');
    lock?.setUrl(url);
    return {
      url, gateway, subgraphs: byName, bus, databaseUrl,
      async stop() {
        await gateway.stop();
        await stopAll();
      },
    };
  } catch (err) {
    await stopAll();
    throw err;
  }
}
