// Size budgets, checked from the built files (gzip -9), so CI fails when a change makes the
// elements heavier than promised. Prints every figure it measures.
import { build } from 'esbuild';
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** The CDN bundle's entry chunk plus every chunk it imports statically, but not the lazy QR one. */
function cdnWithoutQr() {
  const dir = 'dist/cdn';
  const entry = readFileSync(join(dir, 'mfa-elements.js'));
  let total = gz(entry);
  const seen = new Set();
  const staticImports = (code) => [...code.toString().matchAll(/(?:^|[;}\s])import\s*(?:[\w{}\s,*$]+from\s*)?["'](\.\/chunks\/[^"']+)["']/g)].map((m) => m[1]);
  const queue = staticImports(entry);
  while (queue.length) {
    const file = queue.shift();
    if (seen.has(file)) continue;
    seen.add(file);
    const code = readFileSync(join(dir, file));
    total += gz(code);
    queue.push(...staticImports(code));
  }
  const chunks = readdirSync(join(dir, 'chunks')).filter((f) => f.endsWith('.js'));
  return { total, staticChunks: seen.size, lazyChunks: chunks.length - seen.size };
}

async function bundled(entry) {
  const result = await build({
    entryPoints: [entry], bundle: true, minify: true, format: 'esm', platform: 'browser',
    target: 'es2022', write: false, splitting: false, external: ['qrcode'],
  });
  return gz(result.outputFiles[0].contents);
}

const budgets = [];
const cdn = cdnWithoutQr();
budgets.push({ what: `single-file bundle without the QR chunk (${cdn.staticChunks} static, ${cdn.lazyChunks} lazy chunks)`, bytes: cdn.total, max: 20 * 1024 });
budgets.push({ what: '<mfa-verify> alone with Lit', bytes: await bundled('src/define/mfa-verify.ts'), max: 14 * 1024 });

let failed = 0;
for (const { what, bytes, max } of budgets) {
  const ok = bytes <= max;
  if (!ok) failed++;
  console.log(`${ok ? 'ok  ' : 'OVER'} ${what}: ${bytes} B gzip (${kb(bytes)}; budget ${kb(max)})`);
}
process.exit(failed ? 1 : 0);
