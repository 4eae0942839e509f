/**
 * `createMfaProxy`'s My Account routes (`{base}/me/…`) with `MyAccountSource({ baseUrl })` as the
 * page's client, against a real emulator over HTTP. The handler is called in-process as a
 * same-origin page would (Origin on state changes).
 */
import assert from 'node:assert/strict';
import { test, type TestContext } from 'node:test';
import { MyAccountSource } from '../../src/core/my-account-source.js';
import type { FetchLike } from '../../src/core/types.js';
import { createMfaProxy, type ProxySession } from '../../src/server/proxy.js';
import { totpCode } from '../../src/emulator/totp.js';
import { start } from '../emulator/helpers.js';
import { rejects } from '../helpers/rejects.js';

const APP = 'http://app.test';
const BASE = '/api/auth/mfa';
const TOTP = { algorithm: 'SHA1' as const, digits: 6, period: 30 };

async function setup(t: TestContext, scope?: string[], proxyScope?: string) {
  const h = await start();
  t.after(() => h.close());
  const user = await h.user();
  const other = await h.user();
  const token = async (id: string) =>
    (await h.postJson(`/__emulator/users/${encodeURIComponent(id)}/my-account-token`, scope ? { scope } : {})).body.access_token as string;
  const session: ProxySession = { userId: user.id, myAccountToken: await token(user.id), ...(proxyScope !== undefined && { myAccountScope: proxyScope }) };
  const upstream: string[] = [];
  const proxy = createMfaProxy({
    domain: h.url,
    clientId: 'demo-spa',
    getSession: () => session,
    rateLimit: false,
    fetch: async (input, init) => (upstream.push(`${init?.method ?? 'GET'} ${new URL(input).pathname}`), fetch(input, init)),
  });
  const seen: { status: number; headers: Headers }[] = [];
  const page: FetchLike = async (input, init = {}) => {
    const headers = new Headers(init.headers);
    if ((init.method ?? 'GET') !== 'GET') headers.set('origin', APP);
    const response = await proxy(new Request(new URL(input, APP), { ...init, headers }));
    seen.push({ status: response.status, headers: response.headers });
    return response;
  };
  const source = new MyAccountSource({ baseUrl: `${BASE}/me`, fetch: page });
  return { h, user, other, token, source, page, seen, upstream };
}

test('through the proxy: enroll and verify totp, rename, remove; Location names the proxy, never Auth0', async (t) => {
  const { h, source, seen, upstream } = await setup(t);
  assert.deepEqual(await source.listAuthenticators(), []);
  assert.deepEqual((await source.listFactors()).map((f) => f.factor).sort(), ['email', 'otp', 'push', 'recovery-code', 'sms', 'voice']);
  const enrollment = await source.enroll({ factor: 'otp' });
  const location = seen.at(-1)!.headers.get('location')!;
  assert.match(location, /^\/api\/auth\/mfa\/me\/authentication-methods\/totp%7Cdev_/);
  assert.ok(!location.includes(new URL(h.url).host));
  if (enrollment.type !== 'otp') assert.fail(enrollment.type);
  const { authenticator } = await source.verify({ type: 'otp', otp: totpCode(enrollment.secret, TOTP, h.now()) });
  assert.equal(authenticator?.active, true);
  assert.equal((await source.rename(authenticator!.id, 'Phone')).name, 'Phone');
  await source.remove(authenticator!.id);
  assert.deepEqual(upstream, [
    'GET /me/v1/authentication-methods',
    'GET /me/v1/factors',
    'POST /me/v1/authentication-methods',
    `POST /me/v1/authentication-methods/${encodeURIComponent(authenticator!.id)}/verify`,
    `PATCH /me/v1/authentication-methods/${encodeURIComponent(authenticator!.id)}`,
    `DELETE /me/v1/authentication-methods/${encodeURIComponent(authenticator!.id)}`,
  ]);
});

test('a user reaches only their own methods: another user\'s id is not found with the session\'s token', async (t) => {
  const { h, other, source, token } = await setup(t);
  const theirs = await fetch(`${h.url}/me/v1/authentication-methods`, {
    method: 'POST',
    headers: { authorization: `Bearer ${await token(other.id)}`, 'content-type': 'application/json' },
    body: JSON.stringify({ type: 'totp' }),
  }).then((r) => r.json());
  await rejects(source.remove(theirs.id), 'not_found');
  await rejects(source.rename(theirs.id, 'mine'), 'not_found');
});

test('CSRF, validation, scopes and body shape are checked before Auth0', async (t) => {
  const { page, upstream } = await setup(t, undefined, 'read:me:authentication_methods');
  const post = (path: string, body: unknown, headers: Record<string, string> = { 'x-requested-with': 'mfa-elements' }) =>
    page(`${BASE}/me${path}`, { method: 'POST', headers: { 'content-type': 'application/json', ...headers }, body: JSON.stringify(body) });
  const noCsrf = await post('/authentication-methods', { type: 'totp' }, {});
  assert.equal(noCsrf.status, 403);
  assert.equal((await noCsrf.json()).error, 'csrf_rejected');
  const scope = await post('/authentication-methods', { type: 'totp' });
  assert.equal(scope.status, 403);
  assert.equal((await scope.json()).error, 'insufficient_scope');
  const badId = await page(`${BASE}/me/authentication-methods/..%2F..%2Fadmin`, { method: 'DELETE', headers: { 'x-requested-with': 'mfa-elements' } });
  assert.equal(badId.status, 400);
  assert.equal((await page(`${BASE}/me/authentication-methods/totp%7Cx/other`)).status, 404);
  assert.equal(upstream.length, 0);
});

test('validation of bodies: unknown type, bad phone, extra fields dropped', async (t) => {
  const { page, upstream, source } = await setup(t);
  const post = (body: unknown) =>
    page(`${BASE}/me/authentication-methods`, { method: 'POST', headers: { 'content-type': 'application/json', 'x-requested-with': 'mfa-elements' }, body: JSON.stringify(body) });
  assert.equal((await post({ type: 'password' })).status, 400);
  assert.equal((await post({ type: 'phone', phone_number: 'call me' })).status, 400);
  assert.equal(upstream.length, 0);
  // The client refuses it too, before any request.
  await rejects(source.enroll({ factor: 'sms', phoneNumber: 'call me' }), 'invalid_input');
  const started = await post({ type: 'totp', connection: 'evil', identity_user_id: 'auth0|other' });
  assert.equal(started.status, 202);
  assert.equal(upstream.length, 1);
});

test('no session token: invalid_token; Auth0\'s 429 passes with Retry-After', async (t) => {
  const { h, source } = await setup(t);
  await h.postJson('/__emulator/my-account/limits', { reads: 1, writes: 1 });
  await source.listAuthenticators();
  const limited = await rejects(source.listAuthenticators(), 'too_many_requests');
  assert.ok(limited.retryAfter! > 0);
  const bare = createMfaProxy({ domain: h.url, clientId: 'demo-spa', getSession: () => ({ userId: 'auth0|x' }), rateLimit: false });
  const response = await bare(new Request(`${APP}${BASE}/me/authentication-methods`));
  assert.equal(response.status, 401);
  assert.equal((await response.json()).error, 'invalid_token');
});
