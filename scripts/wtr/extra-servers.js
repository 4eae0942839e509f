// Same-origin servers for the proxy-mode browser tests: createMfaProxy in several configurations,
// the Auth0 Lab routers and nextjs-auth0's routes (test/server/fixtures/), plus a test-only login
// that puts a fresh emulator user's tokens in a server-side session behind an HttpOnly cookie.
//
// They must share the test page's origin (cookies, Origin and CSRF checks), so they are served by
// the test runner's own Koa server. Koa composes its middleware when the server is created, before
// any plugin's serverStart runs, so base.js registers `extraMiddleware` up front and `start()`
// (called from servers.js once the emulator is up) fills in the handler it dispatches to.

/** Set by start(); until then every request falls through to the dev server. */
let app = null;
let nodeHandler = null;

/** Koa middleware: requests for the test app's paths go to it, everything else to `next()`. */
export async function extraMiddleware(ctx, next) {
  if (!app || !app.owns(ctx.path)) return next();
  // Koa must not touch the response: the fetch-standard handler writes it through the Node adapter.
  ctx.respond = false;
  await new Promise((resolve) => {
    ctx.res.once('finish', resolve);
    ctx.res.once('close', resolve);
    nodeHandler(ctx.req, ctx.res);
  });
}

/** Returns the paths merged into `window.__MFA_TEST_ENV__` (see test/server/fixtures/test-app.ts). */
export async function start({ emulatorUrl }) {
  const { createTestApp } = await import('../../test/server/fixtures/test-app.ts');
  const { toNodeHandler } = await import('../../src/server/node-handler.ts');
  app = createTestApp({ emulatorUrl });
  nodeHandler = toNodeHandler((request) => app.handle(request), {
    onError: (error) => console.error('[extra-servers]', error),
  });
  return app.env;
}
