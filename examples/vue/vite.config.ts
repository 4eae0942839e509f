// Vue 3 example: Vite + @vitejs/plugin-vue, with the library taken from this repository's source
// (see ../shared/vite-base.ts for the rest of the config).
import vue from '@vitejs/plugin-vue';
import { defineConfig } from 'vite';
import { exampleViteConfig } from '../shared/vite-base.js';

export default defineConfig(
  exampleViteConfig({
    root: new URL('.', import.meta.url),
    main: 'src/main.ts',
    plugins: [
      vue({
        // Every mfa-* tag is a custom element, not a Vue component.
        template: { compilerOptions: { isCustomElement: (tag) => tag.startsWith('mfa-') } },
      }),
    ],
  }),
);
