import { readFileSync } from 'node:fs';
import { InternalTokenIssuer, RedisStreamsBus, createLogger, importPrivateKey, registerShutdown } from '@app/common';
import { HttpApiTokenResolver } from './auth/api-tokens.js';
import { createUserTokenVerifier } from './auth/user-tokens.js';
import { loadGatewayConfig } from './config.js';
import { createGateway } from './server.js';
import { listSubgraphs, resolveSubgraphUrl, serviceBaseUrl } from './subgraphs.js';

// Process entry of the distributed deployment: one gateway in front of seven subgraph processes.
const config = loadGatewayConfig();
const logger = createLogger('gateway', { level: config.LOG_LEVEL });
if (!config.INTERNAL_TOKEN_PRIVATE_KEY) throw new Error('INTERNAL_TOKEN_PRIVATE_KEY is required outside the embedded runner');

const supergraphSdl = readFileSync(config.SUPERGRAPH_PATH, 'utf8');
const auth = listSubgraphs(supergraphSdl).find((s) => s.name === 'auth');
const authServiceUrl = config.AUTH_SERVICE_URL ?? (auth ? serviceBaseUrl(resolveSubgraphUrl(auth.name, auth.url, config.subgraphUrls)) : undefined);
const internalTokenIssuer = new InternalTokenIssuer(await importPrivateKey(config.INTERNAL_TOKEN_PRIVATE_KEY));

// Live subscriptions need the subgraphs' events; every gateway process reads them all (ephemeral group).
const bus = config.REDIS_URL ? new RedisStreamsBus({ url: config.REDIS_URL, stream: config.EVENT_STREAM, logger }) : undefined;
if (!bus) logger.warn('REDIS_URL is not set: live subscriptions are off');

const gateway = await createGateway({
  config, supergraphSdl, internalTokenIssuer, logger, authServiceUrl, bus,
  userTokens: await createUserTokenVerifier(config, authServiceUrl),
  apiTokens: authServiceUrl ? new HttpApiTokenResolver({ authServiceUrl, issuer: internalTokenIssuer }) : undefined,
});
const url = await gateway.listen(config.PORT, config.HOST);
logger.info({ url, subgraphs: gateway.subgraphs.map((s) => s.name) }, 'gateway listening');
registerShutdown([
  { name: 'gateway', run: () => gateway.stop() },
  ...(bus ? [{ name: 'bus', run: () => bus.close() }] : []),
], logger);
