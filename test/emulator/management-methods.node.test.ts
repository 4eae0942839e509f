import assert from 'node:assert/strict';
import { test } from 'node:test';
import { totpCode } from '../../src/emulator/totp.js';
import { emulatorFor, type Harness } from './helpers.js';

// The Management API subset as a server proxy reads it: every method's whole record (times included),
// paging, and each refusal's errorCode and message word for word.

const TOTP = { algorithm: 'SHA1' as const, digits: 6, period: 30 };
const iso = (ms: number) => new Date(ms).toISOString();
const managementError = (statusCode: number, error: string, message: string, errorCode: string) => ({ statusCode, error, message, errorCode });
const methodsPath = (userId: string) => `/api/v2/users/${encodeURIComponent(userId)}/authentication-methods`;

async function signInWithSms(h: Harness, userId: string, smsId: string) {
  const { mfa_token } = await h.tokens(userId);
  const { oob_code } = (await h.postJson('/mfa/challenge', { client_id: 'demo-spa', mfa_token, authenticator_id: smsId })).body;
  assert.equal((await h.grant('mfa-oob', { mfa_token, oob_code, binding_code: await h.lastCode(userId) })).status, 200);
}

test('Management tokens: unknown and expired ones are refused, each with its message', async (t) => {
  const h = await emulatorFor(t);
  const invalid = await h.getJson('/api/v2/guardian/factors', 'not-a-token');
  assert.deepEqual({ status: invalid.status, body: invalid.body }, { status: 401, body: managementError(401, 'Unauthorized', 'Invalid token', 'invalid_token') });
  const token = await h.managementToken();
  h.advance(86_400);
  const expired = await h.getJson('/api/v2/guardian/factors', token);
  assert.deepEqual(
    { status: expired.status, body: expired.body },
    { status: 401, body: managementError(401, 'Unauthorized', 'Expired token received for JSON Web Token validation', 'invalid_token') },
  );
});

test('a tenant with voice calls but no text messages still has the Guardian phone factor on', async (t) => {
  const h = await emulatorFor(t, { factors: ['otp', 'voice', 'recovery-code'] });
  const token = await h.managementToken();
  const factors = (await h.getJson('/api/v2/guardian/factors', token)).body as { name: string; enabled: boolean }[];
  assert.deepEqual(factors.filter((f) => f.enabled).map((f) => f.name), ['sms', 'otp', 'recovery-code']);
  assert.deepEqual((await h.getJson('/api/v2/guardian/factors/phone/message-types', token)).body, { message_types: ['voice'] });
});

test('authentication methods: whole records with created, enrolled and last-auth times', async (t) => {
  const h = await emulatorFor(t);
  const enrolledAt = h.now();
  const user = await h.user({ emailVerified: true });
  const [sms, voice] = (await h.seed(user.id, { factor: 'sms', phoneNumber: '+15555550123' })).authenticators;
  await h.seed(user.id, { factor: 'otp' });
  h.advance(60);
  const pendingAt = h.now();
  const { access_token } = await h.tokens(user.id);
  await h.postJson('/mfa/associate', { authenticator_types: ['oob'], oob_channels: ['email'], email: 'ann@example.com' }, access_token);
  h.advance(60);
  const signedInAt = h.now();
  await signInWithSms(h, user.id, sms.id);
  const token = await h.managementToken();
  const methods = (await h.getJson(methodsPath(user.id), token)).body as Record<string, unknown>[];
  const totpId = methods.find((m) => m.type === 'totp')!.id;
  const recoveryId = methods.find((m) => m.type === 'recovery-code')!.id;
  // The verified address is not an enrollment: the Management API does not list it.
  assert.deepEqual(methods, [
    {
      id: `phone|${sms.id.split('|')[1]}`,
      type: 'phone',
      name: '+1XXXXXX0123',
      phone_number: '+15555550123',
      preferred_authentication_method: 'sms',
      authentication_methods: [{ id: sms.id, type: 'sms' }, { id: voice.id, type: 'voice' }],
      confirmed: true,
      created_at: iso(enrolledAt),
      enrolled_at: iso(enrolledAt),
      last_auth_at: iso(signedInAt),
    },
    { id: recoveryId, type: 'recovery-code', confirmed: true, created_at: iso(enrolledAt), enrolled_at: iso(enrolledAt) },
    { id: totpId, type: 'totp', confirmed: true, created_at: iso(enrolledAt), enrolled_at: iso(enrolledAt) },
    { id: methods[3]!.id, type: 'email', name: 'ann@example.com', email: 'ann@example.com', confirmed: false, created_at: iso(pendingAt) },
  ]);
});

test('authentication methods: a pending first enrollment lists no recovery code; a voice phone prefers voice', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  const { mfa_token } = await h.tokens(user.id);
  const { body: otp } = await h.postJson('/mfa/associate', { authenticator_types: ['otp'] }, mfa_token);
  const token = await h.managementToken();
  const pending = (await h.getJson(methodsPath(user.id), token)).body;
  assert.deepEqual(pending.map((m: any) => [m.type, m.confirmed]), [['totp', false]]);
  assert.equal((await h.grant('mfa-otp', { mfa_token, otp: totpCode(otp.secret, TOTP, h.now()) })).status, 200);
  const confirmed = (await h.getJson(methodsPath(user.id), token)).body;
  assert.deepEqual(confirmed.map((m: any) => [m.type, m.confirmed]), [['totp', true], ['recovery-code', true]]);
  assert.equal(confirmed[0].last_auth_at, iso(h.now()));

  const [voiceFirst, smsTwin] = (await h.seed(user.id, { factor: 'voice', phoneNumber: '+447700900123' })).authenticators;
  const phone = (await h.getJson(methodsPath(user.id), token)).body.find((m: any) => m.type === 'phone');
  assert.equal(phone.id, `phone|${voiceFirst.id.split('|')[1]}`);
  assert.equal(phone.preferred_authentication_method, 'voice');
  assert.deepEqual(phone.authentication_methods, [{ id: voiceFirst.id, type: 'voice' }, { id: smsTwin.id, type: 'sms' }]);
});

test('authentication methods: WebAuthn and Duo enrollments carry their device names', async (t) => {
  const h = await emulatorFor(t);
  await h.postJson('/__emulator/factors', { factors: ['otp', 'webauthn-roaming', 'webauthn-platform', 'duo', 'recovery-code'] });
  const user = await h.user();
  await h.seed(user.id, { factor: 'webauthn-roaming', deviceName: 'YubiKey 5' });
  await h.seed(user.id, { factor: 'webauthn-platform' });
  await h.seed(user.id, { factor: 'duo', deviceName: 'Duo on Pixel' });
  const methods = (await h.getJson(methodsPath(user.id), await h.managementToken())).body;
  assert.deepEqual(
    methods.map((m: any) => [m.type, m.name]),
    [['webauthn-roaming', 'YubiKey 5'], ['recovery-code', undefined], ['webauthn-platform', 'Emulated device biometrics'], ['duo', 'Duo on Pixel']],
  );
});

test('authentication methods paging: page alone, per_page alone, totals without paging, bad numbers', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  await h.seed(user.id, { factor: 'otp' });
  await h.seed(user.id, { factor: 'email', email: 'ann@example.com' });
  await h.seed(user.id, { factor: 'sms', phoneNumber: '+15555550123' });
  const token = await h.managementToken();
  const path = methodsPath(user.id);
  const all = (await h.getJson(path, token)).body;
  assert.equal(all.length, 4);
  assert.deepEqual((await h.getJson(`${path}?per_page=3`, token)).body, all.slice(0, 3));
  assert.deepEqual((await h.getJson(`${path}?page=0`, token)).body, all, 'the default page holds 50');
  assert.deepEqual((await h.getJson(`${path}?page=1`, token)).body, []);
  assert.deepEqual((await h.getJson(`${path}?per_page=3&page=1`, token)).body, all.slice(3));
  assert.deepEqual((await h.getJson(`${path}?include_totals=true`, token)).body, { start: 0, limit: 4, total: 4, authenticators: all });
  assert.deepEqual((await h.getJson(`${path}?include_totals=false`, token)).body, all);
  for (const query of ['per_page=-1', 'per_page=2.5', 'page=1e2', 'page=']) {
    const name = query.split('=')[0];
    const bad = await h.getJson(`${path}?${query}`, token);
    assert.deepEqual(
      { status: bad.status, body: bad.body },
      { status: 400, body: managementError(400, 'Bad Request', `Query validation error: '${name}' must be a non-negative integer.`, 'invalid_query_string') },
      query,
    );
  }
});

test('DELETE authentication method: a member id removes its pair; a phone id only matches phones', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  const [totp] = (await h.seed(user.id, { factor: 'otp' })).authenticators;
  const [, voice] = (await h.seed(user.id, { factor: 'sms', phoneNumber: '+15555550123' })).authenticators;
  const token = await h.managementToken();
  const del = (id: string) => h.del(`${methodsPath(user.id)}/${encodeURIComponent(id)}`, token);
  const notPhone = await del(`phone|${totp.id.split('|')[1]}`);
  assert.equal(notPhone.status, 404);
  assert.deepEqual(
    await notPhone.json(),
    managementError(404, 'Not Found', 'The authentication method does not exist.', 'inexistent_authentication_method'),
  );
  assert.equal((await del(voice.id)).status, 204);
  const types = (await h.getJson(methodsPath(user.id), token)).body.map((m: any) => m.type);
  assert.deepEqual(types, ['totp', 'recovery-code']);
});

test('enrollment tickets: every refusal says what is wrong; a ticket lasts five days', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  const token = await h.managementToken();
  const ticket = (body: object) => h.postJson('/api/v2/guardian/enrollments/ticket', body, token);
  const invalid = (message: string) => ({ status: 400, body: managementError(400, 'Bad Request', `Payload validation error: ${message}`, 'invalid_body') });
  const missing = invalid("'Missing required property: user_id'.");
  const badFactor = invalid("'factor' must be one of push-notification, phone, email, otp, webauthn-roaming, webauthn-platform.");
  for (const [body, expected] of [
    [{}, missing],
    [{ user_id: '' }, missing],
    [{ user_id: 42 }, missing],
    [{ user_id: user.id, factor: 42 }, badFactor],
    [{ user_id: user.id, factor: 'duo' }, badFactor],
  ] as const) {
    const { status, body: answer } = await ticket(body);
    assert.deepEqual({ status, body: answer }, expected, JSON.stringify(body));
  }
  const broken = await fetch(`${h.url}/api/v2/guardian/enrollments/ticket`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: '{',
  });
  assert.equal((await broken.json()).message.startsWith('Payload validation error: '), true);

  const { ticket_url } = (await ticket({ user_id: user.id, factor: 'otp' })).body;
  const lasting = (await ticket({ user_id: user.id, factor: 'email' })).body.ticket_url;
  h.advance(5 * 24 * 3600 - 1);
  assert.equal((await fetch(ticket_url)).status, 200, 'good until the last second of the fifth day');
  h.advance(1);
  assert.equal((await fetch(lasting)).status, 404, 'expired after five days');
});

test('recovery-code regeneration: a new code replaces the old; a user without one is a 404', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  const token = await h.managementToken();
  const regenerate = (id: string) => h.postJson(`/api/v2/users/${encodeURIComponent(id)}/recovery-code-regeneration`, {}, token);
  const none = await regenerate(user.id);
  assert.deepEqual(
    { status: none.status, body: none.body },
    { status: 404, body: managementError(404, 'Not Found', 'The user has no recovery code.', 'inexistent_authentication_method') },
  );
  const { recovery_code: old } = await h.seed(user.id, { factor: 'otp' });
  const fresh = await regenerate(user.id);
  assert.equal(fresh.status, 200);
  assert.deepEqual(Object.keys(fresh.body), ['recovery_code']);
  assert.notEqual(fresh.body.recovery_code, old);
  const { mfa_token } = await h.tokens(user.id);
  assert.equal((await h.grant('mfa-recovery-code', { mfa_token, recovery_code: old })).status, 403);
  assert.equal((await h.grant('mfa-recovery-code', { mfa_token, recovery_code: fresh.body.recovery_code })).status, 200);
  assert.equal((await regenerate('auth0|nobody')).status, 404);
});

test('changes made through My Account show in the Management API: a phone switched to voice, a renamed key', async (t) => {
  const h = await emulatorFor(t);
  await h.postJson('/__emulator/factors', { factors: ['otp', 'sms', 'voice', 'webauthn-roaming', 'recovery-code'] });
  const user = await h.user();
  const [sms, voice] = (await h.seed(user.id, { factor: 'sms', phoneNumber: '+15555550123' })).authenticators;
  await h.seed(user.id, { factor: 'webauthn-roaming', deviceName: 'YubiKey 5' });
  const me = (await h.postJson(`/__emulator/users/${encodeURIComponent(user.id)}/my-account-token`, {})).body.access_token;
  const patch = (id: string, body: object) =>
    fetch(`${h.url}/me/v1/authentication-methods/${encodeURIComponent(id)}`, {
      method: 'PATCH',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${me}` },
      body: JSON.stringify(body),
    });
  const mine = (await (await fetch(`${h.url}/me/v1/authentication-methods`, { headers: { authorization: `Bearer ${me}` } })).json()) as {
    authentication_methods: { id: string; type: string }[];
  };
  const byType = (type: string) => mine.authentication_methods.find((m) => m.type === type)!.id;
  assert.equal((await patch(byType('phone'), { preferred_authentication_method: 'voice' })).status, 200);
  assert.equal((await patch(byType('webauthn-roaming'), { name: 'Backup key' })).status, 200);
  const methods = (await h.getJson(methodsPath(user.id), await h.managementToken())).body;
  const phone = methods.find((m: any) => m.type === 'phone');
  assert.deepEqual([phone.id, phone.preferred_authentication_method], [`phone|${voice.id.split('|')[1]}`, 'voice']);
  assert.deepEqual(phone.authentication_methods, [{ id: sms.id, type: 'sms' }, { id: voice.id, type: 'voice' }]);
  assert.equal(methods.find((m: any) => m.type === 'webauthn-roaming').name, 'Backup key');
});
