import assert from 'node:assert/strict';
import { test } from 'node:test';
import { totpCode } from '../../src/emulator/totp.js';
import { emulatorFor } from './helpers.js';

const TOTP = { algorithm: 'SHA1' as const, digits: 6, period: 30 };

function assertRateLimited(response: { status: number; body: any; headers: Headers }, error: string, limit: number) {
  assert.equal(response.status, 429);
  assert.equal(response.body.error, error);
  const retryAfter = Number(response.headers.get('retry-after'));
  assert.ok(retryAfter >= 1, 'Retry-After in seconds');
  assert.equal(response.headers.get('x-ratelimit-limit'), String(limit));
  assert.equal(response.headers.get('x-ratelimit-remaining'), '0');
  const reset = Number(response.headers.get('x-ratelimit-reset'));
  assert.ok(Number.isInteger(reset) && reset > 1_700_000_000, 'x-ratelimit-reset in epoch seconds');
  return retryAfter;
}

/** A user with an OTP authenticator and a session: the right code now, and a wrong one. */
async function otpSession(h: Awaited<ReturnType<typeof emulatorFor>>) {
  const user = await h.user();
  const { secret } = await h.seed(user.id, { factor: 'otp' });
  const { mfa_token } = await h.tokens(user.id);
  const right = () => totpCode(secret, TOTP, h.now());
  const wrong = () => (right() === '000000' ? '111111' : '000000');
  return { mfa_token, right, wrong };
}

test('OTP failures: 10 allowed with a falling x-ratelimit-remaining, then 429 too_many_attempts even for the right code, 1 back per 6 min', async (t) => {
  const h = await emulatorFor(t);
  const { mfa_token, right, wrong } = await otpSession(h);
  for (let i = 9; i >= 0; i--) {
    const response = await h.grant('mfa-otp', { mfa_token, otp: wrong() });
    assert.equal(response.status, 403);
    assert.equal(response.headers.get('x-ratelimit-remaining'), String(i));
  }
  const blocked = await h.grant('mfa-otp', { mfa_token, otp: right() });
  const retryAfter = assertRateLimited(blocked, 'too_many_attempts', 10);
  assert.equal(retryAfter, 360);
  h.advance(360);
  assert.equal((await h.grant('mfa-otp', { mfa_token, otp: right() })).status, 200);
});

test('binding-code failures share the OTP bucket', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user({ settings: { limits: { otpFailures: { burst: 2 } } } });
  const [sms] = (await h.seed(user.id, { factor: 'sms', phoneNumber: '+15555550123' })).authenticators;
  const { mfa_token } = await h.tokens(user.id);
  const { body } = await h.postJson('/mfa/challenge', { client_id: 'demo-spa', mfa_token, authenticator_id: sms.id });
  const code = await h.lastCode(user.id);
  const wrong = code === '000000' ? '111111' : '000000';
  assert.equal((await h.grant('mfa-oob', { mfa_token, oob_code: body.oob_code, binding_code: wrong })).headers.get('x-ratelimit-remaining'), '1');
  assert.equal((await h.grant('mfa-otp', { mfa_token, otp: 'abcdef' })).headers.get('x-ratelimit-remaining'), '0');
  assertRateLimited(await h.grant('mfa-oob', { mfa_token, oob_code: body.oob_code, binding_code: code }), 'too_many_attempts', 2);
});

test('recovery-code failures: their own bucket of 10, refilled 10 per hour', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  const { recovery_code } = await h.seed(user.id, { factor: 'otp' });
  const { mfa_token } = await h.tokens(user.id);
  for (let i = 0; i < 10; i++) assert.equal((await h.grant('mfa-recovery-code', { mfa_token, recovery_code: 'WRONGWRONGWRONGWRONGWRON' })).status, 403);
  assert.equal(assertRateLimited(await h.grant('mfa-recovery-code', { mfa_token, recovery_code }), 'too_many_attempts', 10), 360);
  // OTP attempts are not affected.
  assert.notEqual((await h.grant('mfa-otp', { mfa_token, otp: '000000' })).status, 429);
  h.advance(360);
  assert.equal((await h.grant('mfa-recovery-code', { mfa_token, recovery_code })).status, 200);
});

test('SMS sends: 10, then 429 too_many_requests with 1 per hour', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user({ settings: { mfaTokenTtl: 7200 } });
  const [sms] = (await h.seed(user.id, { factor: 'sms', phoneNumber: '+15555550123' })).authenticators;
  const { mfa_token } = await h.tokens(user.id);
  const challenge = () => h.postJson('/mfa/challenge', { client_id: 'demo-spa', mfa_token, authenticator_id: sms.id });
  for (let i = 0; i < 10; i++) assert.equal((await challenge()).status, 200);
  const blocked = await challenge();
  assert.equal(assertRateLimited(blocked, 'too_many_requests', 10), 3600);
  assert.match(blocked.body.error_description, /X-RateLimit-Limit/);
  assert.equal((await h.getJson(`/__emulator/outbox?user_id=${encodeURIComponent(user.id)}`)).body.length, 10);
  h.advance(3600);
  assert.equal((await challenge()).status, 200);
  assert.equal((await challenge()).status, 429);
});

test('email sends: 20, then 1 per minute; a refused associate leaves nothing pending', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  const { access_token } = await h.tokens(user.id);
  const enroll = () => h.postJson('/mfa/associate', { authenticator_types: ['oob'], oob_channels: ['email'] }, access_token);
  for (let i = 0; i < 20; i++) assert.equal((await enroll()).status, 200);
  assert.equal(assertRateLimited(await enroll(), 'too_many_requests', 20), 60);
  assert.equal((await h.getJson('/mfa/authenticators', access_token)).body.length, 20);
  h.advance(60);
  assert.equal((await enroll()).status, 200);
});

test('push sends: 5 per minute', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  const [push] = (await h.seed(user.id, { factor: 'push' })).authenticators;
  const { mfa_token } = await h.tokens(user.id);
  const challenge = () => h.postJson('/mfa/challenge', { client_id: 'demo-spa', mfa_token, authenticator_id: push.id });
  for (let i = 0; i < 5; i++) assert.equal((await challenge()).status, 200);
  assert.equal(assertRateLimited(await challenge(), 'too_many_requests', 5), 12);
  h.advance(12);
  assert.equal((await challenge()).status, 200);
});

test('mfa-oob exchanges: 12 per minute per mfa_token, counted before slow_down', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  const [push] = (await h.seed(user.id, { factor: 'push' })).authenticators;
  const { mfa_token } = await h.tokens(user.id);
  const { body } = await h.postJson('/mfa/challenge', { client_id: 'demo-spa', mfa_token, authenticator_id: push.id });
  const errors: string[] = [];
  for (let i = 0; i < 12; i++) errors.push((await h.grant('mfa-oob', { mfa_token, oob_code: body.oob_code })).body.error);
  assert.deepEqual(errors, ['authorization_pending', ...Array(11).fill('slow_down')]);
  assertRateLimited(await h.grant('mfa-oob', { mfa_token, oob_code: body.oob_code }), 'too_many_requests', 12);
  // Another session of the same user has its own allowance.
  const other = await h.tokens(user.id);
  assert.equal((await h.grant('mfa-oob', { mfa_token: other.mfa_token, oob_code: body.oob_code })).body.error, 'slow_down');
});

test('per-user limit settings shrink a bucket without touching other users', async (t) => {
  const h = await emulatorFor(t);
  const tight = await h.user({ settings: { limits: { otpFailures: { burst: 1, refill: 1, periodSeconds: 10 } } } });
  const normal = await h.user();
  for (const user of [tight, normal]) await h.seed(user.id, { factor: 'otp' });
  const a = await h.tokens(tight.id);
  const b = await h.tokens(normal.id);
  await h.grant('mfa-otp', { mfa_token: a.mfa_token, otp: 'aaaaaa' });
  assert.equal(assertRateLimited(await h.grant('mfa-otp', { mfa_token: a.mfa_token, otp: 'aaaaaa' }), 'too_many_attempts', 1), 10);
  await h.grant('mfa-otp', { mfa_token: b.mfa_token, otp: 'aaaaaa' });
  assert.equal((await h.grant('mfa-otp', { mfa_token: b.mfa_token, otp: 'aaaaaa' })).status, 403);
});

test('x-ratelimit-reset is when the next try is allowed; Retry-After shrinks as the bucket refills', async (t) => {
  const h = await emulatorFor(t);
  const { mfa_token, right, wrong } = await otpSession(h);
  const seconds = () => h.now() / 1000;
  const first = await h.grant('mfa-otp', { mfa_token, otp: wrong() });
  assert.equal(first.status, 403);
  assert.equal(first.headers.get('x-ratelimit-reset'), String(seconds()), 'a try is left now, so the reset is now');
  for (let i = 0; i < 9; i++) await h.grant('mfa-otp', { mfa_token, otp: wrong() });
  const blocked = await h.grant('mfa-otp', { mfa_token, otp: right() });
  assert.equal(blocked.status, 429);
  assert.equal(blocked.body.error_description, 'Too many failed attempts. Please wait before trying again.');
  assert.equal(blocked.headers.get('retry-after'), '360');
  const resetAt = seconds() + 360;
  assert.equal(blocked.headers.get('x-ratelimit-reset'), String(resetAt));
  h.advance(180);
  const half = await h.grant('mfa-otp', { mfa_token, otp: right() });
  assert.equal(half.status, 429);
  assert.equal(half.headers.get('retry-after'), '180', 'half a token back after half a period');
  assert.equal(half.headers.get('x-ratelimit-reset'), String(resetAt), 'the same moment as before');
});
