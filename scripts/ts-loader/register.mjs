// A light TypeScript loader for the mutation runs (`node --import ./scripts/ts-loader/register.mjs`):
// each mutant starts a fresh Node process per covering test file, and tsx's start-up was most of that
// process's own time. This one only strips types (esbuild, with the project's tsconfig options), maps
// `./x.js` to `./x.ts` as the bundler resolution does, and caches each output by content hash, so a
// warm start reads one small file per module. Not for anything else: no paths, no CommonJS TypeScript.
import { register } from 'node:module';

register('./hooks.mjs', import.meta.url);
