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
  ],
};
