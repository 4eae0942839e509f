import assert from 'node:assert/strict';
import { test } from 'node:test';
import { totpCode } from '../../src/emulator/totp.js';
import { emulatorFor, type Harness } from './helpers.js';

// Signing in with a factor the user already has confirms nothing else: an enrollment left unfinished
// keeps its recovery code unusable until that enrollment itself is confirmed (routes/token.ts). The
// case arises when the tenant's recovery-code factor is switched on after a first enrollment: the
// next enrollment then hands out a code while an active factor can still sign in.

const TOTP = { algorithm: 'SHA1' as const, digits: 6, period: 30 };
const ALL_BUT_RECOVERY = ['otp', 'sms', 'voice', 'email', 'push'];

/** A user with one active factor and no recovery code, then a pending SMS enrollment with its code. */
async function enrolledThenPending(h: Harness, factor: Record<string, unknown>) {
  await h.postJson('/__emulator/factors', { factors: ALL_BUT_RECOVERY });
  const user = await h.user();
  const seeded = await h.seed(user.id, factor);
  assert.equal(seeded.recovery_code, undefined, 'no recovery code while the factor is off');
  await h.postJson('/__emulator/factors', { factors: [...ALL_BUT_RECOVERY, 'recovery-code'] });
  const { mfa_token, access_token } = await h.tokens(user.id);
  const pending = await h.postJson(
    '/mfa/associate',
    { authenticator_types: ['oob'], oob_channels: ['sms'], phone_number: '+15555550188' },
    access_token,
  );
  assert.equal(pending.status, 200);
  const [recoveryCode] = pending.body.recovery_codes as string[];
  assert.match(String(recoveryCode), /^[A-Z0-9]{24}$/, 'the pending enrollment hands out a recovery code');
  return { user, seeded, mfa_token, access_token, recoveryCode: recoveryCode!, enrollOob: pending.body.oob_code as string };
}

const refused = { status: 403, error: 'invalid_grant', error_description: 'Invalid recovery_code.' };
const recoveryLogin = async (h: Harness, userId: string, recovery_code: string) => {
  const { mfa_token } = await h.tokens(userId);
  const answer = await h.grant('mfa-recovery-code', { mfa_token, recovery_code });
  return { status: answer.status, error: answer.body.error, error_description: answer.body.error_description };
};

test('mfa-otp with the active app leaves a later enrollment pending: its recovery code works only once that enrollment is confirmed', async (t) => {
  const h = await emulatorFor(t);
  const { user, seeded, mfa_token, recoveryCode, enrollOob } = await enrolledThenPending(h, { factor: 'otp' });
  const login = await h.grant('mfa-otp', { mfa_token, otp: totpCode(seeded.secret, TOTP, h.now()) });
  assert.equal(login.status, 200, JSON.stringify(login.body));
  assert.deepEqual(await recoveryLogin(h, user.id, recoveryCode), refused, 'the app login confirmed the pending enrollment\'s recovery code');

  const { mfa_token: next } = await h.tokens(user.id);
  const confirm = await h.grant('mfa-oob', { mfa_token: next, oob_code: enrollOob, binding_code: await h.lastCode(user.id) });
  assert.equal(confirm.status, 200, JSON.stringify(confirm.body));
  assert.equal((await recoveryLogin(h, user.id, recoveryCode)).status, 200, 'confirmed with its enrollment');
});

test('mfa-oob with an active phone\'s challenge leaves a later enrollment pending: its recovery code is refused', async (t) => {
  const h = await emulatorFor(t);
  const { user, seeded, mfa_token, recoveryCode } = await enrolledThenPending(h, { factor: 'email', email: 'ann@example.com' });
  const [email] = seeded.authenticators;
  const challenge = await h.postJson('/mfa/challenge', { client_id: 'demo-spa', mfa_token, authenticator_id: email.id });
  assert.equal(challenge.status, 200, JSON.stringify(challenge.body));
  const login = await h.grant('mfa-oob', { mfa_token, oob_code: challenge.body.oob_code, binding_code: await h.lastCode(user.id) });
  assert.equal(login.status, 200, JSON.stringify(login.body));
  assert.deepEqual(await recoveryLogin(h, user.id, recoveryCode), refused, 'the email login confirmed the pending enrollment\'s recovery code');
  const listed = (await h.getJson('/mfa/authenticators', (await h.tokens(user.id)).access_token)).body as { oob_channel?: string; active: boolean }[];
  assert.deepEqual(
    listed.filter((a) => a.oob_channel === 'sms').map((a) => a.active),
    [false],
    'the SMS enrollment is still pending',
  );
});
