// The proxy's throughput and p99 with each limit store: one fleet-proxy process (test/server/
// fixtures/fleet-proxy.ts: createMfaProxy with an instant upstream, so the proxy and its limit are
// what is measured), first on the memory store, then on RedisLimitStore against a real
// redis-server on a free loopback port. A fixed number of requests, 16 in flight, over 64 users
// with a limit no request reaches. Skipped when /usr/bin/redis-server is missing.
import { existsSync } from 'node:fs';
import { performance } from 'node:perf_hooks';

const REQUESTS = 3000;
const IN_FLIGHT = 16;

async function measure(url) {
  const times = [];
  let next = 0;
  let failed = 0;
  const worker = async () => {
    while (next < REQUESTS) {
      const i = next++;
      const t0 = performance.now();
      const res = await fetch(`${url}/api/auth/mfa/authenticators`, { headers: { 'x-user': `auth0|bench-${i % 64}` } });
      await res.arrayBuffer();
      if (res.status !== 200) failed++;
      times.push(performance.now() - t0);
    }
  };
  const start = performance.now();
  await Promise.all(Array.from({ length: IN_FLIGHT }, worker));
  const seconds = (performance.now() - start) / 1000;
  const sorted = times.sort((a, b) => a - b);
  return { rps: REQUESTS / seconds, p50: sorted[Math.floor(sorted.length / 2)], p99: sorted[Math.floor(sorted.length * 0.99)], failed };
}

export async function proxyStores() {
  const { startChild } = await import('../../test/helpers/child-server.ts');
  const { startRedis, REDIS_BINARY } = await import('../../test/helpers/redis-server.ts');
  console.log('\n## Proxy throughput by limit store (one process, 127.0.0.1)\n');
  console.log(`${REQUESTS} requests, ${IN_FLIGHT} in flight, GET /authenticators with an instant upstream\n`);
  console.log('| store | requests/s | p50 | p99 | non-200 |\n|---|---:|---:|---:|---:|');
  const row = (name, r) =>
    console.log(`| ${name} | ${Math.round(r.rps).toLocaleString('en')} | ${r.p50.toFixed(2)} ms | ${r.p99.toFixed(2)} ms | ${r.failed} |`);
  const env = { LIMIT: '1000000', WINDOW_MS: '60000' };
  const memory = await startChild('test/server/fixtures/fleet-proxy.ts', { ...env, REDIS_PORT: '' });
  try {
    await measure(memory.url); // warm-up
    row('memory', await measure(memory.url));
  } finally {
    await memory.stop();
  }
  if (!existsSync(REDIS_BINARY)) {
    console.log('| redis | (skipped: no redis-server) | | | |');
    return;
  }
  const redis = await startRedis();
  try {
    const proxy = await startChild('test/server/fixtures/fleet-proxy.ts', { ...env, REDIS_PORT: String(redis.port) });
    try {
      await measure(proxy.url);
      row('redis (ioredis, Lua)', await measure(proxy.url));
    } finally {
      await proxy.stop();
    }
  } finally {
    await redis.stop();
  }
}
