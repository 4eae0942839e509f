import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emulatorFor } from './helpers.js';

// /mfa/challenge's `challenge_type` as a client may send it: a space-separated list, with the spaces
// around it that a form or a hand-built string leaves; the refusal names the types as a list, once
// each space (routes/mfa.ts).

test('challenge_type with spaces around it: the refusal names the accepted types without them', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  const { mfa_token } = await h.tokens(user.id);
  const [totp] = (await h.seed(user.id, { factor: 'otp' })).authenticators;
  const challenge = async (challenge_type: string) => {
    const { status, body } = await h.postJson('/mfa/challenge', { client_id: 'demo-spa', mfa_token, authenticator_id: totp.id, challenge_type });
    return { status, body };
  };
  const refusal = (types: string) => ({
    status: 400,
    body: { error: 'unsupported_challenge_type', error_description: `The authenticator does not support challenge type ${types}.` },
  });
  assert.deepEqual(await challenge(' oob '), refusal('oob'));
  assert.deepEqual(await challenge('\toob\n'), refusal('oob'));
  assert.deepEqual(await challenge(' otp '), { status: 200, body: { challenge_type: 'otp' } });
});
