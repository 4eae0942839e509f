// Serves the page of test/elements/csp.test.ts under the Content-Security-Policy the README's
// Security section states, read from the README itself (the block after `<!-- csp -->`), so the
// test checks exactly what users are told. `?nonce=1` adds the nonce that `window.litNonce` names,
// for the engines without adoptedStyleSheets (which the page simulates).
import { readFileSync } from 'node:fs';

export const CSP_NONCE = 'mfa-csp-test-nonce';

function readmePolicy() {
  const readme = readFileSync(new URL('../../README.md', import.meta.url), 'utf8');
  const block = /<!-- csp -->\s*```[a-z]*\n([\s\S]*?)```/.exec(readme)?.[1];
  if (!block) throw new Error('README.md: no policy block after <!-- csp -->');
  return block.replace(/^Content-Security-Policy:\s*/i, '').replace(/\s*\n\s*/g, ' ').trim();
}

/** Koa middleware for `/__csp/page.html`. */
export async function cspPage(ctx, next) {
  if (ctx.path !== '/__csp/page.html') return next();
  const nonce = ctx.query.nonce === '1';
  const policy = readmePolicy().replace("style-src 'self'", `style-src 'self'${nonce ? ` 'nonce-${CSP_NONCE}'` : ''}`);
  ctx.respond = false;
  ctx.res.writeHead(200, { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': policy, 'cache-control': 'no-store' });
  ctx.res.end(`<!doctype html>
<html lang="en">
  <head><meta charset="utf-8"><title>CSP</title></head>
  <body>
    <script type="module" src="/test/elements/fixtures/csp-setup.ts${nonce ? '?nonce=1' : ''}"></script>
    <script type="module" src="/test/elements/fixtures/csp-app.ts"></script>
  </body>
</html>`);
}
