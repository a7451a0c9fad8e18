// The distributed fault suite: real processes on a private PostgreSQL and Redis, one file at a
// time (each starts ~10 processes). Needs `npm run build` first; `npm run test:faults`.
import base from './jest.config.js';

export default {
  ...base,
  testMatch: ['<rootDir>/test/faults/**/*.test.ts'],
  testPathIgnorePatterns: ['/node_modules/', '/dist/'],
  maxWorkers: 1,
  testTimeout: 300_000,
  slowTestThreshold: 120,
};
