/**
 * `mfa_requirements` and the 403 that carries it (src/emulator/mfa-required.ts), and the start of
 * an out-of-band exchange (src/emulator/delivery.ts), on a world with a hand-moved clock.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createClock } from '../../src/emulator/clock.js';
import { resolveConfig, type EmulatorFactor } from '../../src/emulator/config.js';
import { pushTiming, startOob } from '../../src/emulator/delivery.js';
import { OAuthError } from '../../src/emulator/http.js';
import { mfaRequired, mfaRequirements } from '../../src/emulator/mfa-required.js';
import { createWorld } from '../../src/emulator/world.js';
import { TEST_SIGNING_KEY } from '../helpers/signing-key.js';

const START = Date.UTC(2026, 0, 1);
const worldWith = (factors?: EmulatorFactor[], log?: (line: string) => void) =>
  createWorld(resolveConfig({ signingKey: TEST_SIGNING_KEY, users: [], ...(factors && { factors }), ...(log && { log }) }), createClock(() => START));

test('a user with nothing enrolled is offered the tenant’s factors, a phone once for both message types', () => {
  const all = worldWith();
  assert.deepEqual(mfaRequirements(all, all.users.create({ email: 'a@x.test' })), {
    enroll: [{ type: 'otp' }, { type: 'phone' }, { type: 'push-notification' }, { type: 'email' }],
  });
  const voiceOnly = worldWith(['voice', 'recovery-code']);
  assert.deepEqual(mfaRequirements(voiceOnly, voiceOnly.users.create({ email: 'a@x.test' })), { enroll: [{ type: 'phone' }] });
  const none = worldWith(['recovery-code']);
  assert.deepEqual(mfaRequirements(none, none.users.create({ email: 'a@x.test' })), { enroll: [] });
  // A pending enrollment is not an enrolled factor.
  const user = all.users.create({ email: 'b@x.test' });
  all.users.addPending(user, 'otp');
  assert.ok('enroll' in mfaRequirements(all, user));
});

test('an enrolled user is challenged with each active factor once, and oob when one of them is out of band', () => {
  const world = worldWith();
  const otpOnly = world.users.create({ email: 'a@x.test' });
  world.users.seed(otpOnly, { factor: 'otp' });
  world.users.addPending(otpOnly, 'email');
  assert.deepEqual(mfaRequirements(world, otpOnly), { challenge: [{ type: 'otp' }, { type: 'recovery-code' }] });
  const push = world.users.create({ email: 'b@x.test' });
  world.users.seed(push, { factor: 'push' });
  world.users.seed(push, { factor: 'sms', phoneNumber: '+15555550100' });
  assert.deepEqual(mfaRequirements(world, push), {
    challenge: [{ type: 'push-notification' }, { type: 'otp' }, { type: 'recovery-code' }, { type: 'phone' }, { type: 'oob' }],
  });
});

test('mfa_required: a 403 with a fresh mfa_token for that login, living the user’s mfaTokenTtl', async () => {
  const world = worldWith();
  const user = world.users.create({ email: 'a@x.test', settings: { mfaTokenTtl: 42 } });
  const answer = mfaRequired(world, user, { clientId: 'demo-spa', audience: 'https://t/mfa/', scope: 'openid' });
  assert.equal(answer.status, 403);
  const body = await answer.json();
  assert.deepEqual(Object.keys(body), ['error', 'error_description', 'mfa_token', 'mfa_requirements']);
  assert.equal(body.error, 'mfa_required');
  assert.equal(body.error_description, 'Multifactor authentication required');
  assert.deepEqual(body.mfa_requirements, mfaRequirements(world, user));
  assert.deepEqual(world.tokens.lookup(body.mfa_token), {
    record: { kind: 'mfa', userId: user.id, clientId: 'demo-spa', audience: 'https://t/mfa/', scope: 'openid', expiresAt: START + 42_000 },
    expired: false,
  });
});

test('an out-of-band start: a code to the outbox, or a push waiting with its log line; each channel counted against its own limit', () => {
  const lines: string[] = [];
  const world = worldWith(undefined, (line) => lines.push(line));
  const user = world.users.create({
    email: 'a@x.test',
    settings: { oobTtl: 100, pushTtl: 200, pushInterval: 7, limits: { phoneSends: { burst: 1 }, pushSends: { burst: 1 }, emailSends: { burst: 1 } } },
  });
  const [sms, voice] = world.users.seed(user, { factor: 'sms', phoneNumber: '+15555550100' });
  const [push] = world.users.seed(user, { factor: 'push', deviceName: 'Pixel' });
  const [email] = world.users.seed(user, { factor: 'email' });
  const code = startOob(world, user, sms!, 'challenge');
  assert.equal(code.channel, 'sms');
  assert.equal(code.kind, 'challenge');
  assert.equal(code.userId, user.id);
  assert.equal(code.authenticatorId, sms!.id);
  assert.equal(code.createdAt, START);
  assert.equal(code.expiresAt, START + 100_000);
  assert.equal(code.interval, 7);
  const [message] = world.outbox.list({ userId: user.id });
  assert.equal(message!.to, '+15555550100');
  assert.equal(code.bindingCode, message!.code);
  // Voice shares the phone limit with SMS.
  assert.throws(() => startOob(world, user, voice!, 'challenge'), (e: unknown) => e instanceof OAuthError && e.status === 429 && e.code === 'too_many_requests');
  const waiting = startOob(world, user, push!, 'enroll');
  assert.equal(waiting.channel, 'auth0');
  assert.equal(waiting.bindingCode, undefined);
  assert.equal(waiting.expiresAt, START + 200_000);
  assert.deepEqual(lines.filter((l) => l.startsWith('[push]')), ['[push] enroll for a@x.test on "Pixel" is waiting (GET /__emulator/push)']);
  assert.throws(() => startOob(world, user, push!, 'enroll'), OAuthError);
  const mail = startOob(world, user, email!, 'challenge');
  assert.equal(world.outbox.list({ channel: 'email' })[0]!.to, 'a@x.test');
  assert.equal(mail.bindingCode, world.outbox.list({ channel: 'email' })[0]!.code);
  assert.equal(world.outbox.list({}).length, 2, 'a push sends nothing to the outbox');

  assert.deepEqual(pushTiming(waiting, START), { interval: 7, expires_in: 200 });
  assert.deepEqual(pushTiming(waiting, START + 150_400), { interval: 7, expires_in: 50 });
  assert.deepEqual(pushTiming(waiting, START + 150_600), { interval: 7, expires_in: 49 });
  assert.deepEqual(pushTiming(waiting, START + 300_000), { interval: 7, expires_in: 0 });
});
