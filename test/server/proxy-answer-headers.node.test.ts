/**
 * The headers of every kind of answer the proxy gives a page (src/server/responses.ts): each one
 * `no-store` (they carry per-user state) and `nosniff`, JSON with its charset, the bare 404 and the
 * 405 as plain text, a 204 with no body. Against the real emulator, through `createMfaProxy`.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BASE, harness, send } from './fixtures/harness.js';

const headersOf = (res: Response) => ({
  'cache-control': res.headers.get('cache-control'),
  'x-content-type-options': res.headers.get('x-content-type-options'),
  'content-type': res.headers.get('content-type'),
});
const JSON_HEADERS = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'content-type': 'application/json; charset=utf-8' };
const TEXT_HEADERS = { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'content-type': 'text/plain; charset=utf-8' };

describe('proxy answers: headers of each kind', () => {
  it('a success, a refusal before Auth0, an Auth0 error passed on, a 5xx: no-store, nosniff, JSON', async (t) => {
    const h = await harness(t);
    const proxy = h.proxy();
    const user = await h.user({ seed: [{ factor: 'otp' }] });
    const ok = await send(proxy, 'GET', `${BASE}/authenticators`, { user });
    assert.deepEqual([ok.status, headersOf(ok)], [200, JSON_HEADERS]);
    const unsigned = await send(proxy, 'GET', `${BASE}/authenticators`);
    assert.deepEqual([unsigned.status, headersOf(unsigned)], [401, JSON_HEADERS]);
    await h.admin.fault({ path: '/mfa/authenticators', status: 429, body: { error: 'too_many_requests' }, headers: { 'retry-after': '5' } });
    const limited = await send(proxy, 'GET', `${BASE}/authenticators`, { user });
    assert.deepEqual([limited.status, headersOf(limited), limited.headers.get('retry-after')], [429, JSON_HEADERS, '5']);
    await h.admin.fault({ path: '/mfa/authenticators', status: 500, body: { error: 'server_error' } });
    const failed = await send(proxy, 'GET', `${BASE}/authenticators`, { user });
    assert.deepEqual([failed.status, headersOf(failed)], [502, JSON_HEADERS]);
  });

  it('the bare 404 and the 405 are plain text with no-store and nosniff; a removal is a 204 with no body and no type', async (t) => {
    const h = await harness(t);
    const proxy = h.proxy({ management: undefined });
    const user = await h.user({ tokens: 'both', seed: [{ factor: 'email', email: 'me@example.com' }] });
    const missing = await send(proxy, 'GET', `${BASE}/nothing/here`, { user });
    assert.deepEqual([missing.status, await missing.text(), headersOf(missing)], [404, 'Not Found', TEXT_HEADERS]);
    const wrong = await send(proxy, 'PUT', `${BASE}/authenticators`, { user });
    assert.deepEqual([wrong.status, await wrong.text(), headersOf(wrong), wrong.headers.get('allow')], [405, 'Method Not Allowed', TEXT_HEADERS, 'GET']);
    const email = user.seeded[0]!.authenticators.find((a) => a.oob_channel === 'email')!;
    const removed = await send(proxy, 'DELETE', `${BASE}/authenticators/${encodeURIComponent(email.id)}`, { user });
    assert.deepEqual(
      [removed.status, await removed.text(), headersOf(removed)],
      [204, '', { 'cache-control': 'no-store', 'x-content-type-options': 'nosniff', 'content-type': null }],
    );
  });
});
