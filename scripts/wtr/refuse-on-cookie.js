// Lets a test make one of the library's own modules fail to load, to cover what an element does
// when a part it fetches on demand cannot be fetched (offline, a deploy that removed the file).
// The test sets the cookie `mfa-test-refuse=<path under src/, no extension>`, say
// `define/mfa-recovery-codes`; that module's request then gets a 503.
// A cookie, because the browser sends it with the module request itself, whoever imports it.

const COOKIE = /(?:^|;\s*)mfa-test-refuse=([\w/-]+)/;

/** Koa middleware: refuses `/src/<path>.js|ts` while the cookie names it. */
export async function refuseOnCookie(ctx, next) {
  const refused = COOKIE.exec(ctx.get('cookie'))?.[1];
  if (!refused || !new RegExp(`^/src/${refused}\\.(js|ts)$`).test(ctx.path)) return next();
  // Written directly: the test runner marks every file response cacheable for a year once `next()`
  // returns, and a cached 503 would break the next test file that imports the module.
  ctx.respond = false;
  ctx.res.writeHead(503, { 'cache-control': 'no-store', 'content-type': 'text/plain' });
  ctx.res.end('refused for a test');
}
