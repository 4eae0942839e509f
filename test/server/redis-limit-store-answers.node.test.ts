/**
 * RedisLimitStore as an operator's code sees it, against a real redis-server (in this process, so
 * every line runs here): its default key prefix, the wait it reports in whole seconds rounded up,
 * what it does with an answer of the wrong length, and where it reports failures by default.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { RedisLimitStore } from '../../src/server/index.js';
import { startRedis, type RedisServer } from '../helpers/redis-server.js';

let redis: RedisServer;
let client: Redis;

before(async () => {
  redis = await startRedis();
  client = new Redis({ host: '127.0.0.1', port: redis.port, lazyConnect: true, maxRetriesPerRequest: 0 });
  await client.connect();
});
after(async () => {
  client?.disconnect();
  await redis?.stop();
});

describe('RedisLimitStore: answers and defaults', () => {
  it('keeps each user’s bucket under mfa-proxy:limit:<user> unless told another prefix', async () => {
    const store = new RedisLimitStore(client, { onError: (error) => assert.fail(String(error)) });
    assert.deepEqual(await store.take('auth0|prefix', { limit: 3, windowMs: 60_000 }), { ok: true, remaining: 2 });
    assert.equal(await client.exists('mfa-proxy:limit:auth0|prefix'), 1);
    const other = new RedisLimitStore(client, { prefix: 'app2:', onError: (error) => assert.fail(String(error)) });
    assert.deepEqual(await other.take('auth0|prefix', { limit: 3, windowMs: 60_000 }), { ok: true, remaining: 2 }, 'another prefix, another bucket');
    assert.equal(await client.exists('app2:auth0|prefix'), 1);
  });

  it('reports the wait in whole seconds, rounded up', async () => {
    const store = new RedisLimitStore(client, { prefix: 'wait:', onError: (error) => assert.fail(String(error)) });
    // One token per 1.9 s: just after spending it (under 0.9 s later), the wait is 1.0x–1.9 s → 2 s.
    const options = { limit: 1, windowMs: 1_900 };
    assert.deepEqual(await store.take('u', options), { ok: true, remaining: 0 });
    const refused = await store.take('u', options);
    assert.equal(refused.ok, false);
    assert.equal((refused as { retryAfter: number }).retryAfter, 2);
  });

  it('an answer of the wrong length is a failure: reported, and the memory limit applies', async () => {
    const errors: unknown[] = [];
    for (const answer of [[1, 2, 3], [1], []]) {
      const store = new RedisLimitStore({ eval: async () => answer }, { onError: (error) => errors.push(error) });
      assert.deepEqual(await store.take('u', { limit: 5, windowMs: 60_000 }), { ok: true, remaining: 4 }, JSON.stringify(answer));
    }
    assert.deepEqual(errors.map(String), Array(3).fill('Error: unexpected answer from the rate-limit script'));
    const scripted = new RedisLimitStore({ eval: async () => ['0', '2500'] }, { onError: (error) => assert.fail(String(error)) });
    assert.deepEqual(await scripted.take('u', { limit: 5, windowMs: 60_000 }), { ok: false, retryAfter: 3 }, 'a refusal, its wait in ms read as a number');
    const allowed = new RedisLimitStore({ eval: async () => ['1', '4'] }, { onError: (error) => assert.fail(String(error)) });
    assert.deepEqual(await allowed.take('u', { limit: 5, windowMs: 60_000 }), { ok: true, remaining: 4 });
  });

  it('without onError, a Redis failure is one console.error line with the error', async (t) => {
    const logged: unknown[][] = [];
    t.mock.method(console, 'error', (...args: unknown[]) => logged.push(args));
    const failure = new Error('ECONNREFUSED');
    const store = new RedisLimitStore({ eval: () => Promise.reject(failure) });
    assert.deepEqual(await store.take('u', { limit: 1, windowMs: 1_000 }), { ok: true, remaining: 0 });
    assert.deepEqual(logged, [['[mfa-proxy] rate-limit store:', failure]]);
  });

  it('a Redis that does not answer within timeoutMs is a failure with the limit in its message', async () => {
    const errors: unknown[] = [];
    const store = new RedisLimitStore({ eval: () => new Promise<unknown>(() => {}) }, { timeoutMs: 5, onError: (error) => errors.push(error) });
    assert.deepEqual(await store.take('u', { limit: 1, windowMs: 1_000 }), { ok: true, remaining: 0 });
    assert.deepEqual(errors.map(String), ['Error: Redis did not answer within 5 ms']);
  });
});
