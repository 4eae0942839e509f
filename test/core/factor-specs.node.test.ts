// The factor table's entries for the factors the MFA API does not enroll (passkeys, WebAuthn keys, Duo):
// the id prefix Auth0 gives their authenticators, that they can be removed, and that none of them has an
// inline MFA-API enrollment (from the survivors of factors.ts's session-7 mutation run).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MfaError } from '../../src/core/errors.js';
import { deriveAuthenticators, FACTORS, type ListedAuthenticator } from '../../src/core/factors.js';
import { checkEnrollInput } from '../../src/core/input.js';

const OTHERS = ['passkey', 'webauthn-roaming', 'webauthn-platform', 'duo'] as const;

describe('factor table: passkeys, WebAuthn keys and Duo', () => {
  it('each is the part of its Auth0 id before the bar', () => {
    for (const factor of OTHERS) assert.equal(FACTORS[factor].idPrefix, factor);
  });

  it('each listed one can be removed', () => {
    const listed: ListedAuthenticator[] = OTHERS.map((factor) => ({ id: `${factor}|dev_1`, authenticatorType: factor, active: true }));
    assert.deepEqual(
      deriveAuthenticators(listed).map((a) => [a.factor, a.removable]),
      OTHERS.map((factor) => [factor, true]),
    );
  });

  it('none can be enrolled inline through the MFA API', () => {
    for (const factor of OTHERS) {
      assert.throws(() => checkEnrollInput({ factor } as never), (e: unknown) => MfaError.is(e, 'unsupported'), factor);
    }
  });
});
