// qrcode ships CommonJS only; the dev server serves ES modules. Bundle such packages to ESM once,
// on first request (rollup's commonjs plugin does nothing under fromRollup above v18).
import { build } from 'esbuild';

export function prebundleCjs(packages) {
  const cache = new Map();
  const prefix = '/__prebundled__/';
  return {
    name: 'prebundle-cjs',
    resolveImport({ source }) {
      if (packages.includes(source)) return prefix + encodeURIComponent(source) + '.js';
    },
    async serve(context) {
      if (!context.path.startsWith(prefix)) return;
      const pkg = decodeURIComponent(context.path.slice(prefix.length, -3));
      if (!cache.has(pkg)) {
        const result = await build({
          stdin: { contents: `import m from ${JSON.stringify(pkg)}; export default m;`, resolveDir: process.cwd() },
          bundle: true, format: 'esm', platform: 'browser', target: 'es2022', write: false, sourcemap: 'inline',
        });
        cache.set(pkg, result.outputFiles[0].text);
      }
      return { body: cache.get(pkg), type: 'js' };
    },
  };
}
