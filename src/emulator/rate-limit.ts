import { OAuthError } from './http.js';

/** A token bucket: `burst` tokens, `refill` of them restored every `periodSeconds`, continuously. */
export interface LimitSpec {
  burst: number;
  refill: number;
  periodSeconds: number;
}

export type LimitName =
  | 'otpFailures'
  | 'recoveryFailures'
  | 'oobExchanges'
  | 'pushSends'
  | 'phoneSends'
  | 'emailSends';

/** Auth0's published MFA limits (Enterprise and Essentials tables agree), reference §4. */
export const DEFAULT_LIMITS: Readonly<Record<LimitName, LimitSpec>> = {
  otpFailures: { burst: 10, refill: 1, periodSeconds: 360 },
  recoveryFailures: { burst: 10, refill: 10, periodSeconds: 3600 },
  oobExchanges: { burst: 12, refill: 12, periodSeconds: 60 },
  pushSends: { burst: 5, refill: 5, periodSeconds: 60 },
  phoneSends: { burst: 10, refill: 1, periodSeconds: 3600 },
  emailSends: { burst: 20, refill: 1, periodSeconds: 60 },
};

export interface LimitState {
  ok: boolean;
  limit: number;
  /** Whole tokens left after this call. */
  remaining: number;
  /** Seconds until one more token is available (0 when one already is). */
  retryAfter: number;
  /** Epoch seconds at which `retryAfter` runs out. */
  resetAt: number;
}

interface Bucket {
  tokens: number;
  updatedAt: number;
}

export class RateLimiter {
  readonly #buckets = new Map<string, Bucket>();

  constructor(private readonly now: () => number) {}

  /** Reads the bucket without spending: for failure counters checked before a code is judged. */
  peek(key: string, spec: LimitSpec): LimitState {
    return this.#state(spec, this.#refill(key, spec));
  }

  /** Spends one token if there is one. */
  take(key: string, spec: LimitSpec): LimitState {
    const bucket = this.#refill(key, spec);
    if (bucket.tokens < 1) return this.#state(spec, bucket);
    bucket.tokens -= 1;
    return { ...this.#state(spec, bucket), ok: true };
  }

  #refill(key: string, spec: LimitSpec): Bucket {
    const now = this.now();
    let bucket = this.#buckets.get(key);
    if (!bucket) {
      bucket = { tokens: spec.burst, updatedAt: now };
      this.#buckets.set(key, bucket);
    }
    const refilled = ((now - bucket.updatedAt) * spec.refill) / (spec.periodSeconds * 1000);
    bucket.tokens = Math.min(spec.burst, bucket.tokens + refilled);
    bucket.updatedAt = now;
    return bucket;
  }

  #state(spec: LimitSpec, bucket: Bucket): LimitState {
    // Multiply before dividing, here and in #refill, so that whole periods stay exact in floating point.
    const waitMs = bucket.tokens >= 1 ? 0 : ((1 - bucket.tokens) * spec.periodSeconds * 1000) / spec.refill;
    const retryAfter = Math.ceil(waitMs / 1000);
    return {
      ok: bucket.tokens >= 1,
      limit: spec.burst,
      remaining: Math.floor(bucket.tokens),
      retryAfter,
      resetAt: Math.ceil((this.now() + retryAfter * 1000) / 1000),
    };
  }
}

export function rateLimitHeaders(state: LimitState): Record<string, string> {
  return {
    'x-ratelimit-limit': String(state.limit),
    'x-ratelimit-remaining': String(state.remaining),
    'x-ratelimit-reset': String(state.resetAt),
  };
}

/** The 429 Auth0 sends past a limit: `Retry-After` plus the x-ratelimit-* trio. */
export function limitExceeded(state: LimitState, code: string, description: string): OAuthError {
  return new OAuthError(429, code, description, {
    ...rateLimitHeaders({ ...state, remaining: 0 }),
    'retry-after': String(Math.max(1, state.retryAfter)),
  });
}

export const TOO_MANY_REQUESTS =
  'Too many requests. Check the X-RateLimit-Limit, X-RateLimit-Remaining and X-RateLimit-Reset headers.';
