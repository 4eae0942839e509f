/** Auth0's `error` strings that the library branches on. */
export type Auth0ErrorCode =
  | 'invalid_grant'
  | 'authorization_pending'
  | 'slow_down'
  | 'expired_token'
  | 'access_denied'
  | 'too_many_attempts'
  | 'too_many_requests'
  | 'mfa_required'
  | 'unsupported_challenge_type'
  | 'association_required'
  | 'invalid_authenticator'
  | 'invalid_request'
  | 'invalid_token'
  | 'invalid_client'
  | 'unauthorized_client'
  | 'server_error';

/** Codes the library itself raises. */
export type LocalErrorCode =
  /** fetch rejected: offline, DNS, CORS refused. */
  | 'network_error'
  /** No answer within the timeout. */
  | 'timeout'
  /** The caller aborted (element disconnected, user cancelled). Usually not worth showing. */
  | 'aborted'
  /** The body was not JSON or not of the expected shape. */
  | 'bad_response'
  /** HTTP 429 with no more specific Auth0 code. */
  | 'rate_limited'
  /** A 5xx with no Auth0 code. */
  | 'server_unavailable'
  /** The ticket popup was blocked by the browser. */
  | 'popup_blocked'
  /** The user's input was refused before any request (phone number, email, code format). */
  | 'invalid_input'
  /** A URL or `otpauth:` URI failed its scheme or shape check. */
  | 'invalid_uri'
  /** The source cannot do this (missing proxy route, no token for the call). */
  | 'unsupported'
  /** No `<mfa-provider>` and no `source` property. */
  | 'no_source'
  /** "User is already enrolled": an `mfa_token` cannot add a second factor. */
  | 'already_enrolled'
  /** The HTTP status had no body code we know. */
  | 'http_error';

export type MfaErrorCode = Auth0ErrorCode | LocalErrorCode | (string & {});

export interface MfaErrorInit {
  status?: number;
  description?: string;
  retryAfter?: number;
  attemptsLeft?: number;
  mfaToken?: string;
  cause?: unknown;
}

/**
 * The one error type every source and element throws or reports. Branch on `code`, never on
 * `status` alone: Auth0's statuses for the same error differ between endpoints and proxies.
 */
export class MfaError extends Error {
  override readonly name = 'MfaError';
  readonly code: MfaErrorCode;
  /** HTTP status, when the error came from a response. */
  readonly status?: number;
  /** Auth0's `error_description` or our own text. Server text: render it as text only. */
  readonly description?: string;
  /** Seconds to wait before trying again (from `Retry-After` or `x-ratelimit-reset`). */
  readonly retryAfter?: number;
  /** Failed attempts the server will still accept, when it says (`x-ratelimit-remaining`). */
  readonly attemptsLeft?: number;
  /** With `mfa_required`: the new token for chained MFA. Never logged. */
  readonly mfaToken?: string;

  constructor(code: MfaErrorCode, init: MfaErrorInit = {}) {
    super(init.description ? `${code}: ${init.description}` : code, { cause: init.cause });
    this.code = code;
    this.status = init.status;
    this.description = init.description;
    this.retryAfter = init.retryAfter;
    this.attemptsLeft = init.attemptsLeft;
    // Not enumerable so that JSON.stringify(error) or a console dump cannot leak it.
    Object.defineProperty(this, 'mfaToken', { value: init.mfaToken, enumerable: false });
  }

  static is(value: unknown, ...codes: MfaErrorCode[]): value is MfaError {
    return value instanceof MfaError && (codes.length === 0 || codes.includes(value.code));
  }
}

// ─── the error policy: which failures mean "wait" and which pass by themselves ──────────────────
// One list each, asked by every element and the poller (they used to keep four that disagreed).

/** Too many requests of any kind (a server's or the proxy's rate limit). */
const REQUEST_RATE: readonly MfaErrorCode[] = ['too_many_requests', 'rate_limited'];

/**
 * Rate limited: the same request may succeed after a wait (`retryAfter` when the server said how
 * long). Too many wrong codes (`too_many_attempts`) and a poll that came too soon (`slow_down`) too.
 */
export function isRateLimited(error: unknown): error is MfaError {
  return MfaError.is(error, ...REQUEST_RATE, 'too_many_attempts', 'slow_down');
}

/** A failure that passes by itself, so the same request is worth trying again: the network, a timeout, an overloaded server, a rate limit. */
export function isTransient(error: unknown): error is MfaError {
  return MfaError.is(error, 'network_error', 'timeout', 'server_unavailable', ...REQUEST_RATE);
}

/** Wraps anything thrown into an `MfaError`, keeping one that already is. */
/**
 * What a failed push poll means to the user: it expired unanswered, it was declined, or neither
 * (then it is shown as the error it is). Enrollment and verification say these the same way.
 */
export function pushOutcome(code: string): 'expired' | 'rejected' | undefined {
  if (code === 'expired_token') return 'expired';
  return code === 'invalid_grant' || code === 'access_denied' ? 'rejected' : undefined;
}

export function toMfaError(error: unknown): MfaError {
  if (error instanceof MfaError) return error;
  if (isAbortError(error)) return new MfaError('aborted', { cause: error });
  return networkError(error);
}

/** `network_error`, described by what was thrown. */
export function networkError(error: unknown): MfaError {
  return new MfaError('network_error', { description: describe(error), cause: error });
}

/** The message of anything thrown. */
export function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/** `aborted`, with the signal's reason as its cause. */
export function abortError(signal: AbortSignal): MfaError {
  return new MfaError('aborted', { cause: signal.reason });
}

/**
 * `promise`, or a rejection the moment `signal` aborts: the caller stops waiting, and the work
 * behind the promise is abandoned, not cancelled (a source that ignores the signal cannot hold the
 * caller up). The rejection is `aborted(signal)`, `abortError` by default.
 */
export function untilAborted<T>(
  promise: Promise<T>,
  signal: AbortSignal | undefined,
  aborted: (signal: AbortSignal) => MfaError = abortError,
): Promise<T> {
  if (!signal) return promise;
  if (signal.aborted) return Promise.reject(aborted(signal));
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => reject(aborted(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    promise.then(
      (value) => {
        signal.removeEventListener('abort', onAbort);
        resolve(value);
      },
      (error: unknown) => {
        signal.removeEventListener('abort', onAbort);
        reject(signal.aborted ? aborted(signal) : error);
      },
    );
  });
}

export function isAbortError(error: unknown): boolean {
  return (
    (error instanceof DOMException || error instanceof Error) &&
    (error.name === 'AbortError' || (error as { code?: unknown }).code === 'aborted')
  );
}

const HTTP_DATE = /^(?:Mon|Tue|Wed|Thu|Fri|Sat|Sun), \d\d (?:Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec) \d{4} \d\d:\d\d:\d\d GMT$/;

/**
 * Seconds to wait, from `Retry-After` (delta seconds or an HTTP date) or else
 * `x-ratelimit-reset` (Unix epoch seconds). Undefined when neither is usable.
 */
export function parseRetryAfter(headers: Headers, now: number = Date.now()): number | undefined {
  const retryAfter = headers.get('retry-after')?.trim();
  if (retryAfter) {
    if (/^\d+$/.test(retryAfter)) return Number(retryAfter);
    // Only an HTTP date (IMF-fixdate, the form RFC 9110 has servers send): `Date.parse` alone also takes
    // words and numbers (`'in 5'` is a date in 2001 for V8), which would turn junk into "retry now".
    if (HTTP_DATE.test(retryAfter)) return Math.max(0, Math.ceil((Date.parse(retryAfter) - now) / 1000));
  }
  const reset = headers.get('x-ratelimit-reset')?.trim();
  if (reset && /^\d+$/.test(reset)) return Math.max(0, Math.ceil(Number(reset) - now / 1000));
  return undefined;
}
