import type { LimitStore } from './limit-store.js';

export interface RateLimitOptions {
  /** Requests allowed in a burst, and per `windowMs` sustained. */
  limit: number;
  windowMs: number;
}

export interface ProxyRateLimit extends RateLimitOptions {
  /** Where the limit lives: this process's memory by default; a `RedisLimitStore` for a fleet. */
  store?: LimitStore;
}

export type RateLimitResult = { ok: true; remaining: number } | { ok: false; retryAfter: number };

/** Above this many tracked users, full buckets (idle users) are dropped. */
const PRUNE_ABOVE = 10_000;

/**
 * A token bucket per key (the session's user id): `limit` requests at once, refilled evenly over
 * `windowMs`. In memory, so per process; `RedisLimitStore` holds it across a fleet.
 */
export class RateLimiter {
  readonly #buckets = new Map<string, { tokens: number; updated: number }>();
  readonly #perMs: number;

  constructor(
    readonly options: RateLimitOptions,
    private readonly now: () => number = Date.now,
  ) {
    if (!(options.limit >= 1) || !(options.windowMs > 0)) throw new RangeError('rateLimit: limit ≥ 1 and windowMs > 0 are required');
    this.#perMs = options.limit / options.windowMs;
  }

  take(key: string): RateLimitResult {
    const now = this.now();
    const { limit } = this.options;
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      if (this.#buckets.size >= PRUNE_ABOVE) this.#prune(now);
      bucket = { tokens: limit, updated: now };
      this.#buckets.set(key, bucket);
    }
    bucket.tokens = Math.min(limit, bucket.tokens + (now - bucket.updated) * this.#perMs);
    bucket.updated = now;
    if (bucket.tokens >= 1) {
      bucket.tokens -= 1;
      return { ok: true, remaining: Math.floor(bucket.tokens) };
    }
    return { ok: false, retryAfter: Math.max(1, Math.ceil((1 - bucket.tokens) / this.#perMs / 1000)) };
  }

  #prune(now: number): void {
    for (const [key, bucket] of this.#buckets) {
      if (bucket.tokens + (now - bucket.updated) * this.#perMs >= this.options.limit) this.#buckets.delete(key);
    }
  }
}
