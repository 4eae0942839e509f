/**
 * Removing an authenticator on the cases proxy-flows.node.test.ts leaves out: an SMS id matched to
 * its phone by what follows the `|`, a non-phone method that happens to share that suffix, a
 * recovery code the MFA API lists under another id, and an authentication-methods answer with no
 * body. Against the emulator over HTTP; the proxy's `fetch` bends the Management answers faults
 * cannot send.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BASE, harness, methodsPath, readJson, send } from './fixtures/harness.js';
import { scriptedRemoval } from './fixtures/scripted-removal.js';

const noSuch = { error: 'invalid_authenticator', error_description: 'No such authenticator for this user.' };

describe('proxy removal through the Management API: which method an id names', () => {
  it('sms|X removes the phone phone|X; an email method sharing X is never a phone', async (t) => {
    const h = await harness(t);
    const user = await h.user();
    const methods = [
      { id: 'email|shared', type: 'email' },
      { id: 'phone|p2', type: 'phone' },
    ];
    const { deleted, remove } = scriptedRemoval(h, user, methods);
    assert.deepEqual(await remove('sms|p2'), [204, undefined], 'an SMS id names its phone by the suffix');
    assert.deepEqual(await remove('sms|shared'), [404, noSuch], 'the email method with the same suffix is not a phone');
    assert.deepEqual(await remove('voice|shared'), [404, noSuch]);
    assert.deepEqual(deleted, ['phone|p2']);
  });

  it('an authentication-methods answer with no body is a 502, reported, and nothing is deleted', async (t) => {
    const h = await harness(t);
    const user = await h.user({ seed: [{ factor: 'otp' }] });
    const otp = user.seeded[0]!.authenticators.find((a) => a.authenticator_type === 'otp')!;
    await h.admin.fault({ path: methodsPath(user.id), status: 200, body: 'empty' });
    const res = await send(h.proxy(), 'DELETE', `${BASE}/authenticators/${encodeURIComponent(otp.id)}`, { user });
    assert.deepEqual([res.status, await readJson(res)], [502, { error: 'server_error', error_description: 'The authorization server failed.' }]);
    assert.deepEqual(h.errors.map(String), ['Error: authentication-methods: unexpected answer shape']);
    assert.equal(h.upstream.filter((c) => c.method === 'DELETE').length, 0);
  });
});

describe('proxy removal through the MFA API', () => {
  it('an authenticator the MFA API types as a recovery code is refused whatever its id, before any DELETE', async (t) => {
    const h = await harness(t);
    const user = await h.user({ tokens: 'both' });
    const proxy = h.proxy({
      management: undefined,
      fetch: async (input, init) =>
        new URL(input).pathname === '/mfa/authenticators' && (init?.method ?? 'GET') === 'GET'
          ? Response.json([{ id: 'odd|r1', authenticator_type: 'recovery-code', active: true }])
          : fetch(input, init),
    });
    const res = await send(proxy, 'DELETE', `${BASE}/authenticators/${encodeURIComponent('odd|r1')}`, { user });
    assert.deepEqual([res.status, await readJson(res)], [400, { error: 'invalid_request', error_description: 'Recovery codes cannot be removed.' }]);
  });
});
