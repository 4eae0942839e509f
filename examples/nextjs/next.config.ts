// In this repository the library comes from its source (src/, compiled by Next.js itself), as the
// Vite examples do (examples/shared/vite-base.ts). In your own app, drop `webpack` below and
// `npm install mfa-elements`: the imports stay the same.
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { NextConfig } from 'next';

const repo = fileURLToPath(new URL('../..', import.meta.url));
const fromSource = existsSync(`${repo}src/core/index.ts`);
/** The package's entry points this app imports, and their sources. */
const SOURCES: Record<string, string> = {
  'mfa-elements/server.js': 'src/server/index.ts',
  'mfa-elements/mfa-provider.js': 'src/define/mfa-provider.ts',
  'mfa-elements/mfa-enrollment.js': 'src/define/mfa-enrollment.ts',
  'mfa-elements/mfa-verify.js': 'src/define/mfa-verify.ts',
};

interface WebpackConfig {
  resolve: { alias: Record<string, string>; extensionAlias?: Record<string, string[]> };
}

const config: NextConfig = {
  // The build checks no types (it would take about as long again): `npm run typecheck:nextjs` does,
  // and test/examples/nextjs.node.test.ts runs it.
  typescript: { ignoreBuildErrors: true },
  // `next dev` would otherwise write an AGENTS.md into the example (Next.js 16.5's default).
  agentRules: false,
  experimental: { agentUpgrade: false },
  ...(fromSource && {
    outputFileTracingRoot: repo,
    // Webpack (`next build --webpack`), since Turbopack resolves no `./x.js` to `./x.ts`, which
    // the library's TypeScript sources import.
    webpack(config: WebpackConfig) {
      for (const [name, path] of Object.entries(SOURCES)) config.resolve.alias[`${name}$`] = `${repo}${path}`;
      config.resolve.extensionAlias = { '.js': ['.ts', '.tsx', '.js'] };
      return config;
    },
  }),
};

export default config;
