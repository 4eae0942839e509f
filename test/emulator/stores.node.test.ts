/**
 * The emulator's in-memory stores on a hand-moved clock: login transactions, codes and refresh
 * tokens (login-store.ts), tokens (tokens.ts), the outbox (outbox.ts) and the random values (random.ts).
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { LoginStore } from '../../src/emulator/login-store.js';
import { Outbox } from '../../src/emulator/outbox.js';
import { deviceId, opaqueToken, recoveryCode, sixDigits, ticketId, userId } from '../../src/emulator/random.js';
import { TokenStore, hasScope, isManagementAudience, isMfaAudience } from '../../src/emulator/tokens.js';

const clock = () => {
  let time = Date.UTC(2026, 0, 1);
  return { now: () => time, advance: (ms: number) => (time += ms) };
};

const login = { clientId: 'demo-spa', redirectUri: 'http://localhost/cb', scope: 'openid', state: 's1', nonce: 'n1' };

test('a login transaction lives ten minutes, survives a peek, and completes once', () => {
  const c = clock();
  const store = new LoginStore(c.now);
  const id = store.begin(login);
  assert.match(id, /^[A-Za-z0-9_-]{24}$/);
  c.advance(10 * 60_000 - 1);
  assert.equal(store.transaction(id)?.clientId, 'demo-spa');
  assert.equal(store.transaction(id)?.clientId, 'demo-spa', 'a peek leaves it');
  const done = store.complete(id, 'auth0|u1');
  assert.ok(done);
  assert.equal(done.transaction.state, 's1');
  assert.equal(store.complete(id, 'auth0|u1'), undefined, 'completed once');
  assert.equal(store.transaction(id), undefined);

  const late = store.begin(login);
  c.advance(10 * 60_000);
  assert.equal(store.transaction(late), undefined, 'gone at ten minutes');
  assert.equal(store.complete(late, 'auth0|u1'), undefined);
});

test('an authorization code is good for a minute, once, and carries the login without its state', () => {
  const c = clock();
  const store = new LoginStore(c.now);
  const started = c.now();
  const { code } = store.complete(store.begin({ ...login, audience: 'https://api/', codeChallenge: 'cc' }), 'auth0|u1')!;
  assert.match(code, /^[A-Za-z0-9_-]{43}$/);
  c.advance(60_000 - 1);
  const redeemed = store.redeem(code);
  assert.deepEqual(redeemed, {
    clientId: 'demo-spa',
    redirectUri: 'http://localhost/cb',
    scope: 'openid',
    nonce: 'n1',
    audience: 'https://api/',
    codeChallenge: 'cc',
    userId: 'auth0|u1',
    authTime: started,
    expiresAt: started + 60_000,
  });
  assert.equal(store.redeem(code), undefined, 'single use');

  const { code: late } = store.complete(store.begin(login), 'auth0|u1')!;
  c.advance(60_000);
  assert.equal(store.redeem(late), undefined, 'expired at one minute');
});

test('refresh tokens: a family per login kept across rotations, spent ones marked, a family revoked together', () => {
  const store = new LoginStore(clock().now);
  const grant = { clientId: 'demo-spa', userId: 'auth0|u1', audience: 'https://api/', scope: 'openid offline_access' };
  const first = store.issueRefresh(grant);
  const record = store.refresh(first)!;
  assert.equal(record.used, false);
  assert.match(record.family, /^[A-Za-z0-9_-]{16}$/);
  const rotated = store.issueRefresh({ ...grant, family: record.family });
  const other = store.issueRefresh(grant);
  assert.equal(store.refresh(rotated)!.family, record.family);
  assert.notEqual(store.refresh(other)!.family, record.family);
  store.spend(record);
  assert.equal(store.refresh(first)!.used, true);
  store.revokeFamily(record.family);
  assert.equal(store.refresh(first), undefined);
  assert.equal(store.refresh(rotated), undefined);
  assert.ok(store.refresh(other), 'another family stays');
});

test('the login store keeps at most 10,000 of each kind, dropping the oldest first', () => {
  const store = new LoginStore(clock().now);
  const ids = Array.from({ length: 10_001 }, () => store.begin(login));
  assert.equal(store.transaction(ids[0]!), undefined, 'the oldest went');
  assert.ok(store.transaction(ids[1]!), 'the second oldest stays');
  assert.ok(store.transaction(ids[10_000]!));
  const grant = { clientId: 'c', userId: 'u', audience: 'a', scope: 's' };
  const tokens = Array.from({ length: 10_001 }, () => store.issueRefresh(grant));
  assert.equal(store.refresh(tokens[0]!), undefined);
  assert.ok(store.refresh(tokens[1]!));
});

test('tokens expire at their lifetime, by the emulator clock; unknown ones are not found', () => {
  const c = clock();
  const store = new TokenStore(c.now);
  const token = store.issue({ kind: 'mfa', clientId: 'c', userId: 'u', audience: 'https://t/mfa/', scope: '' }, 60);
  assert.match(token, /^[A-Za-z0-9_-]{43}$/);
  c.advance(60_000 - 1);
  assert.deepEqual(store.lookup(token), {
    record: { kind: 'mfa', clientId: 'c', userId: 'u', audience: 'https://t/mfa/', scope: '', expiresAt: Date.UTC(2026, 0, 1) + 60_000 },
    expired: false,
  });
  c.advance(1);
  assert.equal(store.lookup(token)?.expired, true);
  assert.equal(store.lookup('nope'), undefined);
  assert.equal(store.lookup(undefined), undefined);
  assert.equal(store.register('jwt.x.y', { kind: 'access', clientId: 'c', audience: 'a', scope: 's' }, 1), 'jwt.x.y');
  assert.equal(store.lookup('jwt.x.y')?.record.kind, 'access');
});

test('audiences are told apart by path alone, any host; scopes are whole words', () => {
  assert.equal(isMfaAudience('https://tenant.test/mfa/'), true);
  assert.equal(isMfaAudience('http://127.0.0.1:4000/mfa/'), true);
  assert.equal(isMfaAudience('https://tenant.test/mfa'), false);
  assert.equal(isMfaAudience('https://tenant.test/api/v2/'), false);
  assert.equal(isMfaAudience('/mfa/'), false, 'not a URL');
  assert.equal(isManagementAudience('https://tenant.test/api/v2/'), true);
  assert.equal(isManagementAudience('https://tenant.test/mfa/'), false);
  const record = { kind: 'access' as const, clientId: 'c', audience: 'a', scope: 'enroll read:authenticators', expiresAt: 0 };
  assert.equal(hasScope(record, 'enroll'), true);
  assert.equal(hasScope(record, 'read:authenticators'), true);
  assert.equal(hasScope(record, 'read'), false);
  assert.equal(hasScope(record, 'remove:authenticators'), false);
});

test('the outbox words SMS and email codes with their lifetime, spells voice codes digit by digit, and filters', () => {
  const c = clock();
  const lines: string[] = [];
  const outbox = new Outbox(c.now, (line) => lines.push(line));
  const sms = outbox.send('u1', 'sms', '+15555550100');
  c.advance(1000);
  const voice = outbox.send('u1', 'voice', '+15555550100');
  const email = outbox.send('u2', 'email', 'b@x.test');
  assert.deepEqual(outbox.list({ userId: 'u1' }), [
    { id: 1, user_id: 'u1', channel: 'sms', to: '+15555550100', code: sms, text: `Your verification code is ${sms}. It expires in 5 minutes.`, at: Date.UTC(2026, 0, 1) },
    { id: 2, user_id: 'u1', channel: 'voice', to: '+15555550100', code: voice, text: `Your verification code is ${voice.split('').join(' ')}.`, at: Date.UTC(2026, 0, 1) + 1000 },
  ]);
  assert.deepEqual(outbox.list({ to: 'b@x.test' }).map((m) => m.code), [email]);
  assert.deepEqual(outbox.list({ channel: 'voice' }).map((m) => m.id), [2]);
  assert.deepEqual(outbox.list({ userId: 'u1', channel: 'email' }), []);
  assert.deepEqual(outbox.list({ userId: 'u1', to: 'b@x.test' }), []);
  assert.equal(outbox.list({}).length, 3);
  assert.deepEqual(lines, [`[outbox] sms to +15555550100: ${sms}`, `[outbox] voice to +15555550100: ${voice}`, `[outbox] email to b@x.test: ${email}`]);
});

test('random values have Auth0 shapes and differ between calls', () => {
  const many = <T>(make: () => T) => Array.from({ length: 200 }, make);
  for (const id of many(deviceId)) assert.match(id, /^dev_[A-Za-z0-9]{16}$/);
  for (const code of many(recoveryCode)) assert.match(code, /^[A-Z0-9]{24}$/);
  for (const code of many(sixDigits)) assert.match(code, /^\d{6}$/);
  for (const id of many(userId)) assert.match(id, /^auth0\|[0-9a-f]{24}$/);
  for (const id of many(ticketId)) assert.match(id, /^gten_[0-9a-f]{24}$/);
  assert.match(opaqueToken(), /^[A-Za-z0-9_-]{43}$/);
  assert.match(opaqueToken(3), /^[A-Za-z0-9_-]{4}$/);
  assert.equal(new Set(many(deviceId)).size, 200);
  assert.equal(new Set(many(recoveryCode)).size, 200);
  // Every letter class shows up somewhere in 200 device ids (a narrowed alphabet would not).
  const chars = many(deviceId).join('');
  assert.match(chars, /[a-z]/);
  assert.match(chars, /[A-Z]/);
  assert.match(chars, /[0-9]/);
  const codes = many(recoveryCode).join('');
  assert.match(codes, /[0-9]/);
  assert.match(codes, /[A-Z]/);
  // Six-digit codes are padded, not shortened: over 2,000 draws some start with 0.
  assert.ok(Array.from({ length: 2000 }, sixDigits).some((c) => c.startsWith('0')));
});
