import { createReadStream, existsSync, statSync } from 'node:fs';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { defineConfig, type Plugin } from 'vite';
import { createEmulator } from '../src/emulator/index.js';
import { toNodeHandler } from '../src/server/index.js';
import type { DemoConfig } from './app/config.js';
import { createDemoBackend, LOGIN_PATH, LOGOUT_PATH, PROXY_BASE } from './server/demo-backend.js';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.txt': 'text/plain; charset=utf-8',
};

/**
 * The Content-Security-Policy of both pages: scripts and styles from this origin only (no
 * 'unsafe-inline', no 'unsafe-eval'), Trusted Types (Lit's `lit-html` policy is the only one),
 * connections to this origin and the emulator. `ws:` is Vite's HMR socket (index.html only).
 */
export function contentSecurityPolicy(emulatorUrl: string, hmrSocket?: string): string {
  return [
    "default-src 'none'",
    "script-src 'self'",
    "style-src 'self'",
    "img-src 'self'",
    `connect-src 'self' ${emulatorUrl}${hmrSocket ? ` ${hmrSocket}` : ''}`,
    "base-uri 'none'",
    "form-action 'self'",
    "frame-ancestors 'none'",
    "require-trusted-types-for 'script'",
    'trusted-types lit-html',
  ].join('; ');
}

/** `host:port` from the request, when it looks like one (it ends up in a header). */
function hostOf(req: IncomingMessage): string | undefined {
  const host = req.headers.host ?? '';
  return /^[\w.\-:[\]]+$/.test(host) ? host : undefined;
}

/** Serves `file` as is (no Vite transform), or answers 404 with `missing`. */
function sendFile(res: ServerResponse, file: string, missing: string, headers: Record<string, string> = {}): void {
  if (!existsSync(file) || !statSync(file).isFile()) {
    res.statusCode = 404;
    res.setHeader('content-type', 'text/plain; charset=utf-8');
    res.end(missing);
    return;
  }
  res.statusCode = 200;
  res.setHeader('content-type', TYPES[extname(file)] ?? 'application/octet-stream');
  res.setHeader('cache-control', 'no-cache');
  for (const [name, value] of Object.entries(headers)) res.setHeader(name, value);
  createReadStream(file).pipe(res);
}

/**
 * Starts the emulator beside the demo, on its own origin (so direct mode is cross-origin, as with
 * real Auth0), and mounts on the dev server's own origin what a real app's server would have: the
 * demo login and `createMfaProxy` (proxy mode). Also serves the single-file bundle at
 * `/dist/cdn/` and the no-build page `script-tag.html` untouched by Vite.
 *
 * `EMULATOR_PORT` chooses the emulator's port (default 4000, falling back to any free port when it
 * is taken; `0` = any free port).
 */
function demoServer(): Plugin {
  return {
    name: 'mfa-demo-server',
    async configureServer(server) {
      const demoDir = server.config.root;
      const repoDir = resolve(demoDir, '..');
      const cdnDir = join(repoDir, 'dist', 'cdn');
      const log = (line: string) => server.config.logger.info(`[emulator] ${line}`);

      const emu = createEmulator({ log });
      const preferred = Number(process.env.EMULATOR_PORT ?? 4000);
      const listening = await emu
        .listen({ port: Number.isInteger(preferred) && preferred >= 0 ? preferred : 4000, host: '127.0.0.1' })
        .catch(() => emu.listen({ port: 0, host: '127.0.0.1' }));
      const emulatorUrl = listening.url;
      server.httpServer?.once('close', () => void listening.close());
      server.config.logger.info(`  emulator: ${emulatorUrl}  (demo users: demo@example.com / demo, enrolled@example.com / demo)`);

      const backend = createDemoBackend({ emulatorUrl, log: (line) => server.config.logger.warn(line) });
      const backendHandler = toNodeHandler((request) => backend.handle(request));
      const config: DemoConfig = { emulatorUrl, clientId: 'demo-spa', proxyUrl: PROXY_BASE, loginUrl: LOGIN_PATH, logoutUrl: LOGOUT_PATH };

      server.middlewares.use((req, res, next) => {
        const pathname = new URL(req.url ?? '/', 'http://demo.invalid').pathname;
        // The proxy and the demo login, before any of Vite's middlewares (which would serve index.html).
        if (backend.owns(pathname)) return backendHandler(req, res);
        if (pathname === '/demo-config.json') {
          res.setHeader('content-type', 'application/json');
          res.setHeader('cache-control', 'no-store');
          res.end(JSON.stringify(config));
          return;
        }
        // The single-file bundle, built by `node scripts/build-bundle.mjs` (npm run demo does it first).
        if (pathname.startsWith('/dist/cdn/')) {
          const file = resolve(cdnDir, decodeURIComponent(pathname.slice('/dist/cdn/'.length)));
          if (!file.startsWith(cdnDir + sep)) {
            res.statusCode = 404;
            res.end();
            return;
          }
          sendFile(res, file, 'Not built: run `node scripts/build-bundle.mjs` (npm run demo does).');
          return;
        }
        // The no-build page and its script, exactly as a static file host would serve them.
        if (pathname === '/script-tag.html' || pathname === '/script-tag.js' || pathname === '/script-tag.css') {
          const headers: Record<string, string> = pathname.endsWith('.html') ? { 'content-security-policy': contentSecurityPolicy(emulatorUrl) } : {};
          sendFile(res, join(demoDir, pathname.slice(1)), 'Not found', headers);
          return;
        }
        // Vite's pages: same policy plus its HMR socket. Nothing else needs loosening: Vite's dev
        // client is an external module, the page's CSS is a <link>, and the client builds its error
        // overlay without innerHTML (the overlay's own <style> is refused, so a compile error shows
        // unstyled; no nonce is worth adding for that).
        if (pathname === '/' || pathname.endsWith('.html')) {
          const host = hostOf(req);
          res.setHeader('content-security-policy', contentSecurityPolicy(emulatorUrl, host ? `ws://${host}` : 'ws:'));
        }
        next();
      });
    },
  };
}

export default defineConfig({
  // Absolute, so the config works from any working directory (and from createServer in tests).
  root: fileURLToPath(new URL('.', import.meta.url)),
  plugins: [demoServer()],
  // `localhost`, not 127.0.0.1: browsers refuse an IP address as a WebAuthn RP ID (Chromium:
  // "SecurityError: This is an invalid domain"), so passkeys work only on a name; `localhost` is
  // a secure context over http as well. The emulator takes the RP ID from the page's Origin.
  server: { host: 'localhost', port: Number(process.env.PORT ?? 5173) },
  // Discover every dependency from the demo's module graph up front, so that the first visit
  // does not end in a "new dependencies optimized" reload.
  optimizeDeps: { entries: ['index.html'] },
});
