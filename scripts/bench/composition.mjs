// What the single-file bundle is made of, in gzip bytes of the whole bundle: how much smaller it gets
// when the styles or the English sentences are blanked (so shared compression is accounted for),
// and what Lit and src/core weigh on their own. Their sum is the floor under the bundle before any
// element's own logic: it is how the size targets were judged (see the README's size section).
import { build } from 'esbuild';
import { readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';
import { esbuildMinifyLiterals, minifyLiterals } from '../minify-literals.mjs';

const gz = (bytes) => gzipSync(bytes, { level: 9 }).length;
const options = { bundle: true, minify: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, logLevel: 'silent' };

/** The entry's main file (translation tables and the QR library left out, as in the real build). */
async function bundle(file, blank = {}) {
  const result = await build({
    ...options,
    entryPoints: [file],
    external: ['qrcode'],
    plugins: [{
      name: 'blank',
      setup(b) {
        // Loaded on demand in the real bundle: not part of its main file.
        b.onResolve({ filter: /tables\/(de|fr)\.js$/ }, (args) => ({ path: args.path, external: true }));
        // Parts an element alone fetches on demand are inline in the bundle, and not counted alone.
        if (file === 'src/index.ts') b.onResolve({ filter: /-loader\.js$/ }, (args) => ({ path: `${args.resolveDir}/${args.path.replace(/\.js$/, '.bundled.ts')}` }));
        else b.onResolve({ filter: /define\/mfa-recovery-codes\.js$/ }, (args) => (args.kind === 'dynamic-import' ? { path: args.path, external: true } : undefined));
        b.onLoad({ filter: /src\/(elements\/.*\.(styles|strings)|locales\/en\/[\w-]+)\.ts$/ }, ({ path }) => {
          let text = readFileSync(path, 'utf8');
          if (blank.styles && path.endsWith('styles.ts')) text = text.replace(/css`[^`]*`/g, 'css``');
          // Values only: the keys stay, they are how a page overrides a sentence.
          if (blank.text && (path.endsWith('strings.ts') || path.includes('/locales/en/'))) text = text.replace(/:(\s*)'(?:[^'\\\n]|\\.)*'/g, ":''").replace(/`[^`]*`/g, '``');
          // This plugin answers first, so it minifies the templates the way the build does.
          return { contents: minifyLiterals(text, path), loader: 'ts' };
        });
      },
    }, esbuildMinifyLiterals],
  });
  return gz(result.outputFiles[0].contents);
}

async function entry(contents) {
  const result = await build({ ...options, stdin: { contents, resolveDir: process.cwd(), loader: 'ts' } });
  return gz(result.outputFiles[0].contents);
}

const LIT_ALL = ['LitElement', 'css', 'html', 'svg', 'nothing'];
const CONTEXT_ALL = ['ContextConsumer', 'ContextProvider', 'ContextRoot', 'createContext'];

/**
 * `lit` and `context`: what the entry imports from Lit and @lit/context; `core`: the src/core
 * modules it uses. Each is measured on its own, kept alive so that nothing is tree-shaken.
 */
export async function composition(file = 'src/index.ts', { lit = LIT_ALL, context = CONTEXT_ALL, core = ['index'] } = {}) {
  const all = await bundle(file);
  const styles = all - (await bundle(file, { styles: true }));
  const text = all - (await bundle(file, { text: true }));
  const litBytes = await entry(`import { ${lit} } from 'lit'; import { ${context} } from '@lit/context';
    globalThis.keep = [${[...lit, ...context]}];`);
  const coreBytes = await entry(core.map((m) => `export * from './src/core/${m}.ts';`).join('\n'));
  return { all, styles, text, lit: litBytes, core: coreBytes, floor: litBytes + coreBytes + styles + text };
}

/** `<mfa-verify>` alone: no provider, no QR, no data source of its own. */
export const verifyComposition = () =>
  composition('src/define/mfa-verify.ts', { lit: ['LitElement', 'css', 'html', 'nothing'], context: ['ContextConsumer', 'ContextRoot', 'createContext'], core: ['errors', 'input', 'poller'] });
