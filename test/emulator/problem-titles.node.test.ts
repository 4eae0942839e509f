/**
 * The `title` of My Account's problem details is the reason phrase of its status (src/emulator/http.ts
 * STATUS_TEXT), as a client reading a refusal over HTTP sees it.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emulatorFor } from './helpers.js';

test('My Account refusals carry their status’s reason phrase as title: 400, 401, 404, 409, 415', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  await h.seed(user.id, { factor: 'otp' });
  const { body: issued } = await h.postJson(`/__emulator/users/${encodeURIComponent(user.id)}/my-account-token`, {});
  const call = async (method: string, path: string, body: string | undefined, headers: Record<string, string>) => {
    const response = await fetch(`${h.url}/me/v1${path}`, { method, headers, ...(body !== undefined && { body }) });
    assert.equal(response.headers.get('content-type'), 'application/problem+json');
    const problem = await response.json();
    return [response.status, problem.title];
  };
  const bearer = { authorization: `Bearer ${issued.access_token}` };
  const json = { ...bearer, 'content-type': 'application/json' };
  assert.deepEqual(await call('POST', '/authentication-methods', JSON.stringify({ type: 'password' }), json), [400, 'Bad Request']);
  assert.deepEqual(await call('GET', '/authentication-methods', undefined, {}), [401, 'Unauthorized']);
  assert.deepEqual(await call('GET', '/authentication-methods/totp%7Cdev_none', undefined, bearer), [404, 'Not Found']);
  assert.deepEqual(await call('POST', '/authentication-methods', JSON.stringify({ type: 'recovery-code' }), json), [409, 'Conflict'], 'the seeded TOTP brought a recovery code');
  assert.deepEqual(await call('POST', '/authentication-methods', JSON.stringify({ type: 'totp' }), { ...bearer, 'content-type': 'text/plain' }), [415, 'Unsupported Media Type']);
});
