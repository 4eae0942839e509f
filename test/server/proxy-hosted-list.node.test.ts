/**
 * What the proxy reads from the Management API beside the MFA API: the WebAuthn and Duo methods it
 * adds to `GET {base}/authenticators` (only well-formed ones, `active` from `confirmed`, name and
 * date only when they are text), and the factor it names in an enrollment ticket for every factor
 * the ticket API knows. Against the emulator over HTTP; the proxy's `fetch` bends the method list.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BASE, harness, methodsPath, readJson, send } from './fixtures/harness.js';


describe('proxy: hosted methods in the authenticator list', () => {
  it('lists WebAuthn and Duo methods with a text id only, unconfirmed ones inactive, name and created_at only when text', async (t) => {
    const h = await harness(t);
    const user = await h.user({ tokens: 'both' });
    const methods = [
      { id: 'webauthn-roaming|a', type: 'webauthn-roaming', confirmed: false, name: 7, created_at: 7 },
      { id: 5, type: 'webauthn-platform', name: 'no id of its own' },
      { id: 'duo|d', type: 'duo', name: 'Duo', created_at: '2026-01-01T00:00:00.000Z' },
      { id: 'webauthn-platform|p', type: 'webauthn-platform', confirmed: true },
    ];
    const proxy = h.proxy({
      fetch: async (input, init) => (new URL(input).pathname === methodsPath(user.id) ? Response.json(methods) : fetch(input, init)),
    });
    const res = await send(proxy, 'GET', `${BASE}/authenticators`, { user });
    assert.equal(res.status, 200);
    const hosted = ((await readJson(res)) as Array<{ authenticator_type: string }>).filter((a) => ['webauthn-roaming', 'webauthn-platform', 'duo'].includes(a.authenticator_type));
    assert.deepEqual(hosted, [
      { id: 'webauthn-roaming|a', authenticator_type: 'webauthn-roaming', active: false },
      { id: 'duo|d', authenticator_type: 'duo', active: true, name: 'Duo', created_at: '2026-01-01T00:00:00.000Z' },
      { id: 'webauthn-platform|p', authenticator_type: 'webauthn-platform', active: true },
    ]);
  });
});

describe('proxy: the factor an enrollment ticket names', () => {
  it('push and the phone factors are named as the ticket API spells them', async (t) => {
    const h = await harness(t);
    const user = await h.user();
    const proxy = h.proxy();
    const named: unknown[] = [];
    for (const factor of ['push', 'sms', 'voice']) {
      const res = await send(proxy, 'POST', BASE, { user, json: { factor } });
      assert.equal(res.status, 200, factor);
      named.push(JSON.parse(h.upstream.filter((c) => c.path === '/api/v2/guardian/enrollments/ticket').at(-1)!.body!).factor);
    }
    assert.deepEqual(named, ['push-notification', 'phone', 'phone']);
  });

  it('a ticket answer with no body or no text URL is a 502, reported', async (t) => {
    const h = await harness(t);
    const user = await h.user();
    const proxy = h.proxy();
    for (const body of ['empty', { ticket_id: 't', ticket_url: 5 }] as const) {
      await h.admin.fault({ path: '/api/v2/guardian/enrollments/ticket', status: 200, body });
      const res = await send(proxy, 'POST', BASE, { user, json: { factor: 'otp' } });
      assert.deepEqual([res.status, await readJson(res)], [502, { error: 'server_error', error_description: 'The authorization server failed.' }], JSON.stringify(body));
    }
    assert.deepEqual(h.errors.map(String), ['Error: enrollments/ticket: unexpected answer shape', 'Error: enrollments/ticket: unexpected answer shape']);
  });
});
