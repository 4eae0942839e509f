/** The one ask → send → refresh once → send loop both direct sources use (src/core/token-retry.ts). */
import { describe, it } from 'node:test';
import assert from 'node:assert/strict';
import { MfaError } from '../../src/core/errors.js';
import { askToken, sendWithToken } from '../../src/core/token-retry.js';

/**
 * A token holder as the sources keep one: `refresh(force)` asks for the next token of `tokens`; `given` is
 * a token the page set without a getToken (there is nothing to ask then).
 */
function holder(tokens: (string | undefined)[], given?: string) {
  const asked: boolean[] = [];
  let current = given;
  return {
    asked,
    refresh: async (force: boolean) => {
      asked.push(force);
      current = tokens.shift();
    },
    current: () => current,
  };
}

describe('askToken', () => {
  it('asks getToken with forceRefresh as given, and is undefined without one', async () => {
    const seen: boolean[] = [];
    const getToken = async ({ forceRefresh }: { forceRefresh: boolean }) => {
      seen.push(forceRefresh);
      return { accessToken: `t${seen.length}` };
    };
    assert.deepEqual(await askToken(getToken, false), { accessToken: 't1' });
    assert.deepEqual(await askToken(getToken, true), { accessToken: 't2' });
    assert.deepEqual(seen, [false, true]);
    assert.equal(await askToken(undefined, true), undefined);
  });
  it('turns a failing getToken into invalid_token that keeps the cause, and passes an MfaError on as it is', async () => {
    const cause = new Error('session gone');
    await assert.rejects(
      askToken(async () => Promise.reject(cause), false),
      (e: unknown) => MfaError.is(e, 'invalid_token') && e.description === 'getToken() failed' && e.cause === cause,
    );
    const own = new MfaError('network_error');
    await assert.rejects(askToken(async () => Promise.reject(own), false), (e: unknown) => e === own);
  });
});

describe('sendWithToken', () => {
  it('sends once with the first token when the server takes it', async () => {
    const h = holder(['a', 'b']);
    const sent: string[] = [];
    const result = await sendWithToken(h.refresh, h.current, async (t) => (sent.push(t), `ok ${t}`), true, 'no token');
    assert.equal(result, 'ok a');
    assert.deepEqual(sent, ['a']);
    assert.deepEqual(h.asked, [false]);
  });
  it('without a token is unsupported, saying what is missing, and sends nothing', async () => {
    const h = holder([undefined]);
    let sent = 0;
    await assert.rejects(
      sendWithToken(h.refresh, h.current, async () => ++sent, true, 'an access token is needed'),
      (e: unknown) => MfaError.is(e, 'unsupported') && e.description === 'an access token is needed',
    );
    assert.equal(sent, 0);
  });
  for (const code of ['invalid_token', 'expired_token'] as const) {
    it(`on ${code} asks for a fresh token and sends once more with it`, async () => {
      const h = holder(['old', 'new']);
      const sent: string[] = [];
      const result = await sendWithToken(
        h.refresh,
        h.current,
        async (t) => {
          sent.push(t);
          if (t === 'old') throw new MfaError(code);
          return 'done';
        },
        true,
        'no token',
      );
      assert.equal(result, 'done');
      assert.deepEqual(sent, ['old', 'new']);
      assert.deepEqual(h.asked, [false, true]);
    });
  }
  it('never retries a second time, whatever the second answer is', async () => {
    const h = holder(['a', 'b', 'c']);
    const sent: string[] = [];
    const second = new MfaError('expired_token', { description: 'second' });
    await assert.rejects(
      sendWithToken(h.refresh, h.current, async (t) => {
        sent.push(t);
        throw t === 'a' ? new MfaError('invalid_token') : second;
      }, true, 'no token'),
      (e: unknown) => e === second,
    );
    assert.deepEqual(sent, ['a', 'b']);
    assert.deepEqual(h.asked, [false, true]);
  });
  it('passes the first error on when there is nothing to refresh with, or no new token comes', async () => {
    const first = new MfaError('invalid_token');
    const fail = async () => Promise.reject(first);
    const noRefresh = holder(['b'], 'a');
    const sent: string[] = [];
    const failSent = async (t: string) => (sent.push(t), Promise.reject(first));
    await assert.rejects(sendWithToken(noRefresh.refresh, noRefresh.current, failSent, false, 'no token'), (e: unknown) => e === first);
    // Without a getToken nothing is asked, not even before the first send, and the given token is sent once.
    assert.deepEqual(noRefresh.asked, []);
    assert.deepEqual(sent, ['a']);
    const gone = holder(['a', undefined]);
    await assert.rejects(sendWithToken(gone.refresh, gone.current, fail, true, 'no token'), (e: unknown) => e === first);
    assert.deepEqual(gone.asked, [false, true]);
  });
  it('passes any other failure on without asking for a token again', async () => {
    const h = holder(['a', 'b']);
    const limit = new MfaError('too_many_requests');
    await assert.rejects(sendWithToken(h.refresh, h.current, async () => Promise.reject(limit), true, 'no token'), (e: unknown) => e === limit);
    assert.deepEqual(h.asked, [false]);
  });
});
