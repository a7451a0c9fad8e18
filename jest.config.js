// One jest run over every workspace; tests import workspace packages from source (no build needed).
const workspaces = {
  '^@app/common$': '<rootDir>/packages/common/src/index.ts',
  '^@app/testing$': '<rootDir>/packages/testing/src/index.ts',
  '^@app/gateway$': '<rootDir>/gateway/src/index.ts',
  '^@app/embedded$': '<rootDir>/apps/embedded/src/index.ts',
  '^@app/embedded/testing$': '<rootDir>/apps/embedded/src/testing/index.ts',
  '^@app/subgraph-(.*)$': '<rootDir>/subgraphs/$1/src/server.ts',
};

export default {
  testEnvironment: 'node',
  extensionsToTreatAsEsm: ['.ts'],
  moduleNameMapper: { ...workspaces, '^(\\.{1,2}/.*)\\.js$': '$1' },
  transform: { '^.+\\.ts$': ['ts-jest', { useESM: true, tsconfig: '<rootDir>/tsconfig.test.json' }] },
  testMatch: ['<rootDir>/{packages,apps,gateway,subgraphs,web}/**/test/**/*.test.ts', '<rootDir>/{schema,test}/**/*.test.ts'],
  // The distributed fault suite runs on its own (npm run test:faults, jest.faults.config.js).
  testPathIgnorePatterns: ['/node_modules/', '/dist/', '<rootDir>/test/faults/'],
  // Each file boots databases and servers; two at a time suits a 2-core machine.
  maxWorkers: 2,
  testTimeout: 60_000,
  slowTestThreshold: 20,
};
