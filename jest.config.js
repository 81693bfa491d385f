// One `npm test` for every workspace. Unit tests (engine) are pure and fast; integration
// and browser tests share one real Postgres and one real Temporal server, started once by
// the global setup, and run serially (2 cores; one SQLite-backed Temporal dev server).
const swc = [
  '@swc/jest',
  {
    jsc: {
      parser: { syntax: 'typescript', tsx: true, decorators: true },
      transform: { legacyDecorator: true, decoratorMetadata: true, react: { runtime: 'automatic' } },
      target: 'es2022',
    },
    module: { type: 'commonjs' },
  },
];

module.exports = {
  projects: [
    {
      displayName: 'engine',
      testEnvironment: 'node',
      roots: ['<rootDir>/engine/src'],
      testMatch: ['**/*.test.ts'],
      transform: { '^.+\\.tsx?$': swc },
    },
    {
      // Pure unit tests of api code (strategies, parsers): no servers.
      displayName: 'api-unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/api/src'],
      testMatch: ['**/*.test.ts'],
      transform: { '^.+\\.tsx?$': swc },
    },
    {
      // Pure unit tests of the editor's graph logic (edits, clipboard, history, layout): no DOM.
      displayName: 'editor-unit',
      testEnvironment: 'node',
      roots: ['<rootDir>/editor/src'],
      testMatch: ['**/*.test.ts'],
      transform: { '^.+\\.tsx?$': swc },
      moduleNameMapper: { '^@firebreak/engine$': '<rootDir>/engine/src/index.ts' },
    },
    {
      // Integration (api) and browser (editor) tests against one real stack: embedded
      // PostgreSQL, a Temporal dev server, the api and the worker as processes from the
      // built code (npm test builds first). Serial: they share the servers.
      displayName: 'stack',
      testEnvironment: 'node',
      testMatch: ['<rootDir>/api/test/**/*.test.ts', '<rootDir>/editor/test/**/*.test.ts'],
      transform: { '^.+\\.tsx?$': swc },
      globalSetup: '<rootDir>/api/test/support/global-setup.ts',
      globalTeardown: '<rootDir>/api/test/support/global-teardown.ts',
    },
  ],
  // The stack tests share one Postgres and one Temporal server; two cores.
  maxWorkers: 1,
  // Stack tests wait on real servers (timers, restarts); unit tests finish in milliseconds anyway.
  testTimeout: 120000,
};
