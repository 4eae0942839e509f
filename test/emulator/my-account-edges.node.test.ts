import assert from 'node:assert/strict';
import { test } from 'node:test';
import { totpCode } from '../../src/emulator/totp.js';
import { emulatorFor, type Harness } from './helpers.js';

// My Account's /me/v1 routes at their edges, as a client reads them: whole method records, each
// refusal's status and detail word for word, and which calls count as reads and which as writes.

const TOTP = { algorithm: 'SHA1' as const, digits: 6, period: 30 };
const ME = '/me/v1';
const iso = (ms: number) => new Date(ms).toISOString();

interface Answer {
  status: number;
  headers: Headers;
  body: any;
}

function client(h: Harness, token: string) {
  const send = async (method: string, path: string, body?: unknown, headers: Record<string, string> = {}): Promise<Answer> => {
    const response = await fetch(h.url + ME + path, {
      method,
      headers: { ...(body !== undefined && { 'content-type': 'application/json' }), authorization: `Bearer ${token}`, ...headers },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    return { status: response.status, headers: response.headers, body: response.status === 204 ? undefined : await response.json() };
  };
  const path = (id: string) => `/authentication-methods/${encodeURIComponent(id)}`;
  return {
    send,
    list: async (query = '') => (await send('GET', `/authentication-methods${query}`)).body.authentication_methods as any[],
    create: (body: unknown, headers?: Record<string, string>) => send('POST', '/authentication-methods', body, headers),
    verify: (id: string, body: unknown) => send('POST', `${path(id)}/verify`, body),
    patch: (id: string, body: unknown) => send('PATCH', path(id), body),
    get: (id: string) => send('GET', path(id)),
    del: (id: string) => send('DELETE', path(id)),
  };
}

async function me(h: Harness, input = {}) {
  const user = await h.user(input);
  const { body } = await h.postJson(`/__emulator/users/${encodeURIComponent(user.id)}/my-account-token`, {});
  return { user, api: client(h, body.access_token) };
}

/** The status and detail of a problem-details answer. */
const problem = (r: Answer) => [r.status, r.body?.detail];

test('create refusals: each names what is wrong; nothing is left pending', async (t) => {
  const h = await emulatorFor(t);
  const { api } = await me(h);
  const cases: [unknown, number, string][] = [
    [{}, 400, 'type must be a non-empty string.'],
    [{ type: '' }, 400, 'type must be a non-empty string.'],
    [{ type: 7 }, 400, 'type must be a non-empty string.'],
    [{ type: 'password' }, 400, 'Unsupported type: password.'],
    [{ type: 'webauthn-platform' }, 400, 'webauthn-platform cannot be enrolled through the My Account API.'],
    [{ type: 'phone', phone_number: '+15555550100', preferred_authentication_method: 'fax' }, 400, 'preferred_authentication_method must be sms or voice.'],
    [{ type: 'phone' }, 400, 'phone_number must be a non-empty string.'],
    [{ type: 'phone', phone_number: '5555550100' }, 400, 'phone_number must be in E.164 format, e.g. +15555550100.'],
    [{ type: 'email', email: 'ann at example.com' }, 400, 'email is not a valid email address.'],
  ];
  for (const [body, status, detail] of cases) assert.deepEqual(problem(await api.create(body)), [status, detail], JSON.stringify(body));
  assert.deepEqual(problem(await api.create({ type: 'totp' }, { 'content-type': 'text/plain' })), [415, 'Content-Type must be application/json.']);
  assert.equal((await api.create({ type: 'totp' }, { 'content-type': 'Application/JSON; charset=utf-8' })).status, 202, 'the media type has no case');
  assert.deepEqual((await api.list()).map((m) => m.type), ['totp']);

  const bare = await emulatorFor(t, { factors: ['otp', 'sms'] });
  const other = await me(bare);
  assert.deepEqual(problem(await other.api.create({ type: 'recovery-code' })), [400, 'The recovery-code factor is not enabled on this tenant.']);
  assert.deepEqual(problem(await other.api.create({ type: 'email', email: 'a@example.com' })), [400, 'The email factor is not enabled on this tenant.']);
  assert.deepEqual(problem(await other.api.create({ type: 'phone', phone_number: '+15555550100', preferred_authentication_method: 'voice' })), [
    400,
    'The phone factor is not enabled on this tenant.',
  ]);
  assert.deepEqual((await bare.getJson(`/__emulator/outbox`)).body, [], 'nothing was sent');
});

test('factors: only what the tenant has on, phones for voice alone, each for secondary use', async (t) => {
  const h = await emulatorFor(t, { factors: ['voice', 'recovery-code'] });
  const { api } = await me(h);
  assert.deepEqual((await api.send('GET', '/factors')).body, {
    factors: [
      { type: 'phone', usage: ['secondary'] },
      { type: 'recovery-code', usage: ['secondary'] },
    ],
  });
});

test('a phone enrolled for voice calls: 202 with id, auth_session and Location; the code by voice; the whole record', async (t) => {
  const h = await emulatorFor(t);
  const { user, api } = await me(h);
  const createdAt = h.now();
  const started = await api.create({ type: 'phone', phone_number: '+447700900123', preferred_authentication_method: 'voice' });
  assert.equal(started.status, 202);
  assert.deepEqual(Object.keys(started.body), ['id', 'auth_session']);
  assert.equal(started.headers.get('location'), `${h.url}${ME}/authentication-methods/${encodeURIComponent(started.body.id)}`);
  const [message] = (await h.getJson(`/__emulator/outbox?user_id=${encodeURIComponent(user.id)}`)).body;
  assert.equal(message.channel, 'voice');
  const wrong = message.code === '000000' ? '111111' : '000000';
  const refused = await api.verify(started.body.id, { auth_session: started.body.auth_session, otp_code: wrong });
  assert.deepEqual(problem(refused), [403, 'Invalid otp_code.']);
  assert.deepEqual(problem(await api.verify(started.body.id, { auth_session: started.body.auth_session })), [400, 'otp_code must be a non-empty string.']);
  h.advance(10);
  const verified = await api.verify(started.body.id, { auth_session: started.body.auth_session, otp_code: message.code });
  assert.equal(verified.status, 201);
  assert.deepEqual(verified.body, {
    id: started.body.id,
    type: 'phone',
    confirmed: true,
    created_at: iso(createdAt),
    usage: ['secondary'],
    phone_number: '+447700900123',
    preferred_authentication_method: 'voice',
  });
  // A sign-in through the MFA API afterwards is the method's last_auth_at.
  const { mfa_token } = await h.tokens(user.id);
  const { oob_code } = (await h.postJson('/mfa/challenge', { client_id: 'demo-spa', mfa_token, challenge_type: 'oob' })).body;
  const latest = await h.lastCode(user.id);
  assert.equal((await h.grant('mfa-oob', { mfa_token, oob_code, binding_code: latest })).status, 200);
  const signedIn = (await api.get(started.body.id)).body;
  assert.equal(signedIn.last_auth_at, iso(h.now()));
  assert.deepEqual((await api.list('?type=phone')).map((m) => m.id), [started.body.id], 'one method for the pair');
});

test('verify refusals: another method\'s path, another user\'s session, an unapproved push, each said', async (t) => {
  const h = await emulatorFor(t);
  const ann = await me(h);
  const bob = await me(h);
  const totp = await ann.api.create({ type: 'totp' });
  const email = await ann.api.create({ type: 'email', email: 'ann@example.com' });
  const invalid = [400, 'The auth_session is invalid or has expired.'];
  assert.deepEqual(problem(await ann.api.verify(email.body.id, { auth_session: totp.body.auth_session, otp_code: '123456' })), invalid);
  assert.deepEqual(problem(await bob.api.verify(totp.body.id, { auth_session: totp.body.auth_session, otp_code: '123456' })), invalid);
  assert.deepEqual(problem(await ann.api.verify(totp.body.id, { auth_session: 'nonsense' })), invalid);
  assert.deepEqual(problem(await ann.api.verify(totp.body.id, {})), [400, 'auth_session must be a non-empty string.']);
  const push = await ann.api.create({ type: 'push-notification' });
  assert.deepEqual(Object.keys(push.body), ['id', 'auth_session', 'barcode_uri']);
  assert.deepEqual(problem(await ann.api.verify(push.body.id, { auth_session: push.body.auth_session })), [400, 'The push notification has not been approved yet.']);
  // None of the refused tries spent the sessions.
  const code = totpCode(totp.body.manual_input_code, TOTP, h.now());
  assert.equal((await ann.api.verify(totp.body.id, { auth_session: totp.body.auth_session, otp_code: code })).status, 201);
});

test('listing: only primary members, no verified email, no pending recovery code; at most 20; one by id', async (t) => {
  const h = await emulatorFor(t);
  const { user, api } = await me(h, { emailVerified: true });
  assert.deepEqual(await api.list(), [], 'the verified address is not an enrollment');
  const pendingTotp = await api.create({ type: 'totp' });
  assert.deepEqual((await api.list()).map((m) => m.type), ['totp'], 'no recovery code before the first is verified');
  await h.seed(user.id, { factor: 'push', deviceName: 'Pixel' });
  const types = (await api.list()).map((m) => m.type);
  assert.deepEqual(types, ['totp', 'push-notification', 'recovery-code'], 'the push-linked TOTP is not a method of its own');
  for (let i = 0; i < 20; i++) await h.seed(user.id, { factor: 'otp' });
  const all = await api.list();
  assert.equal(all.length, 20);
  assert.equal(all[0].id, pendingTotp.body.id);
  assert.equal((await api.list('?type=totp')).length, 20);
  assert.deepEqual(problem(await api.send('GET', '/authentication-methods?type=sms')), [400, 'Unknown type: sms.']);
  const one = await api.get(pendingTotp.body.id);
  assert.deepEqual(Object.keys(one.body), ['id', 'type', 'confirmed', 'created_at', 'usage']);
  assert.deepEqual(problem(await api.get('totp|dev_nothing')), [404, 'The authentication method does not exist.']);
});

test('hosted WebAuthn keys list with the name given on the page, and can be renamed', async (t) => {
  const h = await emulatorFor(t);
  await h.postJson('/__emulator/factors', { factors: ['otp', 'webauthn-roaming', 'recovery-code'] });
  const { user, api } = await me(h);
  await h.seed(user.id, { factor: 'webauthn-roaming', deviceName: 'YubiKey 5' });
  const [key] = await api.list('?type=webauthn-roaming');
  assert.equal(key.name, 'YubiKey 5');
  assert.equal((await api.patch(key.id, { name: 'Backup key' })).body.name, 'Backup key');
  assert.equal((await api.get(key.id)).body.name, 'Backup key');
  const [recovery] = await api.list('?type=recovery-code');
  assert.deepEqual(Object.keys(recovery).sort(), ['confirmed', 'created_at', 'id', 'type', 'usage']);
});

test('PATCH refusals and edges: unknown fields, long names, recovery codes, preferences', async (t) => {
  const h = await emulatorFor(t, { factors: ['otp', 'sms', 'recovery-code'] });
  const { user, api } = await me(h);
  await h.seed(user.id, { factor: 'otp' });
  const [phoneSms] = (await h.seed(user.id, { factor: 'sms', phoneNumber: '+15555550100' })).authenticators;
  const methods = await api.list();
  const id = (type: string) => methods.find((m) => m.type === type)!.id;
  assert.deepEqual(problem(await api.patch(id('totp'), { name: 'x', label: 'y' })), [400, 'Unknown field: label.']);
  assert.deepEqual(problem(await api.patch(id('totp'), { name: '' })), [400, 'name must be a non-empty string.']);
  assert.deepEqual(problem(await api.patch(id('totp'), { name: 'n'.repeat(101) })), [400, 'name must be at most 100 characters.']);
  assert.equal((await api.patch(id('totp'), { name: 'n'.repeat(100) })).body.name, 'n'.repeat(100));
  assert.deepEqual(problem(await api.patch(id('recovery-code'), { name: 'codes' })), [400, 'A recovery code has no name.']);
  assert.deepEqual(problem(await api.patch(id('totp'), { preferred_authentication_method: 'sms' })), [400, 'preferred_authentication_method applies to phone methods only.']);
  assert.deepEqual(problem(await api.patch(id('phone'), { preferred_authentication_method: 'email' })), [400, 'preferred_authentication_method must be sms or voice.']);
  assert.deepEqual(problem(await api.patch(id('phone'), { preferred_authentication_method: 'voice' })), [400, 'The voice factor is not enabled on this tenant.']);
  const same = await api.patch(id('phone'), { preferred_authentication_method: 'sms', name: 'Desk' });
  assert.equal(same.status, 200);
  assert.deepEqual([same.body.preferred_authentication_method, same.body.name], ['sms', 'Desk']);
  assert.deepEqual(problem(await api.patch('totp|dev_nothing', { name: 'x' })), [404, 'The authentication method does not exist.']);
  // The MFA API still lists the phone under its own masked name.
  const { access_token } = await h.tokens(user.id);
  const listed = (await h.getJson('/mfa/authenticators', access_token)).body.find((a: any) => a.id === phoneSms.id);
  assert.equal(listed.name, '+1XXXXXX0100');
});

test('switching a phone to voice names both twins alike; the record then shows voice', async (t) => {
  const h = await emulatorFor(t);
  const { user, api } = await me(h);
  await h.seed(user.id, { factor: 'sms', phoneNumber: '+15555550100' });
  const [phone] = await api.list('?type=phone');
  await api.patch(phone.id, { name: 'Home' });
  const switched = await api.patch(phone.id, { preferred_authentication_method: 'voice' });
  assert.deepEqual([switched.body.id, switched.body.name, switched.body.preferred_authentication_method], [phone.id, 'Home', 'voice']);
  const back = await api.patch(phone.id, { preferred_authentication_method: 'sms' });
  assert.deepEqual([back.body.name, back.body.preferred_authentication_method], ['Home', 'sms']);
});

test('reads and writes are counted per route: list, one, factors read; create, verify, PATCH, DELETE write', async (t) => {
  const h = await emulatorFor(t);
  const { user, api } = await me(h);
  await h.seed(user.id, { factor: 'otp' });
  const [totp] = await api.list();
  await h.postJson('/__emulator/my-account/limits', { reads: 1, writes: 1 });
  const reads: [string, () => Promise<Answer>][] = [
    ['list', () => api.send('GET', '/authentication-methods')],
    ['one', () => api.get(totp.id)],
    ['factors', () => api.send('GET', '/factors')],
  ];
  for (const [name, read] of reads) {
    const first = await read();
    assert.equal(first.status, 200, name);
    assert.equal(first.headers.get('x-ratelimit-remaining'), '0', name);
    assert.equal((await read()).status, 429, name);
    h.advance(60);
  }
  const started = await api.create({ type: 'email', email: 'ann@example.com' });
  assert.equal(started.headers.get('x-ratelimit-limit'), '1');
  assert.equal((await api.create({ type: 'totp' })).status, 429, 'create');
  h.advance(60);
  const verified = await api.verify(started.body.id, { auth_session: started.body.auth_session, otp_code: await h.lastCode(user.id) });
  assert.equal(verified.headers.get('x-ratelimit-remaining'), '0');
  assert.equal((await api.patch(totp.id, { name: 'x' })).status, 429, 'verify counted');
  h.advance(60);
  assert.equal((await api.patch(totp.id, { name: 'x' })).headers.get('x-ratelimit-remaining'), '0');
  assert.equal((await api.del(totp.id)).status, 429, 'PATCH counted');
  h.advance(60);
  const deleted = await api.del(totp.id);
  assert.equal(deleted.status, 204);
  assert.equal(deleted.headers.get('x-ratelimit-remaining'), '0');
  h.advance(60);
  assert.deepEqual(problem(await api.del(totp.id)), [404, 'The authentication method does not exist.']);
});

test('a refused send leaves nothing pending: the enrollment is rolled back with its 429', async (t) => {
  const h = await emulatorFor(t);
  const { api } = await me(h, { settings: { limits: { emailSends: { burst: 1, refill: 1, periodSeconds: 3600 } } } });
  assert.equal((await api.create({ type: 'email', email: 'ann@example.com' })).status, 202);
  const refused = await api.create({ type: 'email', email: 'ann@work.example' });
  assert.equal(refused.status, 429);
  assert.equal(refused.headers.get('content-type'), 'application/problem+json');
  assert.deepEqual((await api.list()).map((m) => m.email), ['ann@example.com']);
});
