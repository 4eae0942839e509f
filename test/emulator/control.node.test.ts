import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createEmulator } from '../../src/emulator/index.js';
import { emulatorFor } from './helpers.js';

test('GET /__emulator/users lists the demo users; POST creates fresh ones, 409 on a duplicate email', async (t) => {
  const h = await emulatorFor(t);
  const users = (await h.getJson('/__emulator/users')).body;
  assert.deepEqual(
    users.map((u: any) => [u.email, u.password]),
    [['demo@example.com', 'demo'], ['enrolled@example.com', 'demo']],
  );
  const created = await h.postJson('/__emulator/users', { email: 'x@example.com', password: 'pw' });
  assert.equal(created.status, 201);
  assert.match(created.body.id, /^auth0\|[0-9a-f]{24}$/);
  assert.equal((await h.postJson('/__emulator/users', { email: 'X@example.com' })).status, 409);
  const anonymous = await h.user();
  assert.match(anonymous.email, /^user-[0-9a-f]+@example\.com$/);
  const bad = await h.postJson('/__emulator/users', { settings: { totp: { algorithm: 'MD5' } } });
  assert.equal(bad.status, 400);
  assert.equal(bad.body.error, 'invalid_request');
});

test('faults: status, latency, malformed JSON, HTML page, empty body, scoped by path, method, user and times', async (t) => {
  const h = await emulatorFor(t);
  const a = await h.user();
  const b = await h.user();
  const ta = await h.tokens(a.id);
  const tb = await h.tokens(b.id);

  const id = (await h.postJson('/__emulator/faults', { path: '/mfa/', status: 503, times: 2 })).body.id;
  assert.ok(id);
  const faulted = await h.getJson('/mfa/authenticators', ta.mfa_token);
  assert.equal(faulted.status, 503);
  assert.equal(faulted.body.error, 'server_error');
  assert.equal((await h.get('/mfa/authenticators', ta.mfa_token)).status, 503);
  assert.equal((await h.get('/mfa/authenticators', ta.mfa_token)).status, 200, 'spent after times');

  await h.postJson('/__emulator/faults', { path: '/mfa/authenticators', body: 'malformed', status: 200 });
  const malformed = await h.get('/mfa/authenticators', ta.mfa_token);
  assert.equal(malformed.status, 200);
  await assert.rejects(malformed.json());

  await h.postJson('/__emulator/faults', { path: '/oauth/token', body: 'html', status: 502 });
  const html = await h.post('/oauth/token', {});
  assert.equal(html.status, 502);
  assert.match(html.headers.get('content-type')!, /text\/html/);
  assert.match(await html.text(), /<html>/);

  await h.postJson('/__emulator/faults', { path: '/mfa/', body: 'empty', status: 200 });
  const empty = await h.get('/mfa/authenticators', ta.mfa_token);
  assert.equal(empty.status, 200);
  assert.equal(await empty.text(), '');

  await h.postJson('/__emulator/faults', { path: '/mfa/', method: 'DELETE', status: 500 });
  assert.equal((await h.get('/mfa/authenticators', ta.mfa_token)).status, 200, 'method must match');

  await h.postJson('/__emulator/faults', { path: '/mfa/', user_id: b.id, status: 429, body: { error: 'too_many_requests', error_description: 'x' }, headers: { 'retry-after': '7' } });
  assert.equal((await h.get('/mfa/authenticators', ta.mfa_token)).status, 200, 'other user unaffected');
  const scoped = await h.getJson('/mfa/authenticators', tb.mfa_token);
  assert.equal(scoped.status, 429);
  assert.equal(scoped.headers.get('retry-after'), '7');
  assert.deepEqual(scoped.body, { error: 'too_many_requests', error_description: 'x' });

  // Latency shown by order, not by a stopwatch: two control round trips finish while the delayed
  // call is still unanswered and absent from the request log; then it gets the real answer.
  await h.postJson('/__emulator/faults', { path: '/mfa/', latencyMs: 1_500 });
  const logged = async () => (await h.getJson(`/__emulator/requests?user_id=${encodeURIComponent(a.id)}`)).body.length;
  const before = await logged();
  let answered = false;
  const slowCall = h.get('/mfa/authenticators', ta.mfa_token).then((r) => ((answered = true), r));
  for (let i = 0; i < 2; i++) {
    assert.equal(await logged(), before, 'the delayed call is not answered yet');
  }
  assert.equal(answered, false, 'latency holds the answer back');
  const slow = await slowCall;
  assert.equal(slow.status, 200, 'latency alone keeps the real answer');

  await h.postJson('/__emulator/faults', { path: '/mfa/', status: 500, times: -1 });
  for (let i = 0; i < 3; i++) assert.equal((await h.get('/mfa/authenticators', ta.mfa_token)).status, 500);
  assert.deepEqual((await h.del('/__emulator/faults')).status, 200);
  assert.equal((await h.get('/mfa/authenticators', ta.mfa_token)).status, 200);

  const log = (await h.getJson(`/__emulator/requests?user_id=${encodeURIComponent(b.id)}`)).body;
  assert.deepEqual(log.map((e: any) => [e.status, e.fault === true]), [[429, true]]);
  assert.equal((await h.postJson('/__emulator/faults', { path: 'mfa' })).status, 400);
});

test('a login user can be targeted by username before any token exists', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  await h.postJson('/__emulator/faults', { path: '/oauth/token', user_id: user.id, status: 500 });
  assert.equal((await h.grant('password', { username: 'demo@example.com', password: 'demo' })).status, 403);
  assert.equal((await h.grant('password', { username: user.email, password: user.password })).status, 500);
});

test('reset: users, tokens, outbox, faults and clock back to the start', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  const { mfa_token } = await h.tokens(user.id);
  await h.postJson('/__emulator/faults', { path: '/mfa/', status: 500 });
  const before = (await h.getJson('/__emulator/clock')).body.now;
  assert.equal((await h.postJson('/__emulator/clock', { advanceSeconds: 100 })).body.now, before + 100_000);
  assert.deepEqual((await h.postJson('/__emulator/reset')).body, { ok: true });
  assert.equal((await h.getJson('/__emulator/users')).body.length, 2);
  assert.equal((await h.getJson('/mfa/authenticators', mfa_token)).status, 401);
  assert.equal((await h.getJson('/__emulator/clock')).body.now, before);
  assert.deepEqual((await h.getJson('/__emulator/requests')).body.length, 1);

  h.emulator.reset();
  assert.equal((await h.getJson('/__emulator/requests')).body.length, 0);
});

test('CORS: any origin by default, preflight echoes the requested headers, errors expose the rate-limit headers', async (t) => {
  const h = await emulatorFor(t);
  const preflight = await fetch(`${h.url}/mfa/authenticators`, {
    method: 'OPTIONS',
    headers: {
      origin: 'http://app.example',
      'access-control-request-method': 'DELETE',
      'access-control-request-headers': 'authorization, x-trace-id',
    },
  });
  assert.equal(preflight.status, 204);
  assert.equal(preflight.headers.get('access-control-allow-origin'), 'http://app.example');
  const allowed = preflight.headers.get('access-control-allow-headers')!.toLowerCase().split(/,\s*/);
  for (const header of ['authorization', 'content-type', 'x-requested-with', 'x-trace-id']) assert.ok(allowed.includes(header), header);
  assert.match(preflight.headers.get('access-control-allow-methods')!, /DELETE/);

  const user = await h.user({ settings: { limits: { otpFailures: { burst: 1 } } } });
  const { mfa_token } = await h.tokens(user.id);
  await h.seed(user.id, { factor: 'otp' });
  const origin = { origin: 'http://app.example' };
  await h.post('/oauth/token', { grant_type: 'http://auth0.com/oauth/grant-type/mfa-otp', client_id: 'demo-spa', mfa_token, otp: 'xxxxxx' }, undefined, origin);
  const limited = await h.post('/oauth/token', { grant_type: 'http://auth0.com/oauth/grant-type/mfa-otp', client_id: 'demo-spa', mfa_token, otp: 'xxxxxx' }, undefined, origin);
  assert.equal(limited.status, 429);
  assert.equal(limited.headers.get('access-control-allow-origin'), 'http://app.example');
  const exposed = limited.headers.get('access-control-expose-headers')!.toLowerCase();
  for (const header of ['retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset']) assert.ok(exposed.includes(header), header);
  assert.equal((await h.get('/__emulator/users')).headers.get('access-control-allow-origin'), null, 'no Origin, no CORS headers');
});

test('CORS: a list of origins narrows it', async (t) => {
  const h = await emulatorFor(t, { corsOrigins: ['http://good.example'] });
  const ask = (origin: string) =>
    fetch(`${h.url}/mfa/associate`, { method: 'OPTIONS', headers: { origin, 'access-control-request-method': 'POST' } });
  assert.equal((await ask('http://good.example')).headers.get('access-control-allow-origin'), 'http://good.example');
  assert.equal((await ask('http://evil.example')).headers.get('access-control-allow-origin'), null);
  const simple = await h.get('/__emulator/users', undefined, { origin: 'http://evil.example' });
  assert.equal(simple.headers.get('access-control-allow-origin'), null);
});

test('handle() works without a server; the base URL follows the request origin', async () => {
  const emulator = createEmulator({ now: () => 1_800_000_000_000 });
  const created = await emulator.handle(new Request('http://emu.test/__emulator/users', { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } }));
  const user = (await created.json()) as { id: string; email: string };
  const tokens = (await (await emulator.handle(new Request(`http://emu.test/__emulator/users/${encodeURIComponent(user.id)}/tokens`, { method: 'POST' }))).json()) as { access_token: string; mfa_token: string };
  const push = await emulator.handle(
    new Request('http://emu.test/mfa/associate', {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${tokens.mfa_token}` },
      body: JSON.stringify({ authenticator_types: ['oob'], oob_channels: ['auth0'] }),
    }),
  );
  const body = (await push.json()) as { barcode_uri: string };
  assert.equal(new URL(body.barcode_uri).searchParams.get('base_url'), 'http://emu.test');
  const list = await emulator.handle(new Request('http://emu.test/mfa/authenticators', { headers: { authorization: `Bearer ${tokens.access_token}` } }));
  assert.equal(list.status, 200);
});

test('the log option gets codes and pushes but never tokens', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  const tokens = await h.tokens(user.id);
  await h.postJson('/mfa/associate', { authenticator_types: ['oob'], oob_channels: ['email'] }, tokens.mfa_token);
  const push = await h.postJson('/mfa/associate', { authenticator_types: ['oob'], oob_channels: ['auth0'] }, tokens.access_token);
  const code = await h.lastCode(user.id);
  const joined = h.logs.join('\n');
  assert.ok(joined.includes(code));
  assert.ok(joined.includes('[push]'));
  for (const secret of [tokens.mfa_token, tokens.access_token, push.body.oob_code]) assert.ok(!joined.includes(secret));
});

test('DELETE /__emulator/faults/{id} removes that fault only', async (t) => {
  const h = await emulatorFor(t);
  const post = (body: unknown) =>
    fetch(`${h.url}/__emulator/faults`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(body) });
  const first = (await (await post({ path: '/mfa/authenticators', status: 502, times: -1 })).json()) as { id: string };
  await post({ path: '/mfa/challenge', status: 503, times: -1 });
  const removed = await fetch(`${h.url}/__emulator/faults/${first.id}`, { method: 'DELETE' });
  assert.deepEqual(await removed.json(), { removed: true });
  assert.notEqual((await fetch(`${h.url}/mfa/authenticators`)).status, 502);
  assert.equal((await fetch(`${h.url}/mfa/challenge`, { method: 'POST' })).status, 503);
  const again = await fetch(`${h.url}/__emulator/faults/${first.id}`, { method: 'DELETE' });
  assert.deepEqual(await again.json(), { removed: false });
});

test('faults: a malformed spec is a 400 that says which field is wrong; a method fault matches any case', async (t) => {
  const h = await emulatorFor(t);
  const bad: Array<[Record<string, unknown>, string]> = [
    [{ path: 'mfa' }, 'path must start with /.'],
    [{ path: 7 }, 'path must start with /.'],
    [{ path: '/mfa/', method: 5 }, 'method and user_id must be strings.'],
    [{ path: '/mfa/', user_id: 5 }, 'method and user_id must be strings.'],
    [{ path: '/mfa/', times: 1.5 }, 'times must be an integer.'],
    [{ path: '/mfa/', status: '500' }, 'status must be an integer.'],
    [{ path: '/mfa/', latencyMs: 0.5 }, 'latencyMs must be an integer.'],
    [{ path: '/mfa/', status: 199 }, 'status must be 200–599.'],
    [{ path: '/mfa/', status: 600 }, 'status must be 200–599.'],
    [{ path: '/mfa/', body: 'garbage' }, "body must be 'malformed', 'html', 'empty' or an object."],
    [{ path: '/mfa/', body: null }, "body must be 'malformed', 'html', 'empty' or an object."],
    [{ path: '/mfa/', body: ['x'] }, "body must be 'malformed', 'html', 'empty' or an object."],
    [{ path: '/mfa/', headers: 'x' }, 'headers must map names to strings.'],
    [{ path: '/mfa/', headers: null }, 'headers must map names to strings.'],
    [{ path: '/mfa/', headers: { 'retry-after': 7 } }, 'headers must map names to strings.'],
  ];
  for (const [spec, message] of bad) {
    const res = await h.postJson('/__emulator/faults', spec);
    assert.deepEqual([res.status, res.body.error, res.body.error_description], [400, 'invalid_request', message], JSON.stringify(spec));
  }
  for (const edge of [200, 599]) assert.equal((await h.postJson('/__emulator/faults', { path: '/nowhere/', status: edge })).status, 201, `status ${edge} is allowed`);
  const a = await h.user();
  const ta = await h.tokens(a.id);
  await h.postJson('/__emulator/faults', { path: '/mfa/', method: 'get', status: 418 });
  assert.equal((await h.get('/mfa/authenticators', ta.mfa_token)).status, 418, 'method names match whatever their case');
  const first = (await h.postJson('/__emulator/faults', { path: '/x/' })).body.id;
  const second = (await h.postJson('/__emulator/faults', { path: '/y/' })).body.id;
  assert.notEqual(first, second, 'every fault has its own id');
});
