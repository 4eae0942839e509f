// The single-file build for <script type="module"> use without a bundler: one file with everything
// (Lit, both data sources, every element, English text) and, beside it, files fetched only on
// demand: the QR code library (when a QR code is drawn) and the translation tables (when an
// element meets that language). The on-demand files import nothing the main file has, so
// mfa-elements.js needs no other file to start.
import { build } from 'esbuild';
import { rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { esbuildMinifyLiterals } from './minify-literals.mjs';

const outdir = 'dist/cdn';
const QR_FILE = 'mfa-qrcode.js';
const common = { bundle: true, format: 'esm', platform: 'browser', target: 'es2022', minify: true, charset: 'utf8', sourcemap: true, legalComments: 'linked', logLevel: 'warning' };

rmSync(outdir, { recursive: true, force: true });
const main = await build({
  ...common,
  entryPoints: { 'mfa-elements': 'src/index.ts' },
  outdir,
  // Splitting only for the lazy translation tables; the QR library is built on its own below so it
  // does not share esbuild's CommonJS helpers with the main file through a third chunk.
  splitting: true,
  chunkNames: 'locales/[name]-[hash]',
  metafile: true,
  plugins: [esbuildMinifyLiterals, {
    name: 'qrcode-beside',
    setup(b) { b.onResolve({ filter: /^qrcode$/ }, () => ({ path: `./${QR_FILE}`, external: true })); },
  }, {
    // Elements that load a part on demand when used alone have it inline here (see the loader).
    name: 'inline-on-demand-parts',
    setup(b) {
      b.onResolve({ filter: /-loader\.js$/ }, (args) => ({ path: join(args.resolveDir, args.path.replace(/\.js$/, '.bundled.ts')) }));
    },
  }],
});
// The elements call only `create` (they draw the SVG themselves): the QR file is qrcode's encoder,
// without the canvas and SVG-string renderers of its browser entry (let alone its Node ones).
const qr = await build({
  ...common,
  stdin: { contents: "export { create } from 'qrcode/lib/core/qrcode.js';", resolveDir: '.', sourcefile: 'mfa-qrcode.js' },
  outfile: `${outdir}/${QR_FILE}`,
  metafile: true,
});

const outputs = { ...main.metafile.outputs, ...qr.metafile.outputs };
// The size check reads which files load up front (static imports) and which on demand.
writeFileSync(`${outdir}/metafile.json`, JSON.stringify({ inputs: {}, outputs }));
// The bundle exports what the package's main entry does: its types are those of dist/types/index.d.ts.
writeFileSync(`${outdir}/mfa-elements.d.ts`, "export * from '../types/index.js';\n");
for (const [file, meta] of Object.entries(outputs)) if (file.endsWith('.js')) console.log(`${file}  ${meta.bytes} bytes`);
