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

// A test can also HOLD one of these modules' responses until it says so, to act while a part is
// still loading: the cookie `mfa-test-hold=<path>@<id>` (a fresh id per test) holds that module's
// requests; `GET /__wtr/hold/<id>` answers how many are held, `POST /__wtr/hold/<id>/release`
// lets them (and any later one under that id) through. A hold nobody releases ends after a minute.
const HOLD_COOKIE = /(?:^|;\s*)mfa-test-hold=([\w/-]+)@(\w+)/;
const HOLD_ROUTE = /^\/__wtr\/hold\/(\w+)(\/release)?$/;
const HOLD_LIMIT_MS = 60_000;
/** @type {Map<string, { held: number, released: boolean, release: () => void, done: Promise<void> }>} */
const holds = new Map();

function holdOf(id) {
  let hold = holds.get(id);
  if (!hold) {
    let release;
    const done = new Promise((resolve) => (release = resolve));
    hold = { held: 0, released: false, release, done };
    holds.set(id, hold);
  }
  return hold;
}

async function held(hold) {
  hold.held++;
  let timer;
  await Promise.race([hold.done, new Promise((resolve) => (timer = setTimeout(resolve, HOLD_LIMIT_MS)))]);
  clearTimeout(timer);
  hold.held--;
}

/** Koa middleware: serves the on-demand modules uncached, and refuses (or holds) the one the cookie names. */
export async function refuseOnCookie(ctx, next) {
  const route = HOLD_ROUTE.exec(ctx.path);
  if (route) {
    const hold = holdOf(route[1]);
    if (route[2] && ctx.method === 'POST') {
      hold.released = true;
      hold.release();
    }
    ctx.set('cache-control', 'no-store');
    ctx.body = { held: hold.held, released: hold.released };
    return;
  }
  const match = REFUSABLE.exec(ctx.path);
  if (!match) return next();
  const refused = COOKIE.exec(ctx.get('cookie'))?.[1] === match[1];
  const hold = HOLD_COOKIE.exec(ctx.get('cookie'));
  if (hold?.[1] === match[1]) await held(holdOf(hold[2]));
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
