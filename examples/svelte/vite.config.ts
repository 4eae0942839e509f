// Svelte 5 example: Vite + @sveltejs/vite-plugin-svelte, with the library taken from this repository's source
// (see ../shared/vite-base.ts for the rest of the config).
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { defineConfig } from 'vite';
import { exampleViteConfig } from '../shared/vite-base.js';

export default defineConfig(
  exampleViteConfig({
    root: new URL('.', import.meta.url),
    main: 'src/main.ts',
    // Svelte 5 sets a property when the element has one (so define the elements first) and listens
    // with on<event-name>; nothing to configure for custom elements.
    plugins: [svelte()],
  }),
);
