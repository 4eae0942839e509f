// Production script-tag files leave out text meant only for developers: the literal `description`
// of an `MfaError` raised in our code and the messages of the `TypeError`s wire parsing throws
// (which become a `bad_response` error's description). The UI never shows them (it shows the
// localized text of the error's `code`), and the npm build keeps them for development. Issue 15
// measured this at up to 0.8 KB per page. Descriptions that come from the server stay: they are
// not literals in the source.
import { readFile } from 'node:fs/promises';
import { minifyLiterals } from './minify-literals.mjs';

/** Returns the source without literal MfaError descriptions and TypeError messages. */
export function stripDevText(source) {
  return source
    .replace(/\bdescription: (?:'(?:[^'\\\n]|\\.)*'|`(?:[^`\\$]|\\.|\$(?!\{))*`)/g, "description: ''")
    .replace(/\bnew TypeError\((?:'(?:[^'\\\n]|\\.)*'|`(?:[^`\\]|\\.)*`)\)/g, 'new TypeError()');
}

/** esbuild plugin for the production script-tag files: strips developer text, minifies templates. */
export const esbuildProductionSource = {
  name: 'production-source',
  setup(build) {
    build.onLoad({ filter: /\/src\/(core|elements)\/.*\.ts$/ }, async ({ path }) => {
      const text = stripDevText(await readFile(path, 'utf8'));
      return { contents: path.includes('/src/elements/') ? minifyLiterals(text, path) : text, loader: 'ts' };
    });
  },
};
