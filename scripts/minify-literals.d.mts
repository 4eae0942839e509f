import type { Plugin as EsbuildPlugin } from 'esbuild';
import type { Plugin as VitePlugin } from 'vite';

export function minifyLiterals(source: string, fileName?: string): string;
export const esbuildMinifyLiterals: EsbuildPlugin;
export const viteMinifyLiterals: VitePlugin;
export const wtrMinifyLiterals: { name: string; transform(context: { path: string; body: unknown }): { body: string } | undefined };
