// Module hooks of scripts/ts-loader/register.mjs (they run in Node's loader thread).
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';

const CACHE = join(tmpdir(), `mfa-ts-loader-${process.getuid?.() ?? 'user'}`);
mkdirSync(CACHE, { recursive: true });

/** The compiler options that change emitted code (tsconfig.json); part of the cache key. */
const TSCONFIG = {
  compilerOptions: { target: 'ES2022', useDefineForClassFields: true, verbatimModuleSyntax: true },
};
const KEY = JSON.stringify(TSCONFIG) + 'v1';
let esbuild;

export async function resolve(specifier, context, next) {
  // `./x.js` written in TypeScript sources means `./x.ts` (moduleResolution: bundler).
  if (specifier.endsWith('.js') && context.parentURL?.endsWith('.ts') && /^\.{1,2}\//.test(specifier)) {
    const ts = new URL(specifier.slice(0, -3) + '.ts', context.parentURL);
    if (existsSync(fileURLToPath(ts))) return { url: ts.href, format: 'module', shortCircuit: true };
  }
  return next(specifier, context);
}

export async function load(url, context, next) {
  if (!url.startsWith('file:') || !url.endsWith('.ts')) return next(url, context);
  const path = fileURLToPath(url);
  const source = readFileSync(path, 'utf8');
  const hash = createHash('sha1').update(KEY).update(path).update(source).digest('hex');
  const cached = join(CACHE, `${hash}.mjs`);
  if (existsSync(cached)) return { format: 'module', source: readFileSync(cached, 'utf8'), shortCircuit: true };
  esbuild ??= await import('esbuild');
  const { code } = await esbuild.transform(source, {
    loader: 'ts',
    format: 'esm',
    target: 'es2022',
    sourcefile: path,
    sourcemap: 'inline',
    tsconfigRaw: TSCONFIG,
  });
  writeFileSync(cached, code);
  return { format: 'module', source: code, shortCircuit: true };
}
