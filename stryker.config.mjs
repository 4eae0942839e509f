// Mutation testing of the Node-side code against the Node tests (docs/mutation.md).
// `npm run mutation -- core` (or server, emulator, elements) picks one folder; scripts/mutation.mjs sets it.
import { readdirSync } from 'node:fs';
import { basename, join } from 'node:path';

const folder = process.env.MUTATE_FOLDER ?? 'core';

/** Which Node tests cover which folder: the server's tests run it against the real emulator. */
const TESTS = {
  core: ['test/core/*.node.test.ts'],
  // Named files first, in this order: a mutant runs its covering files one by one and stops at the
  // first failure, so the quick files that kill most mutants go first and the slow fuzz file last.
  // node-handler.ts (src/server) is also the emulator's adapter; its own tests live with the emulator's.
  server: [
    ...[
      'proxy', 'proxy-gate', 'proxy-flows', 'upstream-answers', 'answer-fields', 'validation', 'factor-list', 'rate-limit', 'hostile-upstream', 'malformed', 'proxy-source', 'my-account-routes', 'my-account-proxy',
      'redis-limit-store', 'redis-limit-store-answers', 'redis-fleet', 'examples', 'proxy-source-nextjs',
    ].map((name) => `test/server/${name}.node.test.ts`),
    'test/emulator/node-handler.node.test.ts',
    'test/server/node-handler-edges.node.test.ts',
    'test/server/*.node.test.ts',
  ],
  emulator: ['test/emulator/*.node.test.ts'],
  // The element logic that runs without a DOM: pure step transitions (`*.steps.ts`) and shared
  // helpers with Node tests; the rest of the elements is covered by the browser suites only.
  elements: ['test/elements/*.node.test.ts'],
};

// MUTATE_SKIP_TESTS (comma-separated file-name parts) leaves test files out of a run, e.g. `redis-fleet`,
// which fails dry runs above a load of 20 (docs/mutation.md) and cannot kill a mutant of any file but
// redis-limit-store.ts: its proxies run in child processes, where no mutant is active. Say so with the score.
const skip = process.env.MUTATE_SKIP_TESTS?.split(',').filter(Boolean) ?? [];
const expand = (pattern) => {
  if (!pattern.includes('*')) return [pattern];
  const dir = pattern.slice(0, pattern.lastIndexOf('/'));
  return readdirSync(dir).filter((n) => n.endsWith('.node.test.ts')).sort().map((n) => join(dir, n));
};
// MUTATE_FIRST_TESTS (comma-separated file-name parts) runs those test files first: for a file whose
// mutants few test files reach, its own tests kill most of them at once (a mutant stops at its first
// failing file). Order changes the time a run takes, not a verdict: a survivor still runs every file.
const first = process.env.MUTATE_FIRST_TESTS?.split(',').filter(Boolean) ?? [];
const named = (parts) => (f) => parts.some((s) => basename(f).includes(s));
let testFiles = TESTS[folder];
if (skip.length || first.length) {
  const all = [...new Set(testFiles.flatMap(expand))].filter((f) => !named(skip)(f));
  testFiles = [...all.filter(named(first)), ...all.filter((f) => !named(first)(f))];
}

/** What each folder mutates (index files only re-export). */
const MUTATE = {
  core: ['src/core/**/*.ts', '!src/core/**/index.ts'],
  server: ['src/server/**/*.ts', '!src/server/**/index.ts'],
  emulator: ['src/emulator/**/*.ts', '!src/emulator/**/index.ts', '!src/emulator/cli.ts'],
  elements: ['src/elements/**/*.steps.ts', 'src/i18n/on-demand.ts'],
};

/**
 * The TypeScript loader of each test process. scripts/ts-loader starts ~0.1 s faster than tsx (measured in
 * docs/mutation.md), which every mutant pays once per covering test file; checked on the core and
 * element Node tests. The server and emulator runs keep tsx until their tests are checked with it.
 */
const LIGHT = './scripts/ts-loader/register.mjs';
const LOADER = { core: LIGHT, elements: LIGHT, server: 'tsx', emulator: 'tsx' };

// MUTATE_FILES (comma-separated) narrows a run to some files of the folder. Each such run keeps its own
// report and incremental file, named after the files, so per-file runs add up to the folder's score
// (scripts/mutation-score.mjs) and a later run of the same files re-tests only what changed.
const files = process.env.MUTATE_FILES?.split(',').filter(Boolean);
// A line range `file.ts:1-99` is named `file@1-99`: no colon in file names, which Windows checkouts refuse.
const name = files ? `${folder}-${files.map((f) => basename(f).replace(/\.ts(?=:|$)/, '').replace(/:/g, '@')).join('+')}` : folder;

/** @type {import('@stryker-mutator/api/core').PartialStrykerOptions} */
export default {
  packageManager: 'npm',
  testRunner: 'tap',
  tap: {
    testFiles,
    // Each test file runs as `node --import <loader> file`; node:test reports TAP, which the runner reads.
    nodeArgs: ['--import', LOADER[folder], '-r', '{{hookFile}}', '--test-reporter=tap', '{{testFile}}'],
    forceBail: true,
  },
  checkers: ['typescript'],
  tsconfigFile: 'tsconfig.mutation.json',
  typescriptChecker: { prioritizePerformanceOverAccuracy: true },
  mutate: files ?? MUTATE[folder],
  coverageAnalysis: 'perTest',
  // The machine is shared: one test runner (plus the checker), and scripts/mutation.mjs runs under nice.
  concurrency: 1,
  // Added to 1.5 × a mutant's expected time (its covering test files take ~0.3–1.5 s): enough at a load
  // of 7 on 2 cores, while a mutant that loops forever (a poller that never waits) costs 10 s, not 20.
  timeoutMS: 10_000,
  // Incremental: a run reuses the previous results of mutants whose code and covering tests did not
  // change (`-- --force` re-tests all). Kept in the repo, so a fresh clone re-tests only what changed.
  incremental: true,
  incrementalFile: `test/mutation/incremental/${name}.json`,
  reporters: ['clear-text', 'progress', 'json'],
  jsonReporter: { fileName: `reports/mutation/${name}.json` },
  htmlReporter: { fileName: `reports/mutation/${name}.html` },
  tempDirName: `.stryker-tmp/${name}`,
  ignorePatterns: ['dist', 'reports', '.test-results', 'examples/**/node_modules', 'demo/dist'],
  thresholds: { high: 90, low: 80, break: null },
};
