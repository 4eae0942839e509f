// Gzip size of each source module minified on its own (node scripts/bench/module-sizes.mjs [dir…]):
// a quick way to see where the bytes are while slimming. Sums overstate the bundle, which
// compresses modules together; use check:size for the real figures.
import { transformSync } from 'esbuild';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';

const walk = (dir) => readdirSync(dir).flatMap((n) => (statSync(join(dir, n)).isDirectory() ? walk(join(dir, n)) : [join(dir, n)]));
const dirs = process.argv.slice(2);
const files = (dirs.length ? dirs : ['src/core', 'src/elements']).flatMap(walk).filter((f) => f.endsWith('.ts'));
const rows = files.map((f) => {
  const { code } = transformSync(readFileSync(f, 'utf8'), { loader: 'ts', minify: true, format: 'esm', target: 'es2022' });
  return { f, min: code.length, gz: gzipSync(code, { level: 9 }).length };
});
rows.sort((a, b) => b.gz - a.gz);
for (const r of rows) console.log(`${String(r.gz).padStart(6)} gz ${String(r.min).padStart(7)} min  ${r.f}`);
console.log(`${String(rows.reduce((s, r) => s + r.gz, 0)).padStart(6)} gz in all (modules compressed one by one)`);
