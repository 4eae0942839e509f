import { getEventListeners } from 'node:events';
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { abortError, isAbortError, MfaError, parseRetryAfter, toMfaError, untilAborted } from '../../src/core/errors.js';

describe('parseRetryAfter', () => {
  const now = Date.parse('2026-11-22T12:00:00Z');
  it('reads delta seconds', () => {
    assert.equal(parseRetryAfter(new Headers({ 'retry-after': '120' }), now), 120);
    assert.equal(parseRetryAfter(new Headers({ 'retry-after': ' 0 ' }), now), 0);
  });
  it('reads an HTTP date, never negative', () => {
    assert.equal(parseRetryAfter(new Headers({ 'retry-after': 'Sun, 22 Nov 2026 12:01:30 GMT' }), now), 90);
    assert.equal(parseRetryAfter(new Headers({ 'retry-after': 'Sun, 22 Nov 2026 11:00:00 GMT' }), now), 0);
  });
  it('falls back to x-ratelimit-reset (epoch seconds)', () => {
    assert.equal(parseRetryAfter(new Headers({ 'x-ratelimit-reset': String(now / 1000 + 42) }), now), 42);
    assert.equal(parseRetryAfter(new Headers({ 'retry-after': 'soon', 'x-ratelimit-reset': String(now / 1000 + 7) }), now), 7);
  });
  it('rounds a part second up, so a client never retries before the server allows it', () => {
    const later = now + 500; // 12:00:00.500
    assert.equal(parseRetryAfter(new Headers({ 'retry-after': 'Sun, 22 Nov 2026 12:01:30 GMT' }), later), 90);
    assert.equal(parseRetryAfter(new Headers({ 'x-ratelimit-reset': String(now / 1000 + 42) }), later), 42);
  });
  it('a reset time in the past means no wait, never a negative one', () => {
    assert.equal(parseRetryAfter(new Headers({ 'x-ratelimit-reset': String(now / 1000 - 30) }), now), 0);
    assert.equal(parseRetryAfter(new Headers({ 'x-ratelimit-reset': String(now / 1000) }), now), 0);
  });
  it('is undefined when nothing usable is there', () => {
    assert.equal(parseRetryAfter(new Headers(), now), undefined);
    assert.equal(parseRetryAfter(new Headers({ 'retry-after': 'later' }), now), undefined);
    // Only a whole number of seconds is a delay: no unit, no words around it.
    assert.equal(parseRetryAfter(new Headers({ 'retry-after': '5 s' }), now), undefined);
    assert.equal(parseRetryAfter(new Headers({ 'retry-after': 'in 5' }), now), undefined);
  });
  it('takes an HTTP date only in its one standard form, nothing Date.parse merely tolerates', () => {
    for (const value of [
      '2026-11-22T12:01:30Z', // ISO 8601
      'Sun, 22 Nov 2026 12:01:30 +0000', // RFC 2822 with an offset
      'Sun, 22 Nov 2026 12:01:30', // no zone (local time to Date.parse)
      'Sunday, 22-Nov-26 12:01:30 GMT', // the obsolete RFC 850 form
      'Sun, 22 Nov 2026 12:01:30 GMT; later',
      'at Sun, 22 Nov 2026 12:01:30 GMT',
      'Sun, 2 Nov 2026 12:01:30 GMT',
      'Sun, 22 Nov 26 12:01:30 GMT',
      'Sun, 22 Nov 2026 12:1:30 GMT',
    ]) {
      assert.equal(parseRetryAfter(new Headers({ 'retry-after': value }), now), undefined, value);
    }
    // Junk in Retry-After leaves the reset header to decide.
    assert.equal(parseRetryAfter(new Headers({ 'retry-after': 'in 5', 'x-ratelimit-reset': String(now / 1000 + 7) }), now), 7);
    assert.equal(parseRetryAfter(new Headers({ 'retry-after': 'Mon, 23 Nov 2026 12:00:00 GMT' }), now), 86_400);
  });
});

describe('parseRetryAfter: x-ratelimit-reset', () => {
  const now = Date.parse('2026-11-22T12:00:00Z');
  it('takes only a whole number of epoch seconds', () => {
    const at = now / 1000 + 42;
    for (const value of [`${at}abc`, `abc${at}`, `${at}.5`, '']) {
      assert.equal(parseRetryAfter(new Headers({ 'x-ratelimit-reset': value }), now), undefined, value);
    }
  });
});

describe('MfaError', () => {
  it('is named MfaError and says its code and description in its message', () => {
    const error = new MfaError('invalid_grant', { description: 'Invalid otp_code.', status: 403 });
    assert.equal(error.name, 'MfaError');
    assert.equal(String(error), 'MfaError: invalid_grant: Invalid otp_code.');
    assert.equal(new MfaError('timeout').message, 'timeout');
    assert.ok(error instanceof Error);
  });
  it('is() with no codes asks only whether it is an MfaError', () => {
    assert.equal(MfaError.is(new MfaError('timeout')), true);
    assert.equal(MfaError.is(new Error('timeout')), false);
    assert.equal(MfaError.is({ code: 'timeout' }), false);
  });
  it('keeps what was thrown as the cause: network errors with its message, aborts with the reason', () => {
    const thrown = new TypeError('Failed to fetch');
    const wrapped = toMfaError(thrown);
    assert.equal(wrapped.description, 'Failed to fetch');
    assert.equal(wrapped.cause, thrown);
    assert.equal(toMfaError('offline').description, 'offline');
    const abort = new DOMException('stopped', 'AbortError');
    assert.equal(toMfaError(abort).cause, abort);
    const controller = new AbortController();
    const reason = new Error('user left');
    controller.abort(reason);
    assert.equal(abortError(controller.signal).cause, reason);
  });
  it('an error coded "aborted" (another copy of this library, a source of the page) is an abort', () => {
    const foreign = Object.assign(new Error('stopped'), { code: 'aborted' });
    assert.equal(isAbortError(foreign), true);
    assert.equal(toMfaError(foreign).code, 'aborted');
    assert.equal(isAbortError(Object.assign(new Error('x'), { code: 'timeout' })), false);
    assert.equal(isAbortError({ name: 'AbortError' }), false, 'only errors');
  });
});

describe('untilAborted', () => {
  it('leaves no abort listener on a long-lived signal once each call has settled', async () => {
    const controller = new AbortController();
    for (let i = 0; i < 5; i++) {
      assert.equal(await untilAborted(Promise.resolve(i), controller.signal), i);
      await assert.rejects(untilAborted(Promise.reject(new Error(`no ${i}`)), controller.signal), { message: `no ${i}` });
    }
    assert.equal(getEventListeners(controller.signal, 'abort').length, 0);
  });
  it('rejects at the abort with aborted, and a rejection after it as aborted too', async () => {
    const controller = new AbortController();
    let fail!: (error: Error) => void;
    const pending = untilAborted(new Promise<never>((_, reject) => (fail = reject)), controller.signal);
    controller.abort(new Error('gone'));
    await assert.rejects(pending, (e: unknown) => MfaError.is(e, 'aborted'));
    fail(new Error('late'));
    const gone = new AbortController();
    gone.abort();
    await assert.rejects(untilAborted(Promise.resolve(1), gone.signal), (e: unknown) => MfaError.is(e, 'aborted'));
  });
});

describe('MfaError from anything thrown', () => {

  it('keeps the mfa token out of JSON and enumeration', () => {
    const error = new MfaError('mfa_required', { status: 403, mfaToken: 'secret-token' });
    assert.equal(error.mfaToken, 'secret-token');
    assert.equal(JSON.stringify(error).includes('secret-token'), false);
    assert.equal(Object.keys(error).includes('mfaToken'), false);
    assert.equal(error.message.includes('secret-token'), false);
  });
  it('wraps unknown errors and AbortErrors', () => {
    assert.equal(toMfaError(new DOMException('x', 'AbortError')).code, 'aborted');
    assert.equal(toMfaError(new TypeError('Failed to fetch')).code, 'network_error');
    const original = new MfaError('timeout');
    assert.equal(toMfaError(original), original);
    assert.equal(MfaError.is(original, 'timeout', 'aborted'), true);
    assert.equal(MfaError.is(original, 'aborted'), false);
  });
});
