// How the shipped sizes are measured (gzip -9 of minified output), shared by the size check
// (npm run check:size, which enforces) and the benchmark (npm run bench, which reports).
// "Initial load" is an entry plus every chunk it imports statically; chunks fetched on demand (the
// QR library, translations) are listed beside it, not counted.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { esbuildMinifyLiterals } from '../minify-literals.mjs';

const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;

/** Sums the entry and its static-import closure; lists the dynamic imports it leaves out. */
function initialLoad(metafile, entryOut, read) {
  const seen = new Set();
  const lazy = new Set();
  const queue = [entryOut];
  let bytes = 0;
  while (queue.length) {
    const out = queue.shift();
    if (seen.has(out)) continue;
    seen.add(out);
    bytes += gz(read(out));
    for (const imp of metafile.outputs[out].imports) {
      // The bundle's QR library is an external file beside it (see build-bundle.mjs).
      const path = imp.external ? join(dirname(out), imp.path) : imp.path;
      if (!metafile.outputs[path]) continue;
      if (imp.kind === 'dynamic-import') lazy.add(path);
      else queue.push(imp.path);
    }
  }
  for (const out of seen) lazy.delete(out);
  return { bytes, files: seen.size, lazy: [...lazy].map((f) => `${f.split('/').pop()} ${gz(read(f))} B`) };
}

/** A script-tag file of dist/cdn/ (scripts/cdn-pages.mjs), as built by scripts/build-bundle.mjs. */
export function cdnPage(name) {
  const metafile = JSON.parse(readFileSync('dist/cdn/metafile.json', 'utf8'));
  return initialLoad(metafile, `dist/cdn/${name}.js`, (f) => readFileSync(f));
}

export const cdnBundle = () => cdnPage('mfa-elements');

/** An entry bundled on its own the way a bundler user gets it (minified, split, templates minified). */
export async function elementAlone(entry) {
  const result = await build({
    entryPoints: { entry }, bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022',
    splitting: true, outdir: 'size-check', write: false, metafile: true, logLevel: 'silent', plugins: [esbuildMinifyLiterals],
  });
  const files = new Map(result.outputFiles.map((f) => [f.path.slice(process.cwd().length + 1), f.contents]));
  return initialLoad(result.metafile, 'size-check/entry.js', (f) => files.get(f));
}

