import { z } from 'zod';
import { dataServiceEnvSchema, envBoolean, envPort, loadConfig } from '../config.js';
import { importPublicKey } from '../identity/keys.js';
import { authKeySource } from '../identity/signature.js';
import { createLogger } from '../logger.js';
import { registerShutdown } from '../shutdown.js';
import type { BaseContext } from './context.js';
import type { SubgraphModule } from './module.js';
import { createBus, startSubgraph } from './runtime.js';

const processEnvSchema = dataServiceEnvSchema.extend({
  PORT: envPort(4001),
  DATABASE_SCHEMA: z.string().regex(/^[a-z_][a-z0-9_]*$/, 'must be a lower-case identifier').optional(),
  GRAPHQL_INTROSPECTION: envBoolean(false),
  // Verifying tokens auth signs (e-signatures in workflow): a static key, a JWKS URL or auth's address.
  AUTH_PUBLIC_KEY: z.string().min(1).optional(),
  AUTH_JWKS_URL: z.string().url().optional(),
  AUTH_SERVICE_URL: z.string().url().optional(),
  AUTH_ISSUER: z.string().min(1).default('nanopore-auth'),
});

/** Entry point of a subgraph running as its own process (distributed mode). */
export async function runSubgraphProcess<Config, Ctx extends BaseContext>(module: SubgraphModule<Config, Ctx>, env = process.env): Promise<void> {
  const base = loadConfig(processEnvSchema, env);
  const config = module.loadConfig(env);
  const logger = createLogger(module.name, { level: base.LOG_LEVEL });
  if (!base.REDIS_URL) logger.warn('REDIS_URL is not set: events stay inside this process');
  const bus = createBus({ redisUrl: base.REDIS_URL, stream: base.EVENT_STREAM, logger });
  const authConfigured = base.AUTH_PUBLIC_KEY || base.AUTH_JWKS_URL || base.AUTH_SERVICE_URL;
  const authTokens = authConfigured ? { key: await authKeySource(base, base.AUTH_SERVICE_URL), issuer: base.AUTH_ISSUER } : undefined;
  const running = await startSubgraph(module, {
    authTokens,
    databaseUrl: base.DATABASE_URL, schema: base.DATABASE_SCHEMA, bus, logger, config,
    gatewayPublicKey: await importPublicKey(base.INTERNAL_TOKEN_PUBLIC_KEY),
    port: base.PORT, host: base.HOST, poolMax: base.DATABASE_POOL_MAX, introspection: base.GRAPHQL_INTROSPECTION,
  });
  registerShutdown([
    { name: 'subgraph', run: () => running.stop() },
    { name: 'bus', run: () => bus.close() },
  ], logger);
}
