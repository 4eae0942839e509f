// Svelte 5 example: Vite + @sveltejs/vite-plugin-svelte, with the library taken from this repository's source.
// In your own app, install mfa-elements instead and drop the `resolve.alias` below.
import { fileURLToPath } from 'node:url';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';

const repo = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Relative URLs, so that dist/ works wherever it is served (the browser tests load it from /examples/svelte/dist/).
  base: './',
  // Svelte 5 sets a property when the element has one (so define the elements first) and listens
  // with on<event-name>; nothing to configure for custom elements.
  plugins: [svelte()],
  resolve: {
    alias: [
      { find: /^mfa-elements\/core\.js$/, replacement: repo('src/core/index.ts') },
      { find: /^mfa-elements\/(mfa-[a-z-]+)\.js$/, replacement: repo('src/define/$1.ts') },
    ],
  },
  build: {
    outDir: 'dist',
    emptyOutDir: true,
    target: 'es2022',
    rolldownOptions: {
      // index.html for the page; src/main.ts also as its own entry, keeping its `mount` export.
      input: { index: 'index.html', main: 'src/main.ts' },
      preserveEntrySignatures: 'exports-only',
    },
  },
});
