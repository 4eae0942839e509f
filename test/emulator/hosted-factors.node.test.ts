/**
 * The WebAuthn (roaming, platform) and Duo factors: off by default, on through `factors` or the
 * control API; enrolled on the hosted ticket page only; listed by the Management API (and WebAuthn
 * by My Account), never by the MFA API, which does not cover them (reference §8).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ALL_FACTORS, HOSTED_FACTORS } from '../../src/emulator/config.js';
import { emulatorFor, type Harness } from './helpers.js';

const WITH_HOSTED = [...ALL_FACTORS, ...HOSTED_FACTORS];

async function ticket(h: Harness, userId: string, factor?: string): Promise<{ status: number; url: string; id: string }> {
  const token = await h.managementToken();
  const { status, body } = await h.postJson('/api/v2/guardian/enrollments/ticket', { user_id: userId, ...(factor && { factor }) }, token);
  return { status, url: body.ticket_url, id: body.ticket_id };
}

function submit(h: Harness, form: Record<string, string>): Promise<Response> {
  return fetch(`${h.url}/guardian/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
}

async function methods(h: Harness, userId: string): Promise<Array<Record<string, unknown>>> {
  const { body } = await h.getJson(`/api/v2/users/${encodeURIComponent(userId)}/authentication-methods`, await h.managementToken());
  return body;
}

async function mfaList(h: Harness, userId: string): Promise<Array<{ id: string; authenticator_type: string }>> {
  const { access_token } = await h.tokens(userId);
  return (await h.getJson('/mfa/authenticators', access_token)).body;
}

async function guardianFactors(h: Harness): Promise<Record<string, boolean>> {
  const { body } = await h.getJson('/api/v2/guardian/factors', await h.managementToken());
  return Object.fromEntries((body as Array<{ name: string; enabled: boolean }>).map((f) => [f.name, f.enabled]));
}

test('hosted factors: off by default, listed as enabled once the tenant has them', async (t) => {
  const off = await emulatorFor(t);
  const before = await guardianFactors(off);
  for (const name of HOSTED_FACTORS) assert.equal(before[name], false, name);
  const on = await emulatorFor(t, { factors: WITH_HOSTED });
  const after = await guardianFactors(on);
  for (const name of HOSTED_FACTORS) assert.equal(after[name], true, name);
  assert.equal(after.otp, true);
});

test('hosted factors: the control API switches them on until the next reset', async (t) => {
  const h = await emulatorFor(t);
  const set = await h.postJson('/__emulator/factors', { factors: ['otp', 'webauthn-roaming'] });
  assert.equal(set.status, 200);
  assert.deepEqual(set.body.factors, ['otp', 'webauthn-roaming']);
  const now = await guardianFactors(h);
  assert.equal(now['webauthn-roaming'], true);
  assert.equal(now['webauthn-platform'], false);
  assert.equal(now.sms, false);
  assert.deepEqual((await h.getJson('/__emulator/factors')).body.factors, ['otp', 'webauthn-roaming']);
  assert.equal((await h.postJson('/__emulator/factors', { factors: ['otp', 'yubikey'] })).status, 400);
  assert.equal((await h.postJson('/__emulator/factors', { factors: 'otp' })).status, 400);
  await h.postJson('/__emulator/reset', {});
  assert.equal((await guardianFactors(h))['webauthn-roaming'], false, 'reset restores the configured factors');
});

for (const factor of ['webauthn-roaming', 'webauthn-platform'] as const) {
  test(`ticket page: a ${factor} ticket enrolls that kind, which only the Management API lists`, async (t) => {
    const h = await emulatorFor(t, { factors: WITH_HOSTED });
    const user = await h.user();
    const { status, url, id } = await ticket(h, user.id, factor);
    assert.equal(status, 200);
    const html = await (await fetch(url)).text();
    assert.match(html, new RegExp(`name="factor" value="${factor}"`));
    assert.match(html, /Emulated device step/);
    assert.doesNotMatch(html, /<select/);

    const done = await submit(h, { ticket: id });
    assert.equal(done.status, 200);
    assert.match(await done.text(), /window\.close\(\)/);

    const listed = await methods(h, user.id);
    const method = listed.find((m) => m.type === factor);
    assert.ok(method, `listed as ${factor}: ${JSON.stringify(listed)}`);
    assert.equal(method.confirmed, true);
    assert.match(String(method.id), new RegExp(`^${factor}\\|`));
    assert.equal(typeof method.name, 'string');
    assert.ok(listed.some((m) => m.type === 'recovery-code'), 'a first enrollment brings a recovery code');

    const mfa = await mfaList(h, user.id);
    assert.ok(!mfa.some((a) => a.id === method.id || a.authenticator_type === factor), 'the MFA API does not list it');
    const { mfa_token } = await h.tokens(user.id);
    const challenge = await h.postJson('/mfa/challenge', { client_id: 'demo-spa', mfa_token, challenge_type: 'oob', authenticator_id: method.id });
    assert.equal(challenge.status, 400, 'nor challenges it');

    // Removed through the Management API, with the recovery code when it was the last one.
    const token = await h.managementToken();
    const del = await fetch(`${h.url}/api/v2/users/${encodeURIComponent(user.id)}/authentication-methods/${encodeURIComponent(String(method.id))}`, {
      method: 'DELETE',
      headers: { authorization: `Bearer ${token}` },
    });
    assert.equal(del.status, 204);
    assert.deepEqual(await methods(h, user.id), []);
  });
}

test('ticket page: the ticket API takes no duo factor; a ticket naming none offers Duo, which brings no recovery code', async (t) => {
  const h = await emulatorFor(t, { factors: WITH_HOSTED });
  const user = await h.user();
  assert.equal((await ticket(h, user.id, 'duo')).status, 400);
  const { url, id } = await ticket(h, user.id);
  const html = await (await fetch(url)).text();
  for (const factor of HOSTED_FACTORS) assert.match(html, new RegExp(`<option value="${factor}">`));
  assert.equal((await submit(h, { ticket: id, factor: 'duo' })).status, 200);
  const listed = await methods(h, user.id);
  assert.deepEqual(listed.map((m) => m.type), ['duo']);
  assert.equal(listed[0]!.confirmed, true);
  assert.deepEqual((await mfaList(h, user.id)).map((a) => a.id), []);
});

test('ticket page: a hosted factor the tenant has off is not offered', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  const { status, url, id } = await ticket(h, user.id, 'webauthn-roaming');
  assert.equal(status, 200, 'the ticket API takes the name');
  assert.equal((await fetch(url)).status, 400);
  const open = await ticket(h, user.id);
  assert.doesNotMatch(await (await fetch(open.url)).text(), /webauthn|duo/);
  assert.equal((await submit(h, { ticket: id })).status, 400);
  assert.equal((await submit(h, { ticket: open.id, factor: 'duo' })).status, 400);
  assert.deepEqual(await methods(h, user.id), []);
});

test('control API: seeds hosted kinds; My Account lists the WebAuthn ones, not Duo', async (t) => {
  const h = await emulatorFor(t, { factors: WITH_HOSTED });
  const user = await h.user();
  for (const factor of HOSTED_FACTORS) {
    const seeded = await h.postJson(`/__emulator/users/${encodeURIComponent(user.id)}/authenticators`, { factor, deviceName: `My ${factor}` });
    assert.equal(seeded.status, 200, factor);
    assert.equal(seeded.body.authenticators[0].type, factor);
  }
  const types = (await methods(h, user.id)).map((m) => `${m.type}:${m.name}`).sort();
  assert.deepEqual(types, ['duo:My duo', 'recovery-code:undefined', 'webauthn-platform:My webauthn-platform', 'webauthn-roaming:My webauthn-roaming']);
  const me = await h.postJson(`/__emulator/users/${encodeURIComponent(user.id)}/my-account-token`, {});
  const list = await h.getJson('/me/v1/authentication-methods', me.body.access_token);
  assert.equal(list.status, 200);
  const shown = (list.body.authentication_methods as Array<{ type: string; name?: string; confirmed: boolean }>).filter((m) => m.type !== 'recovery-code');
  assert.deepEqual(shown.map((m) => `${m.type}:${m.name}:${m.confirmed}`).sort(), [
    'webauthn-platform:My webauthn-platform:true',
    'webauthn-roaming:My webauthn-roaming:true',
  ]);
});
