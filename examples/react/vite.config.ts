// React 19 example: Vite + @vitejs/plugin-react (Oxc JSX), with the library taken from this repository's source
// (see ../shared/vite-base.ts for the rest of the config).
import react from '@vitejs/plugin-react';
import { defineConfig } from 'vite';
import { exampleViteConfig } from '../shared/vite-base.js';

export default defineConfig(
  exampleViteConfig({
    root: new URL('.', import.meta.url),
    main: 'src/main.tsx',
    // React 19 sets a property when the element has one (so define the elements first) and listens
    // with on<event-name> on the raw tag; nothing to configure for custom elements.
    plugins: [react()],
  }),
);
