// Vue 3 example: Vite + @vitejs/plugin-vue, with the library taken from this repository's source.
// In your own app, install mfa-elements instead and drop the `resolve.alias` below.
import { fileURLToPath } from 'node:url';
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';

const repo = (path: string) => fileURLToPath(new URL(`../../${path}`, import.meta.url));

export default defineConfig({
  root: fileURLToPath(new URL('.', import.meta.url)),
  // Relative URLs, so that dist/ works wherever it is served (the browser tests load it from /examples/vue/dist/).
  base: './',
  plugins: [
    vue({
      // Every mfa-* tag is a custom element, not a Vue component.
      template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('mfa-') } },
    }),
  ],
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
