import assert from 'node:assert/strict';
import { createHash, randomBytes } from 'node:crypto';
import { test } from 'node:test';
import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { TOTP } from 'otpauth';
import { emulatorFor, type Harness } from './helpers.js';

const verifier = randomBytes(32).toString('base64url');
const challenge = createHash('sha256').update(verifier).digest('base64url');
const REDIRECT = 'http://localhost:3000/callback';

/** Through the hosted page as a browser would: GET /authorize, post the form, read the redirect. */
async function login(h: Harness, query: Record<string, string>, password = 'demo', email = 'demo@example.com'): Promise<URL> {
  const params = new URLSearchParams({ response_type: 'code', client_id: 'demo-spa', redirect_uri: REDIRECT, ...query });
  const pageResponse = await h.get(`/authorize?${params}`);
  assert.equal(pageResponse.status, 200);
  const html = await pageResponse.text();
  assert.doesNotMatch(html, /<script|style=/);
  const tx = html.match(/name="tx" value="([^"]+)"/)?.[1];
  assert.ok(tx, 'the login page carries its transaction');
  const posted = await fetch(`${h.url}/u/login`, {
    method: 'POST',
    redirect: 'manual',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ tx, username: email, password }),
  });
  assert.equal(posted.status, 302, await posted.text());
  return new URL(posted.headers.get('location')!);
}

const form = (h: Harness, body: Record<string, string>, headers: Record<string, string> = {}) =>
  fetch(`${h.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body: new URLSearchParams(body),
  }).then(async (r) => ({ status: r.status, body: await r.json() }));

test('discovery and JWKS describe the tenant; tokens are RS256 and verify against the JWKS', async (t) => {
  const h = await emulatorFor(t, { now: Date.now });
  const { body: meta } = await h.getJson('/.well-known/openid-configuration');
  assert.equal(meta.issuer, `${h.url}/`);
  assert.equal(meta.authorization_endpoint, `${h.url}/authorize`);
  assert.equal(meta.token_endpoint, `${h.url}/oauth/token`);
  assert.deepEqual(meta.code_challenge_methods_supported, ['S256']);
  assert.deepEqual(meta.id_token_signing_alg_values_supported, ['RS256']);
  const { body: jwks } = await h.getJson('/.well-known/jwks.json');
  assert.equal(jwks.keys.length, 1);
  assert.equal(jwks.keys[0].kty, 'RSA');
  assert.equal(jwks.keys[0].d, undefined, 'no private part is published');

  const redirect = await login(h, { state: 'st', nonce: 'n-1', code_challenge: challenge, code_challenge_method: 'S256', scope: 'openid email offline_access' });
  assert.equal(redirect.origin + redirect.pathname, REDIRECT);
  assert.equal(redirect.searchParams.get('state'), 'st');
  const code = redirect.searchParams.get('code')!;
  const tokens = await form(h, { grant_type: 'authorization_code', client_id: 'demo-spa', code, redirect_uri: REDIRECT, code_verifier: verifier });
  assert.equal(tokens.status, 200, JSON.stringify(tokens.body));
  const keys = createRemoteJWKSet(new URL(meta.jwks_uri));
  const id = await jwtVerify(tokens.body.id_token, keys, { issuer: meta.issuer, audience: 'demo-spa' });
  assert.equal(id.protectedHeader.alg, 'RS256');
  assert.equal(id.payload.nonce, 'n-1');
  assert.equal(id.payload.email, 'demo@example.com');
  const access = await jwtVerify(tokens.body.access_token, keys, { issuer: meta.issuer });
  assert.equal(decodeProtectedHeader(tokens.body.access_token).typ, 'at+jwt');
  assert.equal(access.payload.sub, id.payload.sub);
  assert.equal(typeof tokens.body.refresh_token, 'string');
  const info = await h.getJson('/userinfo', tokens.body.access_token);
  assert.equal(info.body.email, 'demo@example.com');

  // A code is single use.
  const again = await form(h, { grant_type: 'authorization_code', client_id: 'demo-spa', code, redirect_uri: REDIRECT, code_verifier: verifier });
  assert.equal(again.status, 403);
  assert.equal(again.body.error, 'invalid_grant');
});

test('PKCE: a wrong verifier, a public client without a challenge, a foreign redirect_uri are refused', async (t) => {
  const h = await emulatorFor(t);
  const redirect = await login(h, { code_challenge: challenge, code_challenge_method: 'S256' });
  const wrong = await form(h, {
    grant_type: 'authorization_code',
    client_id: 'demo-spa',
    code: redirect.searchParams.get('code')!,
    redirect_uri: REDIRECT,
    code_verifier: randomBytes(32).toString('base64url'),
  });
  assert.equal(wrong.status, 403);
  assert.equal(wrong.body.error, 'invalid_grant');

  const noPkce = await fetch(`${h.url}/authorize?${new URLSearchParams({ response_type: 'code', client_id: 'demo-spa', redirect_uri: REDIRECT, state: 's' })}`, { redirect: 'manual' });
  assert.equal(noPkce.status, 302);
  const error = new URL(noPkce.headers.get('location')!);
  assert.equal(error.searchParams.get('error'), 'invalid_request');
  assert.equal(error.searchParams.get('state'), 's');

  const foreign = await h.get(`/authorize?${new URLSearchParams({ response_type: 'code', client_id: 'demo-spa', redirect_uri: 'https://evil.example/cb', code_challenge: challenge, code_challenge_method: 'S256' })}`);
  assert.equal(foreign.status, 400, 'no redirect to a host the client does not own');
  assert.equal(foreign.headers.get('location'), null);
});

test('a wrong password re-shows the form with an alert and keeps the transaction', async (t) => {
  const h = await emulatorFor(t);
  const params = new URLSearchParams({ response_type: 'code', client_id: 'demo-spa', redirect_uri: REDIRECT, code_challenge: challenge, code_challenge_method: 'S256' });
  const tx = (await (await h.get(`/authorize?${params}`)).text()).match(/name="tx" value="([^"]+)"/)![1]!;
  const post = (password: string) =>
    fetch(`${h.url}/u/login`, { method: 'POST', redirect: 'manual', body: new URLSearchParams({ tx, username: 'demo@example.com', password }) });
  const bad = await post('nope');
  assert.equal(bad.status, 401);
  assert.match(await bad.text(), /role="alert">Wrong email or password/);
  assert.equal((await post('demo')).status, 302);
  assert.equal((await post('demo')).status, 400, 'a completed transaction cannot be replayed');
});

test('refresh tokens rotate; reusing a spent one revokes the family', async (t) => {
  const h = await emulatorFor(t);
  const redirect = await login(h, { code_challenge: challenge, code_challenge_method: 'S256', scope: 'openid offline_access' });
  const first = await form(h, { grant_type: 'authorization_code', client_id: 'demo-spa', code: redirect.searchParams.get('code')!, redirect_uri: REDIRECT, code_verifier: verifier });
  const rt1 = first.body.refresh_token;
  const second = await form(h, { grant_type: 'refresh_token', client_id: 'demo-spa', refresh_token: rt1 });
  assert.equal(second.status, 200);
  const rt2 = second.body.refresh_token;
  assert.notEqual(rt2, rt1);
  const reused = await form(h, { grant_type: 'refresh_token', client_id: 'demo-spa', refresh_token: rt1 });
  assert.equal(reused.status, 403);
  assert.equal(reused.body.error, 'invalid_grant');
  const revoked = await form(h, { grant_type: 'refresh_token', client_id: 'demo-spa', refresh_token: rt2 });
  assert.equal(revoked.status, 403, 'the newer token of the family is revoked too');
  const other = await form(h, { grant_type: 'refresh_token', client_id: 'demo-web', client_secret: 'demo-web-secret', refresh_token: rt2 });
  assert.equal(other.body.error, 'invalid_grant');
});

test('a refresh for the MFA audience answers mfa_required; the MFA grant then yields MFA-API tokens', async (t) => {
  const h = await emulatorFor(t);
  const redirect = await login(h, { code_challenge: challenge, code_challenge_method: 'S256', scope: 'openid offline_access' }, 'demo', 'enrolled@example.com');
  const first = await form(h, { grant_type: 'authorization_code', client_id: 'demo-spa', code: redirect.searchParams.get('code')!, redirect_uri: REDIRECT, code_verifier: verifier });
  const step = await form(h, { grant_type: 'refresh_token', client_id: 'demo-spa', refresh_token: first.body.refresh_token, audience: `${h.url}/mfa/` });
  assert.equal(step.status, 403);
  assert.equal(step.body.error, 'mfa_required');
  assert.deepEqual(step.body.mfa_requirements, { challenge: [{ type: 'otp' }, { type: 'recovery-code' }, { type: 'phone' }, { type: 'oob' }] });
  const otp = new TOTP({ secret: 'JBSWY3DPEHPK3PXP' }).generate({ timestamp: h.now() });
  const done = await h.grant('mfa-otp', { mfa_token: step.body.mfa_token, otp });
  assert.equal(done.status, 200, JSON.stringify(done.body));
  const list = await h.getJson('/mfa/authenticators', done.body.access_token);
  assert.equal(list.status, 200);
  assert.ok(list.body.some((a: { type: string }) => a.type === 'otp'));
  // Other audiences refresh without MFA, and the refresh token survived the mfa_required.
  const plain = await form(h, { grant_type: 'refresh_token', client_id: 'demo-spa', refresh_token: first.body.refresh_token });
  assert.equal(plain.status, 200);
});

test('refreshMfa "always" and "never"', async (t) => {
  for (const [policy, status] of [['always', 403], ['never', 200]] as const) {
    const h = await emulatorFor(t, { refreshMfa: policy });
    const redirect = await login(h, { code_challenge: challenge, code_challenge_method: 'S256', scope: 'openid offline_access' });
    const first = await form(h, { grant_type: 'authorization_code', client_id: 'demo-spa', code: redirect.searchParams.get('code')!, redirect_uri: REDIRECT, code_verifier: verifier });
    const refreshed = await form(h, { grant_type: 'refresh_token', client_id: 'demo-spa', refresh_token: first.body.refresh_token, audience: `${h.url}/mfa/` });
    assert.equal(refreshed.status, status, policy);
  }
});

test('client authentication by HTTP Basic; a wrong secret or two different ids are refused', async (t) => {
  const h = await emulatorFor(t);
  const basic = (id: string, secret: string) => ({ authorization: `Basic ${Buffer.from(`${id}:${secret}`).toString('base64')}` });
  const ok = await form(h, { grant_type: 'password', username: 'demo@example.com', password: 'demo' }, basic('demo-web', 'demo-web-secret'));
  assert.equal(ok.body.error, 'mfa_required');
  const wrong = await form(h, { grant_type: 'password', username: 'demo@example.com', password: 'demo' }, basic('demo-web', 'nope'));
  assert.equal(wrong.status, 401);
  assert.equal(wrong.body.error, 'invalid_client');
  const both = await form(h, { grant_type: 'password', client_id: 'demo-spa', username: 'demo@example.com', password: 'demo' }, basic('demo-web', 'demo-web-secret'));
  assert.equal(both.status, 400);
  const m2m = await form(h, { grant_type: 'client_credentials', audience: `${h.url}/api/v2/` }, basic('demo-m2m', 'demo-m2m-secret'));
  assert.equal(m2m.status, 200);
});

test('a configured issuer is the discovery issuer and every token\'s iss', async (t) => {
  const h = await emulatorFor(t, { issuer: 'https://tenant.example', now: Date.now });
  const { body: meta } = await h.getJson('/.well-known/openid-configuration');
  assert.equal(meta.issuer, 'https://tenant.example/');
  assert.equal(meta.jwks_uri, 'https://tenant.example/.well-known/jwks.json');
  const { body: jwks } = await h.getJson('/.well-known/jwks.json');
  const redirect = await login(h, { code_challenge: challenge, code_challenge_method: 'S256' });
  const tokens = await form(h, { grant_type: 'authorization_code', client_id: 'demo-spa', code: redirect.searchParams.get('code')!, redirect_uri: REDIRECT, code_verifier: verifier });
  const { createLocalJWKSet } = await import('jose');
  const id = await jwtVerify(tokens.body.id_token, createLocalJWKSet(jwks), { issuer: 'https://tenant.example/', audience: 'demo-spa' });
  assert.equal(id.payload.iss, 'https://tenant.example/');
});

test('logins in progress are bounded: the oldest of more than 10 000 is dropped', async () => {
  const { LoginStore } = await import('../../src/emulator/login-store.js');
  const store = new LoginStore(() => 0);
  const first = store.begin({ clientId: 'demo-spa', redirectUri: REDIRECT, scope: 'openid' });
  const second = store.begin({ clientId: 'demo-spa', redirectUri: REDIRECT, scope: 'openid' });
  for (let i = 0; i < 9_999; i++) store.begin({ clientId: 'demo-spa', redirectUri: REDIRECT, scope: 'openid' });
  assert.equal(store.transaction(first), undefined);
  assert.ok(store.transaction(second));
});
