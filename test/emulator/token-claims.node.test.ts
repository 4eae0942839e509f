/**
 * Every claim of the token set a completed MFA grant hands out (src/emulator/token-set.ts), read from
 * the signed tokens: issuer, audiences, times on the emulator's clock, `amr`, and when a refresh token comes.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { totpCode } from '../../src/emulator/totp.js';
import { emulatorFor, type Harness } from './helpers.js';

const SECRET = 'JBSWY3DPEHPK3PXP';
const TOTP = { algorithm: 'SHA1', digits: 6, period: 30 } as const;

/** Password, then the OTP of a seeded authenticator app: the token set of an MFA login. */
async function mfaLogin(h: Harness, login: Record<string, string>, clientId = 'demo-spa') {
  const user = await h.user({ email: 'Ada.Lovelace@example.com' });
  await h.seed(user.id, { factor: 'otp', secret: SECRET });
  const started = await h.postJson('/oauth/token', { grant_type: 'password', client_id: clientId, username: user.email, password: user.password, ...login });
  assert.equal(started.status, 403);
  h.advance(7);
  const done = await h.postJson('/oauth/token', {
    grant_type: 'http://auth0.com/oauth/grant-type/mfa-otp',
    client_id: clientId,
    mfa_token: started.body.mfa_token,
    otp: totpCode(SECRET, TOTP, h.now()),
  });
  assert.equal(done.status, 200, JSON.stringify(done.body));
  const keys = createLocalJWKSet((await h.getJson('/.well-known/jwks.json')).body);
  // Verified at the emulator's time, which is not the wall clock's.
  const at = { currentDate: new Date(h.now()) };
  const access = await jwtVerify(done.body.access_token, keys, at);
  const id = await jwtVerify(done.body.id_token, keys, at);
  return { user, body: done.body, access, id };
}

test('an MFA login: the access token is for the asked audience and userinfo, marked mfa, on the emulator clock', async (t) => {
  const h = await emulatorFor(t, { users: [] });
  const { user, body, access, id } = await mfaLogin(h, { audience: `${h.url}/mfa/`, scope: 'openid email' });
  const iat = Math.floor(h.now() / 1000);
  assert.equal(decodeProtectedHeader(body.access_token).typ, 'at+jwt');
  assert.equal(decodeProtectedHeader(body.id_token).typ, 'JWT');
  const { jti, ...claims } = access.payload;
  assert.match(String(jti), /^[A-Za-z0-9_-]{16}$/);
  assert.deepEqual(claims, {
    iss: `${h.url}/`,
    sub: user.id,
    aud: [`${h.url}/mfa/`, `${h.url}/userinfo`],
    iat,
    exp: iat + 600,
    scope: 'enroll read:authenticators remove:authenticators',
    azp: 'demo-spa',
    amr: ['mfa'],
  });
  const { sid, ...idClaims } = id.payload;
  assert.match(String(sid), /^[A-Za-z0-9_-]{16}$/);
  assert.deepEqual(idClaims, {
    iss: `${h.url}/`,
    sub: user.id,
    aud: 'demo-spa',
    iat,
    exp: iat + 36_000,
    auth_time: iat,
    email: 'Ada.Lovelace@example.com',
    email_verified: false,
    name: 'Ada.Lovelace@example.com',
    nickname: 'Ada.Lovelace',
    amr: ['mfa'],
  });
  assert.deepEqual(Object.keys(body).sort(), ['access_token', 'expires_in', 'id_token', 'scope', 'token_type']);
  assert.equal(body.token_type, 'Bearer');
  assert.equal(body.expires_in, 600);
  assert.equal(body.scope, 'enroll read:authenticators remove:authenticators');
  // The access token works where its audience says, by the token store.
  assert.equal((await h.getJson('/mfa/authenticators', body.access_token)).status, 200);
});

test('another API: its own scope, one audience without openid, none repeated when it is userinfo; the token lifetime is the user’s', async (t) => {
  const h = await emulatorFor(t, { users: [], settings: { accessTokenTtl: 120 } });
  const api = await mfaLogin(h, { audience: 'https://api.example/', scope: 'read:things' });
  assert.equal(api.access.payload.aud, 'https://api.example/');
  assert.equal(api.access.payload.scope, 'read:things');
  assert.equal(api.body.scope, 'read:things');
  assert.equal(api.body.expires_in, 120);
  assert.equal(api.access.payload.exp, Math.floor(h.now() / 1000) + 120);

  const h2 = await emulatorFor(t, { users: [] });
  const info = await mfaLogin(h2, { scope: 'openid profile' });
  assert.equal(info.access.payload.aud, `${h2.url}/userinfo`, 'the default audience, not listed twice');
});

test('a configured issuer is the tokens’ iss; offline_access brings a refresh token only for a client allowed to refresh', async (t) => {
  const clients = [
    { clientId: 'refresher', grants: ['password', 'mfa', 'refresh_token'] as const },
    { clientId: 'no-refresh', grants: ['password', 'mfa'] as const },
  ].map((c) => ({ ...c, grants: [...c.grants] }));
  const h = await emulatorFor(t, { users: [], clients, issuer: 'https://tenant.example' });
  const kept = await mfaLogin(h, { audience: 'https://tenant.example/userinfo', scope: 'openid offline_access' }, 'refresher');
  assert.equal(kept.access.payload.iss, 'https://tenant.example/');
  assert.equal(kept.id.payload.iss, 'https://tenant.example/');
  assert.deepEqual(kept.access.payload.aud, 'https://tenant.example/userinfo');
  assert.equal(typeof kept.body.refresh_token, 'string');
  const refreshed = await h.postJson('/oauth/token', { grant_type: 'refresh_token', client_id: 'refresher', refresh_token: kept.body.refresh_token });
  assert.equal(refreshed.status, 200, JSON.stringify(refreshed.body));

  const h2 = await emulatorFor(t, { users: [], clients });
  const none = await mfaLogin(h2, { scope: 'openid offline_access' }, 'no-refresh');
  assert.equal(none.body.refresh_token, undefined);
  const h3 = await emulatorFor(t, { users: [], clients });
  const notAsked = await mfaLogin(h3, { scope: 'openid' }, 'refresher');
  assert.equal(notAsked.body.refresh_token, undefined);
});
