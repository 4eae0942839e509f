import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RequestLog, type LoggedRequest } from '../../src/emulator/request-log.js';

const entry = (n: number, user = 'u1'): LoggedRequest => ({ method: 'GET', path: `/r/${n}`, at: n, status: 200, user_id: user });

test('the request log keeps the newest requests up to its capacity, oldest first', () => {
  const log = new RequestLog(3);
  for (let n = 1; n <= 2; n++) log.add(entry(n));
  assert.deepEqual(log.list().map((e) => e.at), [1, 2]);
  for (let n = 3; n <= 7; n++) log.add(entry(n, n % 2 ? 'u1' : 'u2'));
  assert.deepEqual(log.list().map((e) => e.at), [5, 6, 7]);
  assert.deepEqual(log.list('u2').map((e) => e.at), [6]);
  // Wrapping around many times stays bounded and ordered.
  for (let n = 8; n <= 1000; n++) log.add(entry(n));
  assert.deepEqual(log.list().map((e) => e.at), [998, 999, 1000]);
});

test('the request log refuses a capacity that could not bound it', () => {
  assert.throws(() => new RequestLog(0), RangeError);
  assert.throws(() => new RequestLog(1.5), RangeError);
});
