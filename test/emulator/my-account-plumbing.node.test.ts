/**
 * My Account's plumbing (src/emulator/my-account.ts) on a world with a hand-moved clock: problem
 * details, the per-user limits, the sweep of expired enrollment sessions, and the My Account ids.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createClock } from '../../src/emulator/clock.js';
import { resolveConfig } from '../../src/emulator/config.js';
import { OAuthError } from '../../src/emulator/http.js';
import { AUTH_SESSION_TTL_MS, ME_SCOPES, ProblemError, asProblem, meId, meLimit, meType, problem, sweepSessions } from '../../src/emulator/my-account.js';
import type { AuthenticatorRecord } from '../../src/emulator/state.js';
import { createWorld } from '../../src/emulator/world.js';
import { TEST_SIGNING_KEY } from '../helpers/signing-key.js';

const worldAt = (start = Date.UTC(2026, 0, 1)) => createWorld(resolveConfig({ signingKey: TEST_SIGNING_KEY, users: [], factors: ['otp', 'sms', 'voice', 'email', 'push', 'recovery-code', 'webauthn-roaming', 'duo'] }), createClock(() => start));

test('problem details: type, status, title and detail; 403 is code 0002, the rest 0001; a status without a phrase says Error', async () => {
  const forbidden = problem(403, 'No.', { 'x-a': 'b' }).toResponse();
  assert.equal(forbidden.status, 403);
  assert.equal(forbidden.headers.get('content-type'), 'application/problem+json');
  assert.equal(forbidden.headers.get('x-a'), 'b');
  assert.deepEqual(await forbidden.json(), { type: 'https://auth0.com/api-errors/A0E-403-0002', status: 403, title: 'Forbidden', detail: 'No.' });
  assert.deepEqual(await problem(404, 'Gone.').toResponse().json(), { type: 'https://auth0.com/api-errors/A0E-404-0001', status: 404, title: 'Not Found', detail: 'Gone.' });
  assert.equal((await new ProblemError(418, '0009', 'x').toResponse().json()).title, 'Error');
  assert.equal(new ProblemError(400, '0001', 'x').name, 'ProblemError');
});

test('a shared helper’s OAuth error becomes a problem with its status and headers; anything else passes through', async () => {
  const limited = asProblem(new OAuthError(429, 'too_many_requests', 'Slow down.', { 'retry-after': '9' }));
  assert.ok(limited instanceof ProblemError);
  assert.equal(limited.status, 429);
  const answer = limited.toResponse();
  assert.equal(answer.headers.get('retry-after'), '9');
  assert.deepEqual(await answer.json(), { type: 'https://auth0.com/api-errors/A0E-429-0001', status: 429, title: 'Too Many Requests', detail: 'Slow down.' });
  const already = problem(400, 'x');
  assert.equal(asProblem(already), already);
  const plain = new Error('boom');
  assert.equal(asProblem(plain), plain);
});

test('per-user My Account limits: none by default; reads and writes counted apart, per user, refilled by the minute', () => {
  const world = worldAt();
  const a = world.users.create({ email: 'a@x.test' });
  const b = world.users.create({ email: 'b@x.test' });
  assert.deepEqual(meLimit(world, a, 'reads'), {});
  world.meLimits = { reads: 2 };
  const first = meLimit(world, a, 'reads');
  assert.equal(first['x-ratelimit-limit'], '2');
  assert.equal(first['x-ratelimit-remaining'], '1');
  assert.deepEqual(meLimit(world, a, 'writes'), {}, 'writes are still unlimited');
  meLimit(world, a, 'reads');
  assert.throws(
    () => meLimit(world, a, 'reads'),
    (e: unknown) => e instanceof ProblemError && e.status === 429 && new Headers(e.headers).get('retry-after') === '30',
  );
  assert.equal(meLimit(world, b, 'reads')['x-ratelimit-remaining'], '1', 'another user has their own');
  world.clock.advance(60_000);
  assert.equal(meLimit(world, a, 'reads')['x-ratelimit-remaining'], '1');
});

test('the sweep drops a user’s expired sessions and the enrollments they left unverified; verified ones, passkeys and others stay', () => {
  const world = worldAt();
  const user = world.users.create({ email: 'a@x.test' });
  const other = world.users.create({ email: 'b@x.test' });
  const now = world.clock.now();
  const [pending] = world.users.addPending(user, 'otp');
  const [confirmed] = world.users.addPending(user, 'email');
  world.users.confirm(user, confirmed!.id);
  const [theirs] = world.users.addPending(other, 'otp');
  const session = (key: string, userId: string, authenticatorId: string, expiresAt: number, passkey = false) =>
    world.meSessions.set(key, { authSession: key, userId, authenticatorId, expiresAt, ...(passkey && { passkey: { challenge: 'c', rpId: 'r' } }) });
  session('pending', user.id, pending!.id, now);
  session('confirmed', user.id, confirmed!.id, now);
  session('live', user.id, pending!.id, now + 1);
  session('passkey', user.id, pending!.id, now - 1, true);
  session('theirs', other.id, theirs!.id, now - 1);
  sweepSessions(world, user);
  assert.deepEqual([...world.meSessions.keys()], ['live', 'theirs']);
  assert.deepEqual(user.authenticators.map((a) => a.id), [confirmed!.id], 'the unverified enrollment went, the verified one stayed');
  assert.equal(other.authenticators.length, 1);
  assert.equal(AUTH_SESSION_TTL_MS, 5 * 60 * 1000);
});

test('a passkey session leaves the enrollment it names alone', () => {
  const world = worldAt();
  const user = world.users.create({ email: 'a@x.test' });
  const [pending] = world.users.addPending(user, 'otp');
  world.meSessions.set('p', { authSession: 'p', userId: user.id, authenticatorId: pending!.id, expiresAt: 0, passkey: { challenge: 'c', rpId: 'r' } });
  sweepSessions(world, user);
  assert.equal(world.meSessions.size, 0);
  assert.equal(user.authenticators.length, 1);
});

test('My Account types and ids: a phone is one method named by its group; Duo is not listed', () => {
  const record = (kind: AuthenticatorRecord['kind'], id = `${kind}|dev_1`): AuthenticatorRecord => ({ id, kind, active: true, createdAt: 0, groupId: 'dev_g', primary: true });
  assert.deepEqual(
    (['totp', 'sms', 'voice', 'email', 'push', 'recovery-code', 'webauthn-roaming', 'webauthn-platform', 'duo'] as const).map((k) => meType(record(k))),
    ['totp', 'phone', 'phone', 'email', 'push-notification', 'recovery-code', 'webauthn-roaming', 'webauthn-platform', undefined],
  );
  assert.equal(meId(record('sms')), 'phone|dev_g');
  assert.equal(meId(record('voice')), 'phone|dev_g');
  assert.equal(meId(record('push', 'push|dev_abc')), 'push-notification|dev_abc');
  assert.equal(meId(record('totp', 'totp|dev_a|b')), 'totp|dev_a|b');
  assert.equal(meId(record('email', 'email|dev_x')), 'email|dev_x');
  assert.deepEqual(ME_SCOPES, [
    'read:me:authentication_methods',
    'create:me:authentication_methods',
    'update:me:authentication_methods',
    'delete:me:authentication_methods',
    'read:me:factors',
  ]);
});
