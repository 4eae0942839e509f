/**
 * client_secret_basic is read from the `Basic` scheme only (src/emulator/client-auth.ts): a header
 * whose scheme merely ends in "Basic", or whose credentials are followed by other characters, carries
 * no client credentials.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emulatorFor } from './helpers.js';

const credentials = Buffer.from('demo-web:demo-web-secret').toString('base64');

for (const [what, authorization] of [
  ['a scheme that only ends in "Basic"', `XBasic ${credentials}`],
  ['Basic credentials followed by other characters', `Basic ${credentials}.x`],
]) {
  test(`${what} is not client authentication: the body’s client_id decides`, async (t) => {
    const h = await emulatorFor(t);
    const answer = await fetch(`${h.url}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', authorization },
      body: new URLSearchParams({ grant_type: 'password', client_id: 'demo-spa', username: 'demo@example.com', password: 'demo' }),
    });
    const body = await answer.json();
    assert.equal(answer.status, 403, JSON.stringify(body));
    assert.equal(body.error, 'mfa_required', 'the public client signed in; the header was not read as demo-web’s credentials');
  });
}
