import { existsSync, readdirSync } from 'node:fs';
import { defineConfig } from 'vite';
import { viteMinifyLiterals } from './scripts/minify-literals.mjs';

/** One ES module per element (registration included), the index, core, server, emulator and locales. */
function entries(): Record<string, string> {
  const found: Record<string, string> = {};
  for (const [name, path] of Object.entries({
    index: 'src/index.ts',
    core: 'src/core/index.ts',
    server: 'src/server/index.ts',
    emulator: 'src/emulator/index.ts',
    'emulator-cli': 'src/emulator/cli.ts',
  })) {
    if (existsSync(path)) found[name] = path;
  }
  for (const file of readdirSync('src/define')) {
    if (file.endsWith('.ts')) found[file.slice(0, -3)] = `src/define/${file}`;
  }
  // Translations: loaded lazily by the elements, or imported up front by pages that want no flash.
  for (const file of readdirSync('src/locales')) {
    if (file.endsWith('.ts') && file !== 'loaders.ts') found[`locales/${file.slice(0, -3)}`] = `src/locales/${file}`;
  }
  return found;
}

export default defineConfig({
  plugins: [viteMinifyLiterals],
  build: {
    target: 'es2022',
    outDir: 'dist',
    emptyOutDir: true,
    // Consumers bundle and minify; readable output dedupes and debugs better (open-wc guidance).
    minify: false,
    sourcemap: true,
    lib: { entry: entries(), formats: ['es'] },
    rollupOptions: {
      external: [/^lit(\/|$)/, /^@lit\//, 'qrcode', 'jose', /^@simplewebauthn\//, /^node:/],
      output: {
        chunkFileNames: 'chunks/[name]-[hash].js',
        banner: (chunk) => (chunk.name === 'emulator-cli' ? '#!/usr/bin/env node' : ''),
      },
    },
  },
});
