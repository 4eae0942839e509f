/** An emulator error that reaches a log or a failing test names its family (src/emulator/http.ts). */
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { ManagementError, OAuthError } from '../../src/emulator/http.js';

test('OAuth and Management API errors print as their family with the message', () => {
  assert.equal(String(new OAuthError(400, 'invalid_request', 'Missing required parameter: x')), 'OAuthError: Missing required parameter: x');
  assert.equal(String(new ManagementError(404, 'inexistent_user', 'No such user.')), 'ManagementError: No such user.');
});
