import { abortError, isTransient, MfaError, toMfaError, untilAborted } from './errors.js';
import type { MfaSource, VerifyResult } from './types.js';

/** Injectable for tests; defaults to the real clock and timers. */
export interface PollTimers {
  now(): number;
  setTimeout(callback: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

export interface PollState {
  /** Requests answered so far. */
  attempt: number;
  /** Current wait between requests. */
  intervalMs: number;
  /** Epoch ms after which polling gives up; a countdown can be drawn from it. */
  expiresAt: number;
  remainingMs: number;
}

export interface PollOptions {
  oobCode: string;
  /** Seconds, from the challenge or associate response. */
  interval?: number;
  /** Seconds, from the challenge or associate response. */
  expiresIn?: number;
  signal?: AbortSignal;
  /** Called once before the first request and after every `authorization_pending`/`slow_down`. */
  onPending?(state: PollState): void;
  timers?: PollTimers;
}

export const DEFAULT_POLL_INTERVAL_S = 5;
/** The 5 minutes Auth0 gives a user to scan the Guardian QR or answer a push. */
export const DEFAULT_POLL_EXPIRY_S = 300;
/**
 * Bounds on what a server may ask for. Auth0 answers `interval: 5` and a 300 s expiry; a server that
 * answers `0.001` must not turn the poller into a request storm, and one that answers `1e12` must not
 * overflow `setTimeout`'s 2³¹ ms limit (which fires at once). The same ceiling caps `slow_down`
 * growth and `Retry-After`.
 */
export const MIN_POLL_INTERVAL_S = 1;
export const MAX_POLL_INTERVAL_S = 60;
/** Auth0's device flow gives at most 15 minutes; nothing the elements poll lives longer. */
export const MAX_POLL_EXPIRY_S = 900;
/** RFC 8628's back-off, which Auth0's device flow documents for `slow_down`. */
export const SLOW_DOWN_STEP_MS = 5_000;
/** Failures that say nothing about the push itself: tolerated a few times in a row. */
const MAX_TRANSIENT_IN_A_ROW = 3;

const realTimers: PollTimers = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => setTimeout(callback, ms),
  clearTimeout: (handle) => clearTimeout(handle as ReturnType<typeof setTimeout>),
};

/**
 * Polls an out-of-band code (push enrollment or challenge) until the user answers. Waits one interval
 * before each request (the user cannot have answered yet) and sends one request at a time. Rejects
 * with the server's code on `invalid_grant` (rejected), `expired_token`, `access_denied`, with
 * `expired_token` when the expiry passes locally, with `aborted` as soon as `signal` fires.
 */
export async function pollOob(source: MfaSource, options: PollOptions): Promise<VerifyResult> {
  const timers = options.timers ?? realTimers;
  const { signal } = options;
  const maxIntervalMs = MAX_POLL_INTERVAL_S * 1000;
  let intervalMs = clamp(options.interval, DEFAULT_POLL_INTERVAL_S, MIN_POLL_INTERVAL_S, MAX_POLL_INTERVAL_S) * 1000;
  const expiresAt = timers.now() + clamp(options.expiresIn, DEFAULT_POLL_EXPIRY_S, 0, MAX_POLL_EXPIRY_S) * 1000;
  let attempt = 0;
  let transientInARow = 0;
  let waitMs = intervalMs;
  const report = (): void =>
    options.onPending?.({ attempt, intervalMs, expiresAt, remainingMs: Math.max(0, expiresAt - timers.now()) });

  report();
  for (;;) {
    await sleep(Math.min(waitMs, Math.max(0, expiresAt - timers.now())), timers, signal);
    if (timers.now() >= expiresAt) {
      throw new MfaError('expired_token', { description: 'The request expired before it was answered.' });
    }
    try {
      // A source that ignores the signal must still not keep the poller alive after an abort.
      return await untilAborted(source.verify({ type: 'oob', oobCode: options.oobCode }, { signal }), signal);
    } catch (thrown) {
      const error = toMfaError(thrown);
      attempt++;
      waitMs = intervalMs;
      if (error.code === 'authorization_pending') {
        transientInARow = 0;
      } else if (error.code === 'slow_down') {
        transientInARow = 0;
        intervalMs = Math.min(maxIntervalMs, intervalMs + SLOW_DOWN_STEP_MS);
        waitMs = intervalMs;
      } else if (isTransient(error) && ++transientInARow < MAX_TRANSIENT_IN_A_ROW) {
        waitMs = Math.min(maxIntervalMs, Math.max(intervalMs, (error.retryAfter ?? 0) * 1000));
        continue;
      } else {
        // invalid_grant (rejected), expired_token, access_denied, aborted, and anything unexpected.
        throw error;
      }
      report();
    }
  }
}

/** A positive finite number within [min, max]; anything else (absent, 0, NaN, negative) is the default. */
function clamp(value: number | undefined, fallback: number, min: number, max: number): number {
  if (typeof value !== 'number' || !(value > 0) || Number.isNaN(value)) return fallback;
  return Math.min(max, Math.max(min, value));
}

/** Resolves after `ms`, or rejects with `aborted` the moment the signal fires. */
function sleep(ms: number, timers: PollTimers, signal?: AbortSignal): Promise<void> {
  if (signal?.aborted) return Promise.reject(abortError(signal));
  return new Promise((resolve, reject) => {
    const onAbort = (): void => {
      timers.clearTimeout(handle);
      reject(abortError(signal!));
    };
    const handle = timers.setTimeout(() => {
      signal?.removeEventListener('abort', onAbort);
      resolve();
    }, ms);
    signal?.addEventListener('abort', onAbort, { once: true });
  });
}
