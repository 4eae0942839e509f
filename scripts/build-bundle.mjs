// The single-file build for <script type="module"> use without a bundler: everything inlined
// (Lit included) except the QR code library, which stays a lazy chunk beside it and is fetched
// only when a QR code is drawn.
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';

const outdir = 'dist/cdn';
rmSync(outdir, { recursive: true, force: true });
const result = await build({
  entryPoints: { 'mfa-elements': 'src/index.ts' },
  outdir,
  bundle: true,
  splitting: true,
  format: 'esm',
  platform: 'browser',
  target: 'es2022',
  minify: true,
  sourcemap: true,
  legalComments: 'linked',
  chunkNames: 'chunks/[name]-[hash]',
  metafile: true,
  logLevel: 'warning',
});
// The size check reads which chunks load up front (static imports) and which on demand.
writeFileSync(`${outdir}/metafile.json`, JSON.stringify(result.metafile));
const outputs = Object.entries(result.metafile.outputs).filter(([file]) => file.endsWith('.js'));
for (const [file, meta] of outputs) console.log(`${file}  ${meta.bytes} bytes`);
