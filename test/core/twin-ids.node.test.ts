/**
 * Rule 1 of deriveAuthenticators (src/core/factors.ts) pairs twins by the part of the id after `|`: an id
 * without `|` has none and pairs by nothing, an id that starts with `|` pairs by what follows it.
 */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { deriveAuthenticators, type ListedAuthenticator } from '../../src/core/factors.js';

const links = (listed: ListedAuthenticator[]) => deriveAuthenticators(listed).map((a) => [a.id, a.linkedIds]);

describe('deriveAuthenticators: twins by the id after |', () => {
  // Names differ and the two are not neighbours, so rules 2 and 3 cannot pair them.
  const between: ListedAuthenticator = { id: 'sms|dev_1', authenticatorType: 'oob', oobChannel: 'sms', active: true };
  it('an id without | is no twin by rule 1 of an id ending in the same text', () => {
    assert.deepEqual(
      links([
        { id: 'push|dev_X', authenticatorType: 'oob', oobChannel: 'auth0', active: true, name: 'Pixel' },
        between,
        { id: 'dev_X', authenticatorType: 'otp', active: true, name: 'Authenticator' },
      ]),
      [['push|dev_X', []], ['sms|dev_1', []], ['dev_X', []]],
    );
  });
  it('an id starting with | pairs by the text after it', () => {
    assert.deepEqual(
      links([
        { id: 'push|dev_X', authenticatorType: 'oob', oobChannel: 'auth0', active: true, name: 'Pixel' },
        between,
        { id: '|dev_X', authenticatorType: 'otp', active: true, name: 'Authenticator' },
      ]),
      [['push|dev_X', ['|dev_X']], ['sms|dev_1', []], ['|dev_X', ['push|dev_X']]],
    );
  });
});
