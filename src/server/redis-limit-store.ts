import { MemoryLimitStore, type LimitStore } from './limit-store.js';
import type { RateLimitOptions, RateLimitResult } from './rate-limit.js';

/**
 * What the store needs of a Redis client: ioredis's `eval(script, numKeys, ...keysAndArgs)`.
 * (node-redis: pass `{ eval: (s, n, ...a) => client.eval(s, { keys: a.slice(0, n), arguments: a.slice(n) }) }`.)
 */
export interface RedisEvalClient {
  eval(script: string, numKeys: number, ...args: Array<string | number>): Promise<unknown>;
}

export interface RedisLimitStoreOptions {
  /** Key prefix, so several apps can share one Redis. Default `mfa-proxy:limit:`. */
  prefix?: string;
  /** A Redis answer slower than this counts as Redis being unreachable. Default 250 ms. */
  timeoutMs?: number;
  /**
   * Called with every Redis failure. Then the request is limited by the per-process memory store
   * instead (see below). Default `console.error`.
   */
  onError?(error: unknown): void;
}

/**
 * One token bucket per user, read and written by a single Lua script, so that it is atomic across
 * every process sharing the Redis: two instances can never both spend the last token. Time is
 * Redis's own (`TIME`), so the instances' clocks do not matter. The key expires once the bucket
 * would be full again, so idle users cost nothing.
 */
const TAKE = `
local limit = tonumber(ARGV[1])
local window = tonumber(ARGV[2])
local t = redis.call('TIME')
local now = tonumber(t[1]) * 1000 + math.floor(tonumber(t[2]) / 1000)
local saved = redis.call('HMGET', KEYS[1], 'tokens', 'at')
local tokens = tonumber(saved[1]) or limit
local at = tonumber(saved[2]) or now
local perMs = limit / window
tokens = math.min(limit, tokens + math.max(0, now - at) * perMs)
local ok = 0
if tokens >= 1 then
  tokens = tokens - 1
  ok = 1
end
redis.call('HSET', KEYS[1], 'tokens', string.format('%.17g', tokens), 'at', now)
redis.call('PEXPIRE', KEYS[1], math.ceil((limit - tokens) / perMs) + 1)
if ok == 1 then return {1, math.floor(tokens)} end
return {0, math.ceil((1 - tokens) / perMs)}
`;

/**
 * The per-user limit in Redis, for a fleet of proxies. **When Redis is unreachable (an error, or no
 * answer within `timeoutMs`) it degrades to the per-process memory limit**, and reports the
 * failure to `onError`: neither fail open (no limit at all while Redis is down) nor fail closed
 * (every MFA request refused while Redis is down). A fleet of N then admits at most N × the limit
 * until Redis answers again; Auth0's own per-user limits still stand behind it. Once Redis answers,
 * its buckets are used again (as they were, or full if Redis lost them).
 */
export class RedisLimitStore implements LimitStore {
  readonly #fallback: MemoryLimitStore;
  readonly #prefix: string;
  readonly #timeoutMs: number;
  readonly #onError: (error: unknown) => void;

  constructor(
    private readonly client: RedisEvalClient,
    options: RedisLimitStoreOptions = {},
    now: () => number = Date.now,
  ) {
    this.#fallback = new MemoryLimitStore(now);
    this.#prefix = options.prefix ?? 'mfa-proxy:limit:';
    this.#timeoutMs = options.timeoutMs ?? 250;
    this.#onError = options.onError ?? ((error) => console.error('[mfa-proxy] rate-limit store:', error));
  }

  async take(key: string, options: RateLimitOptions): Promise<RateLimitResult> {
    let timer: ReturnType<typeof setTimeout> | undefined;
    try {
      const answer = await Promise.race([
        this.client.eval(TAKE, 1, this.#prefix + key, options.limit, options.windowMs),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`Redis did not answer within ${this.#timeoutMs} ms`)), this.#timeoutMs);
        }),
      ]);
      if (!Array.isArray(answer) || answer.length !== 2) throw new Error('unexpected answer from the rate-limit script');
      const [ok, value] = answer.map(Number) as [number, number];
      return ok === 1 ? { ok: true, remaining: value } : { ok: false, retryAfter: Math.max(1, Math.ceil(value / 1000)) };
    } catch (error) {
      this.#onError(error);
      return this.#fallback.take(key, options);
    } finally {
      clearTimeout(timer);
    }
  }
}
