import assert from 'node:assert/strict';
import { test } from 'node:test';
import { totpCode } from '../../src/emulator/totp.js';
import { emulatorFor, type Harness } from './helpers.js';

const TOTP = { algorithm: 'SHA1' as const, digits: 6, period: 30 };

async function freshUser(h: Harness, settings = {}) {
  const user = await h.user({ settings });
  return { user, ...(await h.tokens(user.id)) };
}

test('GET /mfa/authenticators: empty for a new user; Auth0 shapes for each factor', async (t) => {
  const h = await emulatorFor(t);
  const { user, mfa_token } = await freshUser(h);
  assert.deepEqual((await h.getJson('/mfa/authenticators', mfa_token)).body, []);
  await h.seed(user.id, { factor: 'otp' });
  await h.seed(user.id, { factor: 'sms', phoneNumber: '+15555550123' });
  await h.seed(user.id, { factor: 'email', email: 'ann@example.com' });
  await h.seed(user.id, { factor: 'push', deviceName: "Ann's phone" });
  const { status, body } = await h.getJson('/mfa/authenticators', mfa_token);
  assert.equal(status, 200);
  const byPrefix = (prefix: string) => body.filter((a: any) => a.id.startsWith(`${prefix}|`));
  for (const a of body) assert.match(a.id, /^(totp|sms|voice|email|push|recovery-code)\|dev_[A-Za-z0-9]{16}$/);
  assert.equal(byPrefix('totp').length, 2, 'the OTP and the push-linked TOTP');
  assert.deepEqual(Object.keys(byPrefix('totp')[0]).sort(), ['active', 'authenticator_type', 'id', 'type']);
  assert.deepEqual(
    { ...byPrefix('sms')[0], id: undefined },
    { id: undefined, authenticator_type: 'oob', type: 'phone', oob_channel: 'sms', oob_channels: ['sms'], name: '+1XXXXXX0123', active: true },
  );
  assert.equal(byPrefix('voice')[0].oob_channel, 'voice');
  assert.deepEqual({ ...byPrefix('email')[0], id: undefined }, { id: undefined, authenticator_type: 'oob', type: 'email', oob_channel: 'email', oob_channels: ['email'], name: 'ann@example.com', active: true });
  assert.deepEqual({ ...byPrefix('push')[0], id: undefined }, { id: undefined, authenticator_type: 'oob', type: 'push-notification', oob_channel: 'auth0', oob_channels: ['auth0'], name: "Ann's phone", active: true });
  assert.deepEqual({ ...byPrefix('recovery-code')[0], id: undefined }, { id: undefined, authenticator_type: 'recovery-code', type: 'recovery-code', active: true });
});

test('bearer errors on /mfa/*: missing, unknown, expired → 401 invalid_token; wrong audience; missing scope → 403', async (t) => {
  const h = await emulatorFor(t);
  const { user } = await freshUser(h, { accessTokenTtl: 30 });
  for (const token of [undefined, 'garbage']) {
    const { status, body } = await h.getJson('/mfa/authenticators', token);
    assert.equal(status, 401);
    assert.equal(body.error, 'invalid_token');
  }
  const expiring = (await h.tokens(user.id)).access_token;
  h.advance(31);
  assert.equal((await h.getJson('/mfa/authenticators', expiring)).body.error, 'invalid_token');
  const other = await h.tokens(user.id, 'https://api.example.com/');
  const wrongAudience = await h.getJson('/mfa/authenticators', other.access_token);
  assert.equal(wrongAudience.status, 401);
  assert.equal(wrongAudience.body.error, 'invalid_token');
  const narrow = (await h.postJson(`/__emulator/users/${encodeURIComponent(user.id)}/tokens`, { scope: 'read:authenticators' })).body;
  assert.equal((await h.getJson('/mfa/authenticators', narrow.access_token)).status, 200);
  const noEnroll = await h.postJson('/mfa/associate', { authenticator_types: ['otp'] }, narrow.access_token);
  assert.equal(noEnroll.status, 403);
  assert.equal(noEnroll.body.error, 'insufficient_scope');
  const management = await h.managementToken();
  assert.equal((await h.getJson('/mfa/authenticators', management)).status, 401);
  // A login without the MFA audience yields tokens that cannot manage authenticators.
  const { secret } = await h.seed(user.id, { factor: 'otp' });
  const login = await h.grant('password', { username: user.email, password: user.password });
  const tokens = await h.grant('mfa-otp', { mfa_token: login.body.mfa_token, otp: totpCode(secret, TOTP, h.now()) });
  assert.equal((await h.getJson('/mfa/authenticators', tokens.body.access_token)).status, 401);
});

test('POST /mfa/associate otp: Auth0 body, real otpauth URI, recovery code only on the first enrollment', async (t) => {
  const h = await emulatorFor(t);
  const { user, mfa_token, access_token } = await freshUser(h);
  const { status, body } = await h.postJson('/mfa/associate', { authenticator_types: ['otp'] }, mfa_token);
  assert.equal(status, 200);
  assert.deepEqual(Object.keys(body), ['authenticator_type', 'secret', 'barcode_uri', 'recovery_codes']);
  assert.equal(body.authenticator_type, 'otp');
  assert.match(body.secret, /^[A-Z2-7]{32}$/);
  assert.equal(
    body.barcode_uri,
    `otpauth://totp/mfa-emulator:${user.email}?secret=${body.secret}&issuer=mfa-emulator&algorithm=SHA1&digits=6&period=30`,
  );
  assert.equal(body.recovery_codes.length, 1);
  assert.match(body.recovery_codes[0], /^[A-Z0-9]{24}$/);
  const pending = (await h.getJson('/mfa/authenticators', mfa_token)).body;
  assert.deepEqual(pending.map((a: any) => [a.authenticator_type, a.active]), [['otp', false]]);
  assert.equal((await h.grant('mfa-otp', { mfa_token, otp: totpCode(body.secret, TOTP, h.now()) })).status, 200);
  // The recovery code given with the enrollment is the active one.
  assert.equal((await h.grant('mfa-recovery-code', { mfa_token, recovery_code: body.recovery_codes[0] })).status, 200);

  const second = await h.postJson('/mfa/associate', { authenticator_types: ['otp'] }, access_token);
  assert.equal(second.status, 200);
  assert.equal(second.body.recovery_codes, undefined);
});

test('"User is already enrolled": an mfa_token cannot add a second factor; an access token with enroll can', async (t) => {
  const h = await emulatorFor(t);
  const { user, mfa_token, access_token } = await freshUser(h);
  await h.seed(user.id, { factor: 'otp' });
  const refused = await h.postJson('/mfa/associate', { authenticator_types: ['otp'] }, mfa_token);
  assert.equal(refused.status, 403);
  assert.deepEqual(refused.body, { error: 'access_denied', error_description: 'User is already enrolled' });
  const allowed = await h.postJson('/mfa/associate', { authenticator_types: ['oob'], oob_channels: ['email'] }, access_token);
  assert.equal(allowed.status, 200);
});

test('associate sms: code to the outbox, confirmation with binding_code activates the sms+voice pair', async (t) => {
  const h = await emulatorFor(t);
  const { user, mfa_token } = await freshUser(h);
  const { status, body } = await h.postJson(
    '/mfa/associate',
    { authenticator_types: ['oob'], oob_channels: ['sms'], phone_number: '+15555550123' },
    mfa_token,
  );
  assert.equal(status, 200);
  assert.deepEqual(Object.keys(body), ['authenticator_type', 'binding_method', 'recovery_codes', 'oob_channel', 'oob_code']);
  assert.equal(body.binding_method, 'prompt');
  assert.equal(body.oob_channel, 'sms');
  const [message] = (await h.getJson(`/__emulator/outbox?user_id=${encodeURIComponent(user.id)}`)).body;
  assert.equal(message.channel, 'sms');
  assert.equal(message.to, '+15555550123');
  assert.match(message.code, /^\d{6}$/);
  assert.ok(message.text.includes(message.code));
  assert.ok(h.logs.some((line) => line.includes(message.code)), 'the code is printed through the log option');

  const wrongCode = message.code === '000000' ? '111111' : '000000';
  const wrong = await h.grant('mfa-oob', { mfa_token, oob_code: body.oob_code, binding_code: wrongCode });
  assert.equal(wrong.status, 403);
  assert.equal(wrong.body.error, 'invalid_grant');
  assert.equal(wrong.headers.get('x-ratelimit-remaining'), '9');
  const missing = await h.grant('mfa-oob', { mfa_token, oob_code: body.oob_code });
  assert.equal(missing.body.error, 'invalid_request');

  const ok = await h.grant('mfa-oob', { mfa_token, oob_code: body.oob_code, binding_code: message.code });
  assert.equal(ok.status, 200);
  const list = (await h.getJson('/mfa/authenticators', mfa_token)).body;
  assert.deepEqual(
    list.map((a: any) => [a.oob_channel ?? a.authenticator_type, a.active]),
    [['sms', true], ['voice', true], ['recovery-code', true]],
  );
  // Single use.
  const again = await h.grant('mfa-oob', { mfa_token, oob_code: body.oob_code, binding_code: message.code });
  assert.equal(again.body.error, 'invalid_grant');
});

test('associate voice and email: Auth0 bodies; email defaults to the user address; a tenant without voice enrolls sms alone', async (t) => {
  const h = await emulatorFor(t);
  const { user, access_token } = await freshUser(h);
  const voice = await h.postJson('/mfa/associate', { authenticator_types: ['oob'], oob_channels: ['voice'], phone_number: '+447700900123' }, access_token);
  assert.equal(voice.body.oob_channel, 'voice');
  const voiceMessages = (await h.getJson(`/__emulator/outbox?channel=voice&to=%2B447700900123`)).body;
  assert.equal(voiceMessages.length, 1);
  await h.grant('mfa-oob', { mfa_token: access_token, oob_code: voice.body.oob_code, binding_code: voiceMessages[0].code });
  const email = await h.postJson('/mfa/associate', { authenticator_types: ['oob'], oob_channels: ['email'] }, access_token);
  assert.deepEqual(Object.keys(email.body), ['authenticator_type', 'binding_method', 'oob_channel', 'oob_code']);
  assert.equal(email.body.oob_channel, 'email');
  assert.equal((await h.getJson(`/__emulator/outbox?channel=email`)).body[0].to, user.email);

  const smsOnly = await emulatorFor(t, { factors: ['otp', 'sms', 'email', 'push', 'recovery-code'] });
  const other = await smsOnly.user();
  const tokens = await smsOnly.tokens(other.id);
  await smsOnly.postJson('/mfa/associate', { authenticator_types: ['oob'], oob_channels: ['sms'], phone_number: '+15555550123' }, tokens.mfa_token);
  const list = (await smsOnly.getJson('/mfa/authenticators', tokens.mfa_token)).body;
  assert.deepEqual(list.map((a: any) => a.oob_channel), ['sms']);
  const disabled = await smsOnly.postJson('/mfa/associate', { authenticator_types: ['oob'], oob_channels: ['voice'], phone_number: '+15555550123' }, tokens.mfa_token);
  assert.equal(disabled.status, 400);
  assert.equal(disabled.body.error, 'invalid_request');
});

test('associate bad parameters → 400 invalid_request', async (t) => {
  const h = await emulatorFor(t);
  const { access_token } = await freshUser(h);
  for (const body of [
    {},
    { authenticator_types: 'nonsense' },
    { authenticator_types: ['oob'] },
    { authenticator_types: ['oob'], oob_channels: ['fax'] },
    { authenticator_types: ['oob'], oob_channels: ['sms'] },
    { authenticator_types: ['oob'], oob_channels: ['sms'], phone_number: '555-0100' },
    { authenticator_types: ['oob'], oob_channels: ['email'], email: 'not an email' },
    { authenticator_types: [42] },
  ]) {
    const response = await h.postJson('/mfa/associate', body, access_token);
    assert.equal(response.status, 400, JSON.stringify(body));
    assert.equal(response.body.error, 'invalid_request');
  }
});

test('POST /mfa/challenge: otp, sms with binding, auto-pick, challenge_type filtering', async (t) => {
  const h = await emulatorFor(t);
  const { user, mfa_token } = await freshUser(h);
  const [totp] = (await h.seed(user.id, { factor: 'otp' })).authenticators;
  const [sms] = (await h.seed(user.id, { factor: 'sms', phoneNumber: '+15555550123' })).authenticators;
  const challenge = (body: object) => h.postJson('/mfa/challenge', { client_id: 'demo-spa', mfa_token, ...body });

  assert.deepEqual((await challenge({ challenge_type: 'otp', authenticator_id: totp.id })).body, { challenge_type: 'otp' });
  const oob = await challenge({ challenge_type: 'oob', authenticator_id: sms.id });
  assert.equal(oob.status, 200);
  assert.deepEqual(Object.keys(oob.body), ['challenge_type', 'oob_code', 'binding_method']);
  assert.equal(oob.body.binding_method, 'prompt');
  const code = await h.lastCode(user.id);
  assert.equal((await h.grant('mfa-oob', { mfa_token, oob_code: oob.body.oob_code, binding_code: code })).status, 200);

  assert.deepEqual((await challenge({})).body, { challenge_type: 'otp' }, 'OTP is preferred when accepted');
  const onlyOob = await challenge({ challenge_type: 'oob' });
  assert.equal(onlyOob.body.binding_method, 'prompt');
  const mismatch = await challenge({ challenge_type: 'oob', authenticator_id: totp.id });
  assert.equal(mismatch.status, 400);
  assert.equal(mismatch.body.error, 'unsupported_challenge_type');
  const badType = await challenge({ challenge_type: 'carrier-pigeon' });
  assert.equal(badType.body.error, 'invalid_request');
});

test('challenge errors: unknown or foreign authenticator, nothing enrolled, bad token, unknown client', async (t) => {
  const h = await emulatorFor(t);
  const a = await freshUser(h);
  const b = await freshUser(h);
  const [foreign] = (await h.seed(b.user.id, { factor: 'otp' })).authenticators;

  const none = await h.postJson('/mfa/challenge', { client_id: 'demo-spa', mfa_token: a.mfa_token });
  assert.equal(none.status, 400);
  assert.deepEqual(none.body, { error: 'unsupported_challenge_type', error_description: 'User is not enrolled.' });

  await h.seed(a.user.id, { factor: 'otp' });
  for (const authenticator_id of ['totp|dev_doesnotexist0000', foreign.id]) {
    const response = await h.postJson('/mfa/challenge', { client_id: 'demo-spa', mfa_token: a.mfa_token, authenticator_id });
    assert.equal(response.status, 400);
    assert.equal(response.body.error, 'invalid_authenticator');
  }
  const unknownClient = await h.postJson('/mfa/challenge', { client_id: 'who', mfa_token: a.mfa_token });
  assert.equal(unknownClient.status, 401);
  assert.equal(unknownClient.body.error, 'invalid_client');
  const badToken = await h.postJson('/mfa/challenge', { client_id: 'demo-spa', mfa_token: 'nope' });
  assert.equal(badToken.body.error, 'invalid_grant');
  const noToken = await h.postJson('/mfa/challenge', { client_id: 'demo-spa' });
  assert.equal(noToken.body.error, 'invalid_request');
});

test('challenge with an expired mfa_token → 401 expired_token; sms oob_code expiry → expired_token', async (t) => {
  const h = await emulatorFor(t);
  const { user, mfa_token } = await freshUser(h, { mfaTokenTtl: 1000, oobTtl: 60 });
  const [sms] = (await h.seed(user.id, { factor: 'sms', phoneNumber: '+15555550123' })).authenticators;
  const oob = await h.postJson('/mfa/challenge', { client_id: 'demo-spa', mfa_token, authenticator_id: sms.id });
  const code = await h.lastCode(user.id);
  h.advance(61);
  const expiredCode = await h.grant('mfa-oob', { mfa_token, oob_code: oob.body.oob_code, binding_code: code });
  assert.equal(expiredCode.status, 401);
  assert.deepEqual(expiredCode.body, { error: 'expired_token', error_description: 'oob_code is expired' });
  h.advance(1000);
  const expired = await h.postJson('/mfa/challenge', { client_id: 'demo-spa', mfa_token, authenticator_id: sms.id });
  assert.equal(expired.status, 401);
  assert.deepEqual(expired.body, { error: 'expired_token', error_description: 'mfa_token is expired' });
});

test('DELETE /mfa/authenticators/{id}: 204, pairs go together, recovery code stays, mfa_token refused', async (t) => {
  const h = await emulatorFor(t);
  const { user, mfa_token, access_token } = await freshUser(h);
  const otp = (await h.seed(user.id, { factor: 'otp' })).authenticators[0];
  const [push, linkedTotp] = (await h.seed(user.id, { factor: 'push' })).authenticators;
  const [sms, voice] = (await h.seed(user.id, { factor: 'sms', phoneNumber: '+15555550123' })).authenticators;
  assert.ok(linkedTotp.id.startsWith('totp|'));
  assert.ok(voice.id.startsWith('voice|'));
  const ids = async () => (await h.getJson('/mfa/authenticators', access_token)).body.map((a: any) => a.id);

  const withMfaToken = await h.del(`/mfa/authenticators/${encodeURIComponent(otp.id)}`, mfa_token);
  assert.equal(withMfaToken.status, 401);
  assert.equal((await withMfaToken.json()).error, 'invalid_token');

  assert.equal((await h.del(`/mfa/authenticators/${encodeURIComponent(linkedTotp.id)}`, access_token)).status, 204);
  assert.ok(!(await ids()).includes(push.id), 'deleting the linked TOTP deletes the push');
  const deleted = await h.del(`/mfa/authenticators/${encodeURIComponent(sms.id)}`, access_token);
  assert.equal(deleted.status, 204);
  assert.equal(await deleted.text(), '');
  assert.ok(!(await ids()).includes(voice.id), 'deleting sms deletes voice');

  const recovery = (await ids()).find((id: string) => id.startsWith('recovery-code|'));
  const refused = await h.del(`/mfa/authenticators/${encodeURIComponent(recovery)}`, access_token);
  assert.equal(refused.status, 400);
  assert.equal((await refused.json()).error, 'invalid_request');
  const missing = await h.del(`/mfa/authenticators/${encodeURIComponent('totp|dev_nope')}`, access_token);
  assert.equal(missing.status, 404);
  assert.equal((await missing.json()).error, 'invalid_authenticator');

  // Removing the last factor takes the recovery code with it: the user is new again.
  assert.equal((await h.del(`/mfa/authenticators/${encodeURIComponent(otp.id)}`, access_token)).status, 204);
  assert.deepEqual(await ids(), []);
  const again = await h.postJson('/mfa/associate', { authenticator_types: ['otp'] }, mfa_token);
  assert.equal(again.status, 200);
  assert.equal(again.body.recovery_codes.length, 1);
});

test('a verified email is listed and challengeable but cannot be deleted and does not count as enrolled', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user({ emailVerified: true });
  const { mfa_token, access_token } = await h.tokens(user.id);
  const [email] = (await h.getJson('/mfa/authenticators', mfa_token)).body;
  assert.deepEqual({ ...email, id: undefined }, { id: undefined, authenticator_type: 'oob', type: 'email', oob_channel: 'email', oob_channels: ['email'], name: user.email, active: true });
  const challenge = await h.postJson('/mfa/challenge', { client_id: 'demo-spa', mfa_token, authenticator_id: email.id });
  assert.equal(challenge.body.binding_method, 'prompt');
  const ok = await h.grant('mfa-oob', { mfa_token, oob_code: challenge.body.oob_code, binding_code: await h.lastCode(user.id) });
  assert.equal(ok.status, 200);
  const refused = await h.del(`/mfa/authenticators/${encodeURIComponent(email.id)}`, access_token);
  assert.equal(refused.status, 400);
  assert.equal((await h.postJson('/mfa/associate', { authenticator_types: ['otp'] }, mfa_token)).status, 200);
});

test('unknown routes → 404, known path with the wrong method → 405', async (t) => {
  const h = await emulatorFor(t);
  const missing = await h.getJson('/mfa/nothing');
  assert.equal(missing.status, 404);
  assert.equal(missing.body.error, 'not_found');
  assert.equal((await h.getJson('/mfa/associate')).status, 405);
  const management = await h.getJson('/api/v2/nothing');
  assert.equal(management.body.statusCode, 404);
});
