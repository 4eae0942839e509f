// Mutation testing of the Node-side code against the Node tests (docs/mutation.md).
// `npm run mutation -- core` (or server, emulator) picks one folder; scripts/mutation.mjs sets it.
const folder = process.env.MUTATE_FOLDER ?? 'core';

/** Which Node tests cover which folder: the server's tests run it against the real emulator. */
const TESTS = {
  core: ['test/core/*.node.test.ts'],
  server: ['test/server/*.node.test.ts'],
  emulator: ['test/emulator/*.node.test.ts'],
};

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'tap',
  tap: {
    testFiles: TESTS[folder],
    // Each test file runs as `node --import tsx file`; node:test reports TAP, which the runner reads.
    nodeArgs: ['--import', 'tsx', '-r', '{{hookFile}}', '--test-reporter=tap', '{{testFile}}'],
    forceBail: true,
  },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.mutation.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  // MUTATE_FILES (comma-separated) narrows a run to some files of the folder, for a quicker look.
  mutate: process.env.MUTATE_FILES
    ? process.env.MUTATE_FILES.split(',')
    : [`src/${folder}/**/*.ts`, `!src/${folder}/**/index.ts`, '!src/emulator/cli.ts'],
  coverageAnalysis: 'perTest',
  // The machine is shared: two processes at most (scripts/mutation.mjs also runs under nice).
  concurrency: 2,
  timeoutMS: 20_000,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: `reports/mutation/${folder}.json` },
  htmlReporter: { fileName: `reports/mutation/${folder}.html` },
  tempDirName: `.stryker-tmp/${folder}`,
  ignorePatterns: ['dist', 'reports', '.test-results', 'examples/**/node_modules', 'demo/dist'],
  thresholds: { high: 90, low: 80, break: null },
};
