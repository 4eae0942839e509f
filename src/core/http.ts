import { MfaError, parseRetryAfter } from './errors.js';
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
}

/**
 * One HTTP exchange: every failure comes out as an `MfaError`, never as a raw `TypeError` or a
 * JSON `SyntaxError`, so callers branch on `code` only.
 */
export async function request<T = undefined>(req: HttpRequest<T>): Promise<T> {
  if (req.signal?.aborted) throw new MfaError('aborted', { cause: req.signal.reason });
  const doFetch = req.fetch ?? ((input, init) => globalThis.fetch(input, init));
  const deadline = linkSignal(req.signal, req.timeoutMs ?? DEFAULT_TIMEOUT_MS);
  const headers: Record<string, string> = { accept: 'application/json', ...req.headers };
  let body: string | undefined;
  if (req.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(req.json);
  } else if (req.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(req.form).toString();
  }
  try {
    let response: Response;
    let text: string;
    try {
      response = await doFetch(req.url, {
        method: req.method ?? 'GET',
        headers,
        body,
        signal: deadline.signal,
        credentials: req.credentials,
      });
      // The deadline also covers the body: a server that stalls mid-body times out too.
      text = await response.text();
    } catch (error) {
      if (req.signal?.aborted) throw new MfaError('aborted', { cause: error });
      if (deadline.timedOut()) throw new MfaError('timeout', { cause: error });
      throw new MfaError('network_error', { description: describe(error), cause: error });
    }
    const parsed = parseJson(text);
    if (!response.ok) throw errorFromResponse(response.status, response.headers, parsed.ok ? parsed.value : undefined);
    if (!req.parse) return undefined as T;
    if (!parsed.ok) throw new MfaError('bad_response', { status: response.status, description: 'response is not JSON' });
    try {
      return req.parse(parsed.value);
    } catch (error) {
      if (error instanceof MfaError) throw error;
      throw new MfaError('bad_response', { status: response.status, description: describe(error), cause: error });
    }
  } finally {
    deadline.dispose();
  }
}

/**
 * Maps a non-2xx answer. Understands Auth0's `{error, error_description}` and the Management API's
 * `{statusCode, error, message, errorCode}` (where `error` is only the reason phrase); any other body
 * (an HTML error page from a proxy, nothing at all) falls back to a code derived from the status.
 */
export function errorFromResponse(status: number, headers: Headers, body: unknown): MfaError {
  let code: string | undefined;
  let description: string | undefined;
  let mfaToken: string | undefined;
  if (isObject(body)) {
    if (typeof body.statusCode === 'number') {
      code = stringOr(body.errorCode);
      description = stringOr(body.message);
    } else {
      code = stringOr(body.error);
      description = stringOr(body.error_description) ?? stringOr(body.message);
    }
    if (code === 'mfa_required') mfaToken = stringOr(body.mfa_token);
  }
  // Auth0 documents no code for this case; the text is the only stable signal.
  if (description && /user is already enrolled/i.test(description)) code = 'already_enrolled';
  code ??= status === 429 ? 'rate_limited' : status >= 500 ? 'server_unavailable' : 'http_error';
  // Auth0 sends x-ratelimit-* on every response, so its reset time only means "wait" on a 429/503.
  const retryAfter =
    headers.has('retry-after') || status === 429 || status === 503 ? parseRetryAfter(headers) : undefined;
  const remaining = headers.get('x-ratelimit-remaining')?.trim();
  const attemptsLeft = remaining && /^\d+$/.test(remaining) ? Number(remaining) : undefined;
  return new MfaError(code, { status, description, retryAfter, attemptsLeft, mfaToken });
}

function parseJson(text: string): { ok: true; value: unknown } | { ok: false } {
  if (text.trim() === '') return { ok: true, value: undefined };
  try {
    return { ok: true, value: JSON.parse(text) as unknown };
  } catch {
    return { ok: false };
  }
}

function stringOr(value: unknown): string | undefined {
  return typeof value === 'string' && value !== '' ? value : undefined;
}

function describe(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}

/**
 * A signal that fires on the caller's abort or on the timeout, whichever comes first. Built by hand
 * rather than with `AbortSignal.any`/`AbortSignal.timeout`, which older WebKit lacks, and so that
 * the two causes can be told apart afterwards.
 */
function linkSignal(
  outer: AbortSignal | undefined,
  timeoutMs: number,
): { signal: AbortSignal; timedOut(): boolean; dispose(): void } {
  const controller = new AbortController();
  let timedOut = false;
  const onAbort = (): void => controller.abort(outer?.reason);
  outer?.addEventListener('abort', onAbort, { once: true });
  const timer =
    timeoutMs > 0 && Number.isFinite(timeoutMs)
      ? setTimeout(() => {
          timedOut = true;
          controller.abort(new DOMException('The request timed out.', 'TimeoutError'));
        }, timeoutMs)
      : undefined;
  return {
    signal: controller.signal,
    timedOut: () => timedOut,
    dispose: () => {
      clearTimeout(timer);
      outer?.removeEventListener('abort', onAbort);
    },
  };
}
