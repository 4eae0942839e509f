import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emulatorFor } from './helpers.js';

test('GET /api/v2/guardian/factors lists every Guardian factor with its state', async (t) => {
  const h = await emulatorFor(t, { factors: ['otp', 'sms', 'push', 'recovery-code'] });
  const token = await h.managementToken();
  const { status, body } = await h.getJson('/api/v2/guardian/factors', token);
  assert.equal(status, 200);
  assert.deepEqual(body, [
    { name: 'push-notification', enabled: true, trial_expired: false },
    { name: 'sms', enabled: true, trial_expired: false },
    { name: 'email', enabled: false, trial_expired: false },
    { name: 'duo', enabled: false, trial_expired: false },
    { name: 'otp', enabled: true, trial_expired: false },
    { name: 'webauthn-roaming', enabled: false, trial_expired: false },
    { name: 'webauthn-platform', enabled: false, trial_expired: false },
    { name: 'recovery-code', enabled: true, trial_expired: false },
  ]);
});

test('GET /api/v2/guardian/factors/phone/message-types says whether phones also get voice calls', async (t) => {
  const both = await emulatorFor(t);
  const bothBody = (await both.getJson('/api/v2/guardian/factors/phone/message-types', await both.managementToken())).body;
  assert.deepEqual(bothBody, { message_types: ['sms', 'voice'] });
  const smsOnly = await emulatorFor(t, { factors: ['otp', 'sms', 'recovery-code'] });
  const smsBody = (await smsOnly.getJson('/api/v2/guardian/factors/phone/message-types', await smsOnly.managementToken())).body;
  assert.deepEqual(smsBody, { message_types: ['sms'] });
});

test('Management auth: missing or non-management tokens → 401 in the Management error shape', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  const missing = await h.getJson('/api/v2/guardian/factors');
  assert.equal(missing.status, 401);
  assert.deepEqual(missing.body, { statusCode: 401, error: 'Unauthorized', message: 'Missing authentication', errorCode: 'invalid_token' });
  const { access_token } = await h.tokens(user.id);
  const wrong = await h.getJson('/api/v2/guardian/factors', access_token);
  assert.equal(wrong.status, 401);
  assert.equal(wrong.body.errorCode, 'invalid_token');
});

test('GET /api/v2/users/{id}/authentication-methods: phone with sub-list, push/totp linked, email, recovery code; totals and paging', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  const [totp] = (await h.seed(user.id, { factor: 'otp' })).authenticators;
  const [sms, voice] = (await h.seed(user.id, { factor: 'sms', phoneNumber: '+15555550123' })).authenticators;
  const [push, linked] = (await h.seed(user.id, { factor: 'push', deviceName: 'Pixel' })).authenticators;
  const { access_token } = await h.tokens(user.id);
  await h.postJson('/mfa/associate', { authenticator_types: ['oob'], oob_channels: ['email'] }, access_token);
  const token = await h.managementToken();
  const path = `/api/v2/users/${encodeURIComponent(user.id)}/authentication-methods`;
  const { status, body } = await h.getJson(path, token);
  assert.equal(status, 200);
  const byType = (type: string) => body.filter((m: any) => m.type === type);

  assert.equal(byType('totp').length, 2);
  const ownTotp = body.find((m: any) => m.id === totp.id);
  assert.equal(ownTotp.confirmed, true);
  assert.equal(ownTotp.link_id, undefined);
  assert.match(ownTotp.created_at, /^\d{4}-\d\d-\d\dT/);

  const [phone] = byType('phone');
  assert.equal(phone.id, `phone|${sms.id.split('|')[1]}`);
  assert.equal(phone.phone_number, '+15555550123');
  assert.equal(phone.preferred_authentication_method, 'sms');
  assert.deepEqual(phone.authentication_methods, [{ id: sms.id, type: 'sms' }, { id: voice.id, type: 'voice' }]);

  const [pushMethod] = byType('push');
  assert.equal(pushMethod.id, push.id);
  assert.equal(pushMethod.name, 'Pixel');
  assert.equal(pushMethod.link_id, linked.id);
  assert.equal(body.find((m: any) => m.id === linked.id).link_id, push.id);

  const [email] = byType('email');
  assert.equal(email.confirmed, false, 'partially enrolled methods are included');
  assert.equal(email.email, user.email);
  assert.equal(byType('recovery-code')[0].confirmed, true);

  const totals = await h.getJson(`${path}?include_totals=true&page=1&per_page=2`, token);
  assert.equal(totals.body.start, 2);
  assert.equal(totals.body.limit, 2);
  assert.equal(totals.body.total, body.length);
  assert.deepEqual(totals.body.authenticators, body.slice(2, 4));

  const unknown = await h.getJson(`/api/v2/users/${encodeURIComponent('auth0|nobody')}/authentication-methods`, token);
  assert.equal(unknown.status, 404);
  assert.deepEqual(unknown.body, { statusCode: 404, error: 'Not Found', message: 'The user does not exist.', errorCode: 'inexistent_user' });
  assert.equal((await h.getJson(`${path}?page=x`, token)).status, 400);
});

test('DELETE /api/v2/users/{id}/authentication-methods/{id}: 204, a phone id removes both, push removes its totp', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  await h.seed(user.id, { factor: 'otp' });
  const [sms] = (await h.seed(user.id, { factor: 'sms', phoneNumber: '+15555550123' })).authenticators;
  const [push] = (await h.seed(user.id, { factor: 'push' })).authenticators;
  const token = await h.managementToken();
  const base = `/api/v2/users/${encodeURIComponent(user.id)}/authentication-methods`;
  const phoneId = `phone|${sms.id.split('|')[1]}`;
  const deleted = await h.del(`${base}/${encodeURIComponent(phoneId)}`, token);
  assert.equal(deleted.status, 204);
  assert.equal(await deleted.text(), '');
  assert.equal((await h.del(`${base}/${encodeURIComponent(push.id)}`, token)).status, 204);
  const { access_token } = await h.tokens(user.id);
  const left = (await h.getJson('/mfa/authenticators', access_token)).body.map((a: any) => a.id.split('|')[0]);
  assert.deepEqual(left, ['totp', 'recovery-code']);
  const missing = await h.del(`${base}/${encodeURIComponent('totp|dev_missing')}`, token);
  assert.equal(missing.status, 404);
  assert.equal((await missing.json()).errorCode, 'inexistent_authentication_method');
});

test('POST /api/v2/guardian/enrollments/ticket → {ticket_id, ticket_url} on {base}/guardian/enroll; validation errors', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  const token = await h.managementToken();
  const { status, body } = await h.postJson('/api/v2/guardian/enrollments/ticket', { user_id: user.id, factor: 'phone', allow_multiple_enrollments: true }, token);
  assert.equal(status, 200);
  assert.match(body.ticket_id, /^gten_[0-9a-f]{24}$/);
  assert.equal(body.ticket_url, `${h.url}/guardian/enroll?ticket=${body.ticket_id}`);
  const page = await fetch(body.ticket_url);
  assert.equal(page.status, 200, 'the hosted page knows the ticket');
  assert.match(page.headers.get('content-type')!, /text\/html/);

  for (const bad of [{}, { user_id: user.id, factor: 'sms' }]) {
    const response = await h.postJson('/api/v2/guardian/enrollments/ticket', bad, token);
    assert.equal(response.status, 400);
    assert.equal(response.body.errorCode, 'invalid_body');
    assert.equal(response.body.statusCode, 400);
  }
  const unknown = await h.postJson('/api/v2/guardian/enrollments/ticket', { user_id: 'auth0|missing' }, token);
  assert.equal(unknown.status, 404);
  const malformed = await fetch(`${h.url}/api/v2/guardian/enrollments/ticket`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: '{',
  });
  assert.equal((await malformed.json()).errorCode, 'invalid_body');
});
