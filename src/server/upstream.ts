import { isObject } from '../core/validate.js';
import type { FetchLike } from '../core/types.js';
import { nodeTransport, type Transport } from './node-upstream.js';
import { errorResponse, json, ProxyError, serverError } from './responses.js';

/** One answer from Auth0, body parsed when it was JSON. */
export interface UpstreamResponse {
  status: number;
  headers: Headers;
  /** Parsed JSON, or undefined for an empty or non-JSON body. */
  body: unknown;
}

export interface UpstreamOptions {
  origin: string;
  /** The app's own `fetch`; without it, Node's HTTP client on keep-alive agents (`nodeTransport`). */
  fetch?: FetchLike;
  timeoutMs: number;
  now: () => number;
}

/** Rate-limit headers worth passing back with an error (Auth0 sends them on every answer). */
const PASSED_HEADERS = ['retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'];

export class UpstreamFailure extends Error {
  override readonly name = 'UpstreamFailure';
  constructor(
    readonly kind: 'network' | 'timeout',
    options?: { cause?: unknown },
  ) {
    super(kind === 'timeout' ? 'upstream timed out' : 'upstream unreachable', options);
  }
}

/** A `fetch` as a transport: redirects not followed, the body read to its end. */
function viaFetch(fetch: FetchLike): Transport {
  return async (url, init) => {
    const response = await fetch(url, { ...init, redirect: 'manual' });
    return { status: response.status, headers: response.headers, text: await response.text() };
  };
}

/**
 * One call to Auth0. Network failures and timeouts throw a `ProxyError` (502/504, generic body);
 * every HTTP answer comes back, whatever its status, for the caller to map.
 */
export async function call(
  options: UpstreamOptions,
  path: string,
  init: { method?: string; bearer?: string; json?: unknown; form?: Record<string, string>; signal?: AbortSignal },
): Promise<UpstreamResponse> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (init.bearer) headers.authorization = `Bearer ${init.bearer}`;
  let body: string | undefined;
  if (init.json !== undefined) {
    headers['content-type'] = 'application/json';
    body = JSON.stringify(init.json);
  } else if (init.form) {
    headers['content-type'] = 'application/x-www-form-urlencoded';
    body = new URLSearchParams(init.form).toString();
  }
  const controller = new AbortController();
  let timedOut = false;
  const timer = setTimeout(() => {
    timedOut = true;
    controller.abort();
  }, options.timeoutMs);
  const onAbort = () => controller.abort();
  if (init.signal?.aborted) controller.abort();
  init.signal?.addEventListener('abort', onAbort, { once: true });
  try {
    const send = options.fetch ? viaFetch(options.fetch) : nodeTransport;
    const { status, headers: answered, text } = await send(options.origin + path, {
      method: init.method ?? 'GET',
      headers,
      body,
      signal: controller.signal,
    });
    let parsed: unknown;
    try {
      parsed = text.trim() === '' ? undefined : (JSON.parse(text) as unknown);
    } catch {
      parsed = undefined;
    }
    return { status, headers: answered, body: parsed };
  } catch (cause) {
    // The client went away: nobody reads this answer, and it is not Auth0's failure to report.
    if (init.signal?.aborted && !timedOut) throw serverError(502);
    throw serverError(timedOut ? 504 : 502, new UpstreamFailure(timedOut ? 'timeout' : 'network', { cause }));
  } finally {
    clearTimeout(timer);
    init.signal?.removeEventListener('abort', onAbort);
  }
}

function passedHeaders(headers: Headers): Headers {
  const out = new Headers();
  for (const name of PASSED_HEADERS) {
    const value = headers.get(name);
    if (value !== null) out.set(name, value);
  }
  return out;
}

/** A 5xx, or an answer we cannot read: the client learns that Auth0 failed, nothing more. */
export function upstreamBroken(res: UpstreamResponse, what: string): ProxyError {
  const report = new Error(`${what} answered ${res.status}`);
  const retry = res.headers.get('retry-after');
  if (res.status === 503 && retry) return serverError(503, report, { 'retry-after': retry });
  return serverError(502, report);
}

/**
 * An Authentication API / MFA API error, passed through: same status, same `error` code, its
 * `error_description`, and the rate-limit headers (`Retry-After` intact on a 429). With
 * `mfa_required` the new `mfa_token` is dropped (unless `exposeTokens`) and handed to `onChained`.
 */
export function authError(
  res: UpstreamResponse,
  extra: { exposeTokens: boolean },
): { error: ProxyError; mfaToken?: string } {
  const body = res.body;
  if (res.status < 400 || res.status >= 500 || !isObject(body) || typeof body.error !== 'string' || body.error === '') {
    return { error: upstreamBroken(res, 'Auth0') };
  }
  const out: Record<string, unknown> = { error: body.error };
  if (typeof body.error_description === 'string') out.error_description = body.error_description;
  let mfaToken: string | undefined;
  if (body.error === 'mfa_required') {
    if (isObject(body.mfa_requirements)) out.mfa_requirements = body.mfa_requirements;
    if (typeof body.mfa_token === 'string') {
      mfaToken = body.mfa_token;
      if (extra.exposeTokens) out.mfa_token = mfaToken;
    }
  }
  return { error: new ProxyError(json(out, res.status, passedHeaders(res.headers))), ...(mfaToken !== undefined && { mfaToken }) };
}

/**
 * A Management API error (`{statusCode, error, message, errorCode}`). 401/403 and 5xx are the
 * proxy's own credentials or Auth0 failing, not the user's doing: a generic 502. A 429 keeps its
 * `Retry-After`; 400 and 404 keep the `errorCode` and message.
 */
export function managementError(res: UpstreamResponse): ProxyError {
  const body = isObject(res.body) ? res.body : {};
  const message = typeof body.message === 'string' ? body.message : undefined;
  const errorCode = typeof body.errorCode === 'string' ? body.errorCode : undefined;
  if (res.status === 429) {
    return new ProxyError(errorResponse(429, 'too_many_requests', message ?? 'Too many requests.', passedHeaders(res.headers)));
  }
  if (res.status === 400 || res.status === 404) {
    return new ProxyError(errorResponse(res.status, errorCode ?? (res.status === 404 ? 'not_found' : 'invalid_request'), message));
  }
  return upstreamBroken(res, 'Management API');
}

export interface ManagementCredentials {
  clientId: string;
  clientSecret: string;
  /** `{origin}/api/v2/` unless a custom domain needs the canonical tenant audience. */
  audience?: string;
}

/**
 * The Management API with a client_credentials token, fetched once and reused until shortly before
 * it expires (one request in flight however many callers wait). A 401 drops it and retries once.
 */
export class ManagementClient {
  #token?: { value: string; expiresAt: number };
  #pending?: Promise<string>;

  constructor(
    private readonly options: UpstreamOptions,
    private readonly credentials: ManagementCredentials,
  ) {}

  async request(path: string, init: { method?: string; json?: unknown } = {}): Promise<UpstreamResponse> {
    let res = await call(this.options, `/api/v2${path}`, { ...init, bearer: await this.#getToken() });
    if (res.status === 401) {
      this.#token = undefined;
      res = await call(this.options, `/api/v2${path}`, { ...init, bearer: await this.#getToken() });
    }
    return res;
  }

  /** Like `request`, but anything other than 2xx becomes the client-facing error. */
  async ok(path: string, init: { method?: string; json?: unknown } = {}): Promise<unknown> {
    const res = await this.request(path, init);
    if (res.status < 200 || res.status >= 300) throw managementError(res);
    return res.body;
  }

  #getToken(): Promise<string> {
    if (this.#token && this.#token.expiresAt > this.options.now()) return Promise.resolve(this.#token.value);
    this.#pending ??= this.#fetchToken().finally(() => {
      this.#pending = undefined;
    });
    return this.#pending;
  }

  async #fetchToken(): Promise<string> {
    const res = await call(this.options, '/oauth/token', {
      method: 'POST',
      form: {
        grant_type: 'client_credentials',
        client_id: this.credentials.clientId,
        client_secret: this.credentials.clientSecret,
        audience: this.credentials.audience ?? `${this.options.origin}/api/v2/`,
      },
    });
    const body = res.body;
    if (res.status !== 200 || !isObject(body) || typeof body.access_token !== 'string') {
      // Wrong credentials or grant: the operator's problem, never the user's; keep the body out.
      throw upstreamBroken(res, 'Management token request');
    }
    const lifetime = typeof body.expires_in === 'number' && body.expires_in > 0 ? body.expires_in : 60;
    // Renew a little early: a minute, or a tenth of a short lifetime.
    const margin = Math.min(60, lifetime / 10);
    this.#token = { value: body.access_token, expiresAt: this.options.now() + (lifetime - margin) * 1000 };
    return body.access_token;
  }
}
