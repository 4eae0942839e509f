/**
 * `factorList` on what factor-list.node.test.ts leaves out: a factor whose enrollment is missing
 * while the user has other methods (no method of another type stands in for it), and a Guardian
 * entry whose name is not text but reads like one.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { factorList } from '../../src/server/index.js';

describe('factorList: edges', () => {
  it('email and WebAuthn get no enrollment from a method of another type', () => {
    const factors = [
      { name: 'email', enabled: true },
      { name: 'webauthn-platform', enabled: true },
      { name: 'webauthn-roaming', enabled: true },
    ];
    const methods = [
      { id: 'totp|1', type: 'totp' },
      { id: 'webauthn-roaming|r', type: 'webauthn-roaming' },
    ];
    assert.deepEqual(factorList(factors, methods, ['sms']), [
      { name: 'email', enabled: true },
      { name: 'webauthn-platform', enabled: true },
      { name: 'webauthn-roaming', enabled: true, enrollmentId: 'webauthn-roaming|r' },
    ]);
  });

  it('a factor named by a list rather than by text is left out, even one that reads as a known name', () => {
    assert.deepEqual(factorList([{ name: ['otp'], enabled: true }, { name: 'otp', enabled: false }], [], ['sms']), [{ name: 'otp', enabled: false }]);
  });
});
