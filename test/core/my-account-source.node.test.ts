import assert from 'node:assert/strict';
import { test } from 'node:test';
import { MyAccountSource, type MyAccountSourceOptions } from '../../src/core/my-account-source.js';
import { idFromLocation, parseMethod, problemError } from '../../src/core/my-account-wire.js';
import { totpCode } from '../../src/emulator/totp.js';
import { emulatorFor, type Harness } from '../emulator/helpers.js';
import { attest } from '../emulator/soft-authenticator.js';
import { rejects } from '../helpers/rejects.js';

const TOTP = { algorithm: 'SHA1' as const, digits: 6, period: 30 };
const ORIGIN = 'http://127.0.0.1:8000';

interface Seen {
  method: string;
  url: string;
  headers: Record<string, string>;
  body?: string;
}

/** Real fetch to the emulator, recording every request; `edit` may rewrite a response's headers. */
function recording(edit?: (headers: Headers) => void) {
  const seen: Seen[] = [];
  const f = async (url: string, init?: RequestInit): Promise<Response> => {
    const headers = new Headers(init?.headers);
    seen.push({ method: init?.method ?? 'GET', url, headers: Object.fromEntries(headers.entries()), body: init?.body as string | undefined });
    // What a browser on the page's origin sends (the emulator binds passkeys to it).
    headers.set('origin', ORIGIN);
    const response = await fetch(url, { ...init, headers });
    if (!edit) return response;
    const copy = new Headers(response.headers);
    edit(copy);
    return new Response(response.status === 204 ? null : await response.text(), { status: response.status, headers: copy });
  };
  return { fetch: f, seen };
}

async function meToken(h: Harness, userId: string, scope?: string[]): Promise<string> {
  const { body } = await h.postJson(`/__emulator/users/${encodeURIComponent(userId)}/my-account-token`, scope ? { scope } : {});
  return body.access_token;
}

async function setup(h: Harness, options: Partial<MyAccountSourceOptions> = {}, edit?: (headers: Headers) => void) {
  const user = await h.user();
  const rec = recording(edit);
  const token = await meToken(h, user.id);
  const source = new MyAccountSource({ domain: h.url, accessToken: token, fetch: rec.fetch, ...options });
  return { user, token, source, ...rec };
}

test('totp: one POST and one verify, the confirmed method from the verify response, no re-list; a wrong code is invalid_grant and retryable', async (t) => {
  const h = await emulatorFor(t);
  const { source, seen, user } = await setup(h);
  assert.deepEqual(await source.listAuthenticators(), []);
  assert.equal(source.capabilities.relist, false);
  const enrollment = await source.enroll({ factor: 'otp' });
  assert.equal(enrollment.type, 'otp');
  if (enrollment.type !== 'otp') return;
  assert.match(enrollment.barcodeUri, /^otpauth:\/\/totp\//);
  const right = totpCode(enrollment.secret, TOTP, h.now());
  const wrong = right === '000000' ? '111111' : '000000';
  const refused = await rejects(source.verify({ type: 'otp', otp: wrong }), 'invalid_grant');
  assert.equal(typeof refused.description, 'string');
  const result = await source.verify({ type: 'otp', otp: right });
  assert.equal(result.authenticator?.factor, 'otp');
  assert.equal(result.authenticator?.active, true);
  assert.match(result.authenticator!.id, /^totp\|dev_/);
  assert.deepEqual(
    seen.map((s) => `${s.method} ${new URL(s.url).pathname}`),
    [
      'GET /me/v1/authentication-methods',
      'POST /me/v1/authentication-methods',
      `POST /me/v1/authentication-methods/${encodeURIComponent(result.authenticator!.id)}/verify`,
      `POST /me/v1/authentication-methods/${encodeURIComponent(result.authenticator!.id)}/verify`,
    ],
  );
  assert.deepEqual(JSON.parse(seen[1]!.body!), { type: 'totp' });
  assert.equal(seen[0]!.headers.authorization?.startsWith('Bearer '), true);
  // The emulator agrees it is confirmed.
  const { access_token } = await h.tokens(user.id);
  assert.deepEqual((await h.getJson('/mfa/authenticators', access_token)).body.map((a: any) => a.active), [true]);
  // Nothing pending any more: a second verify makes no request.
  await rejects(source.verify({ type: 'otp', otp: right }), 'unsupported');
  assert.equal(seen.length, 4);
});

test('phone: sms preferred, code from the outbox; rename and switch to voice from the PATCH answers; factors; remove', async (t) => {
  const h = await emulatorFor(t);
  const { source, seen, user } = await setup(h);
  const factors = await source.listFactors();
  assert.deepEqual(factors.map((f) => f.factor).sort(), ['email', 'otp', 'push', 'recovery-code', 'sms', 'voice']);
  const enrollment = await source.enroll({ factor: 'voice', phoneNumber: '+1 555 555 0100' });
  assert.deepEqual(JSON.parse(seen.at(-1)!.body!), { type: 'phone', phone_number: '+15555550100', preferred_authentication_method: 'voice' });
  assert.equal(enrollment.type, 'oob');
  if (enrollment.type !== 'oob') return;
  assert.equal(enrollment.bindingMethod, 'prompt');
  const { authenticator } = await source.verify({ type: 'oob', oobCode: enrollment.oobCode, bindingCode: await h.lastCode(user.id) });
  assert.equal(authenticator?.factor, 'voice');
  assert.equal(authenticator?.preferredChannel, 'voice');
  assert.equal(authenticator?.name, '+15555550100');
  const renamed = await source.rename(authenticator!.id, '  Work phone ');
  assert.equal(renamed.name, '+15555550100'); // a phone shows its number; the name is kept too
  assert.deepEqual(JSON.parse(seen.at(-1)!.body!), { name: 'Work phone' });
  assert.equal(seen.at(-1)!.method, 'PATCH');
  const switched = await source.setPreferredChannel(authenticator!.id, 'sms');
  assert.equal(switched.factor, 'sms');
  assert.equal(switched.oobChannel, 'sms');
  await source.remove(authenticator!.id);
  assert.equal(seen.at(-1)!.method, 'DELETE');
  await rejects(source.remove(authenticator!.id), 'not_found');
  assert.deepEqual(await source.listAuthenticators(), []);
});

test('passkey: creation options, id from the Location path though it names another host, verified by the emulator, named in one PATCH', async (t) => {
  const h = await emulatorFor(t);
  // What a proxy in front of Auth0 hands back: Auth0's host in Location.
  const { source, seen } = await setup(h, {}, (headers) => {
    const location = headers.get('location');
    if (location) headers.set('location', location.replace(/^https?:\/\/[^/]+/, 'https://evil.example'));
  });
  const enrollment = await source.enroll({ factor: 'passkey' });
  assert.equal(enrollment.type, 'passkey');
  if (enrollment.type !== 'passkey') return;
  assert.equal(enrollment.publicKey.rp.id, '127.0.0.1');
  const credential = attest({ challenge: enrollment.publicKey.challenge, rpId: '127.0.0.1', origin: ORIGIN });
  const { authenticator } = await source.verify({ type: 'passkey', credential: credential as never, name: 'Laptop' });
  assert.equal(authenticator?.factor, 'passkey');
  assert.equal(authenticator?.name, 'Laptop');
  assert.equal(authenticator?.passkey?.deviceType, 'single_device');
  assert.deepEqual(authenticator?.usage, ['primary']);
  for (const s of seen) assert.equal(new URL(s.url).origin, h.url, `${s.method} ${s.url} left the configured base`);
  assert.equal(new URL(seen[1]!.url).pathname, '/me/v1/authentication-methods/passkey%7Cnew/verify');
  assert.deepEqual(seen.map((s) => s.method), ['POST', 'POST', 'PATCH']);
  const [listed] = await source.listAuthenticators();
  assert.equal(listed?.id, authenticator?.id);
  assert.equal(listed?.passkey?.backedUp, false);
});

test('push: verified once when the user says so (not yet approved: an error, no poll); recovery code shown then confirmed', async (t) => {
  const h = await emulatorFor(t);
  const { source, seen, user } = await setup(h);
  const push = await source.enroll({ factor: 'push' });
  assert.equal(push.type === 'oob' && push.factor, 'push');
  if (push.type !== 'oob') return;
  assert.match(push.barcodeUri!, /^otpauth:\/\//);
  assert.equal(push.interval, undefined);
  const before = seen.length;
  const early = await rejects(source.verify({ type: 'oob', oobCode: push.oobCode }), 'invalid_request');
  assert.match(early.description!, /not been approved/);
  assert.equal(seen.length, before + 1);
  const [pending] = (await h.getJson(`/__emulator/push?user_id=${encodeURIComponent(user.id)}`)).body;
  await h.post(`/__emulator/push/${pending.oob_code}/approve`);
  const { authenticator } = await source.verify({ type: 'oob', oobCode: push.oobCode });
  assert.equal(authenticator?.factor, 'push');
  assert.deepEqual(JSON.parse(seen.at(-1)!.body!), { auth_session: JSON.parse(seen.at(-2)!.body!).auth_session });

  const recovery = await source.enroll({ factor: 'recovery-code' });
  assert.equal(recovery.type, 'recovery-code');
  if (recovery.type !== 'recovery-code') return;
  assert.ok(recovery.recoveryCode.length >= 8);
  const confirmed = await source.verify({ type: 'recovery-code', recoveryCode: recovery.recoveryCode });
  assert.equal(confirmed.authenticator?.factor, 'recovery-code');
  assert.equal(confirmed.authenticator?.renamable, false);
});

test('401: getToken asked again with forceRefresh and the call retried once; a second 401 is expired/invalid_token', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  const good = await meToken(h, user.id);
  const asks: boolean[] = [];
  const rec = recording();
  const source = new MyAccountSource({
    domain: h.url,
    fetch: rec.fetch,
    getToken: async ({ forceRefresh }) => (asks.push(forceRefresh), { accessToken: forceRefresh ? good : 'stale' }),
  });
  assert.deepEqual(await source.listAuthenticators(), []);
  assert.deepEqual(asks, [false, true]);
  assert.deepEqual(rec.seen.map((s) => s.headers.authorization), ['Bearer stale', `Bearer ${good}`]);

  const never = new MyAccountSource({ domain: h.url, fetch: rec.fetch, getToken: async () => ({ accessToken: 'stale' }) });
  const error = await rejects(never.listAuthenticators(), 'invalid_token');
  assert.equal(error.status, 401);
  assert.equal(rec.seen.length, 4);
});

test('problem details: 403 scope is insufficient_scope, 429 is too_many_requests with Retry-After, validation before any request', async (t) => {
  const h = await emulatorFor(t);
  const user = await h.user();
  const rec = recording();
  const readOnly = new MyAccountSource({ domain: h.url, fetch: rec.fetch, accessToken: await meToken(h, user.id, ['read:me:authentication_methods']) });
  const scope = await rejects(readOnly.enroll({ factor: 'otp' }), 'insufficient_scope');
  assert.match(scope.description!, /scope/i);
  await h.postJson('/__emulator/my-account/limits', { reads: 1, writes: 1 });
  await readOnly.listAuthenticators();
  const limited = await rejects(readOnly.listAuthenticators(), 'too_many_requests');
  assert.equal(limited.status, 429);
  assert.ok(limited.retryAfter !== undefined && limited.retryAfter > 0, `retryAfter ${limited.retryAfter}`);
  const sent = rec.seen.length;
  await rejects(readOnly.rename('totp|dev_1', '   '), 'invalid_input');
  await rejects(readOnly.remove('../../admin'), 'invalid_input');
  await rejects(readOnly.setPreferredChannel('phone|dev_1', 'fax' as never), 'invalid_input');
  await rejects(readOnly.enroll({ factor: 'sms', phoneNumber: 'call me' }), 'invalid_input');
  await rejects(readOnly.enroll({ factor: 'email' }), 'invalid_input');
  await rejects(readOnly.enroll({ factor: 'webauthn-roaming' } as never), 'unsupported');
  await rejects(readOnly.enroll({ factor: 'otp', mode: 'ticket' }), 'unsupported');
  await rejects(readOnly.challenge(), 'unsupported');
  assert.equal(rec.seen.length, sent);
});

test('wire: status codes, Location ids, method shapes', () => {
  const code = (status: number, body: unknown = {}, headers: Record<string, string> = {}, verifying = false) =>
    problemError(status, new Headers(headers), body, verifying).code;
  assert.equal(code(400), 'invalid_request');
  assert.equal(code(401, { detail: 'The token has expired.' }), 'expired_token');
  assert.equal(code(401), 'invalid_token');
  assert.equal(code(403), 'insufficient_scope');
  assert.equal(code(403, { detail: 'Invalid otp_code.' }, {}, true), 'invalid_grant');
  assert.equal(code(403, { detail: 'Insufficient scope' }, {}, true), 'insufficient_scope');
  assert.equal(code(404), 'not_found');
  assert.equal(code(409), 'conflict');
  assert.equal(code(415), 'invalid_request');
  assert.equal(code(500), 'server_unavailable');
  const limited = problemError(429, new Headers({ 'retry-after': '17' }), { detail: 'Slow down' });
  assert.deepEqual([limited.code, limited.retryAfter, limited.description], ['too_many_requests', 17, 'Slow down']);
  assert.equal(idFromLocation('https://other.example/me/v1/authentication-methods/totp%7Cdev_x'), 'totp|dev_x');
  assert.equal(idFromLocation('/me/v1/authentication-methods/passkey%7Cnew?x=1'), 'passkey|new');
  assert.equal(idFromLocation('https://other.example/me/v1/authentication-methods/%2e%2e'), undefined);
  assert.equal(idFromLocation(null), undefined);
  assert.equal(parseMethod({ id: 'password|x', type: 'password' }), undefined);
  assert.throws(() => parseMethod({ id: 'totp|x', type: 'totp', confirmed: 'yes' }), TypeError);
  assert.throws(() => parseMethod({ id: '../x', type: 'totp' }), TypeError);
  assert.equal(parseMethod({ id: 'webauthn-roaming|k', type: 'webauthn-roaming', confirmed: true, name: 'Key' })?.factor, 'webauthn-roaming');
});

test('SharedSource over My Account (relist: false): enroll, rename and remove update the cached list without another GET', async (t) => {
  const { SharedSource } = await import('../../src/core/shared-source.js');
  const h = await emulatorFor(t);
  const { source, seen } = await setup(h);
  const shared = new SharedSource(source);
  let told = 0;
  shared.subscribe(() => told++);
  assert.deepEqual(await shared.listAuthenticators(), []);
  const enrollment = await shared.enroll({ factor: 'otp' });
  if (enrollment.type !== 'otp') assert.fail(enrollment.type);
  const { authenticator } = await shared.verify({ type: 'otp', otp: totpCode(enrollment.secret, TOTP, h.now()) });
  assert.deepEqual((await shared.listAuthenticators()).map((a) => [a.id, a.active]), [[authenticator!.id, true]]);
  await shared.rename!(authenticator!.id, 'Phone app');
  assert.deepEqual((await shared.listAuthenticators()).map((a) => a.name), ['Phone app']);
  await shared.remove(authenticator!.id);
  assert.deepEqual(await shared.listAuthenticators(), []);
  assert.equal(told, 3);
  assert.equal(seen.filter((s) => s.method === 'GET').length, 1);
});
