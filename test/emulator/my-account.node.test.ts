import assert from 'node:assert/strict';
import { test } from 'node:test';
import { totpCode } from '../../src/emulator/totp.js';
import { emulatorFor, type Harness } from './helpers.js';

const TOTP = { algorithm: 'SHA1' as const, digits: 6, period: 30 };
const ME = '/me/v1';

async function meToken(h: Harness, userId: string, scope?: string[]): Promise<string> {
  const { body } = await h.postJson(`/__emulator/users/${encodeURIComponent(userId)}/my-account-token`, scope ? { scope } : {});
  return body.access_token;
}

async function call(h: Harness, method: string, path: string, token?: string, body?: unknown, headers: Record<string, string> = {}) {
  const response = await fetch(h.url + ME + path, {
    method,
    headers: { ...(body !== undefined && { 'content-type': 'application/json' }), ...(token && { authorization: `Bearer ${token}` }), ...headers },
    body: body === undefined ? undefined : JSON.stringify(body),
  });
  return { status: response.status, headers: response.headers, body: response.status === 204 ? undefined : await response.json() };
}

function assertProblem(r: { status: number; body: any; headers: Headers }, status: number) {
  assert.equal(r.status, status, JSON.stringify(r.body));
  assert.equal(r.headers.get('content-type'), 'application/problem+json');
  assert.equal(r.body.status, status);
  assert.match(r.body.type, new RegExp(`^https://auth0\\.com/api-errors/A0E-${status}-`));
  assert.equal(typeof r.body.title, 'string');
  assert.equal(typeof r.body.detail, 'string');
}

test('factors: the tenant\'s MFA factors as My Account types', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  const r = await call(h, 'GET', '/factors', await meToken(h, user.id));
  assert.equal(r.status, 200);
  assert.deepEqual(r.body.factors.map((f: any) => f.type).sort(), ['email', 'phone', 'push-notification', 'recovery-code', 'totp']);
});

test('totp: POST 202 + Location + secret, verify 201 with the code, then listed confirmed and visible to the MFA API', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  const token = await meToken(h, user.id);
  const started = await call(h, 'POST', '/authentication-methods', token, { type: 'totp' });
  assert.equal(started.status, 202);
  assert.match(started.body.id, /^totp\|dev_/);
  assert.equal(started.headers.get('location'), `${h.url}${ME}/authentication-methods/${encodeURIComponent(started.body.id)}`);
  assert.match(started.body.barcode_uri, /^otpauth:\/\/totp\//);
  const pending = await call(h, 'GET', '/authentication-methods', token);
  assert.deepEqual(pending.body.authentication_methods.map((m: any) => m.confirmed), [false]);

  const wrongCode = totpCode(started.body.manual_input_code, TOTP, h.now()) === '000000' ? '111111' : '000000';
  const wrong = await call(h, 'POST', `/authentication-methods/${encodeURIComponent(started.body.id)}/verify`, token, { auth_session: started.body.auth_session, otp_code: wrongCode });
  assertProblem(wrong, 403);
  const verified = await call(h, 'POST', `/authentication-methods/${encodeURIComponent(started.body.id)}/verify`, token, {
    auth_session: started.body.auth_session,
    otp_code: totpCode(started.body.manual_input_code, TOTP, h.now()),
  });
  assert.equal(verified.status, 201);
  assert.equal(verified.body.confirmed, true);
  assert.equal(verified.body.type, 'totp');
  assert.ok(verified.headers.get('location')?.endsWith(encodeURIComponent(started.body.id)));

  const { access_token } = await h.tokens(user.id);
  const mfa = await h.getJson('/mfa/authenticators', access_token);
  assert.deepEqual(mfa.body.map((a: any) => [a.id, a.active]), [[started.body.id, true]]);
  const replay = await call(h, 'POST', `/authentication-methods/${encodeURIComponent(started.body.id)}/verify`, token, { auth_session: started.body.auth_session, otp_code: '123456' });
  assertProblem(replay, 400);
});

test('an otp enrolled through the MFA API lists in My Account; deleting it there removes it from /mfa/authenticators', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  const seeded = await h.seed(user.id, { factor: 'otp' });
  const token = await meToken(h, user.id);
  const listed = await call(h, 'GET', '/authentication-methods?type=totp', token);
  assert.deepEqual(listed.body.authentication_methods.map((m: any) => [m.id, m.confirmed]), [[seeded.authenticators[0].id, true]]);
  const gone = await call(h, 'DELETE', `/authentication-methods/${encodeURIComponent(seeded.authenticators[0].id)}`, token);
  assert.equal(gone.status, 204);
  const { access_token } = await h.tokens(user.id);
  assert.deepEqual((await h.getJson('/mfa/authenticators', access_token)).body, []);
  assertProblem(await call(h, 'GET', `/authentication-methods/${encodeURIComponent(seeded.authenticators[0].id)}`, token), 404);
});

test('phone: one method for the sms+voice twins, code from the outbox, PATCH renames and switches the preference', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  const token = await meToken(h, user.id);
  const started = await call(h, 'POST', '/authentication-methods', token, { type: 'phone', phone_number: '+15555550100' });
  assert.equal(started.status, 202);
  assert.match(started.body.id, /^phone\|dev_/);
  const id = encodeURIComponent(started.body.id);
  const verified = await call(h, 'POST', `/authentication-methods/${id}/verify`, token, { auth_session: started.body.auth_session, otp_code: await h.lastCode(user.id) });
  assert.equal(verified.status, 201);
  assert.equal(verified.body.preferred_authentication_method, 'sms');
  const patched = await call(h, 'PATCH', `/authentication-methods/${id}`, token, { name: 'Work phone', preferred_authentication_method: 'voice' });
  assert.equal(patched.status, 200);
  assert.equal(patched.body.name, 'Work phone');
  assert.equal(patched.body.preferred_authentication_method, 'voice');
  assert.equal(patched.body.id, started.body.id);
  const one = await call(h, 'GET', `/authentication-methods/${id}`, token);
  assert.deepEqual([one.body.name, one.body.preferred_authentication_method, one.body.phone_number], ['Work phone', 'voice', '+15555550100']);
  assertProblem(await call(h, 'PATCH', `/authentication-methods/${id}`, token, { confirmed: true }), 400);
  assertProblem(await call(h, 'PATCH', `/authentication-methods/${id}`, token, { name: 'x' }, { 'content-type': 'text/plain' }), 415);
});

test('email needs an email; push verifies only once approved; recovery-code returns its code once', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  const token = await meToken(h, user.id);
  assertProblem(await call(h, 'POST', '/authentication-methods', token, { type: 'email' }), 400);
  const email = await call(h, 'POST', '/authentication-methods', token, { type: 'email', email: 'me@example.com' });
  assert.equal(email.status, 202);
  const emailVerified = await call(h, 'POST', `/authentication-methods/${encodeURIComponent(email.body.id)}/verify`, token, { auth_session: email.body.auth_session, otp_code: await h.lastCode(user.id) });
  assert.equal(emailVerified.body.email, 'me@example.com');

  const push = await call(h, 'POST', '/authentication-methods', token, { type: 'push-notification' });
  assert.equal(push.status, 202);
  assert.match(push.body.barcode_uri, /^otpauth:\/\//);
  const pushPath = `/authentication-methods/${encodeURIComponent(push.body.id)}/verify`;
  assertProblem(await call(h, 'POST', pushPath, token, { auth_session: push.body.auth_session }), 400);
  const [pending] = (await h.getJson(`/__emulator/push?user_id=${encodeURIComponent(user.id)}`)).body;
  await h.post(`/__emulator/push/${pending.oob_code}/approve`);
  const approved = await call(h, 'POST', pushPath, token, { auth_session: push.body.auth_session });
  assert.equal(approved.status, 201);
  assert.equal(approved.body.type, 'push-notification');

  const recovery = await call(h, 'POST', '/authentication-methods', token, { type: 'recovery-code' });
  assert.equal(recovery.status, 202);
  assert.match(recovery.body.recovery_code, /^[A-Z0-9]{24}$/);
  const listedBefore = await call(h, 'GET', '/authentication-methods?type=recovery-code', token);
  assert.deepEqual(listedBefore.body.authentication_methods, []);
  assert.equal((await call(h, 'POST', `/authentication-methods/${encodeURIComponent(recovery.body.id)}/verify`, token, { auth_session: recovery.body.auth_session })).status, 201);
  assertProblem(await call(h, 'POST', '/authentication-methods', token, { type: 'recovery-code' }), 409);
  assertProblem(await call(h, 'POST', '/authentication-methods', token, { type: 'webauthn-roaming' }), 400);
  assertProblem(await call(h, 'GET', '/authentication-methods?type=bogus', token), 400);
});

test('unverified enrollments expire on the emulator clock: gone from both lists, verify refused', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  const token = await meToken(h, user.id);
  const started = await call(h, 'POST', '/authentication-methods', token, { type: 'totp' });
  h.advance(5 * 60 + 1);
  const code = totpCode(started.body.manual_input_code, TOTP, h.now());
  assertProblem(await call(h, 'POST', `/authentication-methods/${encodeURIComponent(started.body.id)}/verify`, token, { auth_session: started.body.auth_session, otp_code: code }), 400);
  assert.deepEqual((await call(h, 'GET', '/authentication-methods', token)).body.authentication_methods, []);
  const { access_token } = await h.tokens(user.id);
  assert.deepEqual((await h.getJson('/mfa/authenticators', access_token)).body, []);
});

test('scopes per operation, tokens of other audiences and of other users refused', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  const other = await h.user();
  const theirs = await h.seed(other.id, { factor: 'otp' });
  const cases: [string, string, string, unknown?][] = [
    ['read:me:factors', 'GET', '/factors'],
    ['read:me:authentication_methods', 'GET', '/authentication-methods'],
    ['create:me:authentication_methods', 'POST', '/authentication-methods', { type: 'totp' }],
    ['update:me:authentication_methods', 'PATCH', `/authentication-methods/x`, { name: 'n' }],
    ['delete:me:authentication_methods', 'DELETE', `/authentication-methods/x`],
  ];
  for (const [scope, method, path, body] of cases) {
    const without = await meToken(h, user.id, cases.map((c) => c[0]).filter((s) => s !== scope));
    const r = await call(h, method, path, without, body);
    assertProblem(r, 403);
    assert.ok(r.body.detail.includes(scope), r.body.detail);
    const withIt = await call(h, method, path, await meToken(h, user.id, [scope]), body);
    assert.notEqual(withIt.status, 403, `${method} ${path} with ${scope}`);
  }
  assertProblem(await call(h, 'GET', '/authentication-methods'), 401);
  assertProblem(await call(h, 'GET', '/authentication-methods', (await h.tokens(user.id)).access_token), 401);
  const mine = await meToken(h, user.id);
  assertProblem(await call(h, 'GET', `/authentication-methods/${encodeURIComponent(theirs.authenticators[0].id)}`, mine), 404);
  assertProblem(await call(h, 'DELETE', `/authentication-methods/${encodeURIComponent(theirs.authenticators[0].id)}`, mine), 404);
  h.advance(24 * 3600);
  assertProblem(await call(h, 'GET', '/authentication-methods', mine), 401);
});

test('per-user limits: off by default, switched on by the control API, 429 with Retry-After and x-ratelimit-*, refilled by the clock', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  const other = await h.user();
  const token = await meToken(h, user.id);
  for (let i = 0; i < 8; i++) assert.equal((await call(h, 'GET', '/authentication-methods', token)).status, 200);
  assert.deepEqual((await h.postJson('/__emulator/my-account/limits', { reads: 2, writes: 2 })).body, { reads: 2, writes: 2 });
  const first = await call(h, 'GET', '/authentication-methods', token);
  assert.equal(first.headers.get('x-ratelimit-limit'), '2');
  assert.equal(first.headers.get('x-ratelimit-remaining'), '1');
  assert.equal((await call(h, 'GET', '/factors', token)).status, 200);
  const limited = await call(h, 'GET', '/authentication-methods', token);
  assertProblem(limited, 429);
  assert.equal(limited.headers.get('retry-after'), '30');
  assert.equal(limited.headers.get('x-ratelimit-remaining'), '0');
  assert.equal((await call(h, 'GET', '/authentication-methods', await meToken(h, other.id))).status, 200, 'another user has its own bucket');
  assert.equal((await call(h, 'POST', '/authentication-methods', token, { type: 'totp' })).status, 202, 'writes are counted apart');
  h.advance(30);
  assert.equal((await call(h, 'GET', '/authentication-methods', token)).status, 200);
  await h.postJson('/__emulator/my-account/limits', {});
  for (let i = 0; i < 4; i++) assert.equal((await call(h, 'GET', '/authentication-methods', token)).status, 200);
});

test('CORS: a browser origin may PATCH and read Location, Retry-After and x-ratelimit-*', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  const pre = await fetch(`${h.url}${ME}/authentication-methods/x`, {
    method: 'OPTIONS',
    headers: { origin: 'http://127.0.0.1:8000', 'access-control-request-method': 'PATCH', 'access-control-request-headers': 'authorization, content-type' },
  });
  assert.equal(pre.status, 204);
  assert.match(pre.headers.get('access-control-allow-methods') ?? '', /PATCH/);
  const r = await call(h, 'POST', '/authentication-methods', await meToken(h, user.id), { type: 'totp' }, { origin: 'http://127.0.0.1:8000' });
  assert.equal(r.headers.get('access-control-allow-origin'), 'http://127.0.0.1:8000');
  const exposed = (r.headers.get('access-control-expose-headers') ?? '').toLowerCase().split(/,\s*/);
  for (const name of ['location', 'retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset']) assert.ok(exposed.includes(name), name);
});
