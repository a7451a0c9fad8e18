export { createTestDatabase, type TestDatabase } from './database.js';
export { createTestBus, deleteTestStream, testStreamName } from './bus.js';
export { waitFor } from './wait.js';
export { captureLogger, testLogger } from './logger.js';
