/**
 * The proxy's front door as an app and a browser meet it: what `createMfaProxy` refuses to be built
 * with, which paths and methods it serves under `basePath`, the exact refusals of the CSRF, session
 * and rate-limit checks, all before anything reaches Auth0.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createMfaProxy, DEFAULT_BASE_PATH, DEFAULT_RATE_LIMIT } from '../../src/server/index.js';
import { APP_ORIGIN, BASE, harness, readJson, send } from './fixtures/harness.js';

describe('createMfaProxy: configuration', () => {
  it('refuses to start without a client id or a session reader, with a base path not starting with /, or a limit that cannot hold', () => {
    const base = { domain: 'https://tenant.example', clientId: 'c', getSession: () => null };
    assert.throws(() => createMfaProxy({ ...base, clientId: '' }), { name: 'TypeError', message: 'createMfaProxy: clientId is required' });
    assert.throws(() => createMfaProxy({ ...base, getSession: undefined as never }), { name: 'TypeError', message: 'createMfaProxy: getSession is required' });
    assert.throws(() => createMfaProxy({ ...base, basePath: 'api/mfa' }), { name: 'TypeError', message: 'createMfaProxy: basePath must start with /' });
    for (const rateLimit of [{ limit: 0, windowMs: 1000 }, { limit: 1, windowMs: 0 }, { limit: Number.NaN, windowMs: 1000 }, { limit: 1, windowMs: Number.NaN }]) {
      assert.throws(() => createMfaProxy({ ...base, rateLimit }), { name: 'RangeError', message: 'rateLimit: limit ≥ 1 and windowMs > 0 are required' }, JSON.stringify(rateLimit));
    }
    assert.equal(typeof createMfaProxy({ ...base, basePath: '/', rateLimit: { limit: 1, windowMs: 1 } }), 'function');
    assert.equal(DEFAULT_BASE_PATH, '/api/auth/mfa');
    assert.deepEqual(DEFAULT_RATE_LIMIT, { limit: 60, windowMs: 60_000 });
  });

  it('serves its routes under basePath only, with or without a trailing slash, and at the root with "/"', async (t) => {
    const h = await harness(t);
    const user = await h.user();
    const status = async (proxy: (r: Request) => Promise<Response>, path: string) => (await send(proxy, 'GET', path, { user })).status;
    const trailing = h.proxy({ basePath: '/mfa/' });
    assert.equal(await status(trailing, '/mfa/authenticators'), 200);
    assert.equal(await status(trailing, '/mfa/authenticators/'), 200);
    assert.equal(await status(trailing, '/mfa-other/authenticators'), 404);
    assert.equal(await status(trailing, '/mfaauthenticators'), 404);
    assert.equal(await status(h.proxy({ basePath: '/' }), '/authenticators'), 200);
    assert.equal(await status(h.proxy({ basePath: '/mfa//' }), '/mfa/authenticators'), 200, 'every trailing slash is dropped');
    assert.equal(await status(h.proxy({ basePath: undefined }), `${DEFAULT_BASE_PATH}/authenticators`), 200);
    const malformed = await send(trailing, 'GET', '/mfa/%E0%A4%A', { user });
    assert.deepEqual([malformed.status, await readJson(malformed)], [400, { error: 'invalid_request', error_description: 'Malformed path.' }]);
  });

  it('answers 405 with the methods a route allows, and a bare 404 for the Management routes when it has no Management credentials', async (t) => {
    const h = await harness(t);
    const user = await h.user();
    const proxy = h.proxy();
    const allow = async (p: (r: Request) => Promise<Response>, method: string, path: string) => {
      const res = await send(p, method, path, { user });
      return `${res.status} ${res.headers.get('allow') ?? ''}`.trim();
    };
    assert.equal(await allow(proxy, 'PUT', BASE), '405 GET, POST');
    assert.equal(await allow(proxy, 'POST', `${BASE}/authenticators`), '405 GET');
    for (const route of ['associate', 'challenge', 'verify']) assert.equal(await allow(proxy, 'GET', `${BASE}/${route}`), '405 POST', route);
    assert.equal(await allow(proxy, 'GET', `${BASE}/recovery-code`), '405 POST');
    assert.equal(await allow(proxy, 'GET', `${BASE}/${encodeURIComponent('totp|dev_1')}`), '405 DELETE');
    assert.equal(await allow(proxy, 'GET', `${BASE}/authenticators/${encodeURIComponent('totp|dev_1')}`), '405 DELETE');
    assert.equal(await allow(proxy, 'DELETE', `${BASE}/other/${encodeURIComponent('totp|dev_1')}`), '404');

    const mfaOnly = h.proxy({ management: undefined });
    for (const [method, path] of [
      ['GET', BASE],
      ['POST', BASE],
      ['POST', `${BASE}/recovery-code`],
      ['DELETE', `${BASE}/${encodeURIComponent('totp|dev_1')}`],
    ]) {
      const res = await send(mfaOnly, method!, path!, { user, json: method === 'POST' ? {} : undefined });
      assert.deepEqual([res.status, await res.text()], [404, 'Not Found'], `${method} ${path}`);
    }
    assert.equal(await allow(mfaOnly, 'GET', `${BASE}/authenticators`), '200');
    assert.deepEqual(h.upstream.filter((c) => c.path.startsWith('/api/v2')), [], 'no Management call from the MFA-only proxy');
  });
});

describe('createMfaProxy: the checks before Auth0, as the browser reads them', () => {
  it('CSRF refusals say which rule failed; the header value is compared without case', async (t) => {
    const h = await harness(t);
    const proxy = h.proxy();
    const user = await h.user();
    const refusal = async (res: Response) => [res.status, await readJson(res)];
    const csrf = (description: string) => [403, { error: 'csrf_rejected', error_description: description }];
    assert.deepEqual(await refusal(await send(proxy, 'POST', `${BASE}/verify`, { user, json: {}, origin: 'https://evil.example' })), csrf('This origin may not call the MFA proxy.'));
    assert.deepEqual(await refusal(await send(proxy, 'POST', `${BASE}/verify`, { user, json: {}, origin: 'not a url' })), csrf('This origin may not call the MFA proxy.'));
    assert.deepEqual(await refusal(await send(proxy, 'GET', `${BASE}/authenticators`, { user, headers: { 'sec-fetch-site': 'cross-site' } })), csrf('Cross-site requests may not call the MFA proxy.'));
    assert.deepEqual(await refusal(await send(proxy, 'POST', `${BASE}/verify`, { user, json: {}, origin: null })), csrf('The Origin header is missing.'));
    assert.deepEqual(await refusal(await send(proxy, 'POST', `${BASE}/verify`, { user, json: {}, csrf: false })), csrf('The x-requested-with: mfa-elements header is missing.'));
    assert.deepEqual(h.upstream, []);
    const upper = await send(proxy, 'POST', `${BASE}/verify`, { user, json: {}, csrf: false, headers: { 'x-requested-with': 'MFA-Elements' } });
    assert.equal(upper.status, 400, 'past CSRF, stopped by validation');
    // Without allowedOrigins, the proxy's own origin is the one allowed.
    const own = h.proxy({ allowedOrigins: undefined });
    assert.equal((await send(own, 'POST', `${BASE}/verify`, { user, json: {}, origin: APP_ORIGIN })).status, 400);
    assert.equal((await send(own, 'POST', `${BASE}/verify`, { user, json: {}, origin: 'http://other.test' })).status, 403);
    // An allowed origin without a host of its own (a file: page) matches only itself, never a page
    // whose origin is opaque (`Origin: null`: a sandboxed iframe, a data: URL).
    const opaque = h.proxy({ allowedOrigins: ['file:///app/index.html'] });
    assert.deepEqual(await refusal(await send(opaque, 'POST', `${BASE}/verify`, { user, json: {}, origin: 'null' })), csrf('This origin may not call the MFA proxy.'));
    assert.equal((await send(opaque, 'POST', `${BASE}/verify`, { user, json: {}, origin: 'file:///app/index.html' })).status, 400, 'past CSRF');
  });

  it('no session is a 401 that says so; a session without a user id is the app’s bug (a 500, reported)', async (t) => {
    const h = await harness(t);
    const res = await send(h.proxy(), 'GET', `${BASE}/authenticators`);
    assert.deepEqual([res.status, await readJson(res)], [401, { error: 'login_required', error_description: 'No signed-in user.' }]);
    for (const userId of ['', 42]) {
      const broken = h.proxy({ getSession: () => ({ userId }) as never });
      const answer = await send(broken, 'GET', `${BASE}/authenticators`);
      assert.deepEqual([answer.status, await readJson(answer)], [500, { error: 'server_error', error_description: 'Internal error.' }]);
    }
    assert.deepEqual(h.errors.map(String), ['TypeError: getSession() returned no userId', 'TypeError: getSession() returned no userId']);
  });

  it('the default limit is 60 requests a minute per user; rateLimit: false turns it off', async (t) => {
    const h = await harness(t);
    const user = await h.user();
    const now = Date.UTC(2026, 0, 1);
    const limited = h.proxy({ rateLimit: undefined, now: () => now });
    // Invalid requests: counted, and answered without an upstream call.
    for (let i = 0; i < 60; i++) assert.equal((await send(limited, 'POST', `${BASE}/verify`, { user, json: {} })).status, 400, `request ${i + 1}`);
    const over = await send(limited, 'POST', `${BASE}/verify`, { user, json: {} });
    assert.deepEqual([over.status, over.headers.get('retry-after'), await readJson(over)], [
      429,
      '1',
      { error: 'too_many_requests', error_description: 'Too many requests; try again later.' },
    ]);
    const unlimited = h.proxy({ rateLimit: false, now: () => now });
    for (let i = 0; i < 70; i++) assert.equal((await send(unlimited, 'POST', `${BASE}/verify`, { user, json: {} })).status, 400, `unlimited ${i + 1}`);
  });

  it('without onError, failures go to console.error as one line each; without fetch, Node’s HTTP client is used', async (t) => {
    const h = await harness(t);
    const user = await h.user({ seed: [{ factor: 'otp' }] });
    const logged: unknown[][] = [];
    t.mock.method(console, 'error', (...args: unknown[]) => logged.push(args));
    const proxy = h.proxy({ onError: undefined, fetch: undefined });
    assert.equal((await send(proxy, 'GET', `${BASE}/authenticators`, { user })).status, 200, 'Node’s HTTP client reached the emulator');
    assert.deepEqual(h.upstream, [], 'not through the harness spy');
    await h.admin.fault({ path: '/mfa/authenticators', status: 500 });
    assert.equal((await send(proxy, 'GET', `${BASE}/authenticators`, { user })).status, 502);
    const throwing = h.proxy({ onError: undefined, getSession: () => { throw 'a string, not an Error'; } });
    assert.equal((await send(throwing, 'GET', `${BASE}/authenticators`, { user })).status, 500);
    assert.deepEqual(logged, [
      ['[mfa-proxy]', 'Error: Auth0 answered 500'],
      ['[mfa-proxy]', 'a string, not an Error'],
    ]);
  });

  it('exposeTokens only when it is true; ticket hosts compared without case', async (t) => {
    const h = await harness(t);
    const user = await h.user({ seed: [{ factor: 'otp' }] });
    await h.admin.fault({ path: '/oauth/token', user_id: user.id, status: 200, body: { access_token: 'AT', token_type: 'Bearer' } });
    const notQuite = h.proxy({ exposeTokens: 'yes' as never });
    assert.deepEqual(await readJson(await send(notQuite, 'POST', `${BASE}/verify`, { user, json: { otp: '123456' } })), { success: true });
    const upper = h.proxy({
      ticketHosts: ['Login.Example.COM'],
      fetch: async (input, init) =>
        input.endsWith('/api/v2/guardian/enrollments/ticket')
          ? Response.json({ ticket_id: 't', ticket_url: 'https://login.example.com/guardian/enroll?ticket=t' })
          : fetch(input, init),
    });
    const ticket = await send(upper, 'POST', BASE, { user, json: { factor: 'otp' } });
    assert.deepEqual([ticket.status, await readJson(ticket)], [200, { ticket_url: 'https://login.example.com/guardian/enroll?ticket=t' }]);
  });
});
