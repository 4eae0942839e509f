import assert from 'node:assert/strict';
import { test } from 'node:test';
import { totpCode } from '../../src/emulator/totp.js';
import { emulatorFor, type Harness } from './helpers.js';

// The control API (`/__emulator/…`) that tests and the demo drive the emulator with: each refusal
// says which field is wrong, and each accepted setting has the effect it names.

const refusal = (description: string, status = 400, error = 'invalid_request') => ({ status, body: { error, error_description: description } });
const answer = ({ status, body }: { status: number; body: unknown }) => ({ status, body });

test('users: each bad field of a new user is named; the answer is id, email and password', async (t) => {
  const h = await emulatorFor(t);
  const create = async (body: object) => answer(await h.postJson('/__emulator/users', body));
  const cases: [object, string][] = [
    [{ email: 'not an address' }, 'email is not a valid email address.'],
    [{ emailVerified: 'yes' }, 'emailVerified must be a boolean.'],
    [{ settings: [] }, 'settings must be an object.'],
    [{ settings: null }, 'settings must be an object.'],
    [{ settings: { oobTtl: 0 } }, 'settings.oobTtl must be a positive number.'],
    [{ settings: { mfaTokenTtl: -5 } }, 'settings.mfaTokenTtl must be a positive number.'],
    [{ settings: { pushTtl: '30' } }, 'settings.pushTtl must be a positive number.'],
    [{ settings: { accessTokenTtl: null } }, 'settings.accessTokenTtl must be a positive number.'],
    [{ settings: { pushInterval: 0 } }, 'settings.pushInterval must be a positive number.'],
    [{ settings: { totp: 'SHA1' } }, 'settings.totp must be an object.'],
    [{ settings: { totp: { algorithm: 'sha1' } } }, 'settings.totp.algorithm must be SHA1, SHA256 or SHA512.'],
    [{ settings: { totp: { digits: 9 } } }, 'settings.totp.digits must be 6, 7 or 8.'],
    [{ settings: { totp: { digits: '6' } } }, 'settings.totp.digits must be 6, 7 or 8.'],
    [{ settings: { totp: { period: 30.5 } } }, 'settings.totp.period must be a positive integer.'],
    [{ settings: { totp: { period: 0 } } }, 'settings.totp.period must be a positive integer.'],
    [{ settings: { limits: [] } }, 'settings.limits must be an object.'],
    [{ settings: { limits: { smsSends: { burst: 1 } } } }, 'settings.limits.smsSends is not a known limit.'],
    [{ settings: { limits: { phoneSends: 3 } } }, 'settings.limits.phoneSends is not a known limit.'],
    [{ settings: { limits: { phoneSends: { refill: 0 } } } }, 'settings.limits.phoneSends.refill must be a positive number.'],
    [{ settings: { limits: { emailSends: { periodSeconds: -1 } } } }, 'settings.limits.emailSends.periodSeconds must be a positive number.'],
  ];
  for (const [body, description] of cases) assert.deepEqual(await create(body), refusal(description), JSON.stringify(body));
  assert.deepEqual(await create({ email: 'demo@example.com' }), refusal('A user with this email already exists.', 409, 'conflict'));

  const made = await create({ email: 'ann@example.com', password: 'secret', emailVerified: false });
  assert.equal(made.status, 201);
  assert.deepEqual(Object.keys(made.body as object), ['id', 'email', 'password']);
  assert.deepEqual([(made.body as any).email, (made.body as any).password], ['ann@example.com', 'secret']);
  const listed = (await h.getJson('/__emulator/users')).body;
  assert.deepEqual(listed.at(-1), made.body);
  assert.deepEqual(Object.keys(listed[0]), ['id', 'email', 'password']);
});

test('users: accepted settings take effect (TOTP digits and algorithm, a limit\'s burst, TTLs)', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user({
    settings: { totp: { algorithm: 'SHA256', digits: 7, period: 45 }, limits: { phoneSends: { burst: 1, refill: 1, periodSeconds: 60 } }, accessTokenTtl: 90 },
  });
  const { secret } = await h.seed(user.id, { factor: 'otp' });
  const minted = await h.postJson(`/__emulator/users/${encodeURIComponent(user.id)}/tokens`, {});
  const { mfa_token } = minted.body;
  assert.equal(minted.body.expires_in, 90);
  const code = totpCode(secret, { algorithm: 'SHA256', digits: 7, period: 45 }, h.now());
  assert.equal((await h.grant('mfa-otp', { mfa_token, otp: code })).status, 200);
  const [sms] = (await h.seed(user.id, { factor: 'sms', phoneNumber: '+15555550123' })).authenticators;
  const challenge = () => h.postJson('/mfa/challenge', { client_id: 'demo-spa', mfa_token, authenticator_id: sms.id });
  assert.equal((await challenge()).status, 200);
  assert.equal((await challenge()).status, 429, 'a burst of one send');
  h.advance(60);
  assert.equal((await challenge()).status, 200, 'refilled after periodSeconds');
  // Digits 6 and 8 are allowed as well as 7.
  for (const digits of [6, 8]) assert.equal((await h.postJson('/__emulator/users', { settings: { totp: { digits } } })).status, 201);
});

test('tokens: unknown users are 404; defaults are the MFA audience and its scopes, for the first client', async (t) => {
  const h = await emulatorFor(t);
  assert.deepEqual(answer(await h.postJson('/__emulator/users/nobody/tokens', {})), refusal('No such user.', 404, 'not_found'));
  assert.deepEqual(answer(await h.postJson('/__emulator/users/nobody/my-account-token', {})), refusal('No such user.', 404, 'not_found'));
  assert.deepEqual(answer(await h.postJson('/__emulator/users/nobody/authenticators', { factor: 'otp' })), refusal('No such user.', 404, 'not_found'));
  const user = await h.user({ settings: { mfaTokenTtl: 30, accessTokenTtl: 120 } });
  const minted = (await h.postJson(`/__emulator/users/${encodeURIComponent(user.id)}/tokens`, {})).body;
  assert.deepEqual(Object.keys(minted), ['mfa_token', 'access_token', 'expires_in']);
  assert.equal(minted.expires_in, 120);
  const { secret } = await h.seed(user.id, { factor: 'otp' });
  // The access token manages authenticators (MFA audience, MFA scopes) for demo-spa.
  assert.equal((await h.postJson('/mfa/associate', { authenticator_types: ['oob'], oob_channels: ['email'] }, minted.access_token)).status, 200);
  assert.equal((await h.grant('mfa-otp', { mfa_token: minted.mfa_token, otp: totpCode(secret, { algorithm: 'SHA1', digits: 6, period: 30 }, h.now()) })).status, 200);
  h.advance(30);
  assert.equal((await h.grant('mfa-otp', { mfa_token: minted.mfa_token, otp: '123456' })).body.error, 'expired_token', 'the mfa_token has its own TTL');
  assert.equal((await h.getJson('/mfa/authenticators', minted.access_token)).status, 200, 'the access token lives longer');
  // Another audience gets OIDC scopes and cannot manage authenticators.
  const other = (await h.postJson(`/__emulator/users/${encodeURIComponent(user.id)}/tokens`, { audience: 'https://api.example.com/' })).body;
  assert.equal((await h.getJson('/mfa/authenticators', other.access_token)).status, 401);
  // The tokens belong to the client asked for, else to the first configured one (demo-spa).
  const audOfLogin = async (body: object) => {
    h.advance(30);
    const { mfa_token } = (await h.postJson(`/__emulator/users/${encodeURIComponent(user.id)}/tokens`, body)).body;
    const { id_token } = (await h.grant('mfa-otp', { mfa_token, otp: totpCode(secret, { algorithm: 'SHA1', digits: 6, period: 30 }, h.now()) })).body;
    return JSON.parse(Buffer.from(id_token.split('.')[1], 'base64url').toString()).aud;
  };
  assert.equal(await audOfLogin({}), 'demo-spa');
  assert.equal(await audOfLogin({ client_id: 'demo-web' }), 'demo-web');
});

test('my-account tokens: all five scopes by default, a string or a list narrows them, anything else is refused', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user({ settings: { accessTokenTtl: 77 } });
  const mint = (body: object) => h.postJson(`/__emulator/users/${encodeURIComponent(user.id)}/my-account-token`, body);
  const all = (await mint({})).body;
  assert.deepEqual(Object.keys(all), ['access_token', 'token_type', 'scope', 'expires_in']);
  assert.equal(all.token_type, 'Bearer');
  assert.equal(all.expires_in, 77);
  assert.equal(
    all.scope,
    'read:me:authentication_methods create:me:authentication_methods update:me:authentication_methods delete:me:authentication_methods read:me:factors',
  );
  assert.equal((await mint({ scope: ' read:me:factors  read:me:authentication_methods ' })).body.scope, 'read:me:factors read:me:authentication_methods');
  assert.equal((await mint({ scope: ['read:me:factors'] })).body.scope, 'read:me:factors');
  for (const scope of [7, [1], { a: 1 }]) assert.deepEqual(answer(await mint({ scope })), refusal('scope must be a string or an array of strings.'));
  const narrow = (await mint({ scope: 'read:me:factors' })).body.access_token;
  const me = (path: string) => fetch(`${h.url}/me/v1${path}`, { headers: { authorization: `Bearer ${narrow}` } });
  assert.equal((await me('/factors')).status, 200);
  assert.equal((await me('/authentication-methods')).status, 403);
});

test('my-account limits: positive integers, null or absent switches one off', async (t) => {
  const h = await emulatorFor(t);
  const set = (body: object) => h.postJson('/__emulator/my-account/limits', body);
  assert.deepEqual(answer(await set({ reads: 0 })), refusal('reads must be a positive integer.'));
  assert.deepEqual(answer(await set({ writes: 1.5 })), refusal('writes must be a positive integer.'));
  assert.deepEqual((await set({ reads: 3, writes: null })).body, { reads: 3 });
  assert.deepEqual((await set({})).body, {});
});

test('seeding: each bad seed is named; an OTP secret is taken in any case; hosted kinds answer their type', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  const seed = async (body: object) => answer(await h.postJson(`/__emulator/users/${encodeURIComponent(user.id)}/authenticators`, body));
  const cases: [object, string][] = [
    [{ factor: 'otp', secret: 'not base32!' }, 'secret must be base32.'],
    [{ factor: 'sms' }, 'phoneNumber must be in E.164 format.'],
    [{ factor: 'voice', phoneNumber: '5555550123' }, 'phoneNumber must be in E.164 format.'],
    [{ factor: 'email', email: 'nope' }, 'email is not a valid email address.'],
    [{ factor: 'fax' }, "factor must be 'otp', 'sms', 'voice', 'email', 'push', 'webauthn-roaming', 'webauthn-platform' or 'duo'."],
    [{ factor: 'webauthn-roaming' }, 'The webauthn-roaming factor is not enabled on this tenant.'],
  ];
  for (const [body, description] of cases) assert.deepEqual(await seed(body), refusal(description), JSON.stringify(body));

  const otp = (await seed({ factor: 'otp', secret: 'jbswy3dpehpk3pxp' })).body as any;
  assert.equal(otp.secret, 'JBSWY3DPEHPK3PXP');
  assert.match(otp.recovery_code, /^[A-Z0-9]{24}$/);
  const { mfa_token } = await h.tokens(user.id);
  assert.equal((await h.grant('mfa-otp', { mfa_token, otp: totpCode('JBSWY3DPEHPK3PXP', { algorithm: 'SHA1', digits: 6, period: 30 }, h.now()) })).status, 200);
  const email = (await seed({ factor: 'email' })).body as any;
  assert.deepEqual(Object.keys(email), ['authenticators', 'recovery_code']);
  assert.equal(email.authenticators[0].name, user.email, 'the user\'s address by default');
  assert.equal(email.recovery_code, otp.recovery_code, 'the first enrollment\'s code stays');

  await h.postJson('/__emulator/factors', { factors: ['otp', 'duo', 'recovery-code'] });
  const duo = (await seed({ factor: 'duo', deviceName: 'Duo' })).body as any;
  assert.deepEqual(duo.authenticators.map((a: any) => [Object.keys(a), a.type, a.active]), [[['id', 'type', 'active'], 'duo', true]]);
  assert.match(duo.authenticators[0].id, /^duo\|/);
});

test('factors: a list of known names replaces the tenant\'s factors; anything else is refused and changes nothing', async (t) => {
  const h = await emulatorFor(t);
  const before = (await h.getJson('/__emulator/factors')).body;
  const names = 'otp, sms, voice, email, push, recovery-code, webauthn-roaming, webauthn-platform, duo';
  for (const factors of [undefined, 'otp', ['otp', 'fax'], ['otp', 7]]) {
    assert.deepEqual(answer(await h.postJson('/__emulator/factors', { factors })), refusal(`factors must be an array of ${names}.`), JSON.stringify(factors));
  }
  assert.deepEqual((await h.getJson('/__emulator/factors')).body, before);
  assert.deepEqual((await h.postJson('/__emulator/factors', { factors: ['email', 'otp'] })).body, { factors: ['email', 'otp'] });
  assert.deepEqual((await h.getJson('/__emulator/factors')).body, { factors: ['email', 'otp'] });
});

async function pushChallenge(h: Harness, settings = {}) {
  const user = await h.user({ settings });
  const { mfa_token } = await h.tokens(user.id);
  const [push] = (await h.seed(user.id, { factor: 'push' })).authenticators;
  const [sms] = (await h.seed(user.id, { factor: 'sms', phoneNumber: '+15555550123' })).authenticators;
  const challenge = async (authenticator_id: string) =>
    (await h.postJson('/mfa/challenge', { client_id: 'demo-spa', mfa_token, authenticator_id })).body.oob_code as string;
  return { user, mfa_token, push, sms, challenge };
}

test('push answers: unknown codes and SMS codes are no push; an answered or expired push is not pending', async (t) => {
  const h = await emulatorFor(t);
  const a = await pushChallenge(h, { pushTtl: 30 });
  const approve = async (code: string) => answer(await h.postJson(`/__emulator/push/${code}/approve`));
  const reject = async (code: string) => answer(await h.postJson(`/__emulator/push/${code}/reject`));
  assert.deepEqual(await approve('nothing'), refusal('No such push.', 404, 'not_found'));
  assert.deepEqual(await approve(await a.challenge(a.sms.id)), refusal('No such push.', 404, 'not_found'));
  const first = await a.challenge(a.push.id);
  assert.deepEqual(await reject(first), { status: 200, body: { ok: true } });
  assert.deepEqual(await approve(first), refusal('The push is rejected.', 409, 'not_pending'));
  const second = await a.challenge(a.push.id);
  assert.deepEqual(await approve(second), { status: 200, body: { ok: true } });
  assert.deepEqual(await reject(second), refusal('The push is approved.', 409, 'not_pending'));
  const third = await a.challenge(a.push.id);
  h.advance(29);
  const fourth = await a.challenge(a.push.id);
  h.advance(1);
  assert.deepEqual(await approve(third), refusal('The push is expired.', 409, 'not_pending'), 'expired at pushTtl');
  assert.deepEqual(await approve(fourth), { status: 200, body: { ok: true } });
});

test('push answers: a rejected enrollment stays pending; an approved one is confirmed with its recovery code', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  const { mfa_token, access_token } = await h.tokens(user.id);
  const enroll = (await h.postJson('/mfa/associate', { authenticator_types: ['oob'], oob_channels: ['auth0'] }, mfa_token)).body;
  const listed = async () => (await h.getJson('/mfa/authenticators', access_token)).body.map((a: any) => [a.id.split('|')[0], a.active]);
  assert.deepEqual(await listed(), [['push', false], ['totp', false]]);
  await h.postJson(`/__emulator/push/${enroll.oob_code}/reject`);
  assert.deepEqual(await listed(), [['push', false], ['totp', false]], 'a rejected enrollment stays pending');
  const again = (await h.postJson('/mfa/associate', { authenticator_types: ['oob'], oob_channels: ['auth0'] }, mfa_token)).body;
  await h.postJson(`/__emulator/push/${again.oob_code}/approve`);
  assert.deepEqual((await listed()).filter(([, active]: [string, boolean]) => active).map(([kind]: [string]) => kind), ['push', 'totp', 'recovery-code']);
});

test('outbox and request log filters; faults answer their id, clear and remove', async (t) => {
  const h = await emulatorFor(t);
  const a = await pushChallenge(h);
  const b = await h.user();
  await h.seed(b.id, { factor: 'email', email: 'bob@example.com' });
  const bTokens = await h.tokens(b.id);
  await a.challenge(a.sms.id);
  await h.postJson('/mfa/challenge', { client_id: 'demo-spa', mfa_token: bTokens.mfa_token, challenge_type: 'oob' });
  const outbox = async (query: string) => (await h.getJson(`/__emulator/outbox${query}`)).body.map((m: any) => [m.channel, m.to]);
  assert.deepEqual(await outbox(''), [['sms', '+15555550123'], ['email', 'bob@example.com']]);
  assert.deepEqual(await outbox(`?user_id=${encodeURIComponent(b.id)}`), [['email', 'bob@example.com']]);
  assert.deepEqual(await outbox('?to=%2B15555550123'), [['sms', '+15555550123']]);
  assert.deepEqual(await outbox('?channel=email'), [['email', 'bob@example.com']]);
  const logged = (await h.getJson(`/__emulator/requests?user_id=${encodeURIComponent(b.id)}`)).body;
  assert.deepEqual(logged.map((r: any) => r.path), ['/mfa/challenge']);
  assert.ok((await h.getJson('/__emulator/requests')).body.length > logged.length, 'every user\'s requests without a user_id');

  const added = await h.postJson('/__emulator/faults', { path: '/mfa/', status: 500 });
  assert.equal(added.status, 201);
  assert.deepEqual(Object.keys(added.body), ['id']);
  assert.deepEqual((await h.del('/__emulator/faults').then((r) => r.json())), { ok: true });
  assert.deepEqual((await h.del(`/__emulator/faults/${added.body.id}`).then((r) => r.json())), { removed: false });
});

test('clock: advanceSeconds must be a positive number; the answer is the new time', async (t) => {
  const h = await emulatorFor(t);
  const start = h.now();
  for (const advanceSeconds of [0, -1, '5', undefined]) {
    assert.deepEqual(answer(await h.postJson('/__emulator/clock', { advanceSeconds })), refusal('advanceSeconds must be a positive number.'), String(advanceSeconds));
  }
  assert.deepEqual((await h.postJson('/__emulator/clock', { advanceSeconds: 1.5 })).body, { now: start + 1500 });
  assert.deepEqual((await h.getJson('/__emulator/clock')).body, { now: start + 1500 });
});
