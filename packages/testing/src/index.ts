export { createTestDatabase, type TestDatabase } from './database.js';
export { collectEvents, createTestBus, deleteTestStream, testStreamName, type CollectedEvents } from './bus.js';
export { waitFor } from './wait.js';
export { storedZip, workbookParts } from './zip.js';
export { captureLogger, testLogger } from './logger.js';
export { curlMultipart, type CurlAnswer, type CurlFile } from './multipart.js';
export { userPrincipal } from './principals.js';
export { createTestSigner, type TestSigner } from './signatures.js';
export { startTestSubgraph, type GraphQLResponse, type TestSubgraph, type TestSubgraphOptions } from './subgraph.js';
export {
  GatewayClient, PrivatePostgres, PrivateRedis, ServiceProcess, SUBGRAPHS, freePort, generateSecrets, probe, secretNeedles, startCommand, startDistributedSystem,
  type ClientUser, type DistributedOptions, type DistributedSecrets, type DistributedSystem, type ServiceSpec, type StartCommand, type SubgraphName,
} from './distributed/index.js';
