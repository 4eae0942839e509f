/** The shape checks of src/core/validate.ts: what a refusal names when the caller names no part. */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { expectArray, expectObject } from '../../src/core/validate.js';
import { parseMethodList } from '../../src/core/my-account-wire.js';

describe('validate: the part a refusal names', () => {
  it('names the body when the caller names no part', () => {
    assert.throws(() => expectObject('ok'), { name: 'TypeError', message: 'body: expected an object' });
    assert.throws(() => expectArray({}), { name: 'TypeError', message: 'body: expected an array' });
  });
  it('names the part the caller gives', () => {
    assert.throws(() => expectObject([], 'challenge'), { message: 'challenge: expected an object' });
    assert.throws(() => expectArray(null, 'factors'), { message: 'factors: expected an array' });
  });
  it('a My Account list that is not an object is refused as "body"', () => {
    assert.throws(() => parseMethodList(['totp|dev_1']), { message: 'body: expected an object' });
    assert.throws(() => parseMethodList(null), { message: 'body: expected an object' });
  });
});
