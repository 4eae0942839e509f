/**
 * What happens to one request before and after its route (src/emulator/dispatch.ts): unknown paths
 * and methods in each API's error shape, the request log's entries, who a fault can target, and an
 * internal error.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emulatorFor, type Harness } from './helpers.js';

const requests = async (h: Harness, userId?: string) =>
  (await h.getJson(`/__emulator/requests${userId ? `?user_id=${encodeURIComponent(userId)}` : ''}`)).body as Record<string, unknown>[];

test('an unknown path is a 404 and a known path under another method a 405, each in its API’s shape', async (t) => {
  const h = await emulatorFor(t);
  const cases: [string, string, number, unknown][] = [
    ['GET', '/nowhere', 404, { error: 'not_found', error_description: 'Not Found' }],
    ['PUT', '/mfa/associate', 405, { error: 'method_not_allowed', error_description: 'Method Not Allowed' }],
    ['GET', '/api/v2/nowhere', 404, { statusCode: 404, error: 'Not Found', message: 'Not Found', errorCode: 'not_found' }],
    ['PUT', '/api/v2/guardian/factors', 405, { statusCode: 405, error: 'Method Not Allowed', message: 'Method Not Allowed', errorCode: 'method_not_allowed' }],
  ];
  for (const [method, path, status, body] of cases) {
    const res = await fetch(h.url + path, { method });
    assert.equal(res.status, status, `${method} ${path}`);
    assert.deepEqual(await res.json(), body, `${method} ${path}`);
  }
  // An OPTIONS request that is no preflight names the methods; it is no 404 even where nothing is routed.
  const options = await fetch(`${h.url}/nowhere`, { method: 'OPTIONS' });
  assert.equal(options.status, 204);
  assert.equal(options.headers.get('allow'), 'GET, POST, DELETE, OPTIONS');
});

test('the request log: method, path, time on the emulator clock, status, user and error code; control traffic is left out', async (t) => {
  const h = await emulatorFor(t, { users: [] });
  const user = await h.user();
  const { mfa_token } = await h.tokens(user.id);
  const start = h.now();
  await h.get('/mfa/authenticators', mfa_token);
  h.advance(5);
  await fetch(`${h.url}/mfa/authenticators`, { method: 'post' });
  await h.postJson('/mfa/challenge', { client_id: 'demo-spa', mfa_token });
  await h.get('/api/v2/guardian/factors');
  await h.get('/nowhere?x=1');
  assert.deepEqual(await requests(h), [
    { method: 'GET', path: '/mfa/authenticators', at: start, status: 200, user_id: user.id },
    { method: 'POST', path: '/mfa/authenticators', at: start + 5000, status: 405, error: 'method_not_allowed' },
    { method: 'POST', path: '/mfa/challenge', at: start + 5000, status: 400, user_id: user.id, error: 'unsupported_challenge_type' },
    { method: 'GET', path: '/api/v2/guardian/factors', at: start + 5000, status: 401, error: 'invalid_token' },
    { method: 'GET', path: '/nowhere', at: start + 5000, status: 404, error: 'not_found' },
  ]);
  assert.deepEqual(await requests(h, user.id), (await requests(h)).filter((r) => r.user_id === user.id));
});

test('a fault can target a user by bearer, by mfa_token in the body, by login name, or by Management API path', async (t) => {
  const h = await emulatorFor(t, { users: [] });
  const user = await h.user({ email: 'target@example.com' });
  const other = await h.user();
  assert.equal((await h.postJson('/__emulator/faults', { path: '/', user_id: user.id, status: 418, times: -1 })).status, 201);
  const mine = await h.tokens(user.id);
  const theirs = await h.tokens(other.id);
  assert.equal((await h.get('/mfa/authenticators', mine.access_token)).status, 418, 'bearer');
  assert.equal((await h.get('/mfa/authenticators', theirs.access_token)).status, 200);
  assert.equal((await h.post('/mfa/challenge', { client_id: 'demo-spa', mfa_token: mine.mfa_token })).status, 418, 'mfa_token');
  const form = (body: Record<string, string>) =>
    fetch(`${h.url}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded' }, body: new URLSearchParams(body) });
  assert.equal((await form({ grant_type: 'password', client_id: 'demo-spa', username: 'TARGET@example.com', password: 'x' })).status, 418, 'username');
  assert.equal((await form({ grant_type: 'password', client_id: 'demo-spa', username: 'nobody@example.com', password: 'x' })).status, 403);
  const management = await h.managementToken();
  const methods = (id: string) => h.get(`/api/v2/users/${id}/authentication-methods`, management);
  assert.equal((await methods(encodeURIComponent(user.id))).status, 418, 'Management path');
  assert.equal((await methods(encodeURIComponent(other.id))).status, 200);
  // A malformed escape in the path targets nobody: the route answers it.
  assert.equal((await methods('%E0%A4%A')).status, 404);
  // A body that is not JSON is no target and no crash.
  assert.equal((await h.post('/mfa/challenge', undefined, undefined, { 'content-type': 'application/json' })).status, 400);
  const broken = await fetch(`${h.url}/mfa/challenge`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{' });
  assert.equal(broken.status, 400);
  const logged = await requests(h, user.id);
  assert.ok(logged.length >= 4 && logged.every((r) => r.fault === true && r.status === 418), JSON.stringify(logged));
  assert.ok((await requests(h, other.id)).every((r) => r.fault === undefined));
});

test('a request that breaks the emulator itself (its body stream fails) is a 500 in the OAuth shape, logged by its message', async (t) => {
  const lines: string[] = [];
  const h = await emulatorFor(t, { users: [], log: (line) => lines.push(line) });
  const body = new ReadableStream({
    pull(controller) {
      controller.error(new Error('the client went away'));
    },
  });
  const res = await h.emulator.handle(new Request(`${h.url}/oauth/token`, { method: 'POST', body, duplex: 'half' } as RequestInit));
  assert.equal(res.status, 500);
  assert.equal(res.headers.get('content-type'), 'application/json; charset=utf-8');
  assert.deepEqual(await res.json(), { error: 'server_error', error_description: 'Internal emulator error.' });
  assert.deepEqual(lines, ['[emulator] internal error: the client went away']);
});

test('bodies: up to 64 KiB is read, declared or streamed; one byte more is a 413 in the OAuth shape; characters split across chunks survive', async (t) => {
  const h = await emulatorFor(t, { users: [] });
  const post = (body: BodyInit, headers: Record<string, string> = {}) =>
    h.emulator.handle(new Request(`${h.url}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers }, body, duplex: 'half' } as RequestInit));
  // A form of exactly 64 KiB: the grant is read (and refused for what it says, not for its size).
  const form = (size: number) => `grant_type=password&x=${'a'.repeat(size - 'grant_type=password&x='.length)}`;
  const exact = await post(form(64 * 1024));
  assert.equal(exact.status, 400);
  assert.equal((await exact.json()).error_description, 'Missing required parameter: client_id');
  const declared = await post(form(64 * 1024), { 'content-length': String(64 * 1024) });
  assert.equal(declared.status, 400);
  for (const answer of [await post(form(64 * 1024 + 1)), await post(form(64 * 1024 + 1), { 'content-length': String(64 * 1024 + 1) })]) {
    assert.equal(answer.status, 413);
    assert.deepEqual(await answer.json(), { error: 'invalid_request', error_description: 'The request body is too large.' });
  }
  // 'é' is two bytes in UTF-8; the stream hands them over one chunk each.
  const bytes = new TextEncoder().encode(JSON.stringify({ email: 'ren\u00e9@x.test' }));
  const split = bytes.indexOf(0xc3) + 1;
  const chunks = [bytes.slice(0, split), bytes.slice(split)];
  const stream = new ReadableStream({
    pull(controller) {
      const next = chunks.shift();
      if (next) controller.enqueue(next);
      else controller.close();
    },
  });
  const created = await h.emulator.handle(
    new Request(`${h.url}/__emulator/users`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: stream, duplex: 'half' } as RequestInit),
  );
  assert.equal(created.status, 201);
  assert.equal((await created.json()).email, 'ren\u00e9@x.test');
  // A HEAD or GET body is never read.
  assert.equal((await h.emulator.handle(new Request(`${h.url}/mfa/authenticators`, { method: 'HEAD' }))).status, 405);
});

test('the log reads an error code from error answers only: a 200 whose body names an error, or a code that is no string, is logged without one', async (t) => {
  const h = await emulatorFor(t, { users: [] });
  await h.postJson('/__emulator/faults', { path: '/mfa/authenticators', status: 200, body: { error: 'looks_like_one' } });
  await h.postJson('/__emulator/faults', { path: '/mfa/authenticators', status: 400, body: { error: 'real_one', errorCode: 'management_one' } });
  await h.get('/mfa/authenticators');
  await h.get('/mfa/authenticators');
  await h.postJson('/__emulator/faults', { path: '/mfa/authenticators', status: 500, body: 'html' });
  await h.get('/mfa/authenticators');
  await h.postJson('/__emulator/faults', { path: '/mfa/authenticators', status: 400, body: { error: 7 } });
  await h.get('/mfa/authenticators');
  const logged = (await requests(h)).map(({ at: _at, ...rest }) => rest);
  assert.deepEqual(logged, [
    { method: 'GET', path: '/mfa/authenticators', status: 200, fault: true },
    { method: 'GET', path: '/mfa/authenticators', status: 400, fault: true, error: 'management_one' },
    { method: 'GET', path: '/mfa/authenticators', status: 500, fault: true },
    { method: 'GET', path: '/mfa/authenticators', status: 400, fault: true },
  ]);
});
