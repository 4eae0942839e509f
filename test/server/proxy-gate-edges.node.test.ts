/**
 * The proxy's front door on the cases proxy-gate.node.test.ts leaves out: an app's own limit store,
 * an allowed page on another site (Fetch Metadata says cross-site, its Origin is allowed), an allowed
 * origin that is no URL, and paths with extra or empty segments. Against the emulator over HTTP.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { LimitStore } from '../../src/server/index.js';
import { BASE, harness, readJson, send } from './fixtures/harness.js';

describe('createMfaProxy: rateLimit.store', () => {
  it('a store given with the limit decides, asked per session user with the limit’s numbers; its wait reaches the browser', async (t) => {
    const h = await harness(t);
    const user = await h.user({ seed: [{ factor: 'otp' }] });
    const asked: Array<[string, unknown]> = [];
    let allow = true;
    const store: LimitStore = {
      take: async (key, options) => {
        asked.push([key, { ...options }]);
        return allow ? { ok: true, remaining: 5 } : { ok: false, retryAfter: 42 };
      },
    };
    const proxy = h.proxy({ rateLimit: { limit: 2, windowMs: 1000, store } });
    assert.equal((await send(proxy, 'GET', `${BASE}/authenticators`, { user })).status, 200);
    allow = false;
    const refused = await send(proxy, 'GET', `${BASE}/authenticators`, { user });
    assert.deepEqual([refused.status, refused.headers.get('retry-after'), (await readJson(refused)).error], [429, '42', 'too_many_requests']);
    assert.deepEqual(asked, [
      [user.id, { limit: 2, windowMs: 1000 }],
      [user.id, { limit: 2, windowMs: 1000 }],
    ]);
    allow = true;
    for (let i = 0; i < 5; i++) assert.equal((await send(proxy, 'GET', `${BASE}/authenticators`, { user })).status, 200, `the store allows, not a bucket of 2 (request ${i + 1})`);
  });
});

describe('createMfaProxy: origins', () => {
  it('an allowed page on another site passes whatever Sec-Fetch-Site says: the Origin decides when there is one', async (t) => {
    const h = await harness(t);
    const user = await h.user();
    const proxy = h.proxy({ allowedOrigins: ['https://app.example.com'] });
    for (const site of ['cross-site', 'same-site']) {
      const res = await send(proxy, 'POST', `${BASE}/verify`, { user, json: {}, origin: 'https://app.example.com', headers: { 'sec-fetch-site': site } });
      assert.deepEqual([res.status, (await readJson(res)).error], [400, 'invalid_request'], `${site}: past CSRF, stopped by validation`);
    }
  });

  it('an allowed origin that is no URL matches itself only, not every other unreadable Origin', async (t) => {
    const h = await harness(t);
    const user = await h.user();
    const proxy = h.proxy({ allowedOrigins: ['app-scheme-without-colon'] });
    const itself = await send(proxy, 'POST', `${BASE}/verify`, { user, json: {}, origin: 'app-scheme-without-colon' });
    assert.equal(itself.status, 400, 'past CSRF');
    const other = await send(proxy, 'POST', `${BASE}/verify`, { user, json: {}, origin: 'another unreadable origin' });
    assert.deepEqual([other.status, await readJson(other)], [403, { error: 'csrf_rejected', error_description: 'This origin may not call the MFA proxy.' }]);
  });
});

describe('createMfaProxy: which methods change state', () => {
  it('PATCH (the My Account update) needs an Origin and the CSRF header like POST and DELETE; a PUT has no route at all', async (t) => {
    const h = await harness(t);
    const user = await h.user();
    const proxy = h.proxy();
    const path = `${BASE}/me/authentication-methods/${encodeURIComponent('phone|dev_1')}`;
    const noOrigin = await send(proxy, 'PATCH', path, { user, json: { name: 'x' }, origin: null });
    assert.deepEqual([noOrigin.status, await readJson(noOrigin)], [403, { error: 'csrf_rejected', error_description: 'The Origin header is missing.' }]);
    const noHeader = await send(proxy, 'PATCH', path, { user, json: { name: 'x' }, csrf: false });
    assert.deepEqual([noHeader.status, await readJson(noHeader)], [403, { error: 'csrf_rejected', error_description: 'The x-requested-with: mfa-elements header is missing.' }]);
    for (const put of [BASE, `${BASE}/authenticators`, `${BASE}/verify`, path]) {
      const res = await send(proxy, 'PUT', put, { user, json: {}, origin: null, csrf: false });
      assert.equal(res.status, 405, `PUT ${put}: refused by the route table, before CSRF`);
    }
    assert.deepEqual(h.upstream, [], 'nothing reached Auth0');
  });
});

describe('createMfaProxy: paths', () => {
  it('a path with a segment more than a route has, or an empty segment inside it, is a bare 404', async (t) => {
    const h = await harness(t);
    const user = await h.user({ seed: [{ factor: 'otp' }] });
    const proxy = h.proxy();
    const otp = user.seeded[0]!.authenticators.find((a) => a.authenticator_type === 'otp')!;
    for (const [method, path] of [
      ['DELETE', `${BASE}/authenticators/${encodeURIComponent(otp.id)}/more`],
      ['GET', `${BASE}//authenticators`],
      ['DELETE', `${BASE}/authenticators//${encodeURIComponent(otp.id)}`],
    ] as const) {
      const res = await send(proxy, method, path, { user });
      assert.deepEqual([res.status, await res.text()], [404, 'Not Found'], `${method} ${path}`);
    }
    assert.deepEqual(h.upstream, [], 'nothing reached Auth0');
    assert.equal((await send(proxy, 'GET', `${BASE}/authenticators`, { user })).status, 200, 'the route itself is there');
  });
});
