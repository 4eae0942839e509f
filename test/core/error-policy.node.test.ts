import assert from 'node:assert/strict';
import { test } from 'node:test';
import { isRateLimited, isTransient, MfaError } from '../../src/core/errors.js';

const codes = (pick: (e: MfaError) => boolean) =>
  ['too_many_attempts', 'too_many_requests', 'rate_limited', 'slow_down', 'network_error', 'timeout', 'server_unavailable', 'invalid_grant', 'expired_token']
    .filter((code) => pick(new MfaError(code)));

test('one error policy: which codes mean "wait", which pass by themselves', () => {
  assert.deepEqual(codes(isRateLimited), ['too_many_attempts', 'too_many_requests', 'rate_limited', 'slow_down']);
  assert.deepEqual(codes(isTransient), ['too_many_requests', 'rate_limited', 'network_error', 'timeout', 'server_unavailable']);
  assert.equal(isRateLimited(new Error('too_many_requests')), false);
  assert.equal(isTransient(undefined), false);
});
