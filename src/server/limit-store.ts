import { RateLimiter, type RateLimitOptions, type RateLimitResult } from './rate-limit.js';

/**
 * Where the per-user limit lives. The proxy calls `take` once per request, after the session and
 * before any upstream call; `key` is the session's user id. A store shared by every instance (Redis)
 * holds the limit across a fleet; the default is per process.
 */
export interface LimitStore {
  take(key: string, options: RateLimitOptions): Promise<RateLimitResult>;
}

/** The default: a token bucket per user in this process's memory. */
export class MemoryLimitStore implements LimitStore {
  readonly #limiters = new Map<string, RateLimiter>();
  constructor(private readonly now: () => number = Date.now) {}

  take(key: string, options: RateLimitOptions): Promise<RateLimitResult> {
    const id = `${options.limit}/${options.windowMs}`;
    let limiter = this.#limiters.get(id);
    if (!limiter) this.#limiters.set(id, (limiter = new RateLimiter(options, this.now)));
    return Promise.resolve(limiter.take(key));
  }
}
