// What `vite` (serve only) puts behind the Vue, Svelte and React examples, so that each page works
// as its README says with one command: the local Auth0 emulator on its own port, and on the page's
// origin the demo's app server (a cookie session plus `createMfaProxy` at /api/auth/mfa). A visitor
// without a session is signed in server-side as an emulator demo user, as a real app's login would
// have done before the MFA page. Nothing of this is in a build (`apply: 'serve'`).
import type { Plugin } from 'vite';
import type { DemoBackend } from '../../demo/server/demo-backend.js';
import { createDemoBackend, LOGIN_PATH } from '../../demo/server/demo-backend.js';
import { CSRF_HEADER, CSRF_VALUE } from '../../src/core/index.js';
import { createEmulator } from '../../src/emulator/index.js';
import { DEMO_PASSWORD } from '../../src/emulator/config.js';
import { toNodeHandler } from '../../src/server/index.js';

/**
 * `EXAMPLE_USER` picks the demo user (default `enrolled@example.com`: an authenticator app with the
 * setup key JBSWY3DPEHPK3PXP and a phone; `demo@example.com` has nothing enrolled). Codes sent by
 * SMS, voice or email are printed in the terminal by the emulator.
 */
export function exampleBackend(): Plugin {
  return {
    name: 'mfa-example-backend',
    apply: 'serve',
    async configureServer(server) {
      const logger = server.config.logger;
      const emulator = createEmulator({ log: (line) => logger.info(`[emulator] ${line}`) });
      const { url: emulatorUrl, close } = await emulator.listen({ port: 0, host: '127.0.0.1' });
      server.httpServer?.once('close', () => void close());
      const backend = createDemoBackend({ emulatorUrl, log: (line) => logger.warn(line) });
      const handler = toNodeHandler((request) => backend.handle(request));
      const username = process.env.EXAMPLE_USER ?? 'enrolled@example.com';
      logger.info(`  emulator: ${emulatorUrl}  (signed in as ${username})`);

      server.middlewares.use(async (req, res, next) => {
        const { pathname } = new URL(req.url ?? '/', 'http://example.invalid');
        if (backend.owns(pathname)) return handler(req, res);
        const page = pathname === '/' || pathname.endsWith('.html');
        const origin = `http://${req.headers.host ?? 'localhost'}`;
        // Cookies ignore ports: one from another local server (the demo, another example) names no session here.
        if (!page || backend.hasSession(new Request(origin, { headers: { cookie: req.headers.cookie ?? '' } }))) return next();
        const answer = await backend.handle(
          new Request(origin + LOGIN_PATH, {
            method: 'POST',
            headers: { 'content-type': 'application/json', origin, [CSRF_HEADER]: CSRF_VALUE },
            body: JSON.stringify({ username, password: DEMO_PASSWORD }),
          }),
        );
        const cookie = answer.headers.get('set-cookie');
        if (cookie) res.setHeader('set-cookie', cookie);
        else logger.warn(`[example] sign-in as ${username} failed: ${answer.status} ${await answer.text()}`);
        next();
      });
    },
  };
}

/**
 * For dev servers that cannot sign a visitor in on the page (Angular's `ng serve` proxies only
 * /api here): the backend's handler, signing in as `username` on the first call that has no
 * session and answering with the new session cookie.
 */
export function signingInHandler(backend: DemoBackend, username: string): (request: Request) => Promise<Response> {
  return async (request) => {
    if (backend.hasSession(request) || !backend.owns(new URL(request.url).pathname)) return backend.handle(request);
    const { origin } = new URL(request.url);
    const login = await backend.handle(
      new Request(origin + LOGIN_PATH, {
        method: 'POST',
        headers: { 'content-type': 'application/json', origin, [CSRF_HEADER]: CSRF_VALUE },
        body: JSON.stringify({ username, password: DEMO_PASSWORD }),
      }),
    );
    const cookie = login.headers.get('set-cookie');
    if (!cookie) return login;
    const headers = new Headers(request.headers);
    headers.set('cookie', cookie.split(';')[0]!);
    const answer = await backend.handle(new Request(request, { headers }));
    const out = new Response(answer.body, answer);
    out.headers.append('set-cookie', cookie);
    return out;
  };
}
