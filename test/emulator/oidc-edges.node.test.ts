import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { emulatorFor, type Harness } from './helpers.js';

// OpenID Connect as an app meets it, at the edges: the whole discovery document, which redirects a
// client may use, each refusal of /authorize (on the page or back at the app), /userinfo, logout,
// and the code and refresh grants' refusals word for word.

const verifier = randomBytes(32).toString('base64url');
const challenge = createHash('sha256').update(verifier).digest('base64url');
const REDIRECT = 'http://localhost:3000/callback';
const PKCE = { code_challenge: challenge, code_challenge_method: 'S256' };

const authorize = (h: Harness, query: Record<string, string>) =>
  fetch(`${h.url}/authorize?${new URLSearchParams(query)}`, { redirect: 'manual' });

/** The sign-in page's transaction, or the status and text when there is no form. */
async function loginPage(h: Harness, query: Record<string, string>) {
  const response = await authorize(h, { response_type: 'code', client_id: 'demo-spa', redirect_uri: REDIRECT, ...query });
  const text = await response.text();
  return { status: response.status, text, tx: text.match(/name="tx" value="([^"]+)"/)?.[1], location: response.headers.get('location') };
}

async function signIn(h: Harness, tx: string, username = 'demo@example.com', password = 'demo') {
  return fetch(`${h.url}/u/login`, { method: 'POST', redirect: 'manual', body: new URLSearchParams({ tx, username, password }) });
}

const form = (h: Harness, body: Record<string, string>) =>
  fetch(`${h.url}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body) }).then(
    async (r) => ({ status: r.status, body: await r.json() }),
  );
const claims = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString());
const refusal = (status: number, error: string, error_description: string) => ({ status, body: { error, error_description } });

/** A code for demo-spa (or the client given) through the hosted page. */
async function code(h: Harness, query: Record<string, string> = {}, clientId = 'demo-spa') {
  const { tx } = await loginPage(h, { client_id: clientId, ...PKCE, ...query });
  const redirect = new URL((await signIn(h, tx!)).headers.get('location')!);
  return redirect.searchParams.get('code')!;
}

test('discovery: the whole document, every endpoint under the issuer', async (t) => {
  const h = await emulatorFor(t);
  const issuer = `${h.url}/`;
  assert.deepEqual((await h.getJson('/.well-known/openid-configuration')).body, {
    issuer,
    authorization_endpoint: `${issuer}authorize`,
    token_endpoint: `${issuer}oauth/token`,
    userinfo_endpoint: `${issuer}userinfo`,
    jwks_uri: `${issuer}.well-known/jwks.json`,
    end_session_endpoint: `${issuer}oidc/logout`,
    mfa_challenge_endpoint: `${issuer}mfa/challenge`,
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: [
      'authorization_code',
      'refresh_token',
      'password',
      'client_credentials',
      'http://auth0.com/oauth/grant-type/password-realm',
      'http://auth0.com/oauth/grant-type/mfa-otp',
      'http://auth0.com/oauth/grant-type/mfa-oob',
      'http://auth0.com/oauth/grant-type/mfa-recovery-code',
    ],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
    code_challenge_methods_supported: ['S256'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    claims_supported: ['aud', 'auth_time', 'email', 'email_verified', 'exp', 'iat', 'iss', 'name', 'nickname', 'sub'],
  });
});

test('redirects without a callback list: http(s) on a loopback host, no fragment; anything else stays on the page', async (t) => {
  const h = await emulatorFor(t);
  for (const uri of ['http://localhost:3000/cb', 'https://localhost/cb', 'http://127.0.0.1:8000/', 'http://[::1]:5173/cb']) {
    assert.equal((await loginPage(h, { redirect_uri: uri, ...PKCE })).status, 200, uri);
  }
  for (const uri of ['http://example.com/cb', 'ftp://localhost/cb', 'http://localhost/cb#x', 'not a url', 'http://localhost.example.com/']) {
    const page = await loginPage(h, { redirect_uri: uri, ...PKCE });
    assert.deepEqual([page.status, page.location], [400, null], uri);
    assert.match(page.text, /<p>The redirect_uri is not allowed for this client\.<\/p>/);
  }
  const noRedirect = await authorize(h, { response_type: 'code', client_id: 'demo-spa', ...PKCE });
  assert.equal(noRedirect.status, 400);
  for (const clientId of ['nobody', '']) {
    const unknown = await loginPage(h, { client_id: clientId, ...PKCE });
    assert.equal(unknown.status, 400);
    assert.match(unknown.text, /<p>Unknown client_id\.<\/p>/);
    assert.match(unknown.text, /<title>Sign-in request not valid<\/title>/);
  }
});

test('redirects with a callback list: exactly those', async (t) => {
  const h = await emulatorFor(t, {
    clients: [{ clientId: 'app', name: 'App', grants: ['authorization_code'], callbacks: ['https://app.example/cb'] }],
  });
  assert.equal((await loginPage(h, { client_id: 'app', redirect_uri: 'https://app.example/cb', ...PKCE })).status, 200);
  assert.equal((await loginPage(h, { client_id: 'app', redirect_uri: 'https://app.example/cb/', ...PKCE })).status, 400);
  assert.equal((await loginPage(h, { client_id: 'app', redirect_uri: 'http://localhost:3000/cb', ...PKCE })).status, 400, 'loopback is not implied');
});

test('authorize refusals go back to the app with error, description and state, never cached', async (t) => {
  const h = await emulatorFor(t);
  const back = async (query: Record<string, string>, clientId = 'demo-spa') => {
    const response = await authorize(h, { client_id: clientId, redirect_uri: REDIRECT, ...query });
    assert.equal(response.status, 302);
    assert.equal(response.headers.get('cache-control'), 'no-store');
    const url = new URL(response.headers.get('location')!);
    assert.equal(url.origin + url.pathname, REDIRECT);
    return Object.fromEntries(url.searchParams);
  };
  assert.deepEqual(await back({ response_type: 'token', state: 's1', ...PKCE }), {
    error: 'unsupported_response_type',
    error_description: 'Only response_type=code is supported.',
    state: 's1',
  });
  assert.deepEqual(await back({ ...PKCE }), { error: 'unsupported_response_type', error_description: 'Only response_type=code is supported.' }, 'no state, none sent back');
  assert.deepEqual(await back({ response_type: 'code', ...PKCE }, 'demo-m2m'), {
    error: 'unauthorized_client',
    error_description: 'The client may not use the authorization code flow.',
  });
  assert.deepEqual(await back({ response_type: 'code', code_challenge: challenge, code_challenge_method: 'plain' }), {
    error: 'invalid_request',
    error_description: 'code_challenge_method must be S256.',
  });
  assert.deepEqual(await back({ response_type: 'code', code_challenge: challenge }), {
    error: 'invalid_request',
    error_description: 'code_challenge_method must be S256.',
  });
  assert.deepEqual(await back({ response_type: 'code' }), { error: 'invalid_request', error_description: 'A public client must send a PKCE code_challenge.' });
  // A confidential client may leave PKCE out.
  assert.equal((await loginPage(h, { client_id: 'demo-web' })).status, 200);
});

test('the hosted sign-in: an unknown email is refused like a wrong password; a missing tx is a page', async (t) => {
  const h = await emulatorFor(t);
  const { tx } = await loginPage(h, PKCE);
  const unknown = await signIn(h, tx!, 'nobody@example.com');
  assert.equal(unknown.status, 401);
  const text = await unknown.text();
  assert.match(text, /<p role="alert">Wrong email or password\.<\/p>/);
  assert.match(text, new RegExp(`name="tx" value="${tx}"`));
  const noName = await fetch(`${h.url}/u/login`, { method: 'POST', redirect: 'manual', body: new URLSearchParams({ tx: tx!, password: 'demo' }) });
  assert.equal(noName.status, 401, 'no email, no user');
  const empty = await fetch(`${h.url}/u/login`, { method: 'POST', body: new URLSearchParams({ username: 'demo@example.com', password: 'demo' }) });
  assert.equal(empty.status, 400);
  assert.match(await empty.text(), /This sign-in has expired or was already completed\. Start again from the application\./);
  const fresh = await loginPage(h, PKCE);
  assert.doesNotMatch(fresh.text, /role="alert"/, 'no alert before a try');
  const ok = await signIn(h, fresh.tx!);
  assert.equal(ok.status, 302);
  assert.equal(ok.headers.get('cache-control'), 'no-store');
  assert.equal(new URL(ok.headers.get('location')!).searchParams.has('state'), false, 'no state asked, none sent');
});

test('code grant: scope openid by default, the audience asked for, auth_time of the sign-in, no nonce unless asked', async (t) => {
  const h = await emulatorFor(t);
  const signedInAt = Math.floor(h.now() / 1000);
  const plain = await code(h);
  h.advance(20);
  const tokens = await form(h, { grant_type: 'authorization_code', client_id: 'demo-spa', code: plain, redirect_uri: REDIRECT, code_verifier: verifier });
  assert.equal(tokens.status, 200);
  assert.equal(tokens.body.scope, 'openid');
  assert.equal(tokens.body.refresh_token, undefined, 'no offline_access, no refresh token');
  const id = claims(tokens.body.id_token);
  assert.equal(id.auth_time, signedInAt);
  assert.equal(id.nonce, undefined);
  assert.equal(claims(tokens.body.access_token).aud, `${h.url}/userinfo`);

  const api = await code(h, { audience: 'https://api.example.com/', scope: 'openid email' });
  const forApi = await form(h, { grant_type: 'authorization_code', client_id: 'demo-spa', code: api, redirect_uri: REDIRECT, code_verifier: verifier });
  assert.deepEqual(claims(forApi.body.access_token).aud, ['https://api.example.com/', `${h.url}/userinfo`]);
  assert.equal(forApi.body.scope, 'openid email');
});

test('code grant refusals, word for word', async (t) => {
  const h = await emulatorFor(t);
  const grant = (extra: Record<string, string>) => form(h, { grant_type: 'authorization_code', client_id: 'demo-spa', redirect_uri: REDIRECT, ...extra });
  assert.deepEqual(await grant({ code: 'nothing', code_verifier: verifier }), refusal(403, 'invalid_grant', 'Invalid authorization code'));
  const webCode = await code(h, {}, 'demo-web');
  assert.deepEqual(await grant({ code: webCode, code_verifier: verifier }), refusal(403, 'invalid_grant', 'Invalid authorization code'), 'another client\'s code');
  assert.deepEqual(
    await grant({ code: await code(h), code_verifier: verifier, redirect_uri: 'http://localhost:3000/other' }),
    refusal(403, 'invalid_grant', 'redirect_uri does not match the one of the authorization request.'),
  );
  assert.deepEqual(await grant({ code: await code(h) }), refusal(403, 'invalid_grant', 'Failed to verify code verifier'), 'no verifier for a challenge');
  assert.deepEqual(await grant({ code: await code(h), code_verifier: 'x' }), refusal(403, 'invalid_grant', 'Failed to verify code verifier'));
  // A confidential client without PKCE needs no verifier.
  const { tx } = await loginPage(h, { client_id: 'demo-web' });
  const webOnly = new URL((await signIn(h, tx!)).headers.get('location')!).searchParams.get('code')!;
  const web = await form(h, { grant_type: 'authorization_code', client_id: 'demo-web', client_secret: 'demo-web-secret', code: webOnly, redirect_uri: REDIRECT });
  assert.equal(web.status, 200);
});

test('refresh: it may narrow the scope, not widen it; another audience is the one asked for', async (t) => {
  const h = await emulatorFor(t);
  const c = await code(h, { scope: 'openid email offline_access' });
  const first = await form(h, { grant_type: 'authorization_code', client_id: 'demo-spa', code: c, redirect_uri: REDIRECT, code_verifier: verifier });
  const refresh = (extra: Record<string, string>) => form(h, { grant_type: 'refresh_token', client_id: 'demo-spa', refresh_token: first.body.refresh_token, ...extra });
  assert.deepEqual(await refresh({ scope: 'openid profile' }), refusal(403, 'invalid_scope', 'A refresh can only narrow the scope of the login.'));
  assert.deepEqual(await refresh({ refresh_token: 'nothing' }), refusal(403, 'invalid_grant', 'Unknown or invalid refresh token.'));
  const narrowed = await refresh({ scope: 'openid offline_access', audience: 'https://api.example.com/' });
  assert.equal(narrowed.status, 200);
  assert.equal(narrowed.body.scope, 'openid offline_access');
  assert.deepEqual(claims(narrowed.body.access_token).aud, ['https://api.example.com/', `${h.url}/userinfo`]);
  const other = await form(h, { grant_type: 'authorization_code', client_id: 'demo-spa', code: await code(h, { scope: 'openid email offline_access' }), redirect_uri: REDIRECT, code_verifier: verifier });
  const plain = await form(h, { grant_type: 'refresh_token', client_id: 'demo-spa', refresh_token: other.body.refresh_token });
  assert.equal(plain.body.scope, 'openid email offline_access', 'without a scope, the login\'s');
  assert.equal(claims(plain.body.access_token).aud, `${h.url}/userinfo`, 'without an audience, the login\'s');
});

test('userinfo: the user of a live access token; mfa tokens, expired tokens and no token are refused', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user({ emailVerified: true, settings: { accessTokenTtl: 60 } });
  const { mfa_token, access_token } = await h.tokens(user.id, 'https://api.example.com/');
  assert.deepEqual((await h.getJson('/userinfo', access_token)).body, { sub: user.id, email: user.email, email_verified: true, name: user.email });
  const invalid = refusal(401, 'invalid_token', 'Invalid or expired access token.');
  const read = async (token?: string) => {
    const { status, body } = await h.getJson('/userinfo', token);
    return { status, body };
  };
  assert.deepEqual(await read(mfa_token), invalid);
  assert.deepEqual(await read(), invalid);
  h.advance(60);
  assert.deepEqual(await read(access_token), invalid);
  assert.deepEqual(await read(await h.managementToken()), invalid, 'a Management token names no user');
  const unverified = await h.user();
  const theirs = await h.tokens(unverified.id, 'https://api.example.com/');
  assert.equal((await h.getJson('/userinfo', theirs.access_token)).body.email_verified, false);
});

test('logout: back to an allowed return address with state, else a signed-out page', async (t) => {
  const h = await emulatorFor(t);
  const logout = async (path: string, query: Record<string, string>) => {
    const response = await fetch(`${h.url}${path}?${new URLSearchParams(query)}`, { redirect: 'manual' });
    return { status: response.status, location: response.headers.get('location'), text: await response.text() };
  };
  for (const path of ['/oidc/logout', '/v2/logout']) {
    const back = await logout(path, { client_id: 'demo-spa', post_logout_redirect_uri: 'http://localhost:3000/', state: 'bye' });
    assert.deepEqual([back.status, back.location], [302, 'http://localhost:3000/?state=bye'], path);
  }
  assert.equal((await logout('/v2/logout', { client_id: 'demo-spa', returnTo: 'http://localhost:3000/' })).location, 'http://localhost:3000/');
  for (const query of [{ returnTo: 'http://localhost:3000/' }, { client_id: 'demo-spa', returnTo: 'https://evil.example/' }, { client_id: 'nobody', returnTo: 'http://localhost:3000/' }, {}] as Record<string, string>[]) {
    const page = await logout('/oidc/logout', query);
    assert.deepEqual([page.status, page.location], [200, null], JSON.stringify(query));
    assert.match(page.text, /<p>You are signed out\.<\/p>/);
  }
});

test('refreshMfa "always": the step-up for a narrowed scope still issues the login\'s scope', async (t) => {
  const h = await emulatorFor(t, { refreshMfa: 'always' });
  const { tx } = await loginPage(h, { ...PKCE, scope: 'openid email offline_access' });
  const c = new URL((await signIn(h, tx!, 'enrolled@example.com')).headers.get('location')!).searchParams.get('code')!;
  const first = await form(h, { grant_type: 'authorization_code', client_id: 'demo-spa', code: c, redirect_uri: REDIRECT, code_verifier: verifier });
  const step = await form(h, { grant_type: 'refresh_token', client_id: 'demo-spa', refresh_token: first.body.refresh_token, scope: 'openid' });
  assert.equal(step.body.error, 'mfa_required');
  const recovery = await h.grant('mfa-recovery-code', { mfa_token: step.body.mfa_token, recovery_code: 'DEMORECOVERYCODE00000000' });
  assert.equal(recovery.status, 200);
  assert.equal(recovery.body.scope, 'openid email offline_access');
});
