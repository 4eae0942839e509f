import { describe, MfaError, networkError, parseRetryAfter } from './errors.js';
import { isObject } from './validate.js';
import type { FetchLike } from './types.js';

export const DEFAULT_TIMEOUT_MS = 15_000;

export interface HttpRequest<T> {
  url: string;
  method?: string;
  headers?: Record<string, string>;
  /** Sent as `application/json`. */
  json?: unknown;
  /** Sent as `application/x-www-form-urlencoded` (what Auth0 documents for `/oauth/token`). */
  form?: Record<string, string>;
  /**
   * Validates and maps a 2xx body (`undefined` when the body is empty). Anything it throws becomes
   * `MfaError('bad_response')`. Without it the body is ignored and the call resolves to undefined.
   */
  parse?: (body: unknown) => T;
  signal?: AbortSignal;
  timeoutMs?: number;
  fetch?: FetchLike;
  credentials?: RequestCredentials;
  /** Maps a non-2xx answer instead of `errorFromResponse` (the My Account API's problem details). */
  error?: (status: number, headers: Headers, body: unknown) => MfaError;
}

/**
 * One HTTP exchange: every failure comes out as an `MfaError`, never as a raw `TypeError` or a
 * JSON `SyntaxError`, so callers branch on `code` only.
 */
export async function request<T = undefined>(req: HttpRequest<T>): Promise<T> {
  const { signal, json, form } = req;
  const timeoutMs = req.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  if (signal?.aborted) throw new MfaError('aborted', { cause: signal.reason });
  // A signal that fires on the caller's abort or on the timeout, whichever comes first. Built by
  // hand rather than with `AbortSignal.any`/`AbortSignal.timeout`, which older WebKit lacks, and so
  // that the two causes can be told apart afterwards.
  const controller = new AbortController();
  const onAbort = (): void => controller.abort(signal!.reason);
  signal?.addEventListener('abort', onAbort, { once: true });
  const timer =
    timeoutMs > 0 && timeoutMs < Infinity
      ? setTimeout(() => controller.abort(new DOMException('The request timed out.', 'TimeoutError')), timeoutMs)
      : undefined;
  const [type, body] =
    json !== undefined
      ? ['application/json', JSON.stringify(json)]
      : form
        ? ['application/x-www-form-urlencoded', `${new URLSearchParams(form)}`]
        : [];
  try {
    let response: Response;
    let text: string;
    try {
      response = await (req.fetch ?? fetch)(req.url, {
        method: req.method ?? 'GET',
        headers: { accept: 'application/json', ...req.headers, ...(type && { 'content-type': type }) },
        body,
        signal: controller.signal,
        credentials: req.credentials,
        // Auth0's API never redirects; following one would re-send the body (an `mfa_token`, an
        // OTP) and the bearer to wherever the redirect points. Refused below instead.
        redirect: 'manual',
      });
      // The deadline also covers the body: a server that stalls mid-body times out too.
      text = await response.text();
    } catch (error) {
      throw signal?.aborted
        ? new MfaError('aborted', { cause: error })
        : controller.signal.aborted // by the timer, the only other way
          ? new MfaError('timeout', { cause: error })
          : networkError(error);
    }
    const { status } = response;
    // Browsers hand back an opaque status-0 answer for a refused redirect, Node the 3xx itself.
    if (response.type === 'opaqueredirect' || (status >= 300 && status < 400)) {
      throw new MfaError('bad_response', { status, description: 'the server answered with a redirect, which is not followed' });
    }
    let value: unknown;
    let isJson = true;
    if (text.trim()) {
      try {
        value = JSON.parse(text);
      } catch {
        isJson = false;
      }
    }
    if (!response.ok) throw (req.error ?? errorFromResponse)(status, response.headers, value);
    if (!req.parse) return undefined as T;
    if (!isJson) throw new MfaError('bad_response', { status, description: 'response is not JSON' });
    try {
      return req.parse(value);
    } catch (error) {
      if (error instanceof MfaError) throw error;
      throw new MfaError('bad_response', { status, description: describe(error), cause: error });
    }
  } finally {
    clearTimeout(timer);
    signal?.removeEventListener('abort', onAbort);
  }
}

/**
 * Maps a non-2xx answer. Understands Auth0's `{error, error_description}` and the Management API's
 * `{statusCode, error, message, errorCode}` (where `error` is only the reason phrase); any other body
 * (an HTML error page from a proxy, nothing at all) falls back to a code derived from the status.
 */
export function errorFromResponse(status: number, headers: Headers, body: unknown): MfaError {
  const obj = isObject(body) ? body : {};
  const management = typeof obj.statusCode === 'number';
  const named = stringOr(management ? obj.errorCode : obj.error);
  const description = (management ? undefined : stringOr(obj.error_description)) ?? stringOr(obj.message);
  // Auth0 sends x-ratelimit-* on every response, so its reset time only means "wait" on a 429/503.
  const retryAfter =
    headers.has('retry-after') || status === 429 || status === 503 ? parseRetryAfter(headers) : undefined;
  const remaining = headers.get('x-ratelimit-remaining')?.trim();
  return new MfaError(
    // Auth0 documents no code for this case; the text is the only stable signal.
    description && /user is already enrolled/i.test(description) ? 'already_enrolled' : named ?? codeForStatus(status),
    {
      status,
      description,
      retryAfter,
      attemptsLeft: remaining && /^\d+$/.test(remaining) ? Number(remaining) : undefined,
      mfaToken: named === 'mfa_required' ? stringOr(obj.mfa_token) : undefined,
    },
  );
}

/** The code of an error status whose body names none. */
export function codeForStatus(status: number): string {
  return status === 429 ? 'rate_limited' : status >= 500 ? 'server_unavailable' : 'http_error';
}

function stringOr(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}
