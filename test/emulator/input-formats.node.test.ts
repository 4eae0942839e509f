/**
 * The input formats the emulator checks at its doors (src/emulator/formats.ts), as a client meets
 * them over HTTP: E.164 phone numbers and email addresses on /mfa/associate, base32 TOTP secrets on
 * the control API's seeding route.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emulatorFor, type Harness } from './helpers.js';

/** The status and description of an associate call, each for a fresh user (no send limit reached). */
async function associate(h: Harness, body: Record<string, unknown>) {
  const user = await h.user();
  const { access_token } = await h.tokens(user.id);
  const { status, body: answer } = await h.postJson('/mfa/associate', { authenticator_types: ['oob'], ...body }, access_token);
  return status === 200 ? 200 : [status, answer.error_description];
}

test('phone numbers: a + and 7 to 15 digits, the first not 0, nothing before or after', async (t) => {
  const h = await emulatorFor(t);
  const refused = [400, 'phone_number must be in E.164 format, e.g. +15555550100.'];
  const cases: [string, unknown][] = [
    ['+15555550100', 200],
    ['+1234567', 200],
    ['+123456789012345', 200],
    ['+123456', refused],
    ['+1234567890123456', refused],
    ['+0123456789', refused],
    ['x+15555550100', refused],
    ['+15555550100x', refused],
    ['+1555555O100', refused],
  ];
  for (const [phone, expected] of cases) {
    assert.deepEqual(await associate(h, { oob_channels: ['sms'], phone_number: phone }), expected, phone);
  }
});

test('email addresses: one @, a dot in the domain, no spaces, nothing before or after', async (t) => {
  const h = await emulatorFor(t);
  const refused = [400, 'email is not a valid email address.'];
  const cases: [string, unknown][] = [
    ['ann@example.com', 200],
    ['a@b.c', 200],
    ['ann@example', refused],
    ['ann@example.', refused],
    ['@example.com', refused],
    ['ann@@example.com', refused],
    ['ann@exa mple.com', refused],
    ['x y@example.com', refused],
    ['ann@example.com y', refused],
  ];
  for (const [email, expected] of cases) {
    assert.deepEqual(await associate(h, { oob_channels: ['email'], email }), expected, email);
  }
});

test('seeded TOTP secrets: base32 letters and digits 2-7 in any case, padding only at the end', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  const seed = async (secret: string) => {
    const { status, body } = await h.postJson(`/__emulator/users/${encodeURIComponent(user.id)}/authenticators`, { factor: 'otp', secret });
    return status === 200 || status === 201 ? 'seeded' : [status, body.error_description];
  };
  const refused = [400, 'secret must be base32.'];
  const cases: [string, unknown][] = [
    ['JBSWY3DPEHPK3PXP', 'seeded'],
    ['jbswy3dpehpk3pxp', 'seeded'],
    ['JBSWY3DPEHPK3PX====', 'seeded'],
    ['1JBSWY3DPEHPK3PXP', refused],
    ['JBSWY3DPEHPK3PXP1', refused],
    ['JBSW=Y3DPEHPK3PXP', refused],
    ['JBSWY3DPEHPK3PX8', refused],
  ];
  for (const [secret, expected] of cases) assert.deepEqual(await seed(secret), expected, secret);
});
