import assert from 'node:assert/strict';
import { test } from 'node:test';
import { emulatorFor, type Harness } from './helpers.js';

async function ticket(h: Harness, userId: string, factor?: string): Promise<{ url: string; id: string }> {
  const token = await h.managementToken();
  const { status, body } = await h.postJson('/api/v2/guardian/enrollments/ticket', { user_id: userId, ...(factor && { factor }) }, token);
  assert.equal(status, 200);
  return { url: body.ticket_url, id: body.ticket_id };
}

function submit(h: Harness, form: Record<string, string>): Promise<Response> {
  return fetch(`${h.url}/guardian/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
}

async function authenticators(h: Harness, userId: string): Promise<Array<{ id: string; authenticator_type: string; oob_channel?: string; active: boolean }>> {
  const { access_token } = await h.tokens(userId);
  return (await h.getJson('/mfa/authenticators', access_token)).body;
}

test('ticket page: a form for the ticket user and factor, which enrolls and closes the window', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  const { url, id } = await ticket(h, user.id, 'phone');
  assert.ok(url.startsWith(`${h.url}/guardian/enroll?ticket=`));

  const form = await fetch(url);
  assert.equal(form.status, 200);
  assert.match(form.headers.get('content-type') ?? '', /text\/html/);
  const html = await form.text();
  assert.match(html, /<form method="post" action="\/guardian\/enroll">/);
  assert.match(html, new RegExp(`name="ticket" value="${id}"`));
  assert.match(html, /name="phone_number"/);
  assert.doesNotMatch(html, /<select/);

  const done = await submit(h, { ticket: id, factor: 'sms', phone_number: '+15555550199' });
  assert.equal(done.status, 200);
  assert.match(await done.text(), /window\.close\(\)/);

  const list = await authenticators(h, user.id);
  const channels = list.filter((a) => a.active && a.authenticator_type === 'oob').map((a) => a.oob_channel).sort();
  assert.deepEqual(channels, ['sms', 'voice']);
  assert.ok(list.some((a) => a.authenticator_type === 'recovery-code' && a.active), 'first enrollment brings a recovery code');
});

test('ticket page: single use, unknown tickets refused, a ticket without factor offers a choice', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  assert.equal((await fetch(`${h.url}/guardian/enroll?ticket=nope`)).status, 404);
  assert.equal((await fetch(`${h.url}/guardian/enroll`)).status, 404);

  const { url, id } = await ticket(h, user.id);
  const html = await (await fetch(url)).text();
  assert.match(html, /<select id="factor" name="factor">/);
  for (const factor of ['otp', 'sms', 'email', 'push']) assert.match(html, new RegExp(`<option value="${factor}">`));

  assert.equal((await submit(h, { ticket: id, factor: 'push' })).status, 200);
  const list = await authenticators(h, user.id);
  assert.ok(list.some((a) => a.oob_channel === 'auth0' && a.active));
  assert.ok(list.some((a) => a.authenticator_type === 'otp' && a.active), 'push brings its linked TOTP');

  assert.equal((await submit(h, { ticket: id, factor: 'otp' })).status, 404, 'a used ticket is gone');
  assert.equal((await fetch(url)).status, 404);
});

test('ticket page: escapes what it shows and refuses a bad phone number', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user({ email: 'a"<b>@example.com' });
  const { url, id } = await ticket(h, user.id, 'email');
  const html = await (await fetch(url)).text();
  assert.doesNotMatch(html, /a"<b>/);
  assert.match(html, /a&#34;&#60;b&#62;@example\.com/);

  const phone = await ticket(h, user.id, 'phone');
  assert.equal((await submit(h, { ticket: phone.id, phone_number: '555' })).status, 400);
  assert.equal((await submit(h, { ticket: id, email: 'x@example.com' })).status, 200);
});
