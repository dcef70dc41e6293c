/**
 * Jest: two projects, compiled by SWC (type checking is tsc's, once, in `npm test`).
 * - unit: test/unit, plain functions over plain data; needs no database and no Redis.
 * - integration: test/pipeline and test/e2e on real Redis, a MongoDB-compatible server and the
 *   real transports; its global setup starts a private FerretDB unless MONGODB_URI is set.
 * - reliability: test/reliability, faults injected from outside (concurrent numbering, a
 *   database or Redis stopped mid-burst, a bot killed mid-burst, masking, fuzzing); same setup.
 */
const transform = { '^.+\\.ts$': ['@swc/jest', { jsc: { target: 'es2022' } }] };

module.exports = {
  testTimeout: 60000,
  maxWorkers: 2,
  projects: [
    {
      displayName: 'unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/unit'],
      testMatch: ['**/*.test.ts'],
      transform,
      testTimeout: 60000,
    },
    {
      displayName: 'integration',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/pipeline', '<rootDir>/test/e2e'],
      testMatch: ['**/*.test.ts'],
      transform,
      testTimeout: 60000,
      globalSetup: '<rootDir>/test/support/global-setup.js',
      globalTeardown: '<rootDir>/test/support/global-teardown.js',
    },
    {
      displayName: 'reliability',
      testEnvironment: 'node',
      roots: ['<rootDir>/test/reliability'],
      testMatch: ['**/*.test.ts'],
      transform,
      testTimeout: 180000,
      globalSetup: '<rootDir>/test/support/global-setup.js',
      globalTeardown: '<rootDir>/test/support/global-teardown.js',
    },
  ],
};
