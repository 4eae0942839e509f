import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isRateLimited, isTransient, MfaError, pushOutcome } from '../../src/core/errors.js';

const codes = (pick: (e: MfaError) => boolean) =>
  ['too_many_attempts', 'too_many_requests', 'rate_limited', 'slow_down', 'network_error', 'timeout', 'server_unavailable', 'invalid_grant', 'expired_token']
    .filter((code) => pick(new MfaError(code)));

test('one error policy: which codes mean "wait", which pass by themselves', () => {
  assert.deepEqual(codes(isRateLimited), ['too_many_attempts', 'too_many_requests', 'rate_limited', 'slow_down']);
  assert.deepEqual(codes(isTransient), ['too_many_requests', 'rate_limited', 'network_error', 'timeout', 'server_unavailable']);
  assert.equal(isRateLimited(new Error('too_many_requests')), false);
  assert.equal(isTransient(undefined), false);
});

test('a failed push poll: expired, declined, or shown as the error it is (enrollment and verification alike)', () => {
  assert.equal(pushOutcome('expired_token'), 'expired');
  assert.equal(pushOutcome('invalid_grant'), 'rejected');
  assert.equal(pushOutcome('access_denied'), 'rejected');
  assert.equal(pushOutcome('network_error'), undefined);
});
