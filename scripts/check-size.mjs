// Size budgets, checked from the built files (gzip -9), so CI fails when a change makes the
// elements heavier. "Initial load" is an entry plus every chunk it imports statically; chunks
// fetched on demand (the QR library, translations) are reported beside it, not counted.
//
// Two levels: `guard` is enforced (the measured size plus a small margin: a regression fails CI);
// `target` is issue 7's budget, reported until the elements are slim enough to enforce it.
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { dirname, join } from 'node:path';
import { esbuildMinifyLiterals } from './minify-literals.mjs';

const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

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

function cdnBundle() {
  const metafile = JSON.parse(readFileSync('dist/cdn/metafile.json', 'utf8'));
  return initialLoad(metafile, 'dist/cdn/mfa-elements.js', (f) => readFileSync(f));
}

async function elementAlone(entry) {
  const result = await build({
    entryPoints: { entry }, bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022',
    splitting: true, outdir: 'size-check', write: false, metafile: true, logLevel: 'silent', plugins: [esbuildMinifyLiterals],
  });
  const files = new Map(result.outputFiles.map((f) => [f.path.slice(process.cwd().length + 1), f.contents]));
  return initialLoad(result.metafile, 'size-check/entry.js', (f) => files.get(f));
}

const checks = [
  { what: 'single-file bundle (dist/cdn/mfa-elements.js)', size: cdnBundle(), guard: 44 * 1024, target: 20 * 1024 },
  { what: '<mfa-verify> alone with Lit', size: await elementAlone('src/define/mfa-verify.ts'), guard: 22 * 1024, target: 14 * 1024 },
];

let failed = 0;
for (const { what, size, guard, target } of checks) {
  const ok = size.bytes <= guard;
  if (!ok) failed++;
  console.log(
    `${ok ? 'ok  ' : 'OVER'} ${what}: ${size.bytes} B gzip initial load in ${size.files} file(s) ` +
      `(guard ${kb(guard)}; issue 7 target ${kb(target)}: ${size.bytes <= target ? 'met' : `${kb(size.bytes - target)} over`})` +
      (size.lazy.length ? `\n       on demand: ${size.lazy.join(', ')}` : ''),
  );
}
process.exit(failed ? 1 : 0);
