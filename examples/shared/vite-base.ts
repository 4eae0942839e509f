// The Vite config shared by the Vue, Svelte and React examples; each example's vite.config.ts adds
// its framework's plugin. In this repository the library comes from its source (fast, no build
// first); copied out of it, as scripts/check-package.mjs does, there is no source beside it and the
// examples import the installed package: in your own app, drop `resolve.alias` (and `server.fs.allow`).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { PluginOption, UserConfig } from 'vite';

/** A path in this repository. */
const repo = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

export interface ExampleViteOptions {
  /** The example's folder: `new URL('.', import.meta.url)` in its vite.config.ts. */
  root: URL;
  /** The module that exports `mount`, relative to `root` (src/main.ts, src/main.tsx). */
  main: string;
  /** The framework's Vite plugin. */
  plugins: PluginOption[];
}

/** True inside this repository, where the library's source is beside the examples. */
const fromSource = existsSync(repo('src/core/index.ts'));
// The backend is this repository's emulator and demo server: absent where the example is copied
// out against the installed package (scripts/check-package.mjs).
const { exampleBackend } = fromSource ? await import('./dev-backend.js') : { exampleBackend: undefined };

export function exampleViteConfig({ root, main, plugins }: ExampleViteOptions): UserConfig {
  return {
    root: fileURLToPath(root),
    // Relative URLs, so that dist/ works wherever it is served (the browser tests load it from /examples/<fw>/dist/).
    base: './',
    // `vite` (serve) puts the emulator and the proxy behind the page, when it runs in this
    // repository; a build has neither.
    plugins: exampleBackend ? [...plugins, exampleBackend()] : plugins,
    resolve: fromSource
      ? {
          alias: [
            { find: /^mfa-elements\/core\.js$/, replacement: repo('src/core/index.ts') },
            { find: /^mfa-elements\/(mfa-[a-z-]+)\.js$/, replacement: repo('src/define/$1.ts') },
          ],
        }
      : {},
    // The dev server serves files outside `root`: examples/shared and the library's src/.
    server: { fs: { allow: [repo('')] } },
    build: {
      outDir: 'dist',
      emptyOutDir: true,
      target: 'es2022',
      rolldownOptions: {
        // index.html for the page; the main module also as its own entry, keeping its `mount` export.
        input: { index: 'index.html', main },
        preserveEntrySignatures: 'exports-only',
      },
    },
  };
}
