export { startDistributedSystem, SUBGRAPHS, type DistributedOptions, type DistributedSystem, type SubgraphName } from './cluster.js';
export { GatewayClient, type ClientUser } from './client.js';
export { ServiceProcess, probe, type ServiceSpec } from './service.js';
export { startCommand, type StartCommand } from './start-command.js';
export { PrivatePostgres } from './postgres.js';
export { PrivateRedis } from './redis.js';
export { generateSecrets, secretNeedles, type DistributedSecrets } from './keys.js';
export { freePort } from './ports.js';
