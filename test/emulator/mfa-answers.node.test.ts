import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emulatorFor, type Harness } from './helpers.js';

// The whole answers of /mfa/associate and /mfa/challenge (reference §2.3, §2.4), value by value, for
// the out-of-band factors: what an SDK reads from them.

async function freshUser(h: Harness) {
  const user = await h.user();
  return { user, ...(await h.tokens(user.id)) };
}

test('associate sms, email and push: authenticator_type oob, the first enrollment\'s recovery code that works', async (t) => {
  const h = await emulatorFor(t);
  const { user, mfa_token, access_token } = await freshUser(h);
  const sms = (await h.postJson('/mfa/associate', { authenticator_types: ['oob'], oob_channels: ['sms'], phone_number: '+15555550123' }, mfa_token)).body;
  assert.deepEqual({ ...sms, oob_code: typeof sms.oob_code, recovery_codes: sms.recovery_codes.length }, {
    authenticator_type: 'oob',
    binding_method: 'prompt',
    recovery_codes: 1,
    oob_channel: 'sms',
    oob_code: 'string',
  });
  assert.match(sms.recovery_codes[0], /^[A-Z0-9]{24}$/);
  assert.equal((await h.grant('mfa-oob', { mfa_token, oob_code: sms.oob_code, binding_code: await h.lastCode(user.id) })).status, 200);
  assert.equal((await h.grant('mfa-recovery-code', { mfa_token, recovery_code: sms.recovery_codes[0] })).status, 200);

  const email = (await h.postJson('/mfa/associate', { authenticator_types: ['oob'], oob_channels: ['email'], email: 'ann@work.example' }, access_token)).body;
  assert.equal(email.authenticator_type, 'oob');
  const [message] = (await h.getJson(`/__emulator/outbox?user_id=${encodeURIComponent(user.id)}&channel=email`)).body;
  assert.equal(message.to, 'ann@work.example', 'the address asked for, not the user\'s');
  const listed = (await h.getJson('/mfa/authenticators', access_token)).body.find((a: any) => a.oob_channel === 'email');
  assert.equal(listed.name, 'ann@work.example');

  const other = await freshUser(h);
  const push = (await h.postJson('/mfa/associate', { authenticator_types: ['oob'], oob_channels: ['auth0'] }, other.mfa_token)).body;
  assert.equal(push.authenticator_type, 'oob');
  assert.equal(push.recovery_codes.length, 1);
  await h.postJson(`/__emulator/push/${push.oob_code}/approve`);
  h.advance(5);
  assert.equal((await h.grant('mfa-oob', { mfa_token: other.mfa_token, oob_code: push.oob_code })).status, 200);
  assert.equal((await h.grant('mfa-recovery-code', { mfa_token: other.mfa_token, recovery_code: push.recovery_codes[0] })).status, 200);
});

test('challenge of a code factor: challenge_type oob, an oob_code and binding_method prompt', async (t) => {
  const h = await emulatorFor(t);
  const { user, mfa_token } = await freshUser(h);
  const [email] = (await h.seed(user.id, { factor: 'email', email: 'ann@example.com' })).authenticators;
  const { body } = await h.postJson('/mfa/challenge', { client_id: 'demo-spa', mfa_token, authenticator_id: email.id });
  assert.deepEqual({ ...body, oob_code: typeof body.oob_code }, { challenge_type: 'oob', oob_code: 'string', binding_method: 'prompt' });
});

test('a named authenticator outside the accepted types: the description lists them as sent', async (t) => {
  const h = await emulatorFor(t);
  const { user, mfa_token } = await freshUser(h);
  const [sms] = (await h.seed(user.id, { factor: 'sms', phoneNumber: '+15555550123' })).authenticators;
  const { status, body } = await h.postJson('/mfa/challenge', { client_id: 'demo-spa', mfa_token, authenticator_id: sms.id, challenge_type: 'otp otp' });
  assert.deepEqual({ status, body }, {
    status: 400,
    body: { error: 'unsupported_challenge_type', error_description: 'The authenticator does not support challenge type otp otp.' },
  });
});
