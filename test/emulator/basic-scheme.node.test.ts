/**
 * client_secret_basic is read from the `Basic` scheme only (src/emulator/client-auth.ts): a header
 * whose scheme merely ends in "Basic" carries no client credentials.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emulatorFor } from './helpers.js';

test('an Authorization scheme that only ends in "Basic" is not client authentication: the body’s client_id decides', async (t) => {
  const h = await emulatorFor(t);
  const credentials = Buffer.from('demo-web:demo-web-secret').toString('base64');
  const answer = await fetch(`${h.url}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', authorization: `XBasic ${credentials}` },
    body: new URLSearchParams({ grant_type: 'password', client_id: 'demo-spa', username: 'demo@example.com', password: 'demo' }),
  });
  const body = await answer.json();
  assert.equal(answer.status, 403, JSON.stringify(body));
  assert.equal(body.error, 'mfa_required', 'the public client signed in; the header was not read as demo-web’s credentials');
});
