import { resolve } from 'node:path';
import { z } from 'zod';
import { createLogger, envPort, loadConfig, registerShutdown } from '@app/common';
import { startSystem } from './system.js';

// `npm start`: the whole supergraph in one process on embedded PostgreSQL, data under ./data.
const config = loadConfig(z.object({
  PORT: envPort(4000),
  HOST: z.string().default('127.0.0.1'),
  DATA_DIR: z.string().default('data'),
  LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
  DATABASE_URL: z.string().url().optional(),
  REDIS_URL: z.string().url().optional(),
}));
const logger = createLogger('embedded', { level: config.LOG_LEVEL });
const started = Date.now();
const system = await startSystem({
  logger, dataDir: resolve(config.DATA_DIR), port: config.PORT, host: config.HOST,
  databaseUrl: config.DATABASE_URL, redisUrl: config.REDIS_URL,
});
const shown = system.url.replace('127.0.0.1', 'localhost');
logger.info({ url: shown, readyInMs: Date.now() - started }, 'supergraph ready');
console.log(`\n  Nanopore tracking supergraph ready in ${((Date.now() - started) / 1000).toFixed(1)} s\n  Dashboard: ${shown}/   GraphiQL (offline): ${shown}/graphiql   Apollo Sandbox: ${shown}/sandbox\n`);
registerShutdown([{ name: 'system', run: () => system.stop() }], logger);
