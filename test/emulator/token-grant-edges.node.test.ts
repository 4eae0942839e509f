import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emulatorFor, type Harness } from './helpers.js';

// /oauth/token at its edges, as a client sees them: which answer each wrong or late request gets,
// word for word, and what a login without audience or scope is issued.

const answer = ({ status, body }: { status: number; body: unknown }) => ({ status, body });
const refusal = (status: number, error: string, error_description: string) => ({ status, body: { error, error_description } });
const claims = (jwt: string) => JSON.parse(Buffer.from(jwt.split('.')[1]!, 'base64url').toString());

async function smsUser(h: Harness, settings = {}) {
  const user = await h.user({ settings });
  const tokens = await h.tokens(user.id);
  const [sms] = (await h.seed(user.id, { factor: 'sms', phoneNumber: '+15555550123' })).authenticators;
  const challenge = async () =>
    (await h.postJson('/mfa/challenge', { client_id: 'demo-spa', mfa_token: tokens.mfa_token, authenticator_id: sms.id })).body.oob_code as string;
  return { user, ...tokens, sms, challenge };
}

test('password grant: an unknown email is refused as a wrong password; password-realm is the same grant', async (t) => {
  const h = await emulatorFor(t);
  assert.deepEqual(
    answer(await h.grant('password', { username: 'nobody@example.com', password: 'demo' })),
    refusal(403, 'invalid_grant', 'Wrong email or password.'),
  );
  const viaRealm = await h.postJson('/oauth/token', {
    grant_type: 'http://auth0.com/oauth/grant-type/password-realm',
    client_id: 'demo-spa',
    username: 'demo@example.com',
    password: 'demo',
    realm: 'Username-Password-Authentication',
  });
  assert.equal(viaRealm.status, 403);
  assert.equal(viaRealm.body.error, 'mfa_required');
});

test('a login without audience or scope gets tokens for /userinfo with openid profile email; a given scope is kept', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  await h.seed(user.id, { factor: 'email', email: 'ann@example.com' });
  const finish = async (login: { mfa_token: string }) => {
    const { oob_code } = (await h.postJson('/mfa/challenge', { client_id: 'demo-spa', mfa_token: login.mfa_token, challenge_type: 'oob' })).body;
    return (await h.grant('mfa-oob', { mfa_token: login.mfa_token, oob_code, binding_code: await h.lastCode(user.id) })).body;
  };
  const plain = await finish((await h.grant('password', { username: user.email, password: user.password })).body);
  assert.equal(plain.scope, 'openid profile email');
  assert.equal(claims(plain.access_token).aud, `${h.url}/userinfo`);
  const narrow = await finish((await h.grant('password', { username: user.email, password: user.password, scope: 'openid' })).body);
  assert.equal(narrow.scope, 'openid');
});

test('mfa-oob: an unknown or another user\'s oob_code is invalid_grant; missing and wrong binding codes say so', async (t) => {
  const h = await emulatorFor(t);
  const ann = await smsUser(h);
  const bob = await smsUser(h);
  const bobsCode = await bob.challenge();
  const oob = (mfa_token: string, params: object) => h.grant('mfa-oob', { mfa_token, ...params });
  const invalid = refusal(403, 'invalid_grant', 'Invalid oob_code.');
  assert.deepEqual(answer(await oob(ann.mfa_token, { oob_code: bobsCode, binding_code: await h.lastCode(bob.user.id) })), invalid);
  assert.deepEqual(answer(await oob(ann.mfa_token, { oob_code: 'no-such-code', binding_code: '123456' })), invalid);
  // Bob's code was not spent by Ann's try.
  const annsCode = await ann.challenge();
  assert.deepEqual(answer(await oob(ann.mfa_token, { oob_code: annsCode })), refusal(400, 'invalid_request', 'Missing required parameter: binding_code'));
  const right = await h.lastCode(ann.user.id);
  const wrong = right === '000000' ? '111111' : '000000';
  assert.deepEqual(answer(await oob(ann.mfa_token, { oob_code: annsCode, binding_code: wrong })), refusal(403, 'invalid_grant', 'Invalid binding_code.'));
  assert.equal((await oob(ann.mfa_token, { oob_code: annsCode, binding_code: right })).status, 200);
  assert.equal((await oob(bob.mfa_token, { oob_code: bobsCode, binding_code: await h.lastCode(bob.user.id) })).status, 200);
});

test('mfa-oob: a code is good until the second before oobTtl ends, expired from that second on', async (t) => {
  const h = await emulatorFor(t);
  const a = await smsUser(h, { oobTtl: 60 });
  const early = await a.challenge();
  h.advance(59);
  assert.equal((await h.grant('mfa-oob', { mfa_token: a.mfa_token, oob_code: early, binding_code: await h.lastCode(a.user.id) })).status, 200);
  const late = await a.challenge();
  h.advance(60);
  assert.deepEqual(
    answer(await h.grant('mfa-oob', { mfa_token: a.mfa_token, oob_code: late, binding_code: await h.lastCode(a.user.id) })),
    refusal(401, 'expired_token', 'oob_code is expired'),
  );
});

test('mfa-oob: the authenticator removed after its challenge is refused; nothing is issued', async (t) => {
  const h = await emulatorFor(t);
  const a = await smsUser(h);
  await h.seed(a.user.id, { factor: 'otp' });
  const oob_code = await a.challenge();
  assert.equal((await h.del(`/mfa/authenticators/${encodeURIComponent(a.sms.id)}`, a.access_token)).status, 204);
  assert.deepEqual(
    answer(await h.grant('mfa-oob', { mfa_token: a.mfa_token, oob_code, binding_code: await h.lastCode(a.user.id) })),
    refusal(403, 'invalid_grant', 'The authenticator no longer exists.'),
  );
});

test('push polling: exactly one interval after the last poll is not too fast; sooner is slow_down, word for word', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user({ settings: { pushInterval: 3 } });
  const { mfa_token } = await h.tokens(user.id);
  const [push] = (await h.seed(user.id, { factor: 'push' })).authenticators;
  const { oob_code } = (await h.postJson('/mfa/challenge', { client_id: 'demo-spa', mfa_token, authenticator_id: push.id, challenge_type: 'oob' })).body;
  const poll = async () => answer(await h.grant('mfa-oob', { mfa_token, oob_code }));
  const pending = refusal(400, 'authorization_pending', 'Authorization pending: please repeat the request in a few seconds.');
  assert.deepEqual(await poll(), pending);
  h.advance(3);
  assert.deepEqual(await poll(), pending);
  h.advance(2);
  assert.deepEqual(await poll(), refusal(429, 'slow_down', 'You are polling faster than allowed. Poll every 3 seconds.'));
  // The too-fast poll counts as the last one.
  h.advance(2);
  assert.deepEqual(await poll(), refusal(429, 'slow_down', 'You are polling faster than allowed. Poll every 3 seconds.'));
});

test('mfa-recovery-code: spaces as printed are ignored, like dashes and case', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  const { recovery_code } = await h.seed(user.id, { factor: 'otp' });
  const { mfa_token } = await h.tokens(user.id);
  const spaced = ` ${recovery_code.replace(/(.{4})/g, '$1 ')}`.toLowerCase();
  const ok = await h.grant('mfa-recovery-code', { mfa_token, recovery_code: spaced });
  assert.equal(ok.status, 200);
  assert.match(ok.body.recovery_code, /^[A-Z0-9]{24}$/);
});

test('unsupported grants and foreign client_credentials audiences name what was asked for', async (t) => {
  const h = await emulatorFor(t);
  assert.deepEqual(
    answer(await h.postJson('/oauth/token', { grant_type: 'implicit', client_id: 'demo-spa' })),
    refusal(400, 'unsupported_grant_type', 'Unsupported grant type: implicit'),
  );
  const m2m = { grant_type: 'client_credentials', client_id: 'demo-m2m', client_secret: 'demo-m2m-secret' };
  assert.deepEqual(
    answer(await h.postJson('/oauth/token', { ...m2m, audience: 'https://elsewhere/api' })),
    refusal(403, 'access_denied', 'Service not enabled within domain: https://elsewhere/api'),
  );
  const ok = await h.postJson('/oauth/token', { ...m2m, audience: `${h.url}/api/v2/` });
  assert.deepEqual(Object.keys(ok.body), ['access_token', 'scope', 'expires_in', 'token_type']);
  assert.equal(
    ok.body.scope,
    'read:guardian_factors read:authentication_methods delete:authentication_methods create:guardian_enrollment_tickets update:users',
  );
  // The token works on the Management API for a day, not a second longer.
  const factors = () => h.get('/api/v2/guardian/factors', ok.body.access_token);
  h.advance(86_399);
  assert.equal((await factors()).status, 200);
  h.advance(1);
  assert.equal((await factors()).status, 401);
});
