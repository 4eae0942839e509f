import assert from 'node:assert/strict';
import { test } from 'node:test';
import { totpCode } from '../../src/emulator/totp.js';
import { emulatorFor } from './helpers.js';

const TOTP = { algorithm: 'SHA1' as const, digits: 6, period: 30 };

test('password grant: 403 mfa_required with an mfa_token and enroll requirements for a new user', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  const { status, body } = await h.grant('password', { username: user.email, password: user.password, audience: `${h.url}/mfa/` });
  assert.equal(status, 403);
  assert.equal(body.error, 'mfa_required');
  assert.equal(body.error_description, 'Multifactor authentication required');
  assert.match(body.mfa_token, /^[\w-]{40,}$/);
  assert.deepEqual(body.mfa_requirements, {
    enroll: [{ type: 'otp' }, { type: 'phone' }, { type: 'push-notification' }, { type: 'email' }],
  });
});

test('password grant: form body; challenge requirements for the enrolled demo user; wrong password', async (t) => {
  const h = await emulatorFor(t);
  const form = await fetch(`${h.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ grant_type: 'password', username: 'enrolled@example.com', password: 'demo', client_id: 'demo-spa' }),
  });
  assert.equal(form.status, 403);
  const body = await form.json();
  assert.deepEqual(Object.keys(body.mfa_requirements), ['challenge']);
  assert.deepEqual(body.mfa_requirements.challenge.map((c: { type: string }) => c.type).sort(), ['oob', 'otp', 'phone', 'recovery-code']);
  const wrong = await h.grant('password', { username: 'demo@example.com', password: 'nope' });
  assert.equal(wrong.status, 403);
  assert.deepEqual(wrong.body, { error: 'invalid_grant', error_description: 'Wrong email or password.' });
});

test('client authentication: unknown client 401, wrong or missing secret 401, secret from a public client 401', async (t) => {
  const h = await emulatorFor(t);
  const login = { grant_type: 'password', username: 'demo@example.com', password: 'demo' };
  for (const extra of [
    { client_id: 'nobody' },
    { client_id: 'demo-web' },
    { client_id: 'demo-web', client_secret: 'wrong' },
    { client_id: 'demo-spa', client_secret: 'anything' },
  ]) {
    const { status, body } = await h.postJson('/oauth/token', { ...login, ...extra });
    assert.equal(status, 401, JSON.stringify(extra));
    assert.equal(body.error, 'invalid_client');
  }
  const ok = await h.postJson('/oauth/token', { ...login, client_id: 'demo-web', client_secret: 'demo-web-secret' });
  assert.equal(ok.body.error, 'mfa_required');
  const m2m = await h.postJson('/oauth/token', { ...login, client_id: 'demo-m2m', client_secret: 'demo-m2m-secret' });
  assert.equal(m2m.status, 403);
  assert.equal(m2m.body.error, 'unauthorized_client');
});

test('bad requests: missing grant_type, missing client_id, unknown grant, malformed JSON', async (t) => {
  const h = await emulatorFor(t);
  assert.equal((await h.postJson('/oauth/token', { client_id: 'demo-spa' })).body.error, 'invalid_request');
  const noClient = await h.postJson('/oauth/token', { grant_type: 'password', username: 'a', password: 'b' });
  assert.equal(noClient.status, 400);
  assert.equal(noClient.body.error, 'invalid_request');
  const unknown = await h.postJson('/oauth/token', { grant_type: 'implicit', client_id: 'demo-spa' });
  assert.equal(unknown.status, 400);
  assert.equal(unknown.body.error, 'unsupported_grant_type');
  const malformed = await h.post('/oauth/token', undefined, undefined, {});
  assert.equal(malformed.status, 400);
  const broken = await fetch(`${h.url}/oauth/token`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"grant_type":' });
  assert.equal(broken.status, 400);
  assert.equal((await broken.json()).error, 'invalid_request');
});

test('mfa-otp: enrolls TOTP with the mfa_token and returns tokens for the login audience', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  const login = await h.grant('password', { username: user.email, password: user.password, audience: `${h.url}/mfa/` });
  const mfaToken = login.body.mfa_token;
  const enrollment = await h.postJson('/mfa/associate', { authenticator_types: ['otp'] }, mfaToken);
  assert.equal(enrollment.status, 200);

  const wrong = await h.grant('mfa-otp', { mfa_token: mfaToken, otp: '000000' === totpCode(enrollment.body.secret, TOTP, h.now()) ? '111111' : '000000' });
  assert.equal(wrong.status, 403);
  assert.deepEqual(wrong.body, { error: 'invalid_grant', error_description: 'Invalid otp_code.' });
  assert.equal(wrong.headers.get('x-ratelimit-remaining'), '9');

  const ok = await h.grant('mfa-otp', { mfa_token: mfaToken, otp: totpCode(enrollment.body.secret, TOTP, h.now()) });
  assert.equal(ok.status, 200);
  assert.deepEqual(Object.keys(ok.body).sort(), ['access_token', 'expires_in', 'id_token', 'scope', 'token_type']);
  assert.equal(ok.body.token_type, 'Bearer');
  assert.equal(ok.body.expires_in, 600);
  assert.equal(ok.body.scope, 'enroll read:authenticators remove:authenticators');
  const [, payload] = ok.body.id_token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  assert.equal(claims.sub, user.id);
  assert.equal(claims.email, user.email);

  const list = await h.getJson('/mfa/authenticators', ok.body.access_token);
  assert.deepEqual(
    list.body.map((a: any) => [a.authenticator_type, a.active]),
    [['otp', true], ['recovery-code', true]],
  );
});

test('mfa-otp accepts the previous and next 30-second codes, not older ones', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  const { secret } = await h.seed(user.id, { factor: 'otp' });
  const { mfa_token } = await h.tokens(user.id);
  const previous = totpCode(secret, TOTP, h.now() - 30_000);
  assert.equal((await h.grant('mfa-otp', { mfa_token, otp: previous })).status, 200);
  const next = totpCode(secret, TOTP, h.now() + 30_000);
  assert.equal((await h.grant('mfa-otp', { mfa_token, otp: next })).status, 200);
  const old = totpCode(secret, TOTP, h.now() - 90_000);
  const candidates = [-1, 0, 1].map((s) => totpCode(secret, TOTP, h.now() + s * 30_000));
  if (!candidates.includes(old)) assert.equal((await h.grant('mfa-otp', { mfa_token, otp: old })).status, 403);
});

test('mfa-otp: a code is accepted once (RFC 6238 §5.2), and so is no code of an earlier step', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  const { secret } = await h.seed(user.id, { factor: 'otp' });
  const { mfa_token } = await h.tokens(user.id);
  const code = totpCode(secret, TOTP, h.now());
  assert.equal((await h.grant('mfa-otp', { mfa_token, otp: code })).status, 200);
  const replay = await h.grant('mfa-otp', { mfa_token, otp: code });
  assert.equal(replay.status, 403);
  assert.deepEqual(replay.body, { error: 'invalid_grant', error_description: 'Invalid otp_code.' });
  const previous = totpCode(secret, TOTP, h.now() - 30_000);
  if (previous !== code) assert.equal((await h.grant('mfa-otp', { mfa_token, otp: previous })).status, 403, 'an earlier step is spent too');
  h.advance(30);
  assert.equal((await h.grant('mfa-otp', { mfa_token, otp: totpCode(secret, TOTP, h.now()) })).status, 200, 'the next step’s code works');
});

test('token: prototype keys as grant_type are unsupported grants, not a 500', async (t) => {
  const h = await emulatorFor(t);
  for (const grant_type of ['constructor', '__proto__', 'toString', 'valueOf', 'hasOwnProperty', '__defineGetter__', 'isPrototypeOf']) {
    const res = await fetch(`${h.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ grant_type, client_id: 'demo-spa' }),
    });
    assert.equal(res.status, 400, grant_type);
    assert.equal(((await res.json()) as { error: string }).error, 'unsupported_grant_type', grant_type);
  }
});

test('per-user TOTP settings change the URI and the codes accepted', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user({ settings: { totp: { algorithm: 'SHA512', digits: 8, period: 60 } } });
  const { mfa_token } = await h.tokens(user.id);
  const { body } = await h.postJson('/mfa/associate', { authenticator_types: ['otp'] }, mfa_token);
  assert.match(body.barcode_uri, /&algorithm=SHA512&digits=8&period=60$/);
  const code = totpCode(body.secret, { algorithm: 'SHA512', digits: 8, period: 60 }, h.now());
  assert.equal(code.length, 8);
  assert.equal((await h.grant('mfa-otp', { mfa_token, otp: code })).status, 200);
});

test('the demo user enrolled@example.com verifies with the documented secret and recovery code', async (t) => {
  const h = await emulatorFor(t);
  const login = await h.grant('password', { username: 'enrolled@example.com', password: 'demo' });
  const otp = await h.grant('mfa-otp', { mfa_token: login.body.mfa_token, otp: totpCode('JBSWY3DPEHPK3PXP', TOTP, h.now()) });
  assert.equal(otp.status, 200);
  assert.equal(otp.body.scope, 'openid profile email');
  const recovery = await h.grant('mfa-recovery-code', { mfa_token: login.body.mfa_token, recovery_code: 'DEMORECOVERYCODE00000000' });
  assert.equal(recovery.status, 200);
  assert.match(recovery.body.recovery_code, /^[A-Z0-9]{24}$/);
});

test('mfa-recovery-code rotates the code: the old one stops working, the new one works', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  const { recovery_code } = await h.seed(user.id, { factor: 'otp' });
  assert.match(recovery_code, /^[A-Z0-9]{24}$/);
  const { mfa_token } = await h.tokens(user.id);
  const first = await h.grant('mfa-recovery-code', { mfa_token, recovery_code: recovery_code.toLowerCase().replace(/(.{4})/g, '$1-') });
  assert.equal(first.status, 200);
  assert.notEqual(first.body.recovery_code, recovery_code);
  const reused = await h.grant('mfa-recovery-code', { mfa_token, recovery_code });
  assert.equal(reused.status, 403);
  assert.deepEqual(reused.body, { error: 'invalid_grant', error_description: 'Invalid recovery_code.' });
  assert.equal(reused.headers.get('x-ratelimit-remaining'), '9');
  const second = await h.grant('mfa-recovery-code', { mfa_token, recovery_code: first.body.recovery_code });
  assert.equal(second.status, 200);
});

test('mfa_token errors: missing 400, unknown 403 "Malformed mfa_token", expired 401 expired_token', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user({ settings: { mfaTokenTtl: 60 } });
  const missing = await h.grant('mfa-otp', { otp: '123456' });
  assert.equal(missing.status, 400);
  assert.equal(missing.body.error, 'invalid_request');
  const unknown = await h.grant('mfa-otp', { mfa_token: 'not-a-token', otp: '123456' });
  assert.equal(unknown.status, 403);
  assert.deepEqual(unknown.body, { error: 'invalid_grant', error_description: 'Malformed mfa_token' });
  const { mfa_token } = await h.tokens(user.id);
  h.advance(61);
  const expired = await h.grant('mfa-otp', { mfa_token, otp: '123456' });
  assert.equal(expired.status, 401);
  assert.deepEqual(expired.body, { error: 'expired_token', error_description: 'mfa_token is expired' });
  const noOtp = await h.grant('mfa-otp', { mfa_token: (await h.tokens(user.id)).mfa_token });
  assert.equal(noOtp.body.error, 'invalid_request');
});

test('an MFA-audience access token is accepted in place of mfa_token, and MFA grants need an MFA-enabled client', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  const { secret } = await h.seed(user.id, { factor: 'otp' });
  const { access_token } = await h.tokens(user.id);
  const ok = await h.grant('mfa-otp', { mfa_token: access_token, otp: totpCode(secret, TOTP, h.now()) });
  assert.equal(ok.status, 200);
  const m2m = await h.postJson('/oauth/token', {
    grant_type: 'http://auth0.com/oauth/grant-type/mfa-otp',
    client_id: 'demo-m2m',
    client_secret: 'demo-m2m-secret',
    mfa_token: access_token,
    otp: '123456',
  });
  assert.equal(m2m.body.error, 'unauthorized_client');
});

test('client_credentials: Management API token for {base}/api/v2/ only', async (t) => {
  const h = await emulatorFor(t);
  const ok = await h.postJson('/oauth/token', {
    grant_type: 'client_credentials',
    client_id: 'demo-m2m',
    client_secret: 'demo-m2m-secret',
    audience: `${h.url}/api/v2/`,
  });
  assert.equal(ok.status, 200);
  assert.equal(ok.body.token_type, 'Bearer');
  assert.equal(ok.body.expires_in, 86400);
  assert.match(ok.body.scope, /read:authentication_methods/);
  const other = await h.postJson('/oauth/token', {
    grant_type: 'client_credentials',
    client_id: 'demo-m2m',
    client_secret: 'demo-m2m-secret',
    audience: 'https://elsewhere/api',
  });
  assert.equal(other.status, 403);
  assert.equal(other.body.error, 'access_denied');
  const spa = await h.postJson('/oauth/token', { grant_type: 'client_credentials', client_id: 'demo-spa', audience: `${h.url}/api/v2/` });
  assert.equal(spa.body.error, 'unauthorized_client');
});
