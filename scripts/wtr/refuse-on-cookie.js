// Lets a test make one of the library's on-demand modules fail to load, to cover what an element
// does when a part it fetches on demand cannot be fetched (offline, a deploy that removed the file).
// The test sets the cookie `mfa-test-refuse=<path from the root, no extension>`, say
// `src/define/mfa-recovery-codes`; that module's request then gets a 503. A cookie, because the
// browser sends it with the module request itself, whoever imports it.
//
// The test runner marks every file cacheable for a year once `next()` returns. These modules are
// written here directly instead, uncached, so that a test file that refuses one is not served it
// from the browser's cache of an earlier file, and a refusal is not cached for later files.

const REFUSABLE = /^\/(src\/define\/mfa-(?:recovery-codes|otp-enroll|contact-enroll|push-enroll)|src\/core\/poller|src\/elements\/shared\/poll|src\/elements\/mfa-verify\/sending|src\/locales\/tables\/[\w-]+|__prebundled__\/qrcode)\.(?:js|ts)$/;
const COOKIE = /(?:^|;\s*)mfa-test-refuse=([\w/-]+)/;

/** Koa middleware: serves the on-demand modules uncached, and refuses the one the cookie names. */
export async function refuseOnCookie(ctx, next) {
  const match = REFUSABLE.exec(ctx.path);
  if (!match) return next();
  const refused = COOKIE.exec(ctx.get('cookie'))?.[1] === match[1];
  if (!refused) await next();
  // Headers are sent here, so the runner's cache header that follows is ignored (Koa's `set` is a
  // no-op once they are sent).
  ctx.respond = false;
  const body = refused ? 'refused for a test' : ctx.body;
  ctx.res.writeHead(refused ? 503 : ctx.status, {
    'content-type': refused ? 'text/plain' : ctx.response.get('content-type'),
    'cache-control': 'no-store',
  });
  if (body && typeof body.pipe === 'function') body.pipe(ctx.res);
  else ctx.res.end(body ?? undefined);
}
