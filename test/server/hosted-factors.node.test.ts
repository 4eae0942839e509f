/**
 * createMfaProxy and the factors only the hosted ticket enrolls (webauthn-roaming,
 * webauthn-platform, duo): in the factor list, in tickets (Duo as a ticket naming no factor, since
 * the ticket API takes none of that name), listed beside the MFA API's authenticators from the
 * Management API, and removed through it. Against a real emulator with those factors on.
 */
import assert from 'node:assert/strict';
import { describe, it, type TestContext } from 'node:test';
import { ProxySource } from '../../src/core/proxy-source.js';
import type { FetchLike } from '../../src/core/types.js';
import { ALL_FACTORS, HOSTED_FACTORS } from '../../src/emulator/config.js';
import { M2M_CLIENT } from './fixtures/emulator-admin.js';
import { APP_ORIGIN, BASE, harness, readJson, send, type Harness, type TestUser } from './fixtures/harness.js';

async function withHosted(t: TestContext): Promise<Harness> {
  const h = await harness(t);
  const res = await fetch(`${h.emulatorUrl}/__emulator/factors`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ factors: [...ALL_FACTORS, ...HOSTED_FACTORS] }),
  });
  assert.equal(res.status, 200);
  return h;
}

async function managementMethods(h: Harness, userId: string): Promise<Array<{ id: string; type: string }>> {
  const grant = await fetch(`${h.emulatorUrl}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ grant_type: 'client_credentials', client_id: M2M_CLIENT.clientId, client_secret: M2M_CLIENT.clientSecret, audience: `${h.emulatorUrl}/api/v2/` }),
  });
  const token = ((await grant.json()) as { access_token: string }).access_token;
  const res = await fetch(`${h.emulatorUrl}/api/v2/users/${encodeURIComponent(userId)}/authentication-methods`, { headers: { authorization: `Bearer ${token}` } });
  return (await res.json()) as Array<{ id: string; type: string }>;
}

/** A same-origin page's fetch into the proxy, with the user's cookie. */
function pageFetch(proxy: (request: Request) => Promise<Response>, user: TestUser): FetchLike {
  return async (input, init = {}) => {
    const headers = new Headers(init.headers);
    headers.set('cookie', user.cookie);
    if ((init.method ?? 'GET') !== 'GET') headers.set('origin', APP_ORIGIN);
    return proxy(new Request(new URL(input, APP_ORIGIN), { ...init, headers }));
  };
}

describe('proxy: WebAuthn and Duo (hosted-ticket factors)', () => {
  it('the factor list names them with their enabled flag and the user’s enrollment', async (t) => {
    const h = await withHosted(t);
    const user = await h.user({ seed: [{ factor: 'webauthn-roaming', deviceName: 'YubiKey' }] });
    const list = (await readJson(await send(h.proxy(), 'GET', BASE, { user }))) as Array<{ name: string; enabled: boolean; enrollmentId?: string }>;
    const byName = Object.fromEntries(list.map((f) => [f.name, f]));
    for (const name of HOSTED_FACTORS) assert.equal(byName[name]?.enabled, true, name);
    const key = (await managementMethods(h, user.id)).find((m) => m.type === 'webauthn-roaming')!;
    assert.equal(byName['webauthn-roaming']!.enrollmentId, key.id);
    assert.equal(byName['webauthn-platform']!.enrollmentId, undefined);
    assert.equal(byName.duo!.enrollmentId, undefined);
  });

  it('tickets: WebAuthn by its name, Duo as a ticket naming no factor', async (t) => {
    const h = await withHosted(t);
    const user = await h.user();
    const proxy = h.proxy();
    const bodies: unknown[] = [];
    for (const factor of ['webauthn-roaming', 'webauthn-platform', 'duo']) {
      const res = await send(proxy, 'POST', BASE, { user, json: { factor } });
      assert.equal(res.status, 200, factor);
      assert.match((await readJson(res)).ticket_url, /\/guardian\/enroll\?ticket=/);
      bodies.push(JSON.parse(h.upstream.filter((c) => c.path === '/api/v2/guardian/enrollments/ticket').at(-1)!.body!));
    }
    assert.deepEqual(bodies, [
      { user_id: user.id, send_mail: false, factor: 'webauthn-roaming', allow_multiple_enrollments: true },
      { user_id: user.id, send_mail: false, factor: 'webauthn-platform', allow_multiple_enrollments: true },
      { user_id: user.id, send_mail: false, allow_multiple_enrollments: true },
    ]);
  });

  it('lists them beside the MFA API’s authenticators and removes them; never another user’s', async (t) => {
    const h = await withHosted(t);
    const user = await h.user({ seed: [{ factor: 'otp' }, { factor: 'webauthn-platform', deviceName: 'Touch ID' }, { factor: 'duo' }] });
    const other = await h.user({ seed: [{ factor: 'webauthn-roaming' }] });
    const proxy = h.proxy();
    const listed = (await readJson(await send(proxy, 'GET', `${BASE}/authenticators`, { user }))) as Array<Record<string, unknown>>;
    const hosted = listed.filter((a) => a.authenticator_type !== 'otp' && a.authenticator_type !== 'recovery-code');
    assert.deepEqual(
      hosted.map((a) => [a.authenticator_type, a.active, a.name, typeof a.created_at]),
      [['webauthn-platform', true, 'Touch ID', 'string'], ['duo', true, 'Emulated Duo Mobile', 'string']],
    );
    assert.ok(listed.some((a) => a.authenticator_type === 'otp'));

    const foreign = (await managementMethods(h, other.id))[0]!;
    const refused = await send(proxy, 'DELETE', `${BASE}/authenticators/${encodeURIComponent(foreign.id)}`, { user });
    assert.equal(refused.status, 404);
    assert.equal((await managementMethods(h, other.id)).length, 2, 'the other user keeps the key and its recovery code');

    const id = String(hosted[0]!.id);
    const removed = await send(proxy, 'DELETE', `${BASE}/authenticators/${encodeURIComponent(id)}`, { user });
    assert.equal(removed.status, 204);
    assert.ok(!(await managementMethods(h, user.id)).some((m) => m.id === id));
  });

  it('without Management credentials the list is the MFA API’s alone', async (t) => {
    const h = await withHosted(t);
    const user = await h.user({ seed: [{ factor: 'otp' }, { factor: 'webauthn-roaming' }] });
    const listed = (await readJson(await send(h.proxy({ management: undefined }), 'GET', `${BASE}/authenticators`, { user }))) as Array<{ authenticator_type: string }>;
    assert.deepEqual(listed.map((a) => a.authenticator_type).sort(), ['otp', 'recovery-code']);
  });

  it('ProxySource: factors, list and ticket carry them through', async (t) => {
    const h = await withHosted(t);
    const user = await h.user({ seed: [{ factor: 'otp' }, { factor: 'webauthn-roaming', deviceName: 'YubiKey 5' }] });
    const source = new ProxySource({ baseUrl: BASE, fetch: pageFetch(h.proxy(), user) });
    const factors = await source.listFactors();
    for (const factor of HOSTED_FACTORS) assert.ok(factors.some((f) => f.factor === factor && f.enabled), factor);
    const key = (await source.listAuthenticators()).find((a) => a.factor === 'webauthn-roaming');
    assert.ok(key, 'the key is listed');
    assert.deepEqual([key.authenticatorType, key.name, key.active, key.removable], ['webauthn-roaming', 'YubiKey 5', true, true]);
    for (const factor of HOSTED_FACTORS) {
      const ticket = await source.enroll({ factor, mode: 'ticket' });
      assert.equal(ticket.type, 'ticket');
      assert.match(ticket.type === 'ticket' ? ticket.ticketUrl : '', /^http:\/\/127\.0\.0\.1:\d+\/guardian\/enroll\?ticket=/);
    }
    await source.remove(key.id);
    assert.ok(!(await source.listAuthenticators()).some((a) => a.factor === 'webauthn-roaming'));
  });
});
