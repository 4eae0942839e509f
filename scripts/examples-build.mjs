// Builds the framework examples (examples/vue, svelte, react, angular) with each framework's own
// tooling (Vite + its plugin; the Angular CLI's application builder) into examples/<fw>/dist, and
// stamps each dist with what it was built from, so that test/examples/* can tell a missing or
// stale build from a good one.
//
//   node scripts/examples-build.mjs [vue] [svelte] [react] [angular]     (all four by default)
//
// dist/build-stamp.json lists every input (the example's own files, every file of examples/shared
// (for all four: a config such as vite-base.ts is in no module graph), the library sources in its
// module graph, the package.json of every package it bundles or is built with, this script) with
// its SHA-256 at build time, and the built module that exports `mount`. For each input,
// dist/inputs/<n>.txt is a symlink to the live file: the test runner serves .txt as is (it would
// compile a .ts or rewrite a .js), so a test can hash the current content and compare.
import { spawn } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, symlinkSync, writeFileSync } from 'node:fs';
import { dirname, isAbsolute, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { inputFiles, sha256 } from './build-inputs.mjs';

const repo = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const self = relative(repo, fileURLToPath(import.meta.url));
const FRAMEWORKS = ['vue', 'svelte', 'react', 'angular'];
/** What the examples share (options.ts, example.css, vite-base.ts): an input of every example. */
const SHARED = join(repo, 'examples', 'shared');

/**
 * The packages that turn each example's sources into its dist (their versions change the output;
 * @angular/build pins its esbuild and vite exactly, vite takes a range of rolldown).
 */
const TOOLING = {
  vue: ['vite', 'rolldown', '@vitejs/plugin-vue', 'vue', '@vue/compiler-sfc'],
  svelte: ['vite', 'rolldown', '@sveltejs/vite-plugin-svelte', 'svelte'],
  react: ['vite', 'rolldown', '@vitejs/plugin-react', 'react', 'react-dom'],
  angular: ['@angular/cli', '@angular/build', '@angular/compiler-cli', '@angular/compiler', 'typescript'],
};

/** Folders of an example that are output or cache, never input. */
const NOT_INPUT = new Set(['dist', '.angular', 'node_modules']);

const toRepo = (abs) => relative(repo, abs).split(sep).join('/');
const walk = (dir) => inputFiles(dir, NOT_INPUT);

/** The package.json of the package a file belongs to (`…/node_modules/@scope/name/…`). */
function packageJsonOf(file) {
  const match = /^(.*[\\/]node_modules[\\/](?:@[^\\/]+[\\/])?[^\\/]+)[\\/]/.exec(file);
  const path = match && join(match[1], 'package.json');
  return path && existsSync(path) ? path : undefined;
}

/** Where Node would find `name` from `dir` (walking up through node_modules folders). */
function findPackageJson(name, dir) {
  for (let at = dir; ; at = dirname(at)) {
    const path = join(at, 'node_modules', name, 'package.json');
    if (existsSync(path)) return path;
    if (dirname(at) === at) throw new Error(`examples-build: ${name} is not installed (run npm ci)`);
  }
}

/** A module id from a bundler: a real file path, without query or virtual-module prefixes. */
function fileOf(id) {
  if (!id || id.startsWith('\0')) return undefined;
  const path = id.split('?')[0];
  return isAbsolute(path) && existsSync(path) ? path : undefined;
}

async function buildWithVite(fw, dir) {
  const { build } = await import('vite');
  const ids = new Set();
  let entry;
  await build({
    configFile: join(dir, 'vite.config.ts'),
    logLevel: 'warn',
    plugins: [
      {
        name: 'examples-build:collect',
        generateBundle(_options, bundle) {
          for (const id of this.getModuleIds()) ids.add(id);
          for (const chunk of Object.values(bundle)) {
            if (chunk.type === 'chunk' && chunk.isEntry && chunk.name === 'main') entry = chunk.fileName;
          }
        },
      },
    ],
  });
  if (!entry) throw new Error(`examples-build: ${fw} has no "main" entry chunk (see its vite.config.ts)`);
  return { entry, files: [...ids].map(fileOf).filter(Boolean) };
}

async function buildWithAngular(fw, dir) {
  const ng = join(findPackageJson('@angular/cli', dir), '..', 'bin', 'ng.js');
  await new Promise((done, fail) => {
    const child = spawn(process.execPath, [ng, 'build'], {
      cwd: dir,
      stdio: ['ignore', 'inherit', 'inherit'],
      env: { ...process.env, NG_CLI_ANALYTICS: 'false', NG_FORCE_TTY: 'false' },
    });
    child.on('error', fail);
    child.on('exit', (code) => (code === 0 ? done() : fail(new Error(`examples-build: ng build exited with ${code}`))));
  });
  const dist = join(dir, 'dist');
  // index.html names the entry (hashed); stats.json is esbuild's metafile (statsJson in angular.json).
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const entry = /<script src="([^"]+\.js)" type="module"><\/script>/.exec(html)?.[1];
  if (!entry) throw new Error('examples-build: no module script in examples/angular/dist/index.html');
  const stats = JSON.parse(readFileSync(join(dist, 'stats.json'), 'utf8'));
  const files = Object.keys(stats.inputs ?? {})
    .map((input) => fileOf(resolve(dir, input.replace(/^[a-z-]+:/, ''))))
    .filter(Boolean);
  return { entry, files };
}

/** Writes dist/build-stamp.json and dist/inputs/<n>.txt for what went into this build. */
function stamp(fw, dir, built, before) {
  const dist = join(dir, 'dist');
  const own = [...walk(dir), ...walk(SHARED)];
  const library = built.files.filter((f) => !f.includes(`${sep}node_modules${sep}`) && !f.startsWith(dir + sep));
  const bundled = built.files.map(packageJsonOf).filter(Boolean);
  const tooling = TOOLING[fw].map((name) => findPackageJson(name, dir));
  const paths = [...new Set([...own, ...library, ...bundled, ...tooling, join(repo, self)])].sort();
  mkdirSync(join(dist, 'inputs'), { recursive: true });
  const inputs = paths.map((abs, n) => {
    const link = `inputs/${n}.txt`;
    symlinkSync(relative(join(dist, 'inputs'), abs), join(dist, link));
    // The content the build read: hashed before it started, where that was done.
    return { path: toRepo(abs), link, sha256: before.get(abs) ?? sha256(abs) };
  });
  const record = { framework: fw, entry: built.entry, builtAt: new Date().toISOString(), inputs };
  writeFileSync(join(dist, 'build-stamp.json'), JSON.stringify(record, null, 2) + '\n');
  return inputs.length;
}

async function buildOne(fw) {
  const dir = join(repo, 'examples', fw);
  const started = performance.now();
  // Hash the sources before building, so that an edit during the build shows up as stale.
  const before = new Map([...walk(dir), ...walk(SHARED), ...walk(join(repo, 'src'))].map((f) => [f, sha256(f)]));
  const built = fw === 'angular' ? await buildWithAngular(fw, dir) : await buildWithVite(fw, dir);
  const count = stamp(fw, dir, built, before);
  const seconds = ((performance.now() - started) / 1000).toFixed(1);
  console.log(`examples/${fw}: built in ${seconds} s (entry dist/${built.entry}, ${count} inputs stamped)`);
}

const wanted = process.argv.slice(2);
for (const fw of wanted) {
  if (!FRAMEWORKS.includes(fw)) {
    console.error(`examples-build: unknown example "${fw}" (one of ${FRAMEWORKS.join(', ')})`);
    process.exit(2);
  }
}
const list = wanted.length ? wanted : FRAMEWORKS;
const started = performance.now();
// Angular builds in its own process: start it first and let the Vite builds run beside it.
const angular = list.includes('angular') ? buildOne('angular') : Promise.resolve();
let failed = false;
for (const fw of list.filter((f) => f !== 'angular')) {
  await buildOne(fw).catch((error) => {
    failed = true;
    console.error(`examples/${fw}: build failed\n`, error);
  });
}
await angular.catch((error) => {
  failed = true;
  console.error('examples/angular: build failed\n', error);
});
console.log(`examples: ${list.length} built in ${((performance.now() - started) / 1000).toFixed(1)} s`);
process.exit(failed ? 1 : 0);
