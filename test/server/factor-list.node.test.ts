/**
 * `factorList` (exported for apps that build their own factors route): Guardian's factor list and the
 * user's authentication methods in, the Lab's `[{name, enabled, enrollmentId?}]` out.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { factorList } from '../../src/server/index.js';

const ALL = [
  { name: 'sms', enabled: true },
  { name: 'push-notification', enabled: true },
  { name: 'otp', enabled: true },
  { name: 'email', enabled: false },
  { name: 'recovery-code', enabled: true },
];

describe('factorList', () => {
  it('names each known factor once with its enabled flag; unknown, voice and odd entries are left out', () => {
    const factors = [
      ...ALL,
      { name: 'duo', enabled: true },
      { name: 'voice', enabled: true },
      { name: 'toString', enabled: true },
      { name: 7, enabled: true },
      { enabled: true },
      { name: 'webauthn-roaming', enabled: 'true' },
      { name: 'yubico-otp', enabled: true },
    ];
    assert.deepEqual(factorList(factors, [], ['sms']), [
      { name: 'sms', enabled: true },
      { name: 'push-notification', enabled: true },
      { name: 'otp', enabled: true },
      { name: 'email', enabled: false },
      { name: 'recovery-code', enabled: true },
      { name: 'duo', enabled: true },
      { name: 'webauthn-roaming', enabled: false },
    ]);
    assert.deepEqual(factorList([{ name: 'otp', enabled: 'true' }, { name: 'email', enabled: 1 }], [], []), [
      { name: 'otp', enabled: false },
      { name: 'email', enabled: false },
    ], 'only a real true enables');
  });

  it('the phone factor becomes sms, voice or both after its message types (sms when none is said)', () => {
    const sms = [{ name: 'sms', enabled: true }];
    const names = (types: string[]) => factorList(sms, [], types).map((f) => f.name);
    assert.deepEqual(names(['sms']), ['sms']);
    assert.deepEqual(names(['voice']), ['voice']);
    assert.deepEqual(names(['sms', 'voice']), ['sms', 'voice']);
    assert.deepEqual(names([]), ['sms']);
    assert.deepEqual(factorList([{ name: 'sms', enabled: false }], [], ['voice']), [{ name: 'voice', enabled: false }]);
  });

  it('links each factor to the user’s first confirmed method of it', () => {
    const methods = [
      { id: 'email|unconfirmed', type: 'email', confirmed: false },
      { id: 'email|1', type: 'email', confirmed: true },
      { id: 'email|2', type: 'email' },
      { id: 'totp|push-linked', type: 'totp', link_id: 'push|1' },
      { id: 'totp|1', type: 'totp' },
      { id: 'push|1', type: 'push' },
      { id: 'recovery-code|1', type: 'recovery-code' },
      { id: 7, type: 'phone' },
      { id: 'phone|voice', type: 'phone', preferred_authentication_method: 'voice' },
      { id: 'phone|sms', type: 'phone', preferred_authentication_method: 'sms' },
    ];
    assert.deepEqual(factorList(ALL, methods, ['sms', 'voice']), [
      { name: 'sms', enabled: true, enrollmentId: 'phone|sms' },
      { name: 'voice', enabled: true, enrollmentId: 'phone|voice' },
      { name: 'push-notification', enabled: true, enrollmentId: 'push|1' },
      { name: 'otp', enabled: true, enrollmentId: 'totp|1' },
      { name: 'email', enabled: false, enrollmentId: 'email|1' },
      { name: 'recovery-code', enabled: true, enrollmentId: 'recovery-code|1' },
    ]);
  });

  it('links the WebAuthn and Duo factors to the user’s methods of exactly that type', () => {
    const hosted = [
      { name: 'webauthn-roaming', enabled: true },
      { name: 'webauthn-platform', enabled: true },
      { name: 'duo', enabled: true },
    ];
    const methods = [
      { id: 'webauthn-platform|1', type: 'webauthn-platform' },
      { id: 'webauthn-roaming|pending', type: 'webauthn-roaming', confirmed: false },
      { id: 'webauthn-roaming|1', type: 'webauthn-roaming', confirmed: true },
      { id: 'passkey|1', type: 'passkey' },
    ];
    assert.deepEqual(factorList(hosted, methods, []), [
      { name: 'webauthn-roaming', enabled: true, enrollmentId: 'webauthn-roaming|1' },
      { name: 'webauthn-platform', enabled: true, enrollmentId: 'webauthn-platform|1' },
      { name: 'duo', enabled: true },
    ]);
    assert.deepEqual(factorList([{ name: 'duo', enabled: true }], [{ id: 'duo|1', type: 'duo' }], []), [{ name: 'duo', enabled: true, enrollmentId: 'duo|1' }]);
  });

  it('a phone counts for a channel by its preference, its sub-methods, or (sms only) by having neither', () => {
    const phoneFactor = [{ name: 'sms', enabled: true }];
    const ids = (methods: Array<Record<string, unknown>>) =>
      Object.fromEntries(factorList(phoneFactor, methods, ['sms', 'voice']).map((f) => [f.name, f.enrollmentId]));
    assert.deepEqual(ids([{ id: 'phone|bare', type: 'phone' }]), { sms: 'phone|bare', voice: undefined }, 'no preference, no sub-methods: an SMS phone');
    assert.deepEqual(ids([{ id: 'phone|subs', type: 'phone', authentication_methods: [{ id: 'voice|x', type: 'voice' }, 'odd', { type: 3 }] }]), {
      sms: undefined,
      voice: 'phone|subs',
    });
    assert.deepEqual(ids([{ id: 'phone|both', type: 'phone', authentication_methods: [{ type: 'sms' }, { type: 'voice' }] }]), {
      sms: 'phone|both',
      voice: 'phone|both',
    });
    assert.deepEqual(ids([{ id: 'phone|v', type: 'phone', preferred_authentication_method: 'voice' }]), { sms: undefined, voice: 'phone|v' });
    assert.deepEqual(ids([{ id: 'phone|sub-not-list', type: 'phone', authentication_methods: 'sms' }]), { sms: 'phone|sub-not-list', voice: undefined });
    assert.deepEqual(
      ids([{ id: 'phone|untyped-subs', type: 'phone', authentication_methods: [null, { id: 'sms|1' }, { type: 7 }] }]),
      { sms: 'phone|untyped-subs', voice: undefined },
      'sub-methods without a type say nothing: an SMS phone',
    );
    assert.deepEqual(ids([{ id: 'email|1', type: 'email', preferred_authentication_method: 'sms' }]), { sms: undefined, voice: undefined }, 'only phones');
  });

  it('push matches a push or a Guardian method; OTP never matches a push’s TOTP', () => {
    const only = (name: string, methods: Array<Record<string, unknown>>) => factorList([{ name, enabled: true }], methods, [])[0];
    assert.deepEqual(only('push-notification', [{ id: 'guardian|1', type: 'guardian' }]), { name: 'push-notification', enabled: true, enrollmentId: 'guardian|1' });
    assert.deepEqual(only('push-notification', [{ id: 'totp|1', type: 'totp' }]), { name: 'push-notification', enabled: true });
    assert.deepEqual(only('otp', [{ id: 'totp|linked', type: 'totp', link_id: 'push|1' }]), { name: 'otp', enabled: true });
    assert.deepEqual(only('recovery-code', [{ id: 'email|1', type: 'email' }]), { name: 'recovery-code', enabled: true });
  });
});
