/**
 * Exact headers of the emulator's CORS answers (cors.ts), how records look on the wire (views.ts),
 * the hosted pages' escaping (html.ts) and Basic client credentials (client-auth.ts).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { withBasicClient } from '../../src/emulator/client-auth.js';
import { isPreflight, preflight, withCors } from '../../src/emulator/cors.js';
import { escapeHtml, page } from '../../src/emulator/html.js';
import { OAuthError } from '../../src/emulator/http.js';
import type { AuthenticatorRecord, MfaKind } from '../../src/emulator/state.js';
import { authenticatorName, isoTime, maskPhone, mfaAuthenticator } from '../../src/emulator/views.js';

const ask = (headers: Record<string, string>, method = 'OPTIONS') => new Request('http://e.test/mfa/associate', { method, headers });

test('a preflight is an OPTIONS request that names the method it asks for', () => {
  assert.equal(isPreflight(ask({ 'access-control-request-method': 'POST' })), true);
  assert.equal(isPreflight(ask({})), false);
  assert.equal(isPreflight(ask({ 'access-control-request-method': 'POST' }, 'GET')), false);
});

test('an allowed preflight grants the usual and the requested headers once each, the methods, ten minutes of caching', () => {
  const answer = preflight(ask({ origin: 'http://app.test', 'access-control-request-method': 'DELETE', 'access-control-request-headers': ' x-trace , authorization,, ' }), '*');
  assert.equal(answer.status, 204);
  const h = answer.headers;
  assert.equal(h.get('access-control-allow-origin'), 'http://app.test');
  assert.equal(h.get('access-control-allow-credentials'), 'true');
  assert.equal(h.get('access-control-expose-headers'), 'Location, Retry-After, X-RateLimit-Limit, X-RateLimit-Remaining, X-RateLimit-Reset');
  assert.equal(h.get('access-control-allow-headers'), 'authorization, Content-Type, X-Requested-With, x-trace');
  assert.equal(h.get('access-control-allow-methods'), 'GET, POST, PATCH, DELETE, OPTIONS');
  assert.equal(h.get('access-control-max-age'), '600');
  assert.equal(h.get('vary'), 'Origin, Access-Control-Request-Headers');
  const plain = preflight(ask({ origin: 'http://app.test', 'access-control-request-method': 'GET' }), ['http://app.test']);
  assert.equal(plain.headers.get('access-control-allow-headers'), 'Authorization, Content-Type, X-Requested-With');
});

test('a refused or origin-less preflight is a bare 204 that still varies on Origin', () => {
  for (const headers of [{ origin: 'http://evil.test', 'access-control-request-method': 'GET' }, { 'access-control-request-method': 'GET' }] as Record<string, string>[]) {
    const answer = preflight(ask(headers), ['http://app.test']);
    assert.equal(answer.status, 204);
    assert.deepEqual([...answer.headers], [['vary', 'Origin']]);
  }
});

test('an answer to an allowed origin keeps its status, text and headers and gains the CORS ones', async () => {
  const original = new Response('{"a":1}', { status: 429, statusText: 'Too Many', headers: { 'retry-after': '3', 'content-type': 'application/json' } });
  const answer = withCors(ask({ origin: 'http://app.test' }, 'POST'), original, ['http://app.test']);
  assert.equal(answer.status, 429);
  assert.equal(answer.statusText, 'Too Many');
  assert.equal(answer.headers.get('retry-after'), '3');
  assert.equal(answer.headers.get('access-control-allow-origin'), 'http://app.test');
  assert.equal(answer.headers.get('access-control-allow-credentials'), 'true');
  assert.equal(answer.headers.get('vary'), 'Origin');
  assert.deepEqual(await answer.json(), { a: 1 });
  const other = new Response('x');
  assert.equal(withCors(ask({ origin: 'http://evil.test' }, 'POST'), other, ['http://app.test']), other);
  assert.equal(withCors(ask({}, 'POST'), other, '*'), other);
});

test('phone numbers are masked but for the country prefix and the last four digits; short ones are shown', () => {
  assert.equal(maskPhone('+15555550123'), '+1XXXXXX0123');
  assert.equal(maskPhone('+123456'), '+1X3456');
  assert.equal(maskPhone('+12345'), '+12345');
  assert.equal(maskPhone('123456'), '123456');
});

const record = (kind: MfaKind, extra: Partial<AuthenticatorRecord<MfaKind>> = {}): AuthenticatorRecord<MfaKind> => ({
  id: `${kind}|dev_1`,
  kind,
  active: true,
  createdAt: 0,
  groupId: 'g',
  primary: true,
  ...extra,
});

test('MFA API list items: otp and recovery codes bare, OOB ones with both channel fields and a name', () => {
  assert.deepEqual(mfaAuthenticator(record('totp', { secret: 'S' })), { id: 'totp|dev_1', authenticator_type: 'otp', type: 'otp', active: true });
  assert.deepEqual(mfaAuthenticator(record('recovery-code', { active: false, code: 'C' })), {
    id: 'recovery-code|dev_1',
    authenticator_type: 'recovery-code',
    type: 'recovery-code',
    active: false,
  });
  assert.deepEqual(mfaAuthenticator(record('voice', { phoneNumber: '+15555550123' })), {
    id: 'voice|dev_1',
    authenticator_type: 'oob',
    type: 'phone',
    oob_channel: 'voice',
    oob_channels: ['voice'],
    name: '+1XXXXXX0123',
    active: true,
  });
  const push = mfaAuthenticator(record('push', { deviceName: 'Pixel' }));
  assert.equal(push.oob_channel, 'auth0');
  assert.equal(push.type, 'push-notification');
  assert.equal(push.name, 'Pixel');
  assert.equal(mfaAuthenticator(record('email', { email: 'a@b.test' })).name, 'a@b.test');
  assert.equal(authenticatorName(record('email', { email: 'a@b.test', deviceName: 'D' })), 'a@b.test');
  assert.equal(authenticatorName(record('push')), undefined);
  assert.equal(isoTime(Date.UTC(2026, 0, 2)), '2026-01-02T00:00:00.000Z');
  assert.equal(isoTime(0), '1970-01-01T00:00:00.000Z');
  assert.equal(isoTime(undefined), undefined);
});

test('hosted pages escape every value, carry no script, and are never cached', async () => {
  assert.equal(escapeHtml(`<a href="x" title='y'>&</a>`), '&#60;a href=&#34;x&#34; title=&#39;y&#39;&#62;&#38;&#60;/a&#62;');
  const answer = page('<T>', '<p>body</p>', 410);
  assert.equal(answer.status, 410);
  assert.equal(answer.headers.get('content-type'), 'text/html; charset=utf-8');
  assert.equal(answer.headers.get('cache-control'), 'no-store');
  const html = await answer.text();
  assert.ok(html.startsWith('<!DOCTYPE html><html lang="en"><head><meta charset="utf-8">'), html);
  assert.ok(html.includes('<title>&#60;T&#62;</title>'), html);
  assert.ok(html.includes('<main><h1>&#60;T&#62;</h1><p>body</p></main>'), html);
  assert.equal(page('t', '').status, 200);
});

const basic = (value: string) => new Request('http://e.test/oauth/token', { method: 'POST', headers: { authorization: value } });
const encoded = (text: string) => Buffer.from(text).toString('base64');
const invalidClient = (e: unknown) => e instanceof OAuthError && e.status === 401 && e.code === 'invalid_client' && e.message === 'Malformed Basic client credentials.';

test('Basic client credentials are form-decoded and join the body; conflicts and malformed ones are refused', () => {
  assert.deepEqual(withBasicClient(basic(`Basic ${encoded('my+app:s%3Ac:r')}`), { grant_type: 'x' }), {
    grant_type: 'x',
    client_id: 'my app',
    client_secret: 's:c:r',
  });
  assert.deepEqual(withBasicClient(basic(`basic   ${encoded('a:b')}  `), { client_id: 'a' }), { client_id: 'a', client_secret: 'b' });
  assert.deepEqual(withBasicClient(basic(`Basic ${encoded('a+b+c:s+t+u')}`), {}), { client_id: 'a b c', client_secret: 's t u' }, 'every + is a space');
  // An empty id is passed on (and refused by the client check as missing), not called malformed.
  assert.deepEqual(withBasicClient(basic(`Basic ${encoded(':s')}`), {}), { client_id: '', client_secret: 's' });
  const params = { client_id: 'a' };
  assert.equal(withBasicClient(basic(`Bearer ${encoded('a:b')}`), params), params);
  assert.equal(withBasicClient(basic(`Basic ${encoded('a:b')} x`), params), params);
  assert.equal(withBasicClient(new Request('http://e.test/'), params), params);
  assert.throws(() => withBasicClient(basic(`Basic ${encoded('nocolon')}`), {}), invalidClient);
  assert.throws(() => withBasicClient(basic(`Basic ${encoded('%E0%A4%A:b')}`), {}), invalidClient);
  assert.throws(() => withBasicClient(basic(`Basic ${encoded('a:%zz')}`), {}), invalidClient);
  assert.throws(
    () => withBasicClient(basic(`Basic ${encoded('a:b')}`), { client_id: 'other' }),
    (e: unknown) => e instanceof OAuthError && e.code === 'invalid_request' && e.message === 'client_id in the body differs from the Basic credentials.',
  );
  assert.throws(
    () => withBasicClient(basic(`Basic ${encoded('a:b')}`), { client_secret: 'b' }),
    (e: unknown) => e instanceof OAuthError && e.code === 'invalid_request' && e.message === 'Use one client authentication method, not both.',
  );
});
