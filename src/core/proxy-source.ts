import { MfaError } from './errors.js';
import { FACTORS, isFactorName } from './factors.js';
import { request } from './http.js';
import { isAuthenticatorId, normalizeEmail, normalizePhone } from './input.js';
import { checkServerUrl, isLoopbackHost } from './origin.js';
import type {
  Authenticator,
  CallOptions,
  Challenge,
  ChallengeRequest,
  EnrollRequest,
  Enrollment,
  FactorInfo,
  FactorName,
  FetchLike,
  MfaSource,
  SourceCapabilities,
  TicketEnrollment,
  VerifyRequest,
  VerifyResult,
} from './types.js';
import { expectArray, expectObject, optionalString, requireBoolean, requireString, type JsonObject } from './validate.js';
import { associateBody, parseAuthenticatorList, parseChallenge, parseEnrollment, tokenSet } from './wire.js';

export interface ProxySourceOptions {
  /** The proxy's base URL, usually same-origin and relative (`/api/auth/mfa`). */
  baseUrl: string;
  /** Opaque, sent as `Authorization: Bearer` (nextjs-auth0's encrypted `mfa_token`, for example). */
  token?: string;
  fetch?: FetchLike;
  timeoutMs?: number;
}

/** The CSRF header every request carries; `createMfaProxy` refuses state changes without it. */
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_VALUE = 'mfa-elements';

/**
 * The routes of DESIGN §2b. `factors`, `ticket` and `removeLab` are the Auth0 Lab routers' three
 * routes; `list`, `associate`, `challenge` and `verify` are nextjs-auth0's four; `remove` is ours.
 */
type RouteKey = 'factors' | 'ticket' | 'removeLab' | 'list' | 'associate' | 'challenge' | 'verify' | 'remove';

const ROUTE_LABELS: Record<RouteKey, string> = {
  factors: 'GET {base}',
  ticket: 'POST {base}',
  removeLab: 'DELETE {base}/{id}',
  list: 'GET {base}/authenticators',
  associate: 'POST {base}/associate',
  challenge: 'POST {base}/challenge',
  verify: 'POST {base}/verify',
  remove: 'DELETE {base}/authenticators/{id}',
};

/** Ticket and factor-list names: the Lab routers speak Guardian's names (`push-notification`). */
const FACTOR_ALIASES: Readonly<Record<string, FactorName>> = {
  otp: 'otp',
  sms: 'sms',
  voice: 'voice',
  email: 'email',
  push: 'push',
  'push-notification': 'push',
  'recovery-code': 'recovery-code',
};

/** An error code as servers write them (`invalid_grant`), as opposed to a sentence or a reason phrase. */
const CODE_SHAPE = /^[a-z][a-z0-9_]*$/;

/**
 * Proxy mode: every call goes to one base URL on the page's own origin, with the session cookie,
 * the CSRF header and (when given) an opaque bearer token. Tokens that reach Auth0 stay on the
 * server.
 *
 * Works unchanged against three kinds of server, discovering which routes exist as it goes:
 * - the Auth0 Lab Next.js routers (only `GET`/`POST {base}` and `DELETE {base}/{id}`),
 * - nextjs-auth0's `/auth/mfa/*` routes (`authenticators`, `associate`, `challenge`, `verify`),
 * - `createMfaProxy` (all of them).
 *
 * A route that answers 404 or 405 without an error code of its own (a framework's "no such route"
 * page, not `{"error":"invalid_authenticator"}`) is remembered as missing for this instance:
 * `capabilities` turns the matching flag off and the call throws `MfaError('unsupported')`, or uses
 * the fallback route when there is one.
 */
export class ProxySource implements MfaSource {
  readonly baseUrl: string;
  #token: string | undefined;
  readonly #fetch: FetchLike | undefined;
  readonly #timeoutMs: number | undefined;
  readonly #missing = new Set<RouteKey>();

  constructor(options: ProxySourceOptions) {
    this.baseUrl = checkBaseUrl(options.baseUrl);
    this.#token = options.token || undefined;
    this.#fetch = options.fetch;
    this.#timeoutMs = options.timeoutMs;
  }

  /** Replaces the bearer token (`undefined` or `''` removes it). */
  setToken(token: string | undefined): void {
    this.#token = token || undefined;
  }

  /** Optimistic until a route turns out to be missing; then that capability stays off. */
  get capabilities(): Readonly<SourceCapabilities> {
    const has = (key: RouteKey): boolean => !this.#missing.has(key);
    return Object.freeze({
      list: has('list') || has('factors'),
      factors: has('factors'),
      associate: has('associate'),
      ticket: has('ticket'),
      challenge: has('challenge'),
      verify: has('verify'),
      remove: has('remove') || has('removeLab'),
    });
  }

  /**
   * `GET {base}/authenticators`. A server without it (the Lab routers) still lists: every factor of
   * `GET {base}` that reports an `enrollmentId` becomes one authenticator (see
   * `authenticatorsFromFactors`).
   */
  async listAuthenticators(opts?: CallOptions): Promise<Authenticator[]> {
    if (!this.#missing.has('list')) {
      try {
        return await this.#send('list', { path: '/authenticators', parse: parseAuthenticatorList }, opts);
      } catch (error) {
        if (!MfaError.is(error, 'unsupported') || this.#missing.has('factors')) throw error;
      }
    }
    return authenticatorsFromFactors(await this.listFactors(opts));
  }

  /** `GET {base}`: the factors the tenant offers, with the user's enrollment id where there is one. */
  listFactors(opts?: CallOptions): Promise<FactorInfo[]> {
    return this.#send('factors', { path: '', parse: parseFactorList }, opts);
  }

  /**
   * Inline enrollment with `POST {base}/associate`; a hosted ticket (`POST {base}`) when the request
   * asks for one or when the server has no associate route.
   */
  async enroll(req: EnrollRequest, opts?: CallOptions): Promise<Enrollment> {
    if ('mode' in req) return this.#ticket(req.factor, opts);
    const checked = checkEnrollInput(req);
    if (!this.#missing.has('associate')) {
      try {
        return await this.#send(
          'associate',
          { path: '/associate', method: 'POST', json: associateBody(checked), parse: (body) => parseEnrollment(body, req.factor) },
          opts,
        );
      } catch (error) {
        if (!MfaError.is(error, 'unsupported') || this.#missing.has('ticket')) throw error;
      }
    }
    return this.#ticket(req.factor, opts);
  }

  /** `DELETE {base}/authenticators/{id}`, else the Lab's `DELETE {base}/{id}`. */
  async remove(authenticatorId: string, opts?: CallOptions): Promise<void> {
    if (!isAuthenticatorId(authenticatorId)) throw new MfaError('invalid_input', { description: 'not an authenticator id' });
    const id = encodeURIComponent(authenticatorId);
    if (!this.#missing.has('remove')) {
      try {
        await this.#send('remove', { path: `/authenticators/${id}`, method: 'DELETE' }, opts);
        return;
      } catch (error) {
        if (!MfaError.is(error, 'unsupported') || this.#missing.has('removeLab')) throw error;
      }
    }
    await this.#send('removeLab', { path: `/${id}`, method: 'DELETE' }, opts);
  }

  /**
   * `POST {base}/challenge`. The token also goes in the body as `mfa_token`, where nextjs-auth0
   * expects it (mirroring Auth0); `createMfaProxy` ignores it and uses the session's.
   */
  challenge(req: ChallengeRequest, opts?: CallOptions): Promise<Challenge> {
    if (!isAuthenticatorId(req.authenticatorId)) {
      return Promise.reject(new MfaError('invalid_input', { description: 'not an authenticator id' }));
    }
    const json: JsonObject = { authenticator_id: req.authenticatorId };
    if (req.challengeType) json.challenge_type = req.challengeType;
    if (this.#token) json.mfa_token = this.#token;
    return this.#send('challenge', { path: '/challenge', method: 'POST', json, parse: parseChallenge }, opts);
  }

  /** `POST {base}/verify` → `{success, recovery_code?}`; tokens stay on the server. */
  verify(req: VerifyRequest, opts?: CallOptions): Promise<VerifyResult> {
    const json: JsonObject =
      req.type === 'otp'
        ? { otp: req.otp }
        : req.type === 'recovery-code'
          ? { recovery_code: req.recoveryCode }
          : { oob_code: req.oobCode, ...(req.bindingCode ? { binding_code: req.bindingCode } : {}) };
    return this.#send('verify', { path: '/verify', method: 'POST', json, parse: parseVerifyResult }, opts);
  }

  async #ticket(factor: Exclude<FactorName, 'recovery-code'>, opts?: CallOptions): Promise<TicketEnrollment> {
    if (!isFactorName(factor) || !FACTORS[factor].ticketFactor) {
      throw new MfaError('invalid_input', { description: 'this factor has no hosted enrollment' });
    }
    // Guardian's name for push; the Lab router maps sms/voice to `phone` itself, and so does ours.
    const name = factor === 'push' ? 'push-notification' : factor;
    const ticketUrl = await this.#send(
      'ticket',
      { path: '', method: 'POST', json: { factor: name }, parse: (body) => requireString(expectObject(body, 'ticket'), 'ticket_url') },
      opts,
    );
    // Outside the parse callback so that a refused URL is `invalid_uri`, not `bad_response`.
    return { type: 'ticket', factor, ticketUrl: checkServerUrl(ticketUrl) };
  }

  async #send<T = undefined>(
    key: RouteKey,
    init: { path: string; method?: string; json?: unknown; parse?: (body: unknown) => T },
    opts?: CallOptions,
  ): Promise<T> {
    if (this.#missing.has(key)) throw unsupported(key);
    const headers: Record<string, string> = { [CSRF_HEADER]: CSRF_VALUE };
    if (this.#token) headers.authorization = `Bearer ${this.#token}`;
    try {
      return await request<T>({
        url: this.baseUrl + init.path,
        method: init.method,
        headers,
        json: init.json,
        parse: init.parse,
        signal: opts?.signal,
        timeoutMs: this.#timeoutMs,
        fetch: this.#fetch,
        credentials: 'same-origin',
      });
    } catch (error) {
      if (!(error instanceof MfaError)) throw error;
      if (isMissingRoute(error)) {
        this.#missing.add(key);
        throw unsupported(key, error);
      }
      throw normalizeCode(error);
    }
  }
}

/**
 * The Lab routers report enrollment per factor, not per authenticator. Each distinct
 * `enrollmentId` becomes one authenticator: `id` = the enrollment (authentication method) id,
 * `factor` = the first factor in list order that reports it (a phone is reported by `sms` and
 * `voice` alike), `authenticatorType`/`oobChannel` from the factor catalogue, `active: true` (the
 * Lab only reports enrollments), no `name` and no `linkedIds` (the Lab does not say). Such ids are
 * Management API ids, which the Lab's `DELETE {base}/{id}` expects.
 */
export function authenticatorsFromFactors(factors: readonly FactorInfo[]): Authenticator[] {
  const seen = new Set<string>();
  const result: Authenticator[] = [];
  for (const info of factors) {
    if (!info.enrollmentId || seen.has(info.enrollmentId)) continue;
    seen.add(info.enrollmentId);
    const spec = FACTORS[info.factor];
    const authenticator: Authenticator = {
      id: info.enrollmentId,
      authenticatorType: spec.authenticatorType,
      factor: info.factor,
      active: true,
      linkedIds: [],
      removable: spec.removable,
    };
    if (spec.oobChannel) authenticator.oobChannel = spec.oobChannel;
    result.push(authenticator);
  }
  return result;
}

/**
 * `GET {base}` → `[{name, enabled, enrollmentId?}]`. Names are Guardian's (`push-notification`) or
 * the library's (`push`); factors the library does not handle (WebAuthn, Duo) are skipped, and a
 * factor listed twice keeps its first entry.
 */
export function parseFactorList(body: unknown): FactorInfo[] {
  const result: FactorInfo[] = [];
  for (const item of expectArray(body, 'factors')) {
    const obj = expectObject(item, 'factor');
    const factor = FACTOR_ALIASES[requireString(obj, 'name')];
    if (!factor || result.some((f) => f.factor === factor)) continue;
    const info: FactorInfo = { factor, enabled: requireBoolean(obj, 'enabled') };
    const enrollmentId = optionalString(obj, 'enrollmentId');
    if (enrollmentId) info.enrollmentId = enrollmentId;
    result.push(info);
  }
  return result;
}

/** `{success, recovery_code?}`, plus Auth0's token fields when the server exposes them. */
export function parseVerifyResult(body: unknown): VerifyResult {
  const obj = expectObject(body, 'verify response');
  const accessToken = optionalString(obj, 'access_token');
  if (obj.success !== true && !accessToken) throw new TypeError('success: expected true');
  const result: VerifyResult = {};
  const recoveryCode = optionalString(obj, 'recovery_code');
  if (recoveryCode) result.recoveryCode = recoveryCode;
  if (accessToken) result.tokens = tokenSet(obj, accessToken);
  return result;
}

function checkEnrollInput(req: Exclude<EnrollRequest, { mode: 'ticket' }>): EnrollRequest {
  if (req.factor === 'sms' || req.factor === 'voice') {
    const phoneNumber = normalizePhone(req.phoneNumber);
    if (!phoneNumber) throw new MfaError('invalid_input', { description: 'phone number must be E.164' });
    return { factor: req.factor, phoneNumber };
  }
  if (req.factor === 'email' && req.email !== undefined) {
    const email = normalizeEmail(req.email);
    if (!email) throw new MfaError('invalid_input', { description: 'invalid email address' });
    return { factor: 'email', email };
  }
  return req;
}

/**
 * 405 always means "not this method here". A 404 is a missing route unless the body carried an
 * error code of its own (`{"error":"invalid_authenticator"}` is an answer, an HTML page or
 * Fastify's `{"error":"Not Found"}` is not).
 */
function isMissingRoute(error: MfaError): boolean {
  if (error.status === 405) return true;
  return error.status === 404 && (error.code === 'http_error' || !CODE_SHAPE.test(error.code));
}

/**
 * Servers that put a sentence in `error` (the Lab routers: `{"error":"Error fetching MFA
 * Enrollments"}`, `{"error":"Rate limit exceeded"}`) get a code derived from the status, with
 * their text kept as the description.
 */
function normalizeCode(error: MfaError): MfaError {
  if (CODE_SHAPE.test(error.code) || error.status === undefined) return error;
  const code = error.status === 429 ? 'rate_limited' : error.status >= 500 ? 'server_unavailable' : 'http_error';
  return new MfaError(code, {
    status: error.status,
    description: error.description ?? error.code,
    retryAfter: error.retryAfter,
    attemptsLeft: error.attemptsLeft,
    cause: error,
  });
}

function unsupported(key: RouteKey, cause?: MfaError): MfaError {
  return new MfaError('unsupported', {
    status: cause?.status,
    description: `the proxy has no ${ROUTE_LABELS[key]} route`,
    cause,
  });
}

/**
 * A relative base (`/api/auth/mfa`) is the normal case. An absolute one must be `https:` (or
 * `http:` on loopback) since the bearer token and cookies ride along. No query or fragment: paths
 * are appended to it.
 */
function checkBaseUrl(value: string): string {
  const trimmed = value.trim().replace(/\/+$/, '');
  if (/[?#]/.test(trimmed)) throw new MfaError('invalid_uri', { description: 'proxy URL must not have a query or fragment' });
  if (trimmed.startsWith('//')) throw new MfaError('invalid_uri', { description: 'use a path (/api/auth/mfa) or a full URL' });
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) {
    let url: URL;
    try {
      url = new URL(trimmed);
    } catch (cause) {
      throw new MfaError('invalid_uri', { description: 'not a valid URL', cause });
    }
    const ok = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
    if (!ok || url.username || url.password) {
      throw new MfaError('invalid_uri', { description: 'only https: (or http: on a loopback host) is allowed' });
    }
  }
  return trimmed;
}
