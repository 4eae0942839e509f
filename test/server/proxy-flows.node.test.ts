/**
 * The proxy's routes on the paths the main suite does not walk: which session token each call uses,
 * a public client, the ticket body per factor, the Management answers it reads (message types,
 * methods in either shape), removal refusals, and answers of the wrong shape (a 502, reported).
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { BASE, harness, methodsPath, readJson, send } from './fixtures/harness.js';
import { scriptedRemoval } from './fixtures/scripted-removal.js';

const broken = { error: 'server_error', error_description: 'The authorization server failed.' };

describe('proxy: which token, which client', () => {
  it('an access token Auth0 refuses as invalid_token falls back to the mfa_token; other 401s are passed on', async (t) => {
    const h = await harness(t);
    const user = await h.user({ tokens: 'both' });
    const session = h.sessions.get(new Request('http://app.test', { headers: { cookie: user.cookie } }))!;
    const proxy = h.proxy({ getSession: () => ({ userId: user.id, accessToken: 'expired-access-token', mfaToken: session.mfaToken }) });
    const res = await send(proxy, 'GET', `${BASE}/authenticators`, { user });
    assert.equal(res.status, 200);
    assert.deepEqual(
      h.upstream.filter((c) => c.path === '/mfa/authenticators').map((c) => c.authorization),
      ['Bearer expired-access-token', `Bearer ${session.mfaToken}`],
    );

    await h.admin.fault({ path: '/mfa/authenticators', status: 401, body: { error: 'unauthorized', error_description: 'No.' } });
    const other = await send(proxy, 'GET', `${BASE}/authenticators`, { user });
    assert.deepEqual([other.status, await readJson(other)], [401, { error: 'unauthorized', error_description: 'No.' }]);
    assert.equal(h.upstream.filter((c) => c.path === '/mfa/authenticators').length, 3, 'not retried with the other token');
    await h.admin.fault({ path: '/mfa/authenticators', status: 403, body: { error: 'invalid_token' } });
    assert.equal((await send(proxy, 'GET', `${BASE}/authenticators`, { user })).status, 403);
    assert.equal(h.upstream.filter((c) => c.path === '/mfa/authenticators').length, 4, 'only a 401 invalid_token is retried');
  });

  it('challenge and verify use the mfa_token when the session has both, and send no client_secret for a public client', async (t) => {
    const h = await harness(t);
    const user = await h.user({ tokens: 'both', seed: [{ factor: 'sms', phoneNumber: '+15555550123' }] });
    const session = h.sessions.get(new Request('http://app.test', { headers: { cookie: user.cookie } }))!;
    const sms = user.seeded[0]!.authenticators.find((a) => a.oob_channel === 'sms')!;
    const confidential = h.proxy();
    await send(confidential, 'POST', `${BASE}/challenge`, { user, json: { authenticator_id: sms.id } });
    const challenge = JSON.parse(h.upstream.find((c) => c.path === '/mfa/challenge')!.body!);
    assert.deepEqual(challenge, { client_id: 'demo-web', client_secret: 'demo-web-secret', mfa_token: session.mfaToken, authenticator_id: sms.id });

    const spa = h.proxy({ clientId: 'demo-spa', clientSecret: undefined });
    await send(spa, 'POST', `${BASE}/challenge`, { user, json: { authenticator_id: sms.id, challenge_type: 'oob' } });
    assert.deepEqual(JSON.parse(h.upstream.filter((c) => c.path === '/mfa/challenge').at(-1)!.body!), {
      client_id: 'demo-spa',
      mfa_token: session.mfaToken,
      authenticator_id: sms.id,
      challenge_type: 'oob',
    });
    await send(spa, 'POST', `${BASE}/verify`, { user, json: { otp: '123456' } });
    const form = new URLSearchParams(h.upstream.filter((c) => c.path === '/oauth/token').at(-1)!.body!);
    assert.deepEqual([form.get('client_id'), form.has('client_secret'), form.get('mfa_token')], ['demo-spa', false, session.mfaToken]);

    const accessOnly = await h.user({ tokens: 'access', seed: [{ factor: 'otp' }] });
    await send(confidential, 'POST', `${BASE}/verify`, { user: accessOnly, json: { otp: '123456' } });
    const accessSession = h.sessions.get(new Request('http://app.test', { headers: { cookie: accessOnly.cookie } }))!;
    assert.equal(new URLSearchParams(h.upstream.filter((c) => c.path === '/oauth/token').at(-1)!.body!).get('mfa_token'), accessSession.accessToken);
  });

  it('a session with no token at all cannot verify or challenge (401), and nothing goes upstream', async (t) => {
    const h = await harness(t);
    const user = await h.user();
    const proxy = h.proxy({ getSession: () => ({ userId: user.id }) });
    for (const [route, json] of [['verify', { otp: '123456' }], ['challenge', { authenticator_id: 'sms|dev_1' }]] as const) {
      const res = await send(proxy, 'POST', `${BASE}/${route}`, { user, json });
      assert.deepEqual([res.status, await readJson(res)], [401, { error: 'invalid_token', error_description: 'The session holds no MFA token.' }], route);
    }
    assert.deepEqual(h.upstream, []);
  });
});

describe('proxy: without onTokens', () => {
  it('a chained mfa_required and a successful verify still answer; the tokens just go nowhere', async (t) => {
    const h = await harness(t);
    const proxy = h.proxy({ onTokens: undefined });
    const user = await h.user({ seed: [{ factor: 'otp' }] });
    await h.admin.fault({ path: '/oauth/token', user_id: user.id, status: 403, body: { error: 'mfa_required', mfa_token: 'CHAINED' } });
    const chained = await send(proxy, 'POST', `${BASE}/verify`, { user, json: { otp: '123456' } });
    assert.deepEqual([chained.status, await readJson(chained)], [403, { error: 'mfa_required' }]);
    await h.admin.fault({ path: '/oauth/token', user_id: user.id, status: 200, body: { access_token: 'AT' } });
    const verified = await send(proxy, 'POST', `${BASE}/verify`, { user, json: { otp: '123456' } });
    assert.deepEqual([verified.status, await readJson(verified)], [200, { success: true }]);
    assert.deepEqual([h.tokens, h.errors], [[], []]);
  });
});

describe('proxy: Management answers it reads', () => {
  it('the ticket asks for multiple enrollments except for email, and never mails', async (t) => {
    const h = await harness(t);
    const user = await h.user();
    const proxy = h.proxy();
    const bodies: unknown[] = [];
    for (const factor of ['otp', 'email']) {
      await send(proxy, 'POST', BASE, { user, json: { factor } });
      bodies.push(JSON.parse(h.upstream.filter((c) => c.path === '/api/v2/guardian/enrollments/ticket').at(-1)!.body!));
    }
    assert.deepEqual(bodies, [
      { user_id: user.id, factor: 'otp', send_mail: false, allow_multiple_enrollments: true },
      { user_id: user.id, factor: 'email', send_mail: false },
    ]);
  });

  it('the phone message types decide sms and voice; an unreadable answer means sms only', async (t) => {
    const h = await harness(t);
    const user = await h.user();
    const proxy = h.proxy();
    const phoneNames = async () => ((await readJson(await send(proxy, 'GET', BASE, { user }))) as Array<{ name: string }>).map((f) => f.name).filter((n) => n === 'sms' || n === 'voice');
    const typesPath = '/api/v2/guardian/factors/phone/message-types';
    await h.admin.fault({ path: typesPath, status: 200, body: { message_types: ['voice', 5] } });
    assert.deepEqual(await phoneNames(), ['voice']);
    await h.admin.fault({ path: typesPath, status: 200, body: { message_types: 'voice' } });
    assert.deepEqual(await phoneNames(), ['sms']);
    await h.admin.fault({ path: typesPath, status: 201, body: { message_types: ['voice'] } });
    assert.deepEqual(await phoneNames(), ['sms']);
    await h.admin.fault({ path: typesPath, status: 200, body: 'empty' });
    assert.deepEqual(await phoneNames(), ['sms']);
  });

  it('authentication methods come as a list or as {authenticators}; anything else is a 502', async (t) => {
    const h = await harness(t);
    const user = await h.user();
    const proxy = h.proxy();
    await h.admin.fault({ path: methodsPath(user.id), status: 200, body: { authenticators: [{ id: 'totp|x', type: 'totp' }] } });
    const wrapped = (await readJson(await send(proxy, 'GET', BASE, { user }))) as Array<{ name: string; enrollmentId?: string }>;
    assert.equal(wrapped.find((f) => f.name === 'otp')!.enrollmentId, 'totp|x');
    for (const body of [{ authenticators: 'x' }, { authenticators: [1] }, { items: [] }]) {
      await h.admin.fault({ path: methodsPath(user.id), status: 200, body });
      const res = await send(proxy, 'GET', BASE, { user });
      assert.deepEqual([res.status, await readJson(res)], [502, broken], JSON.stringify(body));
    }
    await h.admin.fault({ path: '/api/v2/guardian/factors', status: 200, body: { factors: [] } });
    assert.equal((await send(proxy, 'GET', BASE, { user })).status, 502, 'the factor list is an array or broken');
    // An array with something in it that is no factor (faults send objects only, so the proxy's fetch bends it).
    const odd = h.proxy({
      fetch: async (input, init) => (new URL(input).pathname === '/api/v2/guardian/factors' ? Response.json([{ name: 'otp', enabled: true }, 'odd']) : fetch(input, init)),
    });
    assert.deepEqual([(await send(odd, 'GET', BASE, { user })).status], [502], 'a factor list of objects only');
    assert.deepEqual(h.errors.map(String).slice(-5), [
      'Error: authentication-methods: unexpected answer shape',
      'Error: authentication-methods: unexpected answer shape',
      'Error: authentication-methods: unexpected answer shape',
      'Error: guardian/factors: unexpected answer shape',
      'Error: guardian/factors: unexpected answer shape',
    ]);
  });

  it('a regenerated recovery code must be text', async (t) => {
    const h = await harness(t);
    const user = await h.user({ tokens: 'access', seed: [{ factor: 'otp' }] });
    await h.admin.fault({ path: `/api/v2/users/${encodeURIComponent(user.id)}/recovery-code-regeneration`, status: 200, body: { recovery_code: 5 } });
    const res = await send(h.proxy(), 'POST', `${BASE}/recovery-code`, { user, json: {} });
    assert.deepEqual([res.status, await readJson(res)], [502, broken]);
    const refused = await send(h.proxy(), 'POST', `${BASE}/recovery-code`, { user: await h.user({ tokens: 'mfa' }), json: {} });
    assert.deepEqual(await readJson(refused), { error: 'mfa_required', error_description: 'Verify first: the session has not completed MFA.' });
  });
});

describe('proxy: removal', () => {
  it('through the Management API: a sub-method id finds its phone; recovery codes and strangers are refused', async (t) => {
    const h = await harness(t);
    const user = await h.user({ seed: [{ factor: 'otp' }] });
    const proxy = h.proxy();
    const methods = [
      { id: 'phone|p1', type: 'phone', authentication_methods: [{ id: 'sms|s1', type: 'sms' }] },
      { id: 'phone|p2', type: 'phone' },
      { id: 'recovery-code|r1', type: 'recovery-code' },
      { id: 'email|e1', type: 'recovery-code' },
      { id: 5, type: 'email' },
      { type: 'phone', authentication_methods: [{ id: 'sms|s9', type: 'sms' }] },
    ];
    const { deleted, remove } = scriptedRemoval(h, user, methods);
    assert.deepEqual(await remove('sms|s1'), [204, undefined]);
    assert.deepEqual(await remove('voice|p2'), [204, undefined], 'a voice id matches its phone by what follows the |');
    assert.deepEqual(await remove('sms|p1x'), [404, { error: 'invalid_authenticator', error_description: 'No such authenticator for this user.' }]);
    assert.deepEqual(await remove('totp|p2'), [404, { error: 'invalid_authenticator', error_description: 'No such authenticator for this user.' }], 'only phones match by suffix');
    assert.deepEqual(await remove('email|e1'), [400, { error: 'invalid_request', error_description: 'Recovery codes cannot be removed.' }], 'a method of type recovery-code');
    assert.deepEqual(await remove('recovery-code|r1'), [400, { error: 'invalid_request', error_description: 'Recovery codes cannot be removed.' }]);
    assert.deepEqual(await remove('sms|s9'), [404, { error: 'invalid_authenticator', error_description: 'No such authenticator for this user.' }], 'a method without an id of its own cannot be deleted');
    assert.deepEqual(deleted, ['phone|p1', 'phone|p2']);
    const lab = await send(proxy, 'DELETE', `${BASE}/${encodeURIComponent('recovery-code|r1')}`, { user });
    assert.deepEqual(await readJson(lab), { error: 'invalid_request', error_description: 'Recovery codes cannot be removed.' });
  });

  it('through the MFA API: the user’s own authenticators only, a 200 taken as done, any other answer passed on', async (t) => {
    const h = await harness(t);
    const user = await h.user({ tokens: 'both', seed: [{ factor: 'otp' }, { factor: 'email', email: 'me@example.com' }] });
    const email = user.seeded[1]!.authenticators.find((a) => a.oob_channel === 'email')!;
    const recovery = (await h.admin.authenticators(user.id)).find((a) => a.authenticator_type === 'recovery-code')!;
    const proxy = h.proxy({ management: undefined });
    const remove = async (id: string) => {
      const res = await send(proxy, 'DELETE', `${BASE}/authenticators/${encodeURIComponent(id)}`, { user });
      return [res.status, res.status === 204 ? undefined : await readJson(res)];
    };
    assert.deepEqual(await remove('email|dev_not_mine'), [404, { error: 'invalid_authenticator', error_description: 'No such authenticator for this user.' }]);
    assert.deepEqual(await remove(recovery.id), [400, { error: 'invalid_request', error_description: 'Recovery codes cannot be removed.' }]);
    await h.admin.fault({ path: `/mfa/authenticators/${encodeURIComponent(email.id)}`, method: 'DELETE', status: 200, body: {} });
    assert.deepEqual(await remove(email.id), [204, undefined], 'Auth0 answering 200 instead of 204 is still a removal');
    await h.admin.fault({ path: `/mfa/authenticators/${encodeURIComponent(email.id)}`, method: 'DELETE', status: 202, body: { error: 'odd' } });
    assert.deepEqual(await remove(email.id), [502, broken]);
    await h.admin.fault({ path: `/mfa/authenticators/${encodeURIComponent(email.id)}`, method: 'DELETE', status: 403, body: { error: 'access_denied', error_description: 'Nope.' } });
    assert.deepEqual(await remove(email.id), [403, { error: 'access_denied', error_description: 'Nope.' }]);
  });
});

describe('proxy: answers of the wrong shape', () => {
  it('a list that is not a list of objects, an associate or verify answer that is not one: 502, reported by route', async (t) => {
    const h = await harness(t);
    const user = await h.user({ seed: [{ factor: 'otp' }] });
    const proxy = h.proxy();
    await h.admin.fault({ path: '/mfa/authenticators', status: 200, body: { authenticators: [] } });
    assert.deepEqual(await readJson(await send(proxy, 'GET', `${BASE}/authenticators`, { user })), broken);
    const listing = h.proxy({ fetch: async (input, init) => (new URL(input).pathname === '/mfa/authenticators' ? Response.json([{ id: 'otp|1' }, 'x']) : fetch(input, init)) });
    assert.deepEqual(await readJson(await send(listing, 'GET', `${BASE}/authenticators`, { user })), broken);
    const fresh = await h.user();
    await h.admin.fault({ path: '/mfa/associate', status: 200, body: 'empty' });
    assert.deepEqual(await readJson(await send(proxy, 'POST', `${BASE}/associate`, { user: fresh, json: { authenticator_types: ['otp'] } })), broken);
    await h.admin.fault({ path: '/oauth/token', user_id: user.id, status: 200, body: { token_type: 'Bearer' } });
    assert.deepEqual(await readJson(await send(proxy, 'POST', `${BASE}/verify`, { user, json: { otp: '123456' } })), broken);
    const sms = await h.user({ seed: [{ factor: 'sms', phoneNumber: '+15555550100' }] });
    const smsId = sms.seeded[0]!.authenticators.find((a) => a.oob_channel === 'sms')!.id;
    await h.admin.fault({ path: '/mfa/challenge', status: 200, body: 'empty' });
    assert.deepEqual(await readJson(await send(proxy, 'POST', `${BASE}/challenge`, { user: sms, json: { authenticator_id: smsId } })), broken);
    assert.deepEqual(h.errors.map(String), [
      'Error: GET /mfa/authenticators: unexpected answer shape',
      'Error: GET /mfa/authenticators: unexpected answer shape',
      'Error: POST /mfa/associate: unexpected answer shape',
      'Error: POST /oauth/token: unexpected answer shape',
      'Error: POST /mfa/challenge: unexpected answer shape',
    ]);
    assert.equal(h.tokens.length, 0, 'no tokens handed on from a broken answer');
  });
});
