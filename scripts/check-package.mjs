// The package as users get it: packs the tarball, checks what is in it, installs it into an empty
// project and type-checks and builds every example there against the installed package (no alias
// to src/: the examples are copied out of the repository, where vite-base.ts finds no source).
//
//   node scripts/check-package.mjs [--no-build] [--keep]      (npm run check:package)
//
// --no-build reuses dist/ (CI has just run `npm run build`); --keep leaves the temp project.
// The temp project installs the tarball and the examples' tooling at the versions this repository
// has installed, preferring npm's cache (filled by `npm ci`), so it works offline once CI has run.
import { execFileSync, spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const repo = resolve(fileURLToPath(new URL('..', import.meta.url)));
const args = new Set(process.argv.slice(2));
const started = performance.now();
const failures = [];
let passed = 0;
const seconds = () => `${((performance.now() - started) / 1000).toFixed(0)} s`;
const pass = (message) => {
  passed++;
  console.log(`ok   ${message} (${seconds()})`);
};
const fail = (message) => {
  failures.push(message);
  console.error(`FAIL ${message}`);
};

/** Runs a command, printing its output only when it fails; true when it exited 0. */
function run(what, command, argv, options = {}) {
  const result = spawnSync(command, argv, { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024, ...options, env: { ...process.env, ...options.env } });
  if (result.status === 0) {
    pass(what);
    return true;
  }
  fail(`${what}\n${result.stdout ?? ''}${result.stderr ?? ''}${result.error ?? ''}`);
  return false;
}

/** The examples' tooling, at the versions installed here (so npm's cache has them). */
const TOOLING = {
  all: ['typescript', 'vite', '@types/node'],
  vue: ['vue', '@vitejs/plugin-vue', 'vue-tsc'],
  svelte: ['svelte', '@sveltejs/vite-plugin-svelte', 'svelte-check'],
  react: ['react', 'react-dom', '@types/react', '@types/react-dom', '@vitejs/plugin-react'],
  angular: [
    '@angular/build', '@angular/cli', '@angular/common', '@angular/compiler', '@angular/compiler-cli',
    '@angular/core', '@angular/platform-browser', 'rxjs', 'tslib',
  ],
  nextjs: ['next', '@auth0/nextjs-auth0'],
};
const installed = (name) => JSON.parse(readFileSync(join(repo, 'node_modules', name, 'package.json'), 'utf8')).version;

// How each example is type-checked: from its entry module through everything it imports, single-file
// components included (vue-tsc for .vue, svelte-check for .svelte, tsc for React and the aliases).
const typecheck = {
  vue: { files: ['vue/src/main.ts'], checker: ['vue-tsc', 'bin/vue-tsc.js'] },
  svelte: { files: ['svelte/src/main.ts'], checker: ['svelte-check', 'bin/svelte-check'] },
  react: { files: ['react/src/main.tsx'], jsx: 'react-jsx' },
  aliases: { files: ['aliases.ts'], types: ['node'] },
};

// 1. Build and pack.
if (!args.has('--no-build')) {
  if (!run('npm run build', 'npm', ['run', 'build'], { cwd: repo })) process.exit(1);
}
const work = mkdtempSync(join(tmpdir(), 'mfa-package-'));
const packed = JSON.parse(execFileSync('npm', ['pack', '--json', '--pack-destination', work], { cwd: repo, encoding: 'utf8' }))[0];
const tarball = join(work, packed.filename);
const files = new Set(packed.files.map((f) => f.path));
console.log(`ok   npm pack: ${packed.filename}, ${files.size} files, ${(packed.size / 1024).toFixed(0)} KB packed, ${(packed.unpackedSize / 1024).toFixed(0)} KB unpacked (${seconds()})`);

// 2. What is in the tarball.
const dead = [...files].filter((f) => f.endsWith('.d.ts.map') || f === 'dist/cdn/metafile.json' || (f.startsWith('docs/') && f !== 'docs/emulator.md'));
if (dead.length) fail(`files users do not need are in the tarball: ${dead.join(', ')}`);
if (!files.has('LICENSE')) fail('the tarball has no LICENSE');
const manifest = JSON.parse(readFileSync(join(repo, 'custom-elements.json'), 'utf8'));
const missing = manifest.modules.map((m) => m.path).filter((path) => !files.has(path));
if (missing.length) fail(`custom-elements.json names modules that are not in the package: ${missing.join(', ')}`);
const srcRefs = JSON.stringify(manifest).match(/"module":\s*"\/?src\/[^"]*"/g);
if (srcRefs) fail(`custom-elements.json refers to sources that are not shipped: ${[...new Set(srcRefs)].join(', ')}`);
if (!dead.length && !missing.length && !srcRefs && files.has('LICENSE')) pass(`tarball contents: LICENSE, no dead files, ${manifest.modules.length} manifest modules all shipped`);

// 3. The linters of packages, on that same tarball (attw: the package is ESM only, so CommonJS
// and node10 resolutions are not its users').
run('publint --strict', join(repo, 'node_modules', '.bin', 'publint'), ['--strict', tarball], { cwd: repo });
run('attw --profile esm-only', join(repo, 'node_modules', '.bin', 'attw'), [tarball, '--profile', 'esm-only', '--format', 'ascii'], { cwd: repo });

// 4. An empty project that installs the tarball and the examples' tooling.
const project = join(work, 'app');
cpSync(join(repo, 'examples'), join(project, 'examples'), {
  recursive: true,
  filter: (src) => !/[\\/](dist|node_modules|\.angular|\.next|next-env\.d\.ts)$/.test(src),
});
// What `vite` (serve) puts behind the examples in this repository is its emulator and demo server
// (examples/shared/dev-backend.ts), which a copied-out example has not: as in a user's app, there
// is no backend module, only an empty stand-in so the config's (unused) import resolves.
writeFileSync(join(project, 'examples', 'shared', 'dev-backend.ts'), '// Not in a copied-out example: the repository\'s own dev backend.\nexport const exampleBackend: (() => import(\'vite\').Plugin) | undefined = undefined;\n');
const devDependencies = Object.fromEntries(Object.values(TOOLING).flat().sort().map((name) => [name, installed(name)]));
writeFileSync(join(project, 'package.json'), JSON.stringify({ name: 'mfa-elements-user', private: true, type: 'module', dependencies: { 'mfa-elements': `file:${tarball}` }, devDependencies }, null, 2));
const installOk = run('npm install of the tarball and the examples\' tooling', 'npm', ['install', '--prefer-offline', '--no-audit', '--no-fund', '--loglevel=error'], {
  cwd: project,
  env: { PUPPETEER_SKIP_DOWNLOAD: '1' },
});

if (installOk) {
  const bin = (pkg, path) => join(project, 'node_modules', pkg, path);
  const pkgRoot = join(project, 'node_modules', 'mfa-elements');
  if (existsSync(join(pkgRoot, 'src'))) fail('the installed package has a src/ folder');

  // 5. Node: the server-side entries load, under their new and their old names.
  const nodeCheck = `
    const names = ['mfa-elements/core.js', 'mfa-elements/core', 'mfa-elements/server.js', 'mfa-elements/server',
      'mfa-elements/emulator.js', 'mfa-elements/emulator', 'mfa-elements/react.js', 'mfa-elements/react'];
    for (const name of names) await import(name);
    const { createEmulator } = await import('mfa-elements/emulator.js');
    const { createMfaProxy } = await import('mfa-elements/server');
    const { MfaApiSource } = await import('mfa-elements/core');
    if (typeof createEmulator !== 'function' || typeof createMfaProxy !== 'function' || typeof MfaApiSource !== 'function') throw new Error('an export is missing');
    const manifest = await import('mfa-elements/custom-elements.json', { with: { type: 'json' } });
    if (!manifest.default.modules.length) throw new Error('empty manifest');`;
  run('Node imports the server, emulator and core entries (.js names and the old ones)', process.execPath, ['--input-type=module', '-e', nodeCheck], { cwd: project });

  // 6. Types: each example's modules, the package's own declarations included (skipLibCheck off).
  writeFileSync(
    join(project, 'examples', 'aliases.ts'),
    `// The names of 0.1.0 still resolve, to the same types as the .js names.
import type { MfaSource as A } from 'mfa-elements/core';
import type { MfaSource as B } from 'mfa-elements/core.js';
import type { createMfaProxy } from 'mfa-elements/server';
import type { createEmulator } from 'mfa-elements/emulator';
import type {} from 'mfa-elements/react';
import type {} from 'mfa-elements/vue';
import type {} from 'mfa-elements/svelte';
import type { MfaVerify } from 'mfa-elements/cdn/mfa-elements.js';
export type Same = [A extends B ? true : false, B extends A ? true : false, typeof createMfaProxy, typeof createEmulator, MfaVerify];
`,
  );
  for (const [fw, { files: entry, jsx, types = [], checker = ['typescript', 'bin/tsc'] }] of Object.entries(typecheck)) {
    const config = {
      compilerOptions: {
        target: 'ES2022', module: 'ESNext', moduleResolution: 'bundler', lib: ['ES2022', 'DOM', 'DOM.Iterable'],
        strict: true, noEmit: true, skipLibCheck: false, types, verbatimModuleSyntax: true, ...(jsx ? { jsx } : {}),
      },
      files: entry,
      ...(fw === 'svelte' ? { include: ['svelte/src/**/*.svelte'] } : {}),
    };
    const tsconfig = `tsconfig.${fw}.json`;
    writeFileSync(join(project, 'examples', tsconfig), JSON.stringify(config, null, 2));
    const argv = fw === 'svelte'
      ? ['--workspace', 'svelte', '--tsconfig', join(project, 'examples', tsconfig), '--fail-on-warnings', '--output', 'human']
      : ['-p', tsconfig];
    run(`${checker[0]}: examples/${fw} against the installed package`, process.execPath, [bin(...checker), ...argv], { cwd: join(project, 'examples') });
  }

  // 7. Builds: Vite for Vue, Svelte and React; the Angular CLI (AOT, strict templates: its type check too).
  const angularConfig = join(project, 'examples', 'angular', 'tsconfig.json');
  const angularTs = JSON.parse(readFileSync(angularConfig, 'utf8'));
  delete angularTs.compilerOptions.paths; // the repository's mapping to src/: a user has none
  writeFileSync(angularConfig, JSON.stringify(angularTs, null, 2));
  for (const fw of ['vue', 'svelte', 'react']) {
    const dir = join(project, 'examples', fw);
    if (run(`vite build: examples/${fw}`, process.execPath, [bin('vite', 'bin/vite.js'), 'build', '--logLevel', 'error'], { cwd: dir })) {
      checkBuilt(fw, join(dir, 'dist'));
    }
  }
  const ngDir = join(project, 'examples', 'angular');
  if (run('ng build: examples/angular', process.execPath, [bin('@angular/cli', 'bin/ng.js'), 'build'], { cwd: ngDir, env: { NG_CLI_ANALYTICS: 'false', NG_FORCE_TTY: 'false' } })) {
    checkBuilt('angular', join(ngDir, 'dist'));
  }
  // Next.js: next.config.ts finds no source here, so the build resolves the installed package; then
  // the example's own tsconfig (the type check the build skips) without the mapping to src/.
  const nextDir = join(project, 'examples', 'nextjs');
  const nextConfig = join(nextDir, 'tsconfig.json');
  const nextTs = JSON.parse(readFileSync(nextConfig, 'utf8'));
  delete nextTs.compilerOptions.paths;
  nextTs.exclude = [...(nextTs.exclude ?? []), 'serve.ts']; // the repository's runner, built on its src/
  writeFileSync(nextConfig, JSON.stringify(nextTs, null, 2));
  if (run('next build: examples/nextjs', process.execPath, [bin('next', 'dist/bin/next'), 'build', '--webpack'], { cwd: nextDir, env: { NEXT_TELEMETRY_DISABLED: '1' } })) {
    checkBuilt('nextjs', join(nextDir, '.next', 'static'));
    run('tsc: examples/nextjs against the installed package', process.execPath, [bin('typescript', 'bin/tsc'), '-p', 'tsconfig.json'], { cwd: nextDir });
  }
}

/** The build holds the elements: with no source in the temp project, they came from the installed package. */
function checkBuilt(fw, dist) {
  const js = execFileSync('find', [dist, '-name', '*.js'], { encoding: 'utf8' }).trim().split('\n').filter(Boolean);
  const text = js.map((file) => readFileSync(file, 'utf8')).join('\n');
  if (!text.includes('mfa-verify') || !text.includes('mfa-enrollment')) fail(`examples/${fw}: the built files do not define the elements`);
  else pass(`examples/${fw}: dist/ defines the elements (${js.length} .js files)`);
}

if (!args.has('--keep')) rmSync(work, { recursive: true, force: true });
else console.log(`kept ${work}`);
console.log(`package check: ${passed} passed, ${failures.length} failed in ${seconds()}`);
// For CI's closing line (scripts/totals.mjs): each check above is one result.
mkdirSync(join(repo, '.test-results'), { recursive: true });
writeFileSync(join(repo, '.test-results', 'package.json'), JSON.stringify({ passed, failed: failures.length, failures: failures.map((f) => `package: ${f.split('\n')[0]}`) }));
process.exit(failures.length ? 1 : 0);
