/** Node tests only (`node:assert`): awaits a call that must fail with one `MfaError` code. */
import assert from 'node:assert/strict';
import { MfaError } from '../../src/core/errors.js';

export async function rejects(promise: Promise<unknown>, code: string): Promise<MfaError> {
  try {
    await promise;
  } catch (error) {
    assert.ok(error instanceof MfaError, String(error));
    assert.equal(error.code, code, `${error.code}: ${error.description}`);
    return error;
  }
  assert.fail(`expected MfaError(${code})`);
}
