/**
 * The per-user limit across a fleet: two proxy processes behind one real redis-server. The limit is
 * held exactly (no over-admission, however the requests interleave), survives nothing more than
 * Redis does, and while Redis is down each process falls back to its own memory limit.
 */
import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { RedisLimitStore } from '../../src/server/index.js';
import { startChild, type ChildServer } from '../helpers/child-server.js';
import { startRedis, type RedisServer } from '../helpers/redis-server.js';
import { waitFor } from '../helpers/wait-node.js';

const LIMIT = 20;
const SCRIPT = 'test/server/fixtures/fleet-proxy.ts';
let redis: RedisServer;
let fleet: ChildServer[] = [];

before(async () => {
  redis = await startRedis();
  fleet = await Promise.all([0, 1].map(() => startChild(SCRIPT, { REDIS_PORT: String(redis.port), LIMIT: String(LIMIT) })));
});
after(async () => {
  await Promise.all(fleet.map((p) => p.stop()));
  await redis?.stop();
});

async function get(instance: ChildServer, user: string): Promise<number> {
  const res = await fetch(`${instance.url}/api/auth/mfa/authenticators`, { headers: { 'x-user': user } });
  await res.arrayBuffer();
  return res.status;
}

/** `count` requests for `user`, alternating between the instances, all in flight at once. */
async function burst(user: string, count: number): Promise<{ admitted: number; limited: number; other: number[] }> {
  const statuses = await Promise.all(Array.from({ length: count }, (_, i) => get(fleet[i % fleet.length]!, user)));
  return {
    admitted: statuses.filter((s) => s === 200).length,
    limited: statuses.filter((s) => s === 429).length,
    other: statuses.filter((s) => s !== 200 && s !== 429),
  };
}

async function stats(instance: ChildServer): Promise<{ redisErrors: number; redis: string }> {
  return (await fetch(`${instance.url}/__stats`)).json() as Promise<{ redisErrors: number; redis: string }>;
}

describe('RedisLimitStore: two proxy processes, one redis-server', () => {
  it('admits exactly the limit for one user across both processes, with a Retry-After on the rest', async () => {
    const result = await burst('auth0|fleet-a', LIMIT * 3);
    assert.deepEqual(result, { admitted: LIMIT, limited: LIMIT * 2, other: [] });
    const res = await fetch(`${fleet[1]!.url}/api/auth/mfa/authenticators`, { headers: { 'x-user': 'auth0|fleet-a' } });
    assert.equal(res.status, 429);
    assert.ok(Number(res.headers.get('retry-after')) >= 1);
    assert.deepEqual(await burst('auth0|fleet-b', LIMIT), { admitted: LIMIT, limited: 0, other: [] }, 'another user has their own bucket');
    for (const instance of fleet) assert.equal((await stats(instance)).redisErrors, 0);
  });

  it('survives a Redis restart: memory limits while it is down, the shared limit again once it is back', async () => {
    await redis.stop();
    // Down: each process limits on its own (never unlimited, never refusing everyone).
    const down = await burst('auth0|fleet-down', LIMIT * 4);
    assert.deepEqual(down, { admitted: LIMIT * 2, limited: LIMIT * 2, other: [] }, 'one memory bucket per process');
    for (const instance of fleet) assert.ok((await stats(instance)).redisErrors > 0, 'the failure was reported');

    await redis.restart();
    await waitFor(async () => (await Promise.all(fleet.map(stats))).every((s) => s.redis === 'ready'), 'both clients reconnect to the restarted Redis');
    const errorsBefore = (await Promise.all(fleet.map(stats))).map((s) => s.redisErrors);
    // Redis kept nothing (no persistence): the user's bucket there is full, and held exactly again.
    assert.deepEqual(await burst('auth0|fleet-a', LIMIT * 3), { admitted: LIMIT, limited: LIMIT * 2, other: [] });
    assert.deepEqual((await Promise.all(fleet.map(stats))).map((s) => s.redisErrors), errorsBefore, 'Redis answered every one');
  });

  it('the bucket refills at limit per window, in Redis time, and the key expires once full', async () => {
    const client = new Redis({ host: '127.0.0.1', port: redis.port, lazyConnect: true, maxRetriesPerRequest: 0 });
    await client.connect();
    try {
      const store = new RedisLimitStore(client, { prefix: 'refill:', onError: (error) => assert.fail(String(error)) });
      const options = { limit: 2, windowMs: 200 };
      assert.deepEqual(await store.take('u', options), { ok: true, remaining: 1 });
      assert.deepEqual(await store.take('u', options), { ok: true, remaining: 0 });
      const refused = await store.take('u', options);
      assert.equal(refused.ok, false);
      const ttl = await client.pttl('refill:u');
      assert.ok(ttl > 0 && ttl <= 201, `expires when full again (${ttl} ms)`);
      await waitFor(async () => (await client.exists('refill:u')) === 0, 'the key expires once the bucket is full');
      assert.deepEqual(await store.take('u', options), { ok: true, remaining: 1 }, 'a full bucket again');
    } finally {
      client.disconnect();
    }
  });
});
