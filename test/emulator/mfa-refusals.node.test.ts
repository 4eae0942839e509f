import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emulatorFor, type Harness } from './helpers.js';

// Every refusal of /mfa/associate, /mfa/challenge and DELETE /mfa/authenticators, read as a client sees
// it: status, `error` and `error_description` word for word (a page shows the description; an SDK
// branches on `error`).

async function freshUser(h: Harness) {
  const user = await h.user();
  return { user, ...(await h.tokens(user.id)) };
}

const refusal = (status: number, error: string, error_description: string) => ({ status, body: { error, error_description } });
const answer = ({ status, body }: { status: number; body: unknown }) => ({ status, body });

test('associate refusals: each bad body names what is wrong', async (t) => {
  const h = await emulatorFor(t);
  const { access_token } = await freshUser(h);
  const associate = async (body: object) => answer(await h.postJson('/mfa/associate', body, access_token));
  const cases: [object, string][] = [
    [{}, 'Missing required parameter: authenticator_types'],
    [{ authenticator_types: [] }, 'Missing required parameter: authenticator_types'],
    [{ authenticator_types: ['webauthn'] }, 'Unsupported authenticator type: webauthn.'],
    [{ authenticator_types: ['oob'] }, 'Missing required parameter: oob_channels'],
    [{ authenticator_types: ['oob'], oob_channels: ['fax'] }, 'Unsupported oob channel: fax.'],
    [{ authenticator_types: ['oob'], oob_channels: ['sms'] }, 'phone_number must be in E.164 format, e.g. +15555550100.'],
    [{ authenticator_types: ['oob'], oob_channels: ['voice'], phone_number: '5555550100' }, 'phone_number must be in E.164 format, e.g. +15555550100.'],
    [{ authenticator_types: ['oob'], oob_channels: ['email'], email: 'ann at example.com' }, 'email is not a valid email address.'],
  ];
  for (const [body, description] of cases) {
    assert.deepEqual(await associate(body), refusal(400, 'invalid_request', description), JSON.stringify(body));
  }
  // Nothing refused was left pending.
  assert.deepEqual((await h.getJson('/mfa/authenticators', access_token)).body, []);

  const noPush = await emulatorFor(t, { factors: ['otp', 'sms', 'email', 'recovery-code'] });
  const other = await freshUser(noPush);
  const disabled = answer(await noPush.postJson('/mfa/associate', { authenticator_types: ['oob'], oob_channels: ['auth0'] }, other.access_token));
  assert.deepEqual(disabled, refusal(400, 'invalid_request', 'The push factor is not enabled on this tenant.'));
});

test('associate takes the singular oob_channel of older docs, and a space-separated string', async (t) => {
  const h = await emulatorFor(t);
  const { user, access_token } = await freshUser(h);
  const singular = await h.postJson('/mfa/associate', { authenticator_types: ['oob'], oob_channel: 'email' }, access_token);
  assert.equal(singular.status, 200);
  assert.equal(singular.body.oob_channel, 'email');
  // The plural array wins over the singular string when both are sent.
  const both = await h.postJson(
    '/mfa/associate',
    { authenticator_types: ['oob'], oob_channels: ['sms'], oob_channel: 'email', phone_number: '+15555550123' },
    access_token,
  );
  assert.equal(both.body.oob_channel, 'sms');
  const outbox = (await h.getJson(`/__emulator/outbox?user_id=${encodeURIComponent(user.id)}`)).body;
  assert.deepEqual(outbox.map((m: any) => m.channel), ['email', 'sms']);
  // Only the first authenticator type counts.
  const listed = await h.postJson('/mfa/associate', { authenticator_types: 'otp oob' }, access_token);
  assert.equal(listed.body.authenticator_type, 'otp');
});

test('DELETE refusals: unknown id, recovery code, verified email, each with its description', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user({ emailVerified: true });
  const { access_token } = await h.tokens(user.id);
  await h.seed(user.id, { factor: 'otp' });
  const list = (await h.getJson('/mfa/authenticators', access_token)).body as { id: string; authenticator_type: string; oob_channel?: string }[];
  const del = async (id: string) => {
    const response = await h.del(`/mfa/authenticators/${encodeURIComponent(id)}`, access_token);
    return { status: response.status, body: await response.json() };
  };
  assert.deepEqual(await del('totp|dev_nothing00000000'), refusal(404, 'invalid_authenticator', 'Authenticator not found.'));
  const recovery = list.find((a) => a.authenticator_type === 'recovery-code')!;
  assert.deepEqual(await del(recovery.id), refusal(400, 'invalid_request', 'Recovery codes cannot be deleted.'));
  const email = list.find((a) => a.oob_channel === 'email')!;
  assert.deepEqual(await del(email.id), refusal(400, 'invalid_request', 'A verified email is not an enrollment and cannot be deleted.'));
  assert.equal((await h.getJson('/mfa/authenticators', access_token)).body.length, list.length, 'nothing was removed');
});

test('challenge refusals: pending, recovery code, no matching type, each with its description', async (t) => {
  const h = await emulatorFor(t);
  const { user, mfa_token, access_token } = await freshUser(h);
  const challenge = async (body: object) => answer(await h.postJson('/mfa/challenge', { client_id: 'demo-spa', mfa_token, ...body }));

  // A pending (unconfirmed) enrollment cannot be challenged, by id or by Auth0's pick.
  await h.postJson('/mfa/associate', { authenticator_types: ['otp'] }, access_token);
  const [pending] = (await h.getJson('/mfa/authenticators', access_token)).body;
  assert.equal(pending.active, false);
  assert.deepEqual(await challenge({ authenticator_id: pending.id }), refusal(400, 'invalid_authenticator', 'Invalid authenticator_id.'));
  assert.deepEqual(await challenge({}), refusal(400, 'unsupported_challenge_type', 'User is not enrolled.'));

  const [totp] = (await h.seed(user.id, { factor: 'otp' })).authenticators;
  const recovery = (await h.getJson('/mfa/authenticators', access_token)).body.find((a: any) => a.authenticator_type === 'recovery-code');
  assert.deepEqual(
    await challenge({ authenticator_id: recovery.id }),
    refusal(400, 'unsupported_challenge_type', 'Recovery codes are verified without a challenge.'),
  );
  // Only an app is enrolled: an oob-only challenge has nothing to pick; naming the app says so too.
  assert.deepEqual(
    await challenge({ challenge_type: 'oob' }),
    refusal(400, 'unsupported_challenge_type', 'No enrolled authenticator supports the requested challenge type.'),
  );
  assert.deepEqual(
    await challenge({ challenge_type: 'oob', authenticator_id: totp.id }),
    refusal(400, 'unsupported_challenge_type', 'The authenticator does not support challenge type oob.'),
  );
  assert.deepEqual(await challenge({ challenge_type: 'otp sms' }), refusal(400, 'invalid_request', 'Unsupported challenge_type: sms.'));
  // Whitespace of any length separates the accepted types.
  assert.deepEqual(await challenge({ challenge_type: ' oob\t otp ' }), { status: 200, body: { challenge_type: 'otp' } });
});

test('challenge picks: the first active authenticator of an accepted type when OTP is not accepted', async (t) => {
  const h = await emulatorFor(t);
  const { user, mfa_token } = await freshUser(h);
  await h.seed(user.id, { factor: 'otp' });
  await h.seed(user.id, { factor: 'email', email: 'ann@example.com' });
  const picked = await h.postJson('/mfa/challenge', { client_id: 'demo-spa', mfa_token, challenge_type: 'oob' });
  assert.equal(picked.status, 200);
  assert.equal(picked.body.binding_method, 'prompt');
  const [message] = (await h.getJson(`/__emulator/outbox?user_id=${encodeURIComponent(user.id)}`)).body;
  assert.deepEqual([message.channel, message.to], ['email', 'ann@example.com']);
});

test('challenge picks: the app first when OTP is accepted, even when a phone was enrolled before it', async (t) => {
  const h = await emulatorFor(t);
  const { user, mfa_token } = await freshUser(h);
  await h.seed(user.id, { factor: 'sms', phoneNumber: '+15555550123' });
  await h.seed(user.id, { factor: 'otp' });
  const picked = await h.postJson('/mfa/challenge', { client_id: 'demo-spa', mfa_token });
  assert.deepEqual(picked.body, { challenge_type: 'otp' });
  assert.deepEqual((await h.getJson(`/__emulator/outbox?user_id=${encodeURIComponent(user.id)}`)).body, [], 'no code was sent');
  const oob = await h.postJson('/mfa/challenge', { client_id: 'demo-spa', mfa_token, challenge_type: 'oob' });
  assert.equal(oob.body.binding_method, 'prompt');
});
