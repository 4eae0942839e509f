/**
 * Passkeys as src/emulator/passkeys.ts keeps and shows them, called directly on a world: the RP ID
 * chosen per request, the creation options, which origins verify, the stored record and its view.
 */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { createClock } from '../../src/emulator/clock.js';
import { resolveConfig, type WebAuthnOptions } from '../../src/emulator/config.js';
import { ProblemError } from '../../src/emulator/my-account.js';
import { passkeyOptions, passkeyView, passkeysOf, rpIdFor, verifyPasskey, type PasskeyRecord } from '../../src/emulator/passkeys.js';
import { createWorld } from '../../src/emulator/world.js';
import { TEST_SIGNING_KEY } from '../helpers/signing-key.js';
import { attest, newCredential } from './soft-authenticator.js';

const START = Date.UTC(2026, 0, 1);
const worldWith = (webauthn: WebAuthnOptions = {}, tenant?: string) =>
  createWorld(resolveConfig({ signingKey: TEST_SIGNING_KEY, users: [], webauthn, ...(tenant && { tenant }) }), createClock(() => START));
const from = (origin?: string) => new Request('http://called.test/me/v1/authentication-methods', origin ? { headers: { origin } } : {});

test('the RP ID: a configured one; else the page’s host from Origin; else, without or with a broken Origin, the host called', () => {
  assert.equal(rpIdFor(worldWith({ rpId: 'fixed.test' }), from('http://page.test:8000'), 'called.test'), 'fixed.test');
  assert.equal(rpIdFor(worldWith(), from('http://page.test:8000'), 'called.test'), 'page.test');
  assert.equal(rpIdFor(worldWith(), from(), 'called.test'), 'called.test');
  assert.equal(rpIdFor(worldWith(), from('not an origin'), 'called.test'), 'called.test');
});

test('creation options: the tenant (or a configured name) as RP, the user, direct attestation, a resident key, known credentials excluded', async () => {
  const world = worldWith({}, 'acme');
  const user = world.users.create({ email: 'a@x.test' });
  const options = await passkeyOptions(world, user, 'page.test');
  assert.deepEqual(options.rp, { name: 'acme', id: 'page.test' });
  assert.equal(options.user.name, 'a@x.test');
  assert.equal(Buffer.from(options.user.id, 'base64url').toString(), user.id);
  assert.equal(options.attestation, 'direct');
  assert.equal(options.authenticatorSelection?.residentKey, 'required');
  assert.equal(options.authenticatorSelection?.userVerification, 'preferred');
  assert.deepEqual(options.excludeCredentials, []);
  passkeysOf(world, user).push({ credentialId: 'AAAA', transports: ['usb'] } as PasskeyRecord, { credentialId: 'BBBB' } as PasskeyRecord);
  const again = await passkeyOptions(world, user, 'page.test');
  assert.deepEqual(again.excludeCredentials, [
    { id: 'AAAA', type: 'public-key', transports: ['usb'] },
    { id: 'BBBB', type: 'public-key' },
  ]);
  const named = worldWith({ rpName: 'Named' });
  assert.equal((await passkeyOptions(named, named.users.create({ email: 'b@x.test' }), 'x.test')).rp.name, 'Named');
});

test('a verified passkey is stored with its public key, counter, device type, RP ID and user agent, and viewed as My Account lists it', async () => {
  const world = worldWith();
  const user = world.users.create({ email: 'a@x.test' });
  const options = await passkeyOptions(world, user, '127.0.0.1');
  const credential = newCredential();
  const response = attest({ challenge: options.challenge, rpId: '127.0.0.1', origin: 'https://127.0.0.1:8443', credential });
  const record = await verifyPasskey(world, user, { challenge: options.challenge, rpId: '127.0.0.1' }, response, 'Agent/1');
  assert.match(record.id, /^passkey\|dev_[A-Za-z0-9]{16}$/);
  assert.equal(record.userId, user.id);
  assert.equal(record.credentialId, credential.id.toString('base64url'));
  assert.ok(record.publicKey.length > 40);
  assert.equal(record.counter, 0);
  assert.equal(record.userHandle, Buffer.from(user.id).toString('base64url'));
  assert.deepEqual(record.transports, ['internal']);
  assert.equal(record.rpId, '127.0.0.1');
  assert.equal(record.fmt, 'none');
  assert.equal(record.aaguid, '00000000-0000-0000-0000-000000000000');
  assert.equal(record.createdAt, START);
  assert.deepEqual(passkeysOf(world, user), [record]);
  assert.deepEqual(passkeyView(record), {
    id: record.id,
    type: 'passkey',
    created_at: '2026-01-01T00:00:00.000Z',
    usage: ['primary'],
    credential_device_type: 'single_device',
    credential_backed_up: false,
    identity_user_id: user.id,
    key_id: record.credentialId,
    public_key: record.publicKey,
    user_handle: record.userHandle,
    aaguid: record.aaguid,
    relying_party_id: '127.0.0.1',
    transports: ['internal'],
    user_agent: 'Agent/1',
  });
  assert.deepEqual(
    passkeyView({ ...record, deviceType: 'multiDevice', backedUp: true, transports: undefined, userAgent: undefined, name: '' }),
    (({ transports: _t, user_agent: _u, ...rest }) => ({ ...rest, credential_device_type: 'multi_device', credential_backed_up: true, name: '' }))(passkeyView(record)),
  );
  const bare = passkeyView({ ...record, transports: undefined, userAgent: undefined });
  assert.equal('transports' in bare || 'user_agent' in bare || 'name' in bare, false);

  // The same credential again, even for another user, is refused.
  const other = world.users.create({ email: 'b@x.test' });
  const second = await passkeyOptions(world, other, '127.0.0.1');
  const replay = attest({ challenge: second.challenge, rpId: '127.0.0.1', origin: 'http://127.0.0.1', credential });
  await assert.rejects(verifyPasskey(world, other, { challenge: second.challenge, rpId: '127.0.0.1' }, replay, undefined), {
    message: 'This credential is already registered.',
  });
  const fresh = attest({ challenge: second.challenge, rpId: '127.0.0.1', origin: 'http://127.0.0.1' });
  const kept = await verifyPasskey(world, other, { challenge: second.challenge, rpId: '127.0.0.1' }, fresh, undefined);
  assert.equal(kept.userAgent, undefined);
  assert.equal('userAgent' in kept, false);
});

test('origins: http(s) on the RP ID’s host by default, a configured list when given; a non-object response is refused first', async () => {
  const world = worldWith();
  const user = world.users.create({ email: 'a@x.test' });
  const session = { challenge: 'Y2hhbGxlbmdl', rpId: 'page.test' };
  const attempt = (origin: string, w = world) => verifyPasskey(w, user, session, attest({ challenge: session.challenge, rpId: 'page.test', origin }), undefined);
  await assert.doesNotReject(attempt('http://page.test:3000'));
  await assert.doesNotReject(attempt('https://page.test'));
  const refusedOrigin = (e: unknown) => e instanceof ProblemError && e.status === 400 && /^Invalid authn_response: .*origin/i.test(e.message);
  await assert.rejects(attempt('ftp://page.test'), refusedOrigin);
  await assert.rejects(attempt('http://evil.test'), refusedOrigin);
  await assert.rejects(attempt('http://sub.page.test'), refusedOrigin);
  const listed = worldWith({ origins: ['http://other.test'] });
  await assert.doesNotReject(attempt('http://other.test', listed));
  await assert.rejects(attempt('http://page.test', listed), refusedOrigin);
  for (const response of [null, 'text', 5]) {
    await assert.rejects(verifyPasskey(world, user, session, response, undefined), { message: 'authn_response must be an object.' });
  }
  const unreadable = { ...attest({ challenge: session.challenge, rpId: 'page.test', origin: 'http://page.test' }) };
  unreadable.response = { ...unreadable.response, clientDataJSON: 'not-json' };
  await assert.rejects(verifyPasskey(world, user, session, unreadable, undefined), (e: unknown) => e instanceof ProblemError && e.message.startsWith('Invalid authn_response: '));
});
