/** RedisLimitStore's failure handling, on scripted clients: an error, a hang, a late failure, a bad answer. */
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { RedisLimitStore, type RedisEvalClient } from '../../src/server/index.js';

const OPTIONS = { limit: 2, windowMs: 60_000 };

function unhandled(): { list: unknown[]; stop(): void } {
  const list: unknown[] = [];
  const on = (reason: unknown) => list.push(reason);
  process.on('unhandledRejection', on);
  return { list, stop: () => process.off('unhandledRejection', on) };
}

describe('RedisLimitStore when Redis fails', () => {
  for (const [name, client] of [
    ['an error', { eval: () => Promise.reject(new Error('ECONNREFUSED')) }],
    ['a synchronous throw', { eval: () => { throw new Error('Connection is closed.'); } }],
    ['no answer', { eval: () => new Promise<unknown>(() => {}) }],
    ['a late failure after the timeout', { eval: () => new Promise<unknown>((_, reject) => setTimeout(() => reject(new Error('late')), 30)) }],
    ['an answer that is not the script’s', { eval: () => Promise.resolve('OK') }],
  ] as Array<[string, RedisEvalClient]>) {
    it(`${name}: falls back to the memory limit (exactly the limit, per process) and reports it`, async () => {
      const seen = unhandled();
      const errors: unknown[] = [];
      // Every answer the client gave, to wait for them all to settle (a late one included).
      const answers: Array<Promise<unknown>> = [];
      const recording: RedisEvalClient = {
        eval: (...args) => {
          const answer = client.eval(...args);
          answers.push(answer);
          return answer;
        },
      };
      const store = new RedisLimitStore(recording, { timeoutMs: 20, onError: (error) => errors.push(error) });
      try {
        const results = [];
        for (let i = 0; i < 3; i++) results.push(await store.take('u', OPTIONS));
        assert.deepEqual(results.map((r) => r.ok), [true, true, false], 'the limit still holds');
        assert.equal(errors.length, 3);
        const hung = name === 'no answer';
        if (!hung) await Promise.allSettled(answers);
        // Node reports an unhandled rejection once the microtasks after it have run.
        await new Promise((resolve) => setImmediate(resolve));
        assert.deepEqual(seen.list, [], 'no unhandled rejection');
      } finally {
        seen.stop();
      }
    });
  }
});
