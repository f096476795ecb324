/** Two projects: pure/server code under node, the pane under jsdom. */
const tsJest = [
  'ts-jest',
  { tsconfig: { module: 'CommonJS', moduleResolution: 'node10', jsx: 'react-jsx' } },
];

/**
 * numfmt 4.0.x publishes an `exports` map whose `require` target (`dist/index.cjs`)
 * is missing from its tarball, so a CommonJS `require('numfmt')` fails; its
 * `dist/index.js` is the CommonJS build. (TypeScript and webpack resolve through
 * the `default` condition and need nothing.)
 */
const moduleNameMapper = { '^numfmt$': '<rootDir>/node_modules/numfmt/dist/index.js' };

/** @type {import('jest').Config} */
module.exports = {
  // A PostgreSQL server for the run (unless PLUMBLINE_TEST_PG_URL is set), so store suites run on both engines.
  globalSetup: '<rootDir>/test/global-setup.ts',
  globalTeardown: '<rootDir>/test/global-teardown.ts',
  projects: [
    {
      displayName: 'node',
      testEnvironment: 'node',
      roots: ['<rootDir>/test'],
      testMatch: ['**/*.test.ts'],
      testPathIgnorePatterns: ['/test/ui/'],
      transform: { '^.+\\.tsx?$': tsJest },
      moduleNameMapper,
    },
    {
      // The pane in jsdom, talking to a real store over HTTP (jsdom gets Node's fetch). Whether core
      // itself runs in a browser is proven by test/core/runs-in-a-browser.test.ts: jsdom lends Node's require.
      displayName: 'pane',
      testEnvironment: '<rootDir>/test/taskpane/jsdom-with-fetch.js',
      roots: ['<rootDir>/test/taskpane'],
      testMatch: ['**/*.test.tsx'],
      setupFilesAfterEnv: ['<rootDir>/test/taskpane/testing-library-setup.ts'],
      transform: { '^.+\\.tsx?$': tsJest },
      moduleNameMapper,
    },
  ],
};
