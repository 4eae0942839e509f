// Mutation testing of the Node-side code against the Node tests (docs/mutation.md).
// `npm run mutation -- core` (or server, emulator) picks one folder; scripts/mutation.mjs sets it.
const folder = process.env.MUTATE_FOLDER ?? 'core';
const files = process.env.MUTATE_FILES ? process.env.MUTATE_FILES.split(',') : undefined;
// One name per run (the folder, or the folder and its one file): the report and the incremental
// record of a file-by-file run do not overwrite each other's (a line range `file.ts:1-99` is named `file.ts@1-99`:
// no colon in file names, which Windows checkouts refuse).
const runName = files?.length === 1 ? `${folder}/${files[0].replace(/^src\/[^/]+\//, '').replace(/\//g, '-').replace(/:/g, '@')}` : folder;

/** Which Node tests cover which folder: the server's tests run it against the real emulator. */
const TESTS = {
  core: ['test/core/*.node.test.ts'],
  // Named files first, in this order: a mutant runs its covering files one by one and stops at the
  // first failure, so the quick files that kill most mutants go first and the slow fuzz file last.
  // node-handler.ts (src/server) is also the emulator's adapter; its own tests live with the emulator's.
  server: [
    ...[
      'proxy', 'proxy-gate', 'proxy-flows', 'upstream-answers', 'answer-fields', 'validation', 'factor-list', 'rate-limit', 'hostile-upstream', 'malformed', 'proxy-source',
      'redis-limit-store', 'redis-limit-store-answers', 'redis-fleet', 'examples', 'proxy-source-nextjs',
    ].map((name) => `test/server/${name}.node.test.ts`),
    'test/emulator/node-handler.node.test.ts',
    'test/server/node-handler-edges.node.test.ts',
    'test/server/*.node.test.ts',
  ],
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
  mutate: files ?? [`src/${folder}/**/*.ts`, `!src/${folder}/**/index.ts`, '!src/emulator/cli.ts'],
  coverageAnalysis: 'perTest',
  // The machine is shared: one test runner (and the checker) at a time, under nice (scripts/mutation.mjs).
  concurrency: 1,
  // Kept in the repo: a later run re-tests only the mutants whose code or covering test files changed.
  incremental: true,
  incrementalFile: `test/mutation/incremental/${runName}.json`,
  timeoutMS: 20_000,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: `reports/mutation/${runName}.json` },
  htmlReporter: { fileName: `reports/mutation/${runName}.html` },
  tempDirName: `.stryker-tmp/${folder}`,
  ignorePatterns: ['dist', 'reports', '.test-results', 'examples/**/node_modules', 'demo/dist'],
  thresholds: { high: 90, low: 80, break: null },
};
