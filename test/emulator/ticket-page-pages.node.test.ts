import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emulatorFor, type Harness } from './helpers.js';

// The hosted enrollment page's other pages, as a browser gets them (routes/ticket-page.ts): the page of
// a tenant whose only ticket factor is Duo, the completion page a popup closes itself with, and the
// page of a link that is not valid.

async function ticket(h: Harness, userId: string, factor?: string): Promise<string> {
  const { body } = await h.postJson('/api/v2/guardian/enrollments/ticket', { user_id: userId, ...(factor && { factor }) }, await h.managementToken());
  return body.ticket_id;
}

const show = async (h: Harness, id: string) => {
  const response = await fetch(`${h.url}/guardian/enroll?ticket=${encodeURIComponent(id)}`);
  return { status: response.status, type: response.headers.get('content-type'), html: await response.text() };
};

const submit = async (h: Harness, form: Record<string, string>) => {
  const response = await fetch(`${h.url}/guardian/enroll`, { method: 'POST', body: new URLSearchParams(form) });
  return { status: response.status, type: response.headers.get('content-type'), cache: response.headers.get('cache-control'), html: await response.text() };
};

test('a tenant whose one ticket factor is Duo: the page names Duo, says what its button stands in for, and enrolls it', async (t) => {
  const h = await emulatorFor(t, { factors: ['duo', 'recovery-code'] });
  const user = await h.user();
  const id = await ticket(h, user.id);
  const page = await show(h, id);
  assert.equal(page.status, 200);
  assert.match(page.html, /<input type="hidden" name="factor" value="duo"><p>Factor: Duo Security<\/p>/);
  assert.match(page.html, /<p>Emulated device step: completing the enrollment links Duo Mobile as if it had been approved\.<\/p>/);
  assert.doesNotMatch(page.html, /<select|name="phone_number"|name="email"/);
  assert.equal((await submit(h, { ticket: id })).status, 200, 'the one factor is taken without a factor field');
  const methods = await fetch(`${h.url}/api/v2/users/${encodeURIComponent(user.id)}/authentication-methods`, {
    headers: { authorization: `Bearer ${await h.managementToken()}` },
  });
  assert.deepEqual(((await methods.json()) as { type: string }[]).map((m) => m.type), ['duo']);
});

test('the completion page is HTML that closes its window; an invalid link is a 404 page that says so', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  const id = await ticket(h, user.id, 'otp');
  const done = await submit(h, { ticket: id });
  assert.deepEqual({ status: done.status, type: done.type, cache: done.cache }, { status: 200, type: 'text/html; charset=utf-8', cache: 'no-store' });
  assert.equal(
    done.html,
    '<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Enrollment complete</title></head>' +
      '<body><main><h1>Enrollment complete</h1><p>You can close this window.</p></main><script>window.close()</script></body></html>',
  );

  for (const gone of [await show(h, id), await submit(h, { ticket: id })]) {
    assert.equal(gone.status, 404);
    assert.equal(gone.type, 'text/html; charset=utf-8');
    assert.match(gone.html, /<title>Enrollment link not valid<\/title>.*<h1>Enrollment link not valid<\/h1><p>This enrollment link is not valid, was already used, or has expired\.<\/p>/s);
  }
});

test('a ticket is good until five days have passed, then its page is the invalid-link page, for showing and submitting', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  const shown = await ticket(h, user.id, 'otp');
  const submitted = await ticket(h, user.id, 'otp');
  h.advance(5 * 24 * 60 * 60 - 1);
  assert.equal((await show(h, shown)).status, 200, 'a second before five days');
  h.advance(1);
  assert.equal((await show(h, shown)).status, 404, 'at five days');
  assert.equal((await submit(h, { ticket: submitted })).status, 404, 'at five days');
});

test('the page of a one-factor ticket is the form alone: nothing for fields or steps it does not need', async (t) => {
  const h = await emulatorFor(t, { factors: ['otp', 'sms', 'email', 'webauthn-platform', 'recovery-code'] });
  const user = await h.user({ email: 'ann@example.com' });
  const main = async (factor: string) => {
    const id = await ticket(h, user.id, factor);
    const { html } = await show(h, id);
    return { id, main: html.match(/<main>(.*)<\/main>/s)?.[1] };
  };
  const head = (id: string) =>
    '<h1>Enroll in multi-factor authentication</h1><p>Emulated hosted enrollment for ann@example.com.</p>' +
    `<form method="post" action="/guardian/enroll"><input type="hidden" name="ticket" value="${id}">`;
  const button = '<p><button type="submit">Complete enrollment</button></p></form>';
  const otp = await main('otp');
  assert.equal(otp.main, `${head(otp.id)}<input type="hidden" name="factor" value="otp"><p>Factor: Authenticator app</p>${button}`);
  const phone = await main('phone');
  assert.equal(
    phone.main,
    `${head(phone.id)}<input type="hidden" name="factor" value="sms"><p>Factor: Phone (text message and voice)</p>` +
      `<p><label for="phone">Phone number</label> <input id="phone" name="phone_number" type="tel" value="+15555550123"></p>${button}`,
  );
  const email = await main('email');
  assert.equal(
    email.main,
    `${head(email.id)}<input type="hidden" name="factor" value="email"><p>Factor: Email</p>` +
      `<p><label for="email">Email</label> <input id="email" name="email" type="email" value="ann@example.com"></p>${button}`,
  );
  const platform = await main('webauthn-platform');
  assert.equal(
    platform.main,
    `${head(platform.id)}<input type="hidden" name="factor" value="webauthn-platform"><p>Factor: Device biometrics (WebAuthn)</p>` +
      `<p>Emulated device step: completing the enrollment registers this device’s biometrics as if the check had passed.</p>${button}`,
  );
});

test('a refused phone number or address is an "Enrollment failed" page', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  const phone = await submit(h, { ticket: await ticket(h, user.id, 'phone'), phone_number: '555 0100' });
  const email = await submit(h, { ticket: await ticket(h, user.id, 'email'), email: 'not an address' });
  for (const [failed, text] of [[phone, 'The phone number must be in E.164 format.'], [email, 'The email address is not valid.']] as const) {
    assert.equal(failed.status, 400);
    assert.match(failed.html, new RegExp(`<title>Enrollment failed</title>.*<h1>Enrollment failed</h1><p>${text.replace(/\./g, '\\.')}</p>`, 's'));
  }
});
