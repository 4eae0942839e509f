/**
 * Every refusal of a client or a token, word for word, over HTTP: the client check of the token
 * endpoint and `/mfa/challenge`, the `mfa_token` of the MFA grants, the bearer of `/mfa/*`
 * (src/emulator/auth.ts) and of My Account (src/emulator/my-account.ts, `meSession`).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emulatorFor, type Harness } from './helpers.js';

const oauth = async (h: Harness, path: string, token: string | undefined, method = 'GET') => {
  const res = await fetch(h.url + path, { method, headers: token ? { authorization: `Bearer ${token}` } : {} });
  return { status: res.status, body: await res.json() };
};

test('the client check: unknown client, wrong or missing secret, a public client sending one, a grant it may not use', async (t) => {
  const h = await emulatorFor(t);
  const challenge = (body: Record<string, unknown>) => h.postJson('/mfa/challenge', body);
  const unknown = await challenge({ client_id: 'nobody', mfa_token: 'x' });
  assert.equal(unknown.status, 401);
  assert.deepEqual(unknown.body, { error: 'invalid_client', error_description: 'Unknown client.' });
  const failed = { error: 'invalid_client', error_description: 'Client authentication failed.' };
  for (const body of [
    { client_id: 'demo-web', client_secret: 'wrong' },
    { client_id: 'demo-web' },
    { client_id: 'demo-spa', client_secret: 'anything' },
  ]) {
    const answer = await challenge({ ...body, mfa_token: 'x' });
    assert.equal(answer.status, 401, JSON.stringify(body));
    assert.deepEqual(answer.body, failed);
  }
  const m2m = await challenge({ client_id: 'demo-m2m', client_secret: 'demo-m2m-secret', mfa_token: 'x' });
  assert.equal(m2m.status, 403);
  assert.deepEqual(m2m.body, { error: 'unauthorized_client', error_description: "Grant type 'mfa' not allowed for the client." });
  const missing = await challenge({ mfa_token: 'x' });
  assert.equal(missing.status, 400);
  assert.deepEqual(missing.body, { error: 'invalid_request', error_description: 'Missing required parameter: client_id' });
  // The confidential client with its secret passes on to the token check.
  const passes = await challenge({ client_id: 'demo-web', client_secret: 'demo-web-secret', mfa_token: 'x' });
  assert.equal(passes.body.error, 'invalid_grant');
});

test('the mfa_token of /mfa/challenge: missing, unknown, a token of another kind or without a user, expired', async (t) => {
  const h = await emulatorFor(t, { users: [] });
  const user = await h.user();
  await h.seed(user.id, { factor: 'otp' });
  const challenge = (mfa_token?: string) => h.postJson('/mfa/challenge', { client_id: 'demo-spa', ...(mfa_token && { mfa_token }) });
  const missing = await challenge();
  assert.equal(missing.status, 400);
  assert.deepEqual(missing.body, { error: 'invalid_request', error_description: 'Missing required parameter: mfa_token' });
  const malformed = { error: 'invalid_grant', error_description: 'Malformed mfa_token' };
  const unknown = await challenge('not-a-token');
  assert.equal(unknown.status, 403);
  assert.deepEqual(unknown.body, malformed);
  // An access token for another audience is no mfa_token; a management token has no user.
  const other = await h.tokens(user.id, `${h.url}/api/other/`);
  for (const token of [other.access_token, await h.managementToken()]) {
    const answer = await challenge(token);
    assert.equal(answer.status, 403);
    assert.deepEqual(answer.body, malformed);
  }
  // An MFA-audience access token is accepted in its place.
  const { mfa_token, access_token } = await h.tokens(user.id);
  assert.deepEqual((await challenge(access_token)).body, { challenge_type: 'otp' });
  assert.deepEqual((await challenge(mfa_token)).body, { challenge_type: 'otp' });
  h.advance(600);
  const expired = await challenge(mfa_token);
  assert.equal(expired.status, 401);
  assert.deepEqual(expired.body, { error: 'expired_token', error_description: 'mfa_token is expired' });
  // An expired token is still known: the request log names its user.
  const logged = (await h.getJson(`/__emulator/requests?user_id=${encodeURIComponent(user.id)}`)).body as { status: number }[];
  assert.ok(logged.some((r) => r.status === 401), JSON.stringify(logged));
});

test('the bearer of /mfa/authenticators: missing, unknown, expired, wrong audience, wrong scope, an mfa_token on DELETE', async (t) => {
  const h = await emulatorFor(t, { users: [] });
  const user = await h.user();
  const [totp] = (await h.seed(user.id, { factor: 'otp' })).authenticators;
  const refusal = (error: string, error_description: string) => ({ error, error_description });
  let answer = await oauth(h, '/mfa/authenticators', undefined);
  assert.equal(answer.status, 401);
  assert.deepEqual(answer.body, refusal('invalid_token', 'Missing bearer token.'));
  answer = await oauth(h, '/mfa/authenticators', 'unknown');
  assert.equal(answer.status, 401);
  assert.deepEqual(answer.body, refusal('invalid_token', 'Invalid token.'));
  answer = await oauth(h, '/mfa/authenticators', await h.managementToken());
  assert.deepEqual(answer.body, refusal('invalid_token', 'Invalid token.'), 'a management token has no user');
  const other = await h.tokens(user.id, `${h.url}/api/other/`);
  answer = await oauth(h, '/mfa/authenticators', other.access_token);
  assert.equal(answer.status, 401);
  assert.deepEqual(answer.body, refusal('invalid_token', 'The token audience is not the MFA API.'));
  const narrow = (await h.postJson(`/__emulator/users/${encodeURIComponent(user.id)}/tokens`, { scope: 'enroll' })).body;
  answer = await oauth(h, '/mfa/authenticators', narrow.access_token);
  assert.equal(answer.status, 403);
  assert.deepEqual(answer.body, refusal('insufficient_scope', 'Insufficient scope, expected: read:authenticators.'));
  const { mfa_token, access_token } = await h.tokens(user.id);
  assert.equal((await oauth(h, '/mfa/authenticators', mfa_token)).status, 200, 'an mfa_token may list');
  answer = await oauth(h, `/mfa/authenticators/${encodeURIComponent(totp.id)}`, mfa_token, 'DELETE');
  assert.equal(answer.status, 401);
  assert.deepEqual(answer.body, refusal('invalid_token', 'An mfa_token cannot be used here; use an access token.'));
  assert.equal((await oauth(h, '/mfa/authenticators', access_token)).status, 200);
  h.advance(600);
  for (const token of [access_token, mfa_token]) {
    answer = await oauth(h, '/mfa/authenticators', token);
    assert.equal(answer.status, 401);
    assert.deepEqual(answer.body, refusal('invalid_token', 'The token has expired.'));
  }
  // A known but expired token still names its user in the request log.
  const logged = (await h.getJson(`/__emulator/requests?user_id=${encodeURIComponent(user.id)}`)).body as { status: number }[];
  assert.deepEqual(logged.slice(-2).map((r) => r.status), [401, 401]);
});

test('the bearer of My Account: problem details for a missing, unknown, expired, foreign or narrow token', async (t) => {
  const h = await emulatorFor(t, { users: [] });
  const user = await h.user();
  const path = '/me/v1/authentication-methods';
  const problem = async (token: string | undefined) => {
    const res = await fetch(h.url + path, { headers: token ? { authorization: `Bearer ${token}` } : {} });
    assert.equal(res.headers.get('content-type'), 'application/problem+json');
    return { status: res.status, body: await res.json() };
  };
  const expect = (status: number, code: string, title: string, detail: string) => ({
    status,
    body: { type: `https://auth0.com/api-errors/A0E-${status}-${code}`, status, title, detail },
  });
  assert.deepEqual(await problem(undefined), expect(401, '0001', 'Unauthorized', 'Missing bearer token.'));
  assert.deepEqual(await problem('unknown'), expect(401, '0003', 'Unauthorized', 'Invalid token.'));
  assert.deepEqual(await problem(await h.managementToken()), expect(401, '0003', 'Unauthorized', 'Invalid token.'));
  const { mfa_token, access_token: mfaAudience } = await h.tokens(user.id);
  assert.deepEqual(await problem(mfa_token), expect(401, '0003', 'Unauthorized', 'Invalid token.'), 'an mfa_token is no access token');
  assert.deepEqual(await problem(mfaAudience), expect(401, '0003', 'Unauthorized', 'The token audience is not the My Account API.'));
  const notUrl = (await h.postJson(`/__emulator/users/${encodeURIComponent(user.id)}/tokens`, { audience: 'me' })).body;
  assert.deepEqual(await problem(notUrl.access_token), expect(401, '0003', 'Unauthorized', 'The token audience is not the My Account API.'));
  const mine = (await h.postJson(`/__emulator/users/${encodeURIComponent(user.id)}/my-account-token`, { scope: 'read:me:factors' })).body;
  assert.deepEqual(
    await problem(mine.access_token),
    expect(403, '0002', 'Forbidden', 'Insufficient scope, expected: read:me:authentication_methods.'),
  );
  // A /me/ audience on any host is the My Account API.
  const anyHost = (await h.postJson(`/__emulator/users/${encodeURIComponent(user.id)}/tokens`, { audience: 'https://other.test/me/', scope: 'read:me:authentication_methods' })).body;
  assert.equal((await fetch(h.url + path, { headers: { authorization: `Bearer ${anyHost.access_token}` } })).status, 200);
  const full = (await h.postJson(`/__emulator/users/${encodeURIComponent(user.id)}/my-account-token`, {})).body;
  assert.equal((await fetch(h.url + path, { headers: { authorization: `Bearer ${full.access_token}` } })).status, 200);
  h.advance(600);
  assert.deepEqual(await problem(full.access_token), expect(401, '0003', 'Unauthorized', 'The token has expired.'));
  const logged = (await h.getJson(`/__emulator/requests?user_id=${encodeURIComponent(user.id)}`)).body as { path: string; status: number }[];
  // The expired token still names its user in the request log: the last entry of theirs is this refusal.
  assert.deepEqual([logged.at(-1)?.path, logged.at(-1)?.status], [path, 401]);
});
