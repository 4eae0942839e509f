import { MfaError } from './errors.js';
import { FACTORS, challengeTypeOf, idPrefix, isFactorName } from './factors.js';
import { codeForStatus, request, type HttpRequest } from './http.js';
import { checkAuthenticatorId, checkEnrollInput } from './input.js';
import { checkServerUrl, secureUrl } from './origin.js';
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
import { associateBody, parseAuthenticatorList, parseChallenge, parseEnrollment, verifyFields, verifyResult } from './wire.js';

export interface ProxySourceOptions {
  /** The proxy's base URL, usually same-origin and relative (`/api/auth/mfa`). */
  baseUrl: string;
  /** Opaque, sent as `Authorization: Bearer` (nextjs-auth0's encrypted `mfa_token`, for example). */
  token?: string;
  fetch?: FetchLike;
  timeoutMs?: number;
  /**
   * `false` behind nextjs-auth0, whose `/verify` refuses an `oob_code` without `binding_code`, so a
   * push can never be confirmed there: push is then reported unsupported up front (capabilities)
   * and its enrollment or challenge fails with `unsupported` before any request. Default `true`.
   */
  push?: boolean;
}

/** The CSRF header every request carries; `createMfaProxy` refuses state changes without it. */
export const CSRF_HEADER = 'x-requested-with';
export const CSRF_VALUE = 'mfa-elements';

/**
 * The routes of DESIGN §2b, as `METHOD path` below the base URL. `factors`, `ticket` and `removeLab`
 * are the Auth0 Lab routers' three routes; `list`, `associate`, `challenge` and `verify` are
 * nextjs-auth0's four; `remove` is ours.
 */
const ROUTES = {
  factors: 'GET ',
  ticket: 'POST ',
  removeLab: 'DELETE /{id}',
  list: 'GET /authenticators',
  associate: 'POST /associate',
  challenge: 'POST /challenge',
  verify: 'POST /verify',
  remove: 'DELETE /authenticators/{id}',
  recoveryCode: 'POST /recovery-code',
};

type RouteKey = keyof typeof ROUTES;

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
  readonly #http: Pick<HttpRequest<never>, 'fetch' | 'timeoutMs' | 'credentials'>;
  readonly #missing = new Set<RouteKey>();
  readonly #push: boolean;

  constructor(options: ProxySourceOptions) {
    this.#push = options.push !== false;
    this.baseUrl = checkBaseUrl(options.baseUrl);
    this.#token = options.token || undefined;
    this.#http = { fetch: options.fetch, timeoutMs: options.timeoutMs, credentials: 'same-origin' };
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
      ...(!this.#push && { push: false }),
      regenerate: has('recoveryCode'),
    });
  }

  /**
   * `GET {base}/authenticators`. A server without it (the Lab routers) still lists: every factor of
   * `GET {base}` that reports an `enrollmentId` becomes one authenticator (see
   * `authenticatorsFromFactors`).
   */
  listAuthenticators(opts?: CallOptions): Promise<Authenticator[]> {
    return this.#either(
      'list',
      'factors',
      () => this.#send('list', opts, parseAuthenticatorList),
      () => this.listFactors(opts).then(authenticatorsFromFactors),
    );
  }

  /** `GET {base}`: the factors the tenant offers, with the user's enrollment id where there is one. */
  listFactors(opts?: CallOptions): Promise<FactorInfo[]> {
    return this.#send('factors', opts, parseFactorList);
  }

  /**
   * Inline enrollment with `POST {base}/associate`; a hosted ticket (`POST {base}`) when the request
   * asks for one or when the server has no associate route.
   */
  async enroll(req: EnrollRequest, opts?: CallOptions): Promise<Enrollment> {
    if (req.factor === 'push' && !this.#push) throw pushUnsupported();
    if ('mode' in req) return this.#ticket(req.factor, opts);
    const checked = checkEnrollInput(req);
    return this.#either(
      'associate',
      'ticket',
      () => this.#send('associate', opts, (body) => parseEnrollment(body, req.factor), associateBody(checked)),
      () => this.#ticket(req.factor as 'otp', opts),
    );
  }

  /** `DELETE {base}/authenticators/{id}`, else the Lab's `DELETE {base}/{id}`. */
  async remove(authenticatorId: string, opts?: CallOptions): Promise<void> {
    const id = encodeURIComponent(checkAuthenticatorId(authenticatorId));
    const send = (key: RouteKey): Promise<undefined> => this.#send(key, opts, undefined, undefined, id);
    await this.#either('remove', 'removeLab', () => send('remove'), () => send('removeLab'));
  }

  /**
   * `POST {base}/challenge`. The token also goes in the body as `mfa_token`, where nextjs-auth0
   * expects it (mirroring Auth0); `createMfaProxy` ignores it and uses the session's. Without a
   * `challengeType` the authenticator's own is sent, as nextjs-auth0 requires one.
   */
  async challenge(req: ChallengeRequest, opts?: CallOptions): Promise<Challenge> {
    if (!this.#push && idPrefix(req.authenticatorId) === FACTORS.push.idPrefix) throw pushUnsupported();
    const json: JsonObject = { authenticator_id: checkAuthenticatorId(req.authenticatorId) };
    const challengeType = req.challengeType ?? challengeTypeOf(req.authenticatorId);
    if (challengeType) json.challenge_type = challengeType;
    if (this.#token) json.mfa_token = this.#token;
    return this.#send('challenge', opts, parseChallenge, json);
  }

  /**
   * `POST {base}/recovery-code` → `{recovery_code}`: a new recovery code replaces the current one
   * (createMfaProxy with Management API credentials; a verified session only).
   */
  regenerateRecoveryCode(opts?: CallOptions): Promise<string> {
    return this.#send('recoveryCode', opts, (body) => requireString(expectObject(body, 'recovery-code'), 'recovery_code'), {});
  }

  /** `POST {base}/verify` → `{success, recovery_code?}`; tokens stay on the server. */
  verify(req: VerifyRequest, opts?: CallOptions): Promise<VerifyResult> {
    return this.#send('verify', opts, parseVerifyResult, verifyFields(req));
  }

  async #ticket(factor: Exclude<FactorName, 'recovery-code'>, opts?: CallOptions): Promise<TicketEnrollment> {
    if (!FACTORS[factor]?.ticketFactor) {
      throw new MfaError('invalid_input', { description: 'this factor has no hosted enrollment' });
    }
    // Guardian's name for push; the Lab router maps sms/voice to `phone` itself, and so does ours.
    const ticketUrl = await this.#send(
      'ticket',
      opts,
      (body) => requireString(expectObject(body, 'ticket'), 'ticket_url'),
      { factor: factor === 'push' ? 'push-notification' : factor },
    );
    // Outside the parse callback so that a refused URL is `invalid_uri`, not `bad_response`.
    return { type: 'ticket', factor, ticketUrl: checkServerUrl(ticketUrl) };
  }

  /**
   * `attempt`, which uses the route `first`, unless that route is (or turns out to be) missing;
   * then `fallback`, which uses the route `second`, unless that one is known to be missing too.
   */
  async #either<T>(first: RouteKey, second: RouteKey, attempt: () => Promise<T>, fallback: () => Promise<T>): Promise<T> {
    try {
      if (!this.#missing.has(first)) return await attempt();
    } catch (error) {
      if (!MfaError.is(error, 'unsupported') || this.#missing.has(second)) throw error;
    }
    return fallback();
  }

  async #send<T = undefined>(
    key: RouteKey,
    opts: CallOptions | undefined,
    parse?: (body: unknown) => T,
    json?: unknown,
    id = '',
  ): Promise<T> {
    if (this.#missing.has(key)) throw unsupported(key);
    const [method, path] = ROUTES[key].split(' ');
    try {
      return await request<T>({
        ...this.#http,
        url: this.baseUrl + path!.replace('{id}', id),
        method,
        headers: { [CSRF_HEADER]: CSRF_VALUE, ...(this.#token && { authorization: `Bearer ${this.#token}` }) },
        json,
        parse,
        signal: opts?.signal,
      });
    } catch (thrown) {
      const error = thrown as MfaError;
      const { status, code } = error;
      const coded = CODE_SHAPE.test(code);
      // 405 always means "not this method here". A 404 is a missing route unless the body carried
      // an error code of its own (`{"error":"invalid_authenticator"}` is an answer, an HTML page or
      // Fastify's `{"error":"Not Found"}` is not).
      if (status === 405 || (status === 404 && (code === 'http_error' || !coded))) {
        this.#missing.add(key);
        throw unsupported(key, error);
      }
      // Servers that put a sentence in `error` (the Lab routers: `{"error":"Error fetching MFA
      // Enrollments"}`, `{"error":"Rate limit exceeded"}`) get a code derived from the status, with
      // their text kept as the description. (Anything but an `MfaError` has neither and passes.)
      if (coded || status === undefined) throw error;
      throw new MfaError(codeForStatus(status), {
        status,
        description: error.description ?? code,
        retryAfter: error.retryAfter,
        attemptsLeft: error.attemptsLeft,
        cause: error,
      });
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
  return factors.flatMap(({ factor, enrollmentId: id }) => {
    if (!id || seen.has(id)) return [];
    seen.add(id);
    const { authenticatorType, oobChannel, removable } = FACTORS[factor];
    return [{ id, authenticatorType, factor, active: true, linkedIds: [], removable, ...(oobChannel && { oobChannel }) }];
  });
}

/**
 * `GET {base}` → `[{name, enabled, enrollmentId?}]`. Names are Guardian's (`push-notification`) or
 * the library's (`push`, `webauthn-roaming`, `duo`, …); names it does not know are skipped, and a
 * factor listed twice keeps its first entry.
 */
export function parseFactorList(body: unknown): FactorInfo[] {
  const result: FactorInfo[] = [];
  for (const item of expectArray(body, 'factors')) {
    const obj = expectObject(item, 'factor');
    const name = requireString(obj, 'name');
    const factor = name === 'push-notification' ? 'push' : isFactorName(name) ? name : undefined;
    if (!factor || result.some((f) => f.factor === factor)) continue;
    const enabled = requireBoolean(obj, 'enabled');
    const enrollmentId = optionalString(obj, 'enrollmentId');
    result.push({ factor, enabled, ...(enrollmentId && { enrollmentId }) });
  }
  return result;
}

/** `{success, recovery_code?}`, plus Auth0's token fields when the server exposes them. */
export function parseVerifyResult(body: unknown): VerifyResult {
  const obj = expectObject(body, 'verify response');
  const accessToken = optionalString(obj, 'access_token');
  if (obj.success !== true && !accessToken) throw new TypeError('success: expected true');
  return verifyResult(obj, accessToken);
}

function pushUnsupported(): MfaError {
  return new MfaError('unsupported', { description: 'push cannot be completed through this proxy (option push: false)' });
}

function unsupported(key: RouteKey, cause?: MfaError): MfaError {
  return new MfaError('unsupported', {
    status: cause?.status,
    description: `the proxy has no ${ROUTES[key].replace(' ', ' {base}')} route`,
    cause,
  });
}

/**
 * A relative base (`/api/auth/mfa`) is the normal case. An absolute one must be `https:` (or
 * `http:` on loopback) since the bearer token and cookies ride along. No query or fragment: paths
 * are appended to it.
 */
/** A proxy base URL: a path or a secure URL without credentials, query or fragment; no trailing slash. */
export function checkBaseUrl(value: string): string {
  const trimmed = value.trim().replace(/\/+$/, '');
  const refuse = (description: string): MfaError => new MfaError('invalid_uri', { description });
  if (/[?#]/.test(trimmed)) throw refuse('proxy URL must not have a query or fragment');
  if (trimmed.startsWith('//')) throw refuse('use a path (/api/auth/mfa) or a full URL');
  if (/^[a-z][a-z0-9+.-]*:/i.test(trimmed)) secureUrl(trimmed, undefined, true);
  return trimmed;
}
