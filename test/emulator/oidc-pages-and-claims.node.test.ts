import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { emulatorFor, type Harness } from './helpers.js';

// What a browser and an app get from the emulator's OpenID Connect side beyond the grants' refusals
// (routes/oidc.ts, routes/oidc-grants.ts): the hosted sign-in and signed-out pages, whole; that a
// password-only sign-in's tokens do not claim MFA, also after a refresh; and that a refresh token
// is its client's alone.

const verifier = randomBytes(32).toString('base64url');
const PKCE = { code_challenge: createHash('sha256').update(verifier).digest('base64url'), code_challenge_method: 'S256' };
const REDIRECT = 'http://localhost:3000/callback';

const pageOf = async (response: Response) => ({
  status: response.status,
  type: response.headers.get('content-type'),
  main: (await response.text()).match(/<title>(.*?)<\/title>.*<main>(.*)<\/main>/s)?.slice(1),
});

const tokenForm = (h: Harness, body: Record<string, string>) =>
  fetch(`${h.url}/oauth/token`, { method: 'POST', body: new URLSearchParams(body) }).then(async (r) => ({ status: r.status, body: await r.json() }));
const claims = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString());

async function signInPage(h: Harness, clientId = 'demo-spa') {
  const query = new URLSearchParams({ response_type: 'code', client_id: clientId, redirect_uri: REDIRECT, scope: 'openid offline_access', ...PKCE });
  return fetch(`${h.url}/authorize?${query}`, { redirect: 'manual' });
}

/** Tokens of a password-only sign-in through the hosted page, for the client given. */
async function signedIn(h: Harness, clientId: string, secret?: string) {
  const html = await (await signInPage(h, clientId)).text();
  const tx = html.match(/name="tx" value="([^"]+)"/)![1]!;
  const back = await fetch(`${h.url}/u/login`, { method: 'POST', redirect: 'manual', body: new URLSearchParams({ tx, username: 'demo@example.com', password: 'demo' }) });
  const code = new URL(back.headers.get('location')!).searchParams.get('code')!;
  const tokens = await tokenForm(h, {
    grant_type: 'authorization_code',
    client_id: clientId,
    ...(secret && { client_secret: secret }),
    code,
    redirect_uri: REDIRECT,
    code_verifier: verifier,
  });
  assert.equal(tokens.status, 200, JSON.stringify(tokens.body));
  return tokens.body as { access_token: string; id_token: string; refresh_token: string };
}

test('the hosted sign-in page: titled, an email and a password field and a button, no alert before a try', async (t) => {
  const h = await emulatorFor(t);
  const page = await pageOf(await signInPage(h));
  assert.equal(page.status, 200);
  assert.equal(page.type, 'text/html; charset=utf-8');
  const [title, main] = page.main!;
  assert.equal(title, 'Sign in');
  assert.match(
    main!,
    new RegExp(
      '^<h1>Sign in</h1><form method="post" action="/u/login"><input type="hidden" name="tx" value="[^"]+">' +
        '<p><label for="username">Email</label> <input id="username" name="username" type="email" autocomplete="username" required></p>' +
        '<p><label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password" required></p>' +
        '<p><button type="submit">Continue</button></p></form>$',
    ),
  );
});

test('the signed-out page is titled and says so', async (t) => {
  const h = await emulatorFor(t);
  const page = await pageOf(await fetch(`${h.url}/oidc/logout`));
  assert.deepEqual(page, { status: 200, type: 'text/html; charset=utf-8', main: ['Signed out', '<h1>Signed out</h1><p>You are signed out.</p>'] });
});

test('a password-only sign-in does not claim MFA: no amr in its tokens, nor in those of its refresh', async (t) => {
  const h = await emulatorFor(t);
  const first = await signedIn(h, 'demo-spa');
  assert.equal(claims(first.access_token).amr, undefined, 'access token of the code grant');
  assert.equal(claims(first.id_token).amr, undefined, 'id token of the code grant');
  const refreshed = await tokenForm(h, { grant_type: 'refresh_token', client_id: 'demo-spa', refresh_token: first.refresh_token });
  assert.equal(refreshed.status, 200, JSON.stringify(refreshed.body));
  assert.equal(claims(refreshed.body.access_token).amr, undefined, 'access token of the refresh');
  assert.equal(claims(refreshed.body.id_token).amr, undefined, 'id token of the refresh');
});

test('a refresh token works for the client it was issued to only', async (t) => {
  const h = await emulatorFor(t);
  const spa = await signedIn(h, 'demo-spa');
  const asWeb = await tokenForm(h, { grant_type: 'refresh_token', client_id: 'demo-web', client_secret: 'demo-web-secret', refresh_token: spa.refresh_token });
  assert.deepEqual(asWeb, { status: 403, body: { error: 'invalid_grant', error_description: 'Unknown or invalid refresh token.' } });
  const own = await tokenForm(h, { grant_type: 'refresh_token', client_id: 'demo-spa', refresh_token: spa.refresh_token });
  assert.equal(own.status, 200, 'the refused try did not spend it');
});
