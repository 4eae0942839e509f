import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emulatorFor, type Harness } from './helpers.js';

async function pushUser(h: Harness, settings = {}) {
  const user = await h.user({ settings });
  const tokens = await h.tokens(user.id);
  const [push] = (await h.seed(user.id, { factor: 'push' })).authenticators;
  const challenge = async () =>
    (await h.postJson('/mfa/challenge', { client_id: 'demo-spa', mfa_token: tokens.mfa_token, challenge_type: 'oob', authenticator_id: push.id })).body;
  const poll = (oob_code: string) => h.grant('mfa-oob', { mfa_token: tokens.mfa_token, oob_code });
  return { user, ...tokens, push, challenge, poll };
}

test('push enrollment: Guardian barcode_uri, pending until approved, then tokens and an active push+totp pair', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  const { mfa_token } = await h.tokens(user.id);
  const { status, body } = await h.postJson('/mfa/associate', { authenticator_types: ['oob'], oob_channels: ['auth0'] }, mfa_token);
  assert.equal(status, 200);
  assert.deepEqual(Object.keys(body), ['authenticator_type', 'barcode_uri', 'recovery_codes', 'oob_channel', 'oob_code', 'interval', 'expires_in']);
  assert.equal(body.oob_channel, 'auth0');
  assert.equal(body.interval, 5);
  assert.equal(body.expires_in, 300);
  const uri = new URL(body.barcode_uri);
  assert.equal(uri.protocol, 'otpauth:');
  assert.ok(body.barcode_uri.startsWith(`otpauth://totp/mfa-emulator:${user.email}?enrollment_tx_id=`));
  assert.match(uri.searchParams.get('enrollment_tx_id')!, /^[\w-]{20,}$/);
  assert.equal(uri.searchParams.get('base_url'), h.url);
  assert.equal(uri.searchParams.get('secret'), null, 'not a TOTP secret');

  const pending = await h.grant('mfa-oob', { mfa_token, oob_code: body.oob_code });
  assert.equal(pending.status, 400);
  assert.deepEqual(pending.body, {
    error: 'authorization_pending',
    error_description: 'Authorization pending: please repeat the request in a few seconds.',
  });
  const [listed] = (await h.getJson(`/__emulator/push?user_id=${encodeURIComponent(user.id)}`)).body;
  assert.deepEqual({ ...listed, created_at: 0, expires_at: 0 }, { oob_code: body.oob_code, user_id: user.id, kind: 'enroll', created_at: 0, expires_at: 0, status: 'pending' });
  assert.equal(listed.expires_at - listed.created_at, 300_000);

  assert.deepEqual((await h.postJson(`/__emulator/push/${body.oob_code}/approve`)).body, { ok: true });
  const active = (await h.getJson('/mfa/authenticators', mfa_token)).body;
  assert.deepEqual(active.map((a: any) => [a.id.split('|')[0], a.active]), [['push', true], ['totp', true], ['recovery-code', true]]);
  h.advance(5);
  const done = await h.grant('mfa-oob', { mfa_token, oob_code: body.oob_code });
  assert.equal(done.status, 200);
  assert.ok(done.body.access_token);
});

test('push challenge: no binding_method, interval; pending → slow_down when polled too fast → approved', async (t) => {
  const h = await emulatorFor(t);
  const p = await pushUser(h);
  const challenge = await p.challenge();
  assert.deepEqual(Object.keys(challenge), ['challenge_type', 'oob_code', 'interval', 'expires_in']);
  assert.equal(challenge.challenge_type, 'oob');
  assert.equal((await p.poll(challenge.oob_code)).body.error, 'authorization_pending');
  h.advance(2);
  const fast = await p.poll(challenge.oob_code);
  assert.equal(fast.status, 429);
  assert.equal(fast.body.error, 'slow_down');
  assert.equal(fast.headers.get('retry-after'), null, 'slow_down is not a rate limit');
  h.advance(5);
  assert.equal((await p.poll(challenge.oob_code)).body.error, 'authorization_pending');
  await h.postJson(`/__emulator/push/${challenge.oob_code}/approve`);
  const ok = await p.poll(challenge.oob_code);
  assert.equal(ok.status, 200);
  const reused = await p.poll(challenge.oob_code);
  assert.equal(reused.body.error, 'invalid_grant');
});

test('push rejection → 403 invalid_grant "MFA Authorization rejected." on every later poll', async (t) => {
  const h = await emulatorFor(t);
  const p = await pushUser(h);
  const { oob_code } = await p.challenge();
  assert.deepEqual((await h.postJson(`/__emulator/push/${oob_code}/reject`)).body, { ok: true });
  for (let i = 0; i < 2; i++) {
    const rejected = await p.poll(oob_code);
    assert.equal(rejected.status, 403);
    assert.deepEqual(rejected.body, { error: 'invalid_grant', error_description: 'MFA Authorization rejected.' });
  }
  assert.equal((await h.postJson(`/__emulator/push/${oob_code}/approve`)).status, 409, 'already answered');
  assert.equal((await h.postJson('/__emulator/push/unknown/approve')).status, 404);
});

test('push expiry: a challenge older than pushTtl answers expired_token and cannot be approved', async (t) => {
  const h = await emulatorFor(t);
  const p = await pushUser(h, { pushTtl: 30, pushInterval: 2 });
  const challenge = await p.challenge();
  assert.equal(challenge.interval, 2);
  assert.equal(challenge.expires_in, 30);
  h.advance(31);
  const expired = await p.poll(challenge.oob_code);
  assert.equal(expired.status, 401);
  assert.equal(expired.body.error, 'expired_token');
  assert.equal((await h.postJson(`/__emulator/push/${challenge.oob_code}/approve`)).status, 409);
});

test('an oob_code from another user is invalid_grant', async (t) => {
  const h = await emulatorFor(t);
  const a = await pushUser(h);
  const b = await pushUser(h);
  const { oob_code } = await a.challenge();
  const stolen = await b.poll(oob_code);
  assert.equal(stolen.status, 403);
  assert.equal(stolen.body.error, 'invalid_grant');
});

test('the request log shows the polling pace for one user', async (t) => {
  const h = await emulatorFor(t);
  const p = await pushUser(h);
  const { oob_code } = await p.challenge();
  for (let i = 0; i < 3; i++) {
    await p.poll(oob_code);
    h.advance(5);
  }
  const log = (await h.getJson(`/__emulator/requests?user_id=${encodeURIComponent(p.user.id)}`)).body;
  const polls = log.filter((e: any) => e.path === '/oauth/token');
  assert.equal(polls.length, 3);
  assert.deepEqual(polls.map((e: any) => e.error), ['authorization_pending', 'authorization_pending', 'authorization_pending']);
  assert.deepEqual(polls.slice(1).map((e: any, i: number) => e.at - polls[i].at), [5000, 5000]);
  assert.equal(log[0].path, '/mfa/challenge');
  assert.ok(log.every((e: any) => !e.path.startsWith('/__emulator/')), 'control traffic is not logged');
});
