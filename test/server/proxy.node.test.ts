import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { listenNode } from '../../src/server/index.js';
import { totp } from '../helpers/totp.js';
import { APP_ORIGIN, BASE, harness, readJson, send } from './fixtures/harness.js';

const MFA_SCOPES = ['enroll', 'read:authenticators', 'remove:authenticators'];

describe('createMfaProxy: routes against the emulator', () => {
  it('lists the session user’s authenticators with Auth0’s fields only', async (t) => {
    const h = await harness(t);
    const proxy = h.proxy();
    const user = await h.user({ seed: [{ factor: 'sms', phoneNumber: '+15555550111' }] });
    const res = await send(proxy, 'GET', `${BASE}/authenticators`, { user });
    assert.equal(res.status, 200);
    assert.equal(res.headers.get('cache-control'), 'no-store');
    const list = await readJson(res);
    const channels = list.map((a: any) => a.oob_channel ?? a.authenticator_type).sort();
    assert.deepEqual(channels, ['recovery-code', 'sms', 'voice']);
    for (const item of list) {
      assert.deepEqual(Object.keys(item).filter((k) => !['id', 'authenticator_type', 'type', 'active', 'oob_channel', 'oob_channels', 'name'].includes(k)), []);
    }
    assert.equal(list.find((a: any) => a.oob_channel === 'sms').name.endsWith('0111'), true);
  });

  it('enrolls OTP with the mfa_token, stores the new access token through onTokens, then enrolls SMS with it', async (t) => {
    const h = await harness(t);
    const proxy = h.proxy();
    const user = await h.user();
    const otp = await send(proxy, 'POST', `${BASE}/associate`, { user, json: { authenticator_types: ['otp'] } });
    assert.equal(otp.status, 200);
    const enrollment = await readJson(otp);
    assert.match(enrollment.barcode_uri, /^otpauth:\/\/totp\//);
    assert.equal(enrollment.recovery_codes.length, 1);
    const verified = await send(proxy, 'POST', `${BASE}/verify`, { user, json: { otp: await totp(enrollment.secret) } });
    assert.equal(verified.status, 200);
    assert.deepEqual(await readJson(verified), { success: true });
    assert.equal(h.tokens.length, 1);
    assert.equal(typeof h.tokens[0]!.accessToken, 'string');
    assert.deepEqual(String(h.tokens[0]!.scope).split(' ').filter((s) => MFA_SCOPES.includes(s)).sort(), [...MFA_SCOPES].sort());

    // A second factor needs the access token that onTokens stored (an mfa_token is "already enrolled").
    const sms = await send(proxy, 'POST', `${BASE}/associate`, {
      user,
      json: { authenticator_types: ['oob'], oob_channels: ['sms'], phone_number: '+1 (555) 555-0142' },
    });
    assert.equal(sms.status, 200);
    const oob = await readJson(sms);
    assert.equal(oob.binding_method, 'prompt');
    assert.equal(oob.recovery_codes, undefined);
    const code = await h.admin.lastCode(user.id);
    const confirmed = await send(proxy, 'POST', `${BASE}/verify`, { user, json: { oob_code: oob.oob_code, binding_code: code } });
    assert.equal(confirmed.status, 200);
    const upstream = await h.admin.authenticators(user.id);
    assert.deepEqual(upstream.filter((a) => a.active).map((a) => a.oob_channel ?? a.authenticator_type).sort(), [
      'otp',
      'recovery-code',
      'sms',
      'voice',
    ]);
    // The phone number went upstream normalized.
    assert.ok(h.upstream.some((c) => c.path === '/mfa/associate' && c.body?.includes('"+15555550142"')));
  });

  it('challenges an SMS authenticator and verifies with the binding code (client secret added server-side)', async (t) => {
    const h = await harness(t);
    const proxy = h.proxy();
    const user = await h.user({ seed: [{ factor: 'sms', phoneNumber: '+15555550123' }] });
    const sms = user.seeded[0]!.authenticators.find((a) => a.oob_channel === 'sms')!;
    const res = await send(proxy, 'POST', `${BASE}/challenge`, {
      user,
      json: { authenticator_id: sms.id, challenge_type: 'oob', mfa_token: 'ignored-by-the-proxy' },
    });
    assert.equal(res.status, 200);
    const challenge = await readJson(res);
    assert.equal(challenge.challenge_type, 'oob');
    assert.equal(challenge.binding_method, 'prompt');
    const sent = JSON.parse(h.upstream.find((c) => c.path === '/mfa/challenge')!.body!);
    assert.equal(sent.client_secret, 'demo-web-secret');
    assert.notEqual(sent.mfa_token, 'ignored-by-the-proxy');
    const verified = await send(proxy, 'POST', `${BASE}/verify`, {
      user,
      json: { oob_code: challenge.oob_code, binding_code: await h.admin.lastCode(user.id) },
    });
    assert.equal(verified.status, 200);
  });

  it('verifies a recovery code and returns the rotated one, never the tokens', async (t) => {
    const h = await harness(t);
    const proxy = h.proxy();
    const user = await h.user({ seed: [{ factor: 'otp' }] });
    const code = user.seeded[0]!.recovery_code!;
    const res = await send(proxy, 'POST', `${BASE}/verify`, { user, json: { recovery_code: code.toLowerCase().replace(/(.{4})/g, '$1-') } });
    assert.equal(res.status, 200);
    const body = await readJson(res);
    assert.equal(body.success, true);
    assert.match(body.recovery_code, /^[A-Z0-9]{24}$/);
    assert.notEqual(body.recovery_code, code);
    assert.equal(JSON.stringify(body).includes('token'), false);
  });

  it('makes a new recovery code for a verified session only (Management API regeneration)', async (t) => {
    const h = await harness(t);
    const proxy = h.proxy();
    const unverified = await h.user({ tokens: 'mfa', seed: [{ factor: 'otp' }] });
    const refused = await send(proxy, 'POST', `${BASE}/recovery-code`, { user: unverified, json: {} });
    assert.equal(refused.status, 403);
    assert.equal((await readJson(refused)).error, 'mfa_required');
    const user = await h.user({ tokens: 'access', seed: [{ factor: 'otp' }] });
    const old = user.seeded[0]!.recovery_code!;
    const res = await send(proxy, 'POST', `${BASE}/recovery-code`, { user, json: {} });
    assert.equal(res.status, 200);
    const body = await readJson(res);
    assert.match(body.recovery_code, /^[A-Z0-9]{24}$/);
    assert.notEqual(body.recovery_code, old);
    // The old code no longer signs in.
    const again = await send(proxy, 'POST', `${BASE}/verify`, { user, json: { recovery_code: old } });
    assert.equal(again.status >= 400, true);
  });

  it('lists factors with Guardian names and enrollment ids (a push’s TOTP is not an OTP enrollment)', async (t) => {
    const h = await harness(t);
    const proxy = h.proxy();
    const user = await h.user({ seed: [{ factor: 'push' }, { factor: 'sms', phoneNumber: '+15555550124' }] });
    const res = await send(proxy, 'GET', BASE, { user });
    assert.equal(res.status, 200);
    const factors = await readJson(res);
    const byName = Object.fromEntries(factors.map((f: any) => [f.name, f]));
    assert.deepEqual(Object.keys(byName).sort(), ['duo', 'email', 'otp', 'push-notification', 'recovery-code', 'sms', 'voice', 'webauthn-platform', 'webauthn-roaming']);
    // Off on this tenant (the emulator's default), so listed as such.
    for (const name of ['duo', 'webauthn-platform', 'webauthn-roaming']) assert.equal(byName[name].enabled, false, name);
    assert.equal(byName.otp.enabled, true);
    assert.equal(byName.otp.enrollmentId, undefined);
    assert.match(byName['push-notification'].enrollmentId, /^push\|/);
    assert.match(byName.sms.enrollmentId, /^phone\|/);
    // Voice calls go to the same phone enrollment as SMS (one phone method, two message types).
    assert.equal(byName.voice.enrollmentId, byName.sms.enrollmentId);
    assert.match(byName['recovery-code'].enrollmentId, /^recovery-code\|/);
    assert.equal(byName.email.enrollmentId, undefined);
  });

  it('creates an enrollment ticket for the session user only, whatever the body says', async (t) => {
    const h = await harness(t);
    const proxy = h.proxy();
    const user = await h.user();
    const res = await send(proxy, 'POST', BASE, { user, json: { factor: 'sms', user_id: 'auth0|someone-else' } });
    assert.equal(res.status, 200);
    const body = await readJson(res);
    assert.deepEqual(Object.keys(body), ['ticket_url']);
    assert.ok(body.ticket_url.startsWith(`${h.emulatorUrl}/guardian/enroll?ticket=`));
    const sent = JSON.parse(h.upstream.find((c) => c.path === '/api/v2/guardian/enrollments/ticket')!.body!);
    assert.equal(sent.user_id, user.id);
    assert.equal(sent.factor, 'phone');
    const push = await readJson(await send(proxy, 'POST', BASE, { user, json: { factor: 'push' } }));
    assert.ok(push.ticket_url);
    assert.equal(JSON.parse(h.upstream.filter((c) => c.path.endsWith('/ticket')).at(-1)!.body!).factor, 'push-notification');
  });

  it('removes an authenticator and its twin through the Management API, after checking it is the user’s', async (t) => {
    const h = await harness(t);
    const proxy = h.proxy();
    const user = await h.user({ seed: [{ factor: 'otp' }, { factor: 'sms', phoneNumber: '+15555550125' }] });
    const voice = user.seeded[1]!.authenticators.find((a) => a.oob_channel === 'voice')!;
    const res = await send(proxy, 'DELETE', `${BASE}/authenticators/${encodeURIComponent(voice.id)}`, { user });
    assert.equal(res.status, 204);
    const left = await h.admin.authenticators(user.id);
    assert.deepEqual(left.map((a) => a.oob_channel ?? a.authenticator_type).sort(), ['otp', 'recovery-code']);
    const paths = h.upstream.map((c) => `${c.method} ${c.path}`);
    const list = paths.indexOf(`GET /api/v2/users/${encodeURIComponent(user.id)}/authentication-methods`);
    const del = paths.findIndex((p) => p.startsWith(`DELETE /api/v2/users/${encodeURIComponent(user.id)}/authentication-methods/`));
    assert.ok(list >= 0 && del > list);
  });

  it('removes with the MFA API and the session’s access token when no Management credentials are set', async (t) => {
    const h = await harness(t);
    const proxy = h.proxy({ management: undefined });
    const user = await h.user({ tokens: 'both', seed: [{ factor: 'otp' }, { factor: 'email', email: 'me@example.com' }] });
    const email = user.seeded[1]!.authenticators.find((a) => a.oob_channel === 'email')!;
    const res = await send(proxy, 'DELETE', `${BASE}/authenticators/${encodeURIComponent(email.id)}`, { user });
    assert.equal(res.status, 204);
    assert.ok(h.upstream.some((c) => c.method === 'DELETE' && c.path === `/mfa/authenticators/${encodeURIComponent(email.id)}`));
    assert.equal(h.upstream.some((c) => c.path.startsWith('/api/v2/')), false);
    assert.equal((await h.admin.authenticators(user.id)).some((a) => a.id === email.id), false);
    // Without Management credentials the factor list and ticket routes do not exist: a bare 404.
    for (const method of ['GET', 'POST']) {
      const missing = await send(proxy, method, BASE, { user, json: method === 'POST' ? { factor: 'otp' } : undefined });
      assert.equal(missing.status, 404);
      assert.equal(missing.headers.get('content-type')?.startsWith('text/plain'), true);
    }
  });

  it('serves the Lab’s DELETE {base}/{id} → {id}', async (t) => {
    const h = await harness(t);
    const proxy = h.proxy();
    const user = await h.user({ seed: [{ factor: 'otp' }, { factor: 'sms', phoneNumber: '+15555550126' }] });
    const methods = await readJson(await send(proxy, 'GET', BASE, { user }));
    const phone = methods.find((f: any) => f.name === 'sms').enrollmentId;
    const res = await send(proxy, 'DELETE', `${BASE}/${encodeURIComponent(phone)}`, { user });
    assert.equal(res.status, 200);
    assert.deepEqual(await readJson(res), { id: phone });
    assert.equal((await h.admin.authenticators(user.id)).some((a) => a.oob_channel === 'sms'), false);
  });

  it('answers a bare 404 outside its routes and 405 with Allow for a wrong method', async (t) => {
    const h = await harness(t);
    const proxy = h.proxy();
    const user = await h.user();
    const outside = await send(proxy, 'GET', '/elsewhere', { user });
    assert.equal(outside.status, 404);
    const deep = await send(proxy, 'GET', `${BASE}/a/b/c`, { user });
    assert.equal(deep.status, 404);
    const wrong = await send(proxy, 'GET', `${BASE}/verify`, { user });
    assert.equal(wrong.status, 405);
    assert.equal(wrong.headers.get('allow'), 'POST');
    assert.equal(h.upstream.length, 0);
  });

  it('works over real HTTP through toNodeHandler/listenNode', async (t) => {
    const h = await harness(t);
    const server = await listenNode(h.proxy({ allowedOrigins: undefined }));
    t.after(() => server.close());
    const user = await h.user({ seed: [{ factor: 'otp' }] });
    const list = await fetch(`${server.url}${BASE}/authenticators`, { headers: { cookie: user.cookie } });
    assert.equal(list.status, 200);
    assert.equal((await list.json()).length, 2);
    // Default allowedOrigins: the origin the request reached, so the server's own origin passes…
    const ok = await fetch(`${server.url}${BASE}/verify`, {
      method: 'POST',
      headers: { cookie: user.cookie, origin: server.url, 'x-requested-with': 'mfa-elements', 'content-type': 'application/json' },
      body: JSON.stringify({ otp: '000000' }),
    });
    assert.equal((await ok.json()).error, 'invalid_grant');
    // …and another one does not.
    const foreign = await fetch(`${server.url}${BASE}/verify`, {
      method: 'POST',
      headers: { cookie: user.cookie, origin: 'http://evil.test', 'x-requested-with': 'mfa-elements', 'content-type': 'application/json' },
      body: JSON.stringify({ otp: '000000' }),
    });
    assert.equal(foreign.status, 403);
  });
});

describe('createMfaProxy: security', () => {
  it('refuses state changes without the CSRF header, before any upstream call', async (t) => {
    const h = await harness(t);
    const proxy = h.proxy();
    const user = await h.user();
    for (const [method, path, json] of [
      ['POST', `${BASE}/associate`, { authenticator_types: ['otp'] }],
      ['POST', `${BASE}/verify`, { otp: '123456' }],
      ['POST', `${BASE}/challenge`, { authenticator_id: 'sms|dev_x' }],
      ['POST', BASE, { factor: 'otp' }],
      ['DELETE', `${BASE}/authenticators/${encodeURIComponent('totp|dev_x')}`, undefined],
      ['DELETE', `${BASE}/${encodeURIComponent('totp|dev_x')}`, undefined],
    ] as const) {
      const res = await send(proxy, method, path, { user, json, csrf: false });
      assert.equal(res.status, 403, `${method} ${path}`);
      assert.equal((await readJson(res)).error, 'csrf_rejected');
    }
    const wrongValue = await send(proxy, 'POST', `${BASE}/verify`, { user, json: { otp: '123456' }, headers: { 'x-requested-with': 'XMLHttpRequest' }, csrf: false });
    assert.equal(wrongValue.status, 403);
    assert.equal(h.upstream.length, 0);
  });

  it('refuses a foreign or missing Origin on state changes, and a foreign one on reads', async (t) => {
    const h = await harness(t);
    const proxy = h.proxy();
    const user = await h.user();
    const foreign = await send(proxy, 'POST', `${BASE}/associate`, { user, json: { authenticator_types: ['otp'] }, origin: 'https://evil.example' });
    assert.equal(foreign.status, 403);
    assert.equal((await readJson(foreign)).error, 'csrf_rejected');
    const missing = await send(proxy, 'DELETE', `${BASE}/authenticators/${encodeURIComponent('totp|dev_x')}`, { user, origin: null });
    assert.equal(missing.status, 403);
    const nullOrigin = await send(proxy, 'POST', `${BASE}/verify`, { user, json: { otp: '123456' }, origin: 'null' });
    assert.equal(nullOrigin.status, 403);
    const read = await send(proxy, 'GET', `${BASE}/authenticators`, { user, origin: 'https://evil.example' });
    assert.equal(read.status, 403);
    assert.equal(h.upstream.length, 0);
    // A cross-site GET without Origin (<script src=…>) is told apart by Fetch Metadata.
    for (const site of ['cross-site', 'same-site']) {
      const embedded = await send(proxy, 'GET', `${BASE}/authenticators`, { user, headers: { 'sec-fetch-site': site } });
      assert.equal(embedded.status, 403, site);
    }
    assert.equal(h.upstream.length, 0);
    // A configured origin passes (compared as an origin: a trailing slash does not matter).
    for (const site of ['same-origin', 'none']) {
      const own = await send(proxy, 'GET', `${BASE}/authenticators`, { user, headers: { 'sec-fetch-site': site } });
      assert.equal(own.status, 200, site);
    }
    const other = h.proxy({ allowedOrigins: ['https://app.example.com/'] });
    const allowed = await send(other, 'GET', `${BASE}/authenticators`, { user, origin: 'https://app.example.com' });
    assert.equal(allowed.status, 200);
  });

  it('answers 401 invalid_token for MFA routes when the session holds no token; Management routes still work', async (t) => {
    const h = await harness(t);
    const proxy = h.proxy({
      getSession: (request) => {
        const s = h.sessions.get(request);
        return s ? { userId: s.userId } : null;
      },
    });
    const user = await h.user({ seed: [{ factor: 'otp' }] });
    const list = await send(proxy, 'GET', `${BASE}/authenticators`, { user });
    assert.equal(list.status, 401);
    assert.equal((await readJson(list)).error, 'invalid_token');
    const verify = await send(proxy, 'POST', `${BASE}/verify`, { user, json: { otp: '123456' } });
    assert.equal(verify.status, 401);
    assert.equal(h.upstream.some((c) => c.path.startsWith('/mfa/') || c.path === '/oauth/token'), false);
    const factors = await send(proxy, 'GET', BASE, { user });
    assert.equal(factors.status, 200);
    assert.match((await readJson(factors)).find((f: any) => f.name === 'otp').enrollmentId, /^totp\|/);
  });

  it('answers 401 without a session, before CSRF-free reads reach upstream', async (t) => {
    const h = await harness(t);
    const proxy = h.proxy();
    const res = await send(proxy, 'GET', `${BASE}/authenticators`);
    assert.equal(res.status, 401);
    assert.equal((await readJson(res)).error, 'login_required');
    const post = await send(proxy, 'POST', `${BASE}/verify`, { json: { otp: '123456' } });
    assert.equal(post.status, 401);
    assert.equal(h.upstream.length, 0);
  });

  it('validates every input before any upstream call', async (t) => {
    const h = await harness(t);
    const proxy = h.proxy();
    const user = await h.user();
    const cases: Array<[string, string, unknown, number?]> = [
      ['POST', `${BASE}/associate`, { authenticator_types: ['webauthn'] }],
      ['POST', `${BASE}/associate`, { authenticator_types: ['otp', 'oob'] }],
      ['POST', `${BASE}/associate`, { authenticator_types: ['oob'], oob_channels: ['carrier-pigeon'] }],
      ['POST', `${BASE}/associate`, { authenticator_types: ['oob'], oob_channels: ['sms'] }],
      ['POST', `${BASE}/associate`, { authenticator_types: ['oob'], oob_channels: ['sms'], phone_number: '555-0100' }],
      ['POST', `${BASE}/associate`, { authenticator_types: ['oob'], oob_channels: ['voice'], phone_number: '+0123456789' }],
      ['POST', `${BASE}/associate`, { authenticator_types: ['oob'], oob_channels: ['email'], email: 'not an email' }],
      // 255 characters, otherwise well formed: over the SMTP path limit.
      ['POST', `${BASE}/associate`, { authenticator_types: ['oob'], oob_channels: ['email'], email: `${'a'.repeat(64)}@${'b'.repeat(63)}.${'b'.repeat(63)}.${'c'.repeat(62)}` }],
      ['POST', `${BASE}/challenge`, { authenticator_id: '../../api/v2/users' }],
      ['POST', `${BASE}/challenge`, { authenticator_id: 'sms|dev_x', challenge_type: 'magic' }],
      ['POST', `${BASE}/challenge`, {}],
      ['POST', `${BASE}/verify`, {}],
      ['POST', `${BASE}/verify`, { otp: '123456', recovery_code: 'ABCDEFGHIJKLMNOPQRSTUVWX' }],
      ['POST', `${BASE}/verify`, { otp: '12ab56' }],
      ['POST', `${BASE}/verify`, { oob_code: 'has spaces in it' }],
      ['POST', `${BASE}/verify`, { oob_code: 'abc', binding_code: '<script>' }],
      ['POST', `${BASE}/verify`, { recovery_code: 'short' }],
      ['POST', BASE, { factor: 'recovery-code' }],
      ['POST', BASE, { factor: 'passkey' }],
      ['POST', BASE, { factor: ['otp'] }],
      ['DELETE', `${BASE}/authenticators/not-an-id`, undefined],
      ['DELETE', `${BASE}/authenticators/${encodeURIComponent('totp|dev_x?y=1')}`, undefined],
      ['DELETE', `${BASE}/authenticators/${encodeURIComponent('recovery-code|dev_x')}`, undefined],
      ['DELETE', `${BASE}/authenticators/%E0%A4%A`, undefined],
    ];
    for (const [method, path, json] of cases) {
      const res = await send(proxy, method, path, { user, json });
      assert.equal(res.status, 400, `${method} ${path} ${JSON.stringify(json)}`);
      const body = await readJson(res);
      assert.equal(body.error, 'invalid_request');
      assert.equal(typeof body.error_description, 'string');
    }
    const notJson = await send(proxy, 'POST', `${BASE}/verify`, { user, body: 'otp=123456', headers: { 'content-type': 'application/x-www-form-urlencoded' } });
    assert.equal(notJson.status, 415);
    const broken = await send(proxy, 'POST', `${BASE}/verify`, { user, body: '{"otp":', headers: { 'content-type': 'application/json' } });
    assert.equal(broken.status, 400);
    const array = await send(proxy, 'POST', `${BASE}/verify`, { user, json: ['otp'] });
    assert.equal(array.status, 400);
    const huge = await send(proxy, 'POST', `${BASE}/verify`, { user, json: { otp: '123456', pad: 'x'.repeat(20_000) } });
    assert.equal(huge.status, 413);
    assert.equal(h.upstream.length, 0);
  });

  it('never lets a user list, challenge or remove another user’s authenticators', async (t) => {
    const h = await harness(t);
    const withManagement = h.proxy();
    const mfaOnly = h.proxy({ management: undefined });
    const victim = await h.user({ seed: [{ factor: 'otp' }, { factor: 'sms', phoneNumber: '+15555550127' }] });
    const attacker = await h.user({ tokens: 'both', seed: [{ factor: 'otp' }] });
    const victimSms = victim.seeded[1]!.authenticators.find((a) => a.oob_channel === 'sms')!;
    const victimOtp = victim.seeded[0]!.authenticators.find((a) => a.authenticator_type === 'otp')!;
    const path = (id: string) => `${BASE}/authenticators/${encodeURIComponent(id)}`;

    for (const proxy of [withManagement, mfaOnly]) {
      const res = await send(proxy, 'DELETE', path(victimSms.id), { user: attacker });
      assert.equal(res.status, 404);
      assert.equal((await readJson(res)).error, 'invalid_authenticator');
    }
    const phoneMethod = `phone|${victimSms.id.split('|')[1]}`;
    const lab = await send(withManagement, 'DELETE', `${BASE}/${encodeURIComponent(phoneMethod)}`, { user: attacker });
    assert.equal(lab.status, 404);
    const challenge = await send(withManagement, 'POST', `${BASE}/challenge`, { user: attacker, json: { authenticator_id: victimSms.id } });
    assert.equal(challenge.status, 404);
    // No DELETE and no challenge ever went upstream for the victim's ids, and all of them are still there.
    assert.equal(h.upstream.some((c) => c.method === 'DELETE'), false);
    assert.equal(h.upstream.some((c) => c.path === '/mfa/challenge'), false);
    const left = (await h.admin.authenticators(victim.id)).map((a) => a.id);
    for (const id of [victimSms.id, victimOtp.id]) assert.ok(left.includes(id));
    // The attacker's own list is their own.
    const own = await readJson(await send(withManagement, 'GET', `${BASE}/authenticators`, { user: attacker }));
    assert.equal(own.some((a: any) => left.includes(a.id)), false);
    // Management API calls only ever name the session's user.
    const userPaths = h.upstream.filter((c) => c.path.startsWith('/api/v2/users/')).map((c) => c.path);
    assert.ok(userPaths.length > 0);
    for (const p of userPaths) assert.ok(p.startsWith(`/api/v2/users/${encodeURIComponent(attacker.id)}/`), p);
  });

  it('rate-limits per user with Retry-After, without touching other users', async (t) => {
    const h = await harness(t);
    let now = Date.UTC(2026, 0, 1);
    const proxy = h.proxy({ rateLimit: { limit: 3, windowMs: 60_000 }, now: () => now });
    const busy = await h.user({ seed: [{ factor: 'otp' }] });
    const calm = await h.user({ seed: [{ factor: 'otp' }] });
    for (let i = 0; i < 3; i++) assert.equal((await send(proxy, 'GET', `${BASE}/authenticators`, { user: busy })).status, 200);
    const before = h.upstream.length;
    const limited = await send(proxy, 'GET', `${BASE}/authenticators`, { user: busy });
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '20');
    assert.equal((await readJson(limited)).error, 'too_many_requests');
    // Invalid requests count too (no free probing), and nothing went upstream while limited.
    assert.equal((await send(proxy, 'POST', `${BASE}/verify`, { user: busy, json: {} })).status, 429);
    assert.equal(h.upstream.length, before);
    assert.equal((await send(proxy, 'GET', `${BASE}/authenticators`, { user: calm })).status, 200);
    now += 20_000;
    assert.equal((await send(proxy, 'GET', `${BASE}/authenticators`, { user: busy })).status, 200);
  });

  it('passes Auth0 errors through with their code, status and rate-limit headers', async (t) => {
    const h = await harness(t);
    const proxy = h.proxy();
    const user = await h.user({ seed: [{ factor: 'otp' }] });
    const wrong = await send(proxy, 'POST', `${BASE}/verify`, { user, json: { otp: '000000' } });
    assert.equal(wrong.status, 403);
    const body = await readJson(wrong);
    assert.equal(body.error, 'invalid_grant');
    assert.equal(typeof body.error_description, 'string');
    assert.match(wrong.headers.get('x-ratelimit-remaining') ?? '', /^\d+$/);

    await h.admin.fault({
      path: '/oauth/token',
      user_id: user.id,
      status: 429,
      body: { error: 'too_many_attempts', error_description: 'Too many failed attempts.' },
      headers: { 'retry-after': '321' },
    });
    const limited = await send(proxy, 'POST', `${BASE}/verify`, { user, json: { otp: '000000' } });
    assert.equal(limited.status, 429);
    assert.equal(limited.headers.get('retry-after'), '321');
    assert.deepEqual(await readJson(limited), { error: 'too_many_attempts', error_description: 'Too many failed attempts.' });

    // Auth0's own code stays, even where the library would rename it.
    const enrolled = await send(proxy, 'POST', `${BASE}/associate`, { user, json: { authenticator_types: ['otp'] } });
    assert.equal(enrolled.status, 403);
    assert.deepEqual(await readJson(enrolled), { error: 'access_denied', error_description: 'User is already enrolled' });
  });

  it('passes on limits it did not cause: a Management API 429 stays a 429 with its wait; a 503 keeps Retry-After', async (t) => {
    const h = await harness(t);
    const proxy = h.proxy();
    const user = await h.user({ seed: [{ factor: 'otp' }] });
    // The factor list (GET BASE) reads the user's methods from the Management API.
    const methods = `/api/v2/users/${encodeURIComponent(user.id)}/authentication-methods`;
    await h.admin.fault({ path: methods, status: 429, body: { statusCode: 429, error: 'Too Many Requests', message: 'Global limit reached.' }, headers: { 'retry-after': '42' } });
    const limited = await send(proxy, 'GET', BASE, { user });
    assert.equal(limited.status, 429, 'the user may retry later; it is not a broken proxy (502)');
    assert.equal(limited.headers.get('retry-after'), '42');
    assert.equal((await readJson(limited)).error, 'too_many_requests');

    await h.admin.fault({ path: methods, status: 503, body: { statusCode: 503, error: 'Service Unavailable' }, headers: { 'retry-after': '11' } });
    const unavailable = await send(proxy, 'GET', BASE, { user });
    assert.equal(unavailable.status, 503);
    assert.equal(unavailable.headers.get('retry-after'), '11');

    await h.admin.fault({ path: '/oauth/token', user_id: user.id, status: 503, body: 'html', headers: { 'retry-after': '9' } });
    const down = await send(proxy, 'POST', `${BASE}/verify`, { user, json: { otp: '000000' } });
    assert.equal(down.status, 503);
    assert.equal(down.headers.get('retry-after'), '9');

    await h.admin.fault({ path: methods, status: 500 });
    const broken = await send(proxy, 'GET', BASE, { user });
    assert.deepEqual([broken.status, broken.headers.get('retry-after')], [502, null], 'a failure without a wait is the proxy failing');
  });

  it('keeps tokens out of bodies: chained mfa_required goes to onTokens, not to the browser', async (t) => {
    const h = await harness(t);
    const proxy = h.proxy();
    const user = await h.user({ seed: [{ factor: 'otp' }] });
    await h.admin.fault({
      path: '/oauth/token',
      user_id: user.id,
      status: 403,
      body: { error: 'mfa_required', error_description: 'Another factor is needed', mfa_token: 'NEW-MFA-TOKEN', mfa_requirements: { challenge: [{ type: 'phone' }] } },
    });
    const res = await send(proxy, 'POST', `${BASE}/verify`, { user, json: { otp: '123456' } });
    assert.equal(res.status, 403);
    const text = await res.text();
    assert.equal(text.includes('NEW-MFA-TOKEN'), false);
    assert.deepEqual(JSON.parse(text), {
      error: 'mfa_required',
      error_description: 'Another factor is needed',
      mfa_requirements: { challenge: [{ type: 'phone' }] },
    });
    assert.deepEqual(h.tokens, [{ mfaToken: 'NEW-MFA-TOKEN' }]);
    // The session now carries the chained token.
    assert.equal(h.sessions.get(new Request(APP_ORIGIN, { headers: { cookie: user.cookie } }))!.mfaToken, 'NEW-MFA-TOKEN');
  });

  it('puts tokens in the verify answer only with exposeTokens', async (t) => {
    const h = await harness(t);
    const user = await h.user({ seed: [{ factor: 'otp', secret: 'JBSWY3DPEHPK3PXP' }] });
    const hidden = await send(h.proxy(), 'POST', `${BASE}/verify`, { user, json: { otp: await totp('JBSWY3DPEHPK3PXP') } });
    assert.deepEqual(Object.keys(await readJson(hidden)), ['success']);
    const exposed = await send(h.proxy({ exposeTokens: true }), 'POST', `${BASE}/verify`, {
      user,
      json: { otp: await totp('JBSWY3DPEHPK3PXP', { time: Date.now() + 30_000 }) },
    });
    const body = await readJson(exposed);
    assert.equal(exposed.status, 200, JSON.stringify(body));
    assert.equal(body.success, true);
    assert.equal(typeof body.access_token, 'string');
    assert.equal(body.token_type, 'Bearer');
  });

  it('answers upstream 5xx, unreadable bodies, outages and timeouts with a generic error and reports them', async (t) => {
    const h = await harness(t);
    const proxy = h.proxy({ timeoutMs: 300 });
    const user = await h.user({ seed: [{ factor: 'otp' }] });
    await h.admin.fault({
      path: '/mfa/authenticators',
      status: 500,
      body: { error: 'server_error', error_description: 'TypeError: x is undefined\n    at /srv/auth0/secret-internal.js:42', stack: 'SECRET' },
    });
    const five = await send(proxy, 'GET', `${BASE}/authenticators`, { user });
    assert.equal(five.status, 502);
    const text = await five.text();
    assert.deepEqual(JSON.parse(text), { error: 'server_error', error_description: 'The authorization server failed.' });
    assert.equal(/secret|stack|at \//i.test(text), false);

    await h.admin.fault({ path: '/mfa/authenticators', status: 200, body: 'malformed' });
    assert.equal((await send(proxy, 'GET', `${BASE}/authenticators`, { user })).status, 502);
    await h.admin.fault({ path: '/mfa/authenticators', status: 400, body: 'html' });
    assert.equal((await send(proxy, 'GET', `${BASE}/authenticators`, { user })).status, 502);
    await h.admin.fault({ path: '/mfa/authenticators', latencyMs: 1_000 });
    const slow = await send(proxy, 'GET', `${BASE}/authenticators`, { user });
    assert.equal(slow.status, 504);
    assert.equal((await readJson(slow)).error, 'server_error');

    const down = h.proxy({ domain: 'http://127.0.0.1:9' });
    const unreachable = await send(down, 'GET', `${BASE}/authenticators`, { user });
    assert.equal(unreachable.status, 502);
    assert.equal(h.errors.length, 5);

    const throwing = h.proxy({
      getSession: () => {
        throw new Error('session store exploded at /srv/app/session.js:1');
      },
    });
    const internal = await send(throwing, 'GET', `${BASE}/authenticators`, { user });
    assert.equal(internal.status, 500);
    assert.equal((await internal.text()).includes('exploded'), false);
    assert.equal(h.errors.length, 6);
  });

  it('turns Management API credential failures into a 502 and keeps its token cached', async (t) => {
    const h = await harness(t);
    const user = await h.user({ seed: [{ factor: 'otp' }] });
    const proxy = h.proxy();
    for (let i = 0; i < 3; i++) assert.equal((await send(proxy, 'GET', BASE, { user })).status, 200);
    const grants = h.upstream.filter((c) => c.path === '/oauth/token' && c.body?.includes('client_credentials'));
    assert.equal(grants.length, 1);
    const bad = h.proxy({ management: { clientId: 'demo-m2m', clientSecret: 'wrong' } });
    const res = await send(bad, 'GET', BASE, { user });
    assert.equal(res.status, 502);
    assert.equal((await res.text()).includes('invalid_client'), false);
  });
});
