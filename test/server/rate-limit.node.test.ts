/**
 * The per-user token bucket as the proxy's users meet it (429s and their Retry-After, refill and its
 * cap, on an injected clock) and as an operator's code meets `MemoryLimitStore` (the `LimitStore` a
 * fleet replaces with Redis): what `take` answers, one bucket per limit, bounded memory.
 */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryLimitStore } from '../../src/server/index.js';
import { BASE, harness, send } from './fixtures/harness.js';

describe('proxy rate limit: the bucket over time', () => {
  it('refills evenly: a wait in proportion to what is missing, one request per refilled token, never more than the limit', async (t) => {
    const h = await harness(t);
    let now = Date.UTC(2026, 0, 1);
    const proxy = h.proxy({ rateLimit: { limit: 3, windowMs: 60_000 }, now: () => now });
    const user = await h.user({ seed: [{ factor: 'otp' }] });
    const status = async () => {
      const res = await send(proxy, 'GET', `${BASE}/authenticators`, { user });
      return res.status === 429 ? `429 ${res.headers.get('retry-after')}` : String(res.status);
    };
    assert.deepEqual([await status(), await status(), await status(), await status()], ['200', '200', '200', '429 20']);
    now += 10_000;
    assert.equal(await status(), '429 10', 'half a token back after 10 s: 10 s more to wait');
    now += 9_999;
    assert.equal(await status(), '429 1', 'a millisecond short of a token: the wait rounds up to 1 s');
    now += 1;
    assert.deepEqual([await status(), await status()], ['200', '429 20'], 'one token refilled, one request');
    now += 40_000;
    assert.deepEqual([await status(), await status(), await status()], ['200', '200', '429 20'], 'two tokens after 40 s');
    now += 3_600_000;
    assert.deepEqual(
      [await status(), await status(), await status(), await status()],
      ['200', '200', '200', '429 20'],
      'an hour idle refills to the limit, not beyond',
    );
  });
});

describe('MemoryLimitStore', () => {
  const OPTIONS = { limit: 3, windowMs: 60_000 };

  it('answers what is left, then how long to wait, per key', async () => {
    let now = 1_000_000;
    const store = new MemoryLimitStore(() => now);
    const taken = [];
    for (let i = 0; i < 4; i++) taken.push(await store.take('a', OPTIONS));
    assert.deepEqual(taken, [
      { ok: true, remaining: 2 },
      { ok: true, remaining: 1 },
      { ok: true, remaining: 0 },
      { ok: false, retryAfter: 20 },
    ]);
    assert.deepEqual(await store.take('b', OPTIONS), { ok: true, remaining: 2 }, 'another key has its own bucket');
    now += 30_000;
    assert.deepEqual(await store.take('a', OPTIONS), { ok: true, remaining: 0 }, '1.5 tokens back: one spent, half left (rounded down)');
    assert.deepEqual(await store.take('a', OPTIONS), { ok: false, retryAfter: 10 });
  });

  it('keeps one bucket per limit: a stricter route’s limit does not spend the default one', async () => {
    const store = new MemoryLimitStore(() => 0);
    const strict = { limit: 1, windowMs: 60_000 };
    assert.equal((await store.take('u', strict)).ok, true);
    assert.equal((await store.take('u', strict)).ok, false);
    assert.deepEqual(await store.take('u', OPTIONS), { ok: true, remaining: 2 });
    assert.deepEqual(await store.take('u', { limit: 1, windowMs: 30_000 }), { ok: true, remaining: 0 }, 'same limit, another window: another bucket');
  });

  it('refuses a limit below 1 or a window that is not positive', async () => {
    const store = new MemoryLimitStore(() => 0);
    for (const options of [{ limit: 0, windowMs: 1000 }, { limit: 0.5, windowMs: 1000 }, { limit: 1, windowMs: 0 }, { limit: Number.NaN, windowMs: 1000 }, { limit: 1, windowMs: -1 }]) {
      await assert.rejects(async () => store.take('u', options), { name: 'RangeError', message: 'rateLimit: limit ≥ 1 and windowMs > 0 are required' }, JSON.stringify(options));
    }
    assert.deepEqual(await store.take('u', { limit: 1, windowMs: 1 }), { ok: true, remaining: 0 }, 'the smallest valid limit');
  });

  it('past 10,000 users it forgets idle ones only: a user still waiting stays limited', async () => {
    let now = Date.UTC(2026, 0, 1);
    const store = new MemoryLimitStore(() => now);
    for (let i = 0; i < 3; i++) await store.take('busy', OPTIONS);
    assert.equal((await store.take('busy', OPTIONS)).ok, false);
    // 10,000 more users, each with a bucket not yet full again when the next one arrives.
    for (let i = 0; i < 10_000; i++) await store.take(`user-${i}`, OPTIONS);
    now += 1_000;
    assert.deepEqual(await store.take('newcomer', OPTIONS), { ok: true, remaining: 2 });
    assert.deepEqual(await store.take('busy', OPTIONS), { ok: false, retryAfter: 19 }, 'busy’s bucket survived the pruning');
    assert.deepEqual(await store.take('user-0', OPTIONS), { ok: true, remaining: 1 }, 'so did a user with a token spent');
  });
});
