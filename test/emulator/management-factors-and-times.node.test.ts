import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emulatorFor, type Harness } from './helpers.js';

// The Management API as a server proxy reads a tenant's factors and a method's times
// (routes/management.ts): the hosted-only factors and email reported on when the tenant has them on,
// no phone message type without a phone factor, and a sign-in at the clock's very first moment still
// counted as a last authentication.

const methodsPath = (userId: string) => `/api/v2/users/${encodeURIComponent(userId)}/authentication-methods`;

test('Guardian factors: email, Duo and both WebAuthn factors read as enabled when on; no phone, no message types', async (t) => {
  const h = await emulatorFor(t, { factors: ['email', 'duo', 'webauthn-roaming', 'webauthn-platform'] });
  const token = await h.managementToken();
  const factors = (await h.getJson('/api/v2/guardian/factors', token)).body as { name: string; enabled: boolean }[];
  assert.deepEqual(
    factors.map(({ name, enabled }) => [name, enabled]),
    [
      ['push-notification', false],
      ['sms', false],
      ['email', true],
      ['duo', true],
      ['otp', false],
      ['webauthn-roaming', true],
      ['webauthn-platform', true],
      ['recovery-code', false],
    ],
  );
  assert.deepEqual((await h.getJson('/api/v2/guardian/factors/phone/message-types', token)).body, { message_types: [] });
});

async function signInWithEmail(h: Harness, userId: string, emailId: string) {
  const { mfa_token } = await h.tokens(userId);
  const { oob_code } = (await h.postJson('/mfa/challenge', { client_id: 'demo-spa', mfa_token, authenticator_id: emailId })).body;
  assert.equal((await h.grant('mfa-oob', { mfa_token, oob_code, binding_code: await h.lastCode(userId) })).status, 200);
}

test('a method used at the clock\'s zero (the Unix epoch) lists last_auth_at 1970-01-01T00:00:00.000Z', async (t) => {
  const h = await emulatorFor(t, { now: () => 0 });
  const user = await h.user();
  const [email] = (await h.seed(user.id, { factor: 'email', email: 'ann@example.com' })).authenticators;
  await signInWithEmail(h, user.id, email.id);
  const methods = (await h.getJson(methodsPath(user.id), await h.managementToken())).body as Record<string, unknown>[];
  const listed = methods.find((m) => m.type === 'email')!;
  assert.deepEqual(
    { created_at: listed.created_at, enrolled_at: listed.enrolled_at, last_auth_at: listed.last_auth_at },
    { created_at: '1970-01-01T00:00:00.000Z', enrolled_at: '1970-01-01T00:00:00.000Z', last_auth_at: '1970-01-01T00:00:00.000Z' },
  );
});
