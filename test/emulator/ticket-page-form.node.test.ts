import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emulatorFor, type Harness } from './helpers.js';

// The hosted enrollment page of a Guardian ticket as its user meets it: what the form shows for each
// kind of ticket, what a submitted form enrolls (defaults, trimming), and every failure page, after
// which the same ticket still works.

async function ticket(h: Harness, userId: string, factor?: string): Promise<string> {
  const { body } = await h.postJson('/api/v2/guardian/enrollments/ticket', { user_id: userId, ...(factor && { factor }) }, await h.managementToken());
  return body.ticket_id;
}

const show = async (h: Harness, id: string) => {
  const response = await fetch(`${h.url}/guardian/enroll?ticket=${encodeURIComponent(id)}`);
  return { status: response.status, html: await response.text() };
};

const submit = async (h: Harness, form: Record<string, string>) => {
  const response = await fetch(`${h.url}/guardian/enroll`, { method: 'POST', body: new URLSearchParams(form) });
  return { status: response.status, html: await response.text(), cache: response.headers.get('cache-control') };
};

async function enrolled(h: Harness, userId: string) {
  const { access_token } = await h.tokens(userId);
  return (await h.getJson('/mfa/authenticators', access_token)).body as { authenticator_type: string; oob_channel?: string; name?: string; active: boolean }[];
}

test('a ticket for one factor names it, with no choice to make and only the field it needs', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  const otp = await show(h, await ticket(h, user.id, 'otp'));
  assert.equal(otp.status, 200);
  assert.match(otp.html, /<input type="hidden" name="factor" value="otp"><p>Factor: Authenticator app<\/p>/);
  assert.match(otp.html, new RegExp(`<p>Emulated hosted enrollment for ${user.email.replace(/\./g, '\\.')}\\.</p>`));
  assert.doesNotMatch(otp.html, /name="phone_number"|name="email"|Emulated device step/);
  assert.match(otp.html, /<title>Enroll in multi-factor authentication<\/title>/);
  assert.match(otp.html, /<button type="submit">Complete enrollment<\/button>/);

  const phone = await show(h, await ticket(h, user.id, 'phone'));
  assert.match(phone.html, /Factor: Phone \(text message and voice\)/);
  assert.match(phone.html, /<input id="phone" name="phone_number" type="tel" value="\+15555550123">/);
  assert.doesNotMatch(phone.html, /name="email"/);

  const email = await show(h, await ticket(h, user.id, 'email'));
  assert.match(email.html, new RegExp(`<input id="email" name="email" type="email" value="${user.email.replace(/\./g, '\\.')}">`));
  assert.doesNotMatch(email.html, /name="phone_number"/);

  assert.match((await show(h, await ticket(h, user.id, 'push-notification'))).html, /Factor: Auth0 Guardian push/);
});

test('a WebAuthn ticket says what its button stands in for; a choice of factors says none', async (t) => {
  const h = await emulatorFor(t);
  await h.postJson('/__emulator/factors', { factors: ['otp', 'sms', 'email', 'webauthn-roaming', 'webauthn-platform', 'recovery-code'] });
  const user = await h.user();
  const roaming = await show(h, await ticket(h, user.id, 'webauthn-roaming'));
  assert.match(roaming.html, /Factor: Security key \(WebAuthn\)/);
  assert.match(roaming.html, /<p>Emulated device step: completing the enrollment registers a security key as if it had been touched\.<\/p>/);
  const platform = await show(h, await ticket(h, user.id, 'webauthn-platform'));
  assert.match(platform.html, /Emulated device step: completing the enrollment registers this device’s biometrics as if the check had passed\./);
  const choice = await show(h, await ticket(h, user.id));
  assert.doesNotMatch(choice.html, /Emulated device step/);
  assert.match(choice.html, /<option value="otp">Authenticator app<\/option><option value="sms">Phone \(text message and voice\)<\/option><option value="email">Email<\/option>/);
  assert.doesNotMatch(choice.html, /value="push"/, 'push is off on this tenant');
  assert.match(choice.html, /name="phone_number"/);
  assert.match(choice.html, /name="email"/);

  // A choice led by a key still says nothing of a device step: that is said for one factor only.
  await h.postJson('/__emulator/factors', { factors: ['webauthn-roaming', 'webauthn-platform', 'recovery-code'] });
  const keys = await show(h, await ticket(h, user.id));
  assert.match(keys.html, /<select id="factor" name="factor"><option value="webauthn-roaming">/);
  assert.doesNotMatch(keys.html, /Emulated device step/);
});

test('a ticket for a factor the tenant has off is a "not available" page', async (t) => {
  const h = await emulatorFor(t, { factors: ['otp', 'sms', 'recovery-code'] });
  const user = await h.user();
  const id = await ticket(h, user.id, 'email');
  const shown = await show(h, id);
  assert.equal(shown.status, 400);
  assert.match(shown.html, /<title>Enrollment not available<\/title>.*<p>This factor is not enabled on this tenant\.<\/p>/s);
  assert.equal((await submit(h, { ticket: id, factor: 'email' })).status, 400);
});

test('submitting: the fixed factor without a factor field, trimmed phone and email, the defaults when left out', async (t) => {
  const h = await emulatorFor(t);
  const ann = await h.user();
  const done = await submit(h, { ticket: await ticket(h, ann.id, 'phone'), phone_number: '  +15555550177 ' });
  assert.equal(done.status, 200);
  assert.equal(done.cache, 'no-store');
  assert.match(done.html, /<title>Enrollment complete<\/title>.*<p>You can close this window\.<\/p>/s);
  assert.deepEqual((await enrolled(h, ann.id)).filter((a) => a.oob_channel === 'sms').map((a) => a.name), ['+1XXXXXX0177']);

  const bob = await h.user();
  assert.equal((await submit(h, { ticket: await ticket(h, bob.id, 'phone') })).status, 200);
  assert.deepEqual((await enrolled(h, bob.id)).filter((a) => a.oob_channel === 'sms').map((a) => a.name), ['+1XXXXXX0123'], 'the page\'s default number');

  const cy = await h.user();
  assert.equal((await submit(h, { ticket: await ticket(h, cy.id, 'email'), email: ' cy@example.com ' })).status, 200);
  assert.deepEqual((await enrolled(h, cy.id)).filter((a) => a.oob_channel === 'email').map((a) => a.name), ['cy@example.com']);
  const dee = await h.user();
  assert.equal((await submit(h, { ticket: await ticket(h, dee.id, 'email') })).status, 200);
  assert.deepEqual((await enrolled(h, dee.id)).filter((a) => a.oob_channel === 'email').map((a) => a.name), [dee.email]);
});

test('failure pages: no factor chosen, a factor not offered, a bad number or address; the ticket still works after', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  const open = await ticket(h, user.id);
  const choose = await submit(h, { ticket: open });
  assert.equal(choose.status, 400);
  assert.match(choose.html, /<title>Enrollment failed<\/title>.*<p>Choose a factor\.<\/p>/s);
  assert.match((await submit(h, { ticket: open, factor: 'duo' })).html, /Choose a factor\./, 'Duo is off on this tenant');
  const phone = await ticket(h, user.id, 'phone');
  const badPhone = await submit(h, { ticket: phone, phone_number: '555 0100' });
  assert.equal(badPhone.status, 400);
  assert.match(badPhone.html, /<p>The phone number must be in E\.164 format\.<\/p>/);
  const email = await ticket(h, user.id, 'email');
  const badEmail = await submit(h, { ticket: email, email: 'not an address' });
  assert.equal(badEmail.status, 400);
  assert.match(badEmail.html, /<p>The email address is not valid\.<\/p>/);
  assert.deepEqual(await enrolled(h, user.id), [], 'nothing enrolled by a failed form');
  for (const [id, form] of [[open, { factor: 'otp' }], [phone, { phone_number: '+15555550100' }], [email, { email: 'ok@example.com' }]] as const) {
    assert.equal((await submit(h, { ticket: id, ...form })).status, 200);
  }
  assert.equal((await enrolled(h, user.id)).filter((a) => a.active).length, 5, 'otp, sms + voice, email, recovery code');
  const gone = await submit(h, { ticket: open, factor: 'otp' });
  assert.equal(gone.status, 404);
  assert.match(gone.html, /<p>This enrollment link is not valid, was already used, or has expired\.<\/p>/);
});
