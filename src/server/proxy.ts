import { idPrefix } from '../core/factors.js';
import { CSRF_HEADER, CSRF_VALUE } from '../core/proxy-source.js';
import { resolveOrigin, secureUrl } from '../core/origin.js';
import type { FetchLike, TokenSet } from '../core/types.js';
import { isObject, type JsonObject } from '../core/validate.js';
import { clientGrantForm } from '../core/wire.js';
import { MemoryLimitStore } from './limit-store.js';
import type { ProxyRateLimit, RateLimitOptions } from './rate-limit.js';
import {
  errorResponse,
  json,
  methodNotAllowed,
  noContent,
  ProxyError,
  routeNotFound,
  serverError,
} from './responses.js';
import {
  authError,
  call,
  ManagementClient,
  type ManagementCredentials,
  type UpstreamOptions,
  type UpstreamResponse,
} from './upstream.js';
import { matchMe, serveMe, type MeMatch } from './my-account-routes.js';
import { checkAssociate, checkChallenge, checkId, checkTicket, checkVerify, readJsonBody } from './validation.js';

/** What the app's session knows about the signed-in user. */
export interface ProxySession {
  /** The Auth0 user id (`auth0|…`). Management API calls only ever use this one. */
  userId: string;
  /** From the `mfa_required` error of a login or token refresh. */
  mfaToken?: string;
  /** An access token for the `https://{domain}/mfa/` audience (`enroll read:authenticators remove:authenticators`). */
  accessToken?: string;
  /** An access token for `https://{domain}/me/` (the My Account routes under `{base}/me`). */
  myAccountToken?: string;
  /** Its scopes, space-separated, when known: a route whose scope is missing is refused before Auth0. */
  myAccountScope?: string;
}

/** New tokens for the app to keep in its session (camelCase, as in `TokenSet`). */
export interface ProxyTokens extends Partial<TokenSet> {
  /** A new `mfa_token` from a chained `mfa_required` (another factor is needed). */
  mfaToken?: string;
}

export interface MfaProxyOptions {
  /** `tenant.auth0.com`, a custom domain, or a full origin (`http://127.0.0.1:4000` for the emulator). */
  domain: string;
  /** The app's Auth0 client, with the MFA grants enabled. */
  clientId: string;
  /** For a confidential (regular web) client; sent to `/mfa/challenge` and `/oauth/token`. */
  clientSecret?: string;
  /** Where the routes live, e.g. `/api/auth/mfa` (the default). Requests outside it get a bare 404. */
  basePath?: string;
  /** The signed-in user, or null (→ 401). Called once per request. */
  getSession(request: Request): ProxySession | null | undefined | Promise<ProxySession | null | undefined>;
  /**
   * An M2M client with `read:guardian_factors read:authentication_methods
   * delete:authentication_methods create:guardian_enrollment_tickets`. Without it the factor list
   * and ticket routes answer 404 (ProxySource then works without them) and removal uses the MFA API
   * with the session's access token.
   */
  management?: ManagementCredentials;
  /**
   * Origins allowed to call the state-changing routes (`Origin` must be one of them). Default: the
   * origin of `request.url`, which is right unless a reverse proxy rewrites the host.
   */
  allowedOrigins?: readonly string[];
  /**
   * Hosts a hosted-enrollment ticket may point at; default the host of `domain`. Add the custom
   * domain if Auth0 issues tickets on it. Any other answer (or one with `user:password@`) is a 502.
   */
  ticketHosts?: readonly string[];
  /**
   * Per user (session `userId`); default 60 requests a minute, `false` turns it off. In this
   * process's memory unless `store` is given (`RedisLimitStore` for a fleet of instances).
   */
  rateLimit?: ProxyRateLimit | false;
  /** Puts Auth0's tokens in the verify response (and a chained `mfa_token` in its error). Default false. */
  exposeTokens?: boolean;
  /**
   * Tokens from a successful verify (an MFA access token after a first enrollment, for example), or
   * a chained `mfa_token`, for the app to store in its session. Without it, a user who enrolled a
   * first factor with an `mfa_token` cannot enroll a second one in the same session.
   */
  onTokens?(request: Request, tokens: ProxyTokens): void | Promise<void>;
  /** Upstream failures and internal errors (the client only sees a generic 5xx). Default: `console.error`. */
  onError?(error: unknown, request: Request): void;
  /**
   * How to reach Auth0. Default: Node's HTTP client on keep-alive agents, answers capped at 1 MiB
   * (a fifth of the cost of the global `fetch` per call); give one to intercept or to run elsewhere.
   */
  fetch?: FetchLike;
  /** Per upstream call; default 10 000 ms. */
  timeoutMs?: number;
  /** For tests: milliseconds since the epoch. */
  now?: () => number;
}

export type MfaProxyHandler = (request: Request) => Promise<Response>;

export const DEFAULT_BASE_PATH = '/api/auth/mfa';
export const DEFAULT_RATE_LIMIT: Readonly<RateLimitOptions> = Object.freeze({ limit: 60, windowMs: 60_000 });
const STATE_CHANGING = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);

/** Fields of Auth0's answers that reach the browser; anything else Auth0 adds stays behind. */
const AUTHENTICATOR_FIELDS = ['id', 'authenticator_type', 'active', 'oob_channel', 'oob_channels', 'name', 'type', 'created_at', 'last_auth'];
const ASSOCIATE_FIELDS = [
  'authenticator_type',
  'secret',
  'barcode_uri',
  'recovery_codes',
  'oob_channel',
  'oob_code',
  'binding_method',
  'interval',
  'expires_in',
  'id',
];
const CHALLENGE_FIELDS = ['challenge_type', 'oob_code', 'binding_method', 'interval', 'expires_in'];
const TOKEN_FIELDS = ['access_token', 'id_token', 'refresh_token', 'expires_in', 'scope', 'token_type'];

type Route = 'factors' | 'ticket' | 'removeMethod' | 'list' | 'associate' | 'challenge' | 'verify' | 'remove' | 'regenerate' | 'me';

interface Context {
  request: Request;
  session: ProxySession;
  /** Decoded path segment: the id of the two DELETE routes. */
  id?: string;
  /** The My Account route below `{base}/me`. */
  me?: MeMatch;
}

/**
 * The server half of proxy mode: a fetch-standard handler serving every route of DESIGN §2b under
 * `basePath`, against Auth0's MFA API (with the session's tokens) and Management API (with an M2M
 * token). Mount it in any framework (see `examples/server/`) or with `toNodeHandler()`.
 *
 * Per request, in this order: route match (bare 404/405 otherwise), CSRF (`X-Requested-With:
 * mfa-elements` and an allowed `Origin` on every state-changing method; a foreign `Origin`, or
 * `Sec-Fetch-Site: cross-site`/`same-site` without one, is refused on any method), session (401),
 * per-user rate limit (429 + `Retry-After`), input validation (400), then Auth0.
 */
export function createMfaProxy(options: MfaProxyOptions): MfaProxyHandler {
  const origin = resolveOrigin(options.domain);
  if (!options.clientId) throw new TypeError('createMfaProxy: clientId is required');
  if (typeof options.getSession !== 'function') throw new TypeError('createMfaProxy: getSession is required');
  const basePath = normalizeBasePath(options.basePath ?? DEFAULT_BASE_PATH);
  const allowedOrigins = options.allowedOrigins ? new Set(options.allowedOrigins.map(canonicalOrigin)) : undefined;
  const limit: RateLimitOptions | undefined =
    options.rateLimit === false ? undefined : checkLimit(options.rateLimit ?? DEFAULT_RATE_LIMIT);
  const limitStore = (options.rateLimit || undefined)?.store ?? new MemoryLimitStore(options.now ?? Date.now);
  const exposeTokens = options.exposeTokens === true;
  const ticketHosts = new Set((options.ticketHosts ?? [new URL(origin).host]).map((host) => host.toLowerCase()));
  const onError = options.onError ?? ((error: unknown) => console.error('[mfa-proxy]', describe(error)));
  const upstream: UpstreamOptions = {
    origin,
    fetch: options.fetch,
    timeoutMs: options.timeoutMs ?? 10_000,
    now: options.now ?? Date.now,
  };
  const management = options.management ? new ManagementClient(upstream, options.management) : undefined;

  function route(method: string, rest: string[]): { route: Route; id?: string; me?: MeMatch } | Response {
    if (rest[0] === 'me') {
      const me = matchMe(method, rest.slice(1));
      return me instanceof Response ? me : { route: 'me', me };
    }
    const allow = (methods: string[], match: Route | undefined, id?: string) =>
      match ? { route: match, ...(id !== undefined && { id }) } : methodNotAllowed(methods);
    if (rest.length === 0) {
      if (!management) return routeNotFound();
      return allow(['GET', 'POST'], method === 'GET' ? 'factors' : method === 'POST' ? 'ticket' : undefined);
    }
    if (rest.length === 1) {
      const [segment] = rest as [string];
      if (segment === 'authenticators') return allow(['GET'], method === 'GET' ? 'list' : undefined);
      if (segment === 'associate' || segment === 'challenge' || segment === 'verify') {
        return allow(['POST'], method === 'POST' ? segment : undefined);
      }
      if (!management) return routeNotFound();
      if (segment === 'recovery-code') return allow(['POST'], method === 'POST' ? 'regenerate' : undefined);
      return allow(['DELETE'], method === 'DELETE' ? 'removeMethod' : undefined, segment);
    }
    if (rest.length === 2 && rest[0] === 'authenticators') {
      return allow(['DELETE'], method === 'DELETE' ? 'remove' : undefined, rest[1]);
    }
    return routeNotFound();
  }

  function checkOrigin(request: Request, url: URL, method: string): Response | undefined {
    const sent = request.headers.get('origin');
    if (sent !== null && !(allowedOrigins ? allowedOrigins.has(canonicalOrigin(sent)) : canonicalOrigin(sent) === url.origin)) {
      return errorResponse(403, 'csrf_rejected', 'This origin may not call the MFA proxy.');
    }
    // No Origin (a plain GET): a browser that sends Fetch Metadata says where it came from; a
    // cross-site `<script src>` or `<img src>` gets nothing.
    const site = request.headers.get('sec-fetch-site');
    if (sent === null && site !== null && site !== 'same-origin' && site !== 'none') {
      return errorResponse(403, 'csrf_rejected', 'Cross-site requests may not call the MFA proxy.');
    }
    if (!STATE_CHANGING.has(method)) return undefined;
    if (sent === null) return errorResponse(403, 'csrf_rejected', 'The Origin header is missing.');
    if (request.headers.get(CSRF_HEADER)?.toLowerCase() !== CSRF_VALUE) {
      return errorResponse(403, 'csrf_rejected', `The ${CSRF_HEADER}: ${CSRF_VALUE} header is missing.`);
    }
    return undefined;
  }

  async function handle(request: Request): Promise<Response> {
    const url = new URL(request.url);
    const method = request.method.toUpperCase();
    const rest = subPath(url.pathname, basePath);
    if (!rest) return routeNotFound();
    if (rest === 'malformed') return errorResponse(400, 'invalid_request', 'Malformed path.');
    const matched = route(method, rest);
    if (matched instanceof Response) return matched;
    const rejected = checkOrigin(request, url, method);
    if (rejected) return rejected;
    const session = await options.getSession(request);
    if (!session) return errorResponse(401, 'login_required', 'No signed-in user.');
    if (typeof session.userId !== 'string' || session.userId === '') throw new TypeError('getSession() returned no userId');
    if (limit) {
      const taken = await limitStore.take(session.userId, limit);
      if (!taken.ok) {
        return errorResponse(429, 'too_many_requests', 'Too many requests; try again later.', {
          'retry-after': String(taken.retryAfter),
        });
      }
    }
    const ctx: Context = { request, session, ...(matched.id !== undefined && { id: matched.id }), ...(matched.me && { me: matched.me }) };
    return handlers[matched.route](ctx);
  }

  // ── MFA API (the session's tokens) ─────────────────────────────────────────────────────────────

  /** Bearer for `/mfa/*`: the access token first (it can do everything), then the `mfa_token`. */
  async function mfaCall(ctx: Context, path: string, init: { method?: string; json?: unknown } = {}): Promise<UpstreamResponse> {
    const tokens = [ctx.session.accessToken, ctx.session.mfaToken].filter((t): t is string => Boolean(t));
    if (tokens.length === 0) throw new ProxyError(errorResponse(401, 'invalid_token', 'The session holds no MFA token.'));
    let res: UpstreamResponse | undefined;
    for (const bearer of tokens) {
      res = await call(upstream, path, { ...init, bearer, signal: ctx.request.signal });
      // An expired access token (10 minutes) may still leave a valid mfa_token.
      if (!(res.status === 401 && isObject(res.body) && res.body.error === 'invalid_token')) break;
    }
    return res!;
  }

  function grantToken(ctx: Context): string {
    const token = ctx.session.mfaToken ?? ctx.session.accessToken;
    if (!token) throw new ProxyError(errorResponse(401, 'invalid_token', 'The session holds no MFA token.'));
    return token;
  }

  function clientAuth(): Record<string, string> {
    return options.clientSecret ? { client_id: options.clientId, client_secret: options.clientSecret } : { client_id: options.clientId };
  }

  async function passAuthError(ctx: Context, res: UpstreamResponse): Promise<never> {
    const { error, mfaToken } = authError(res, { exposeTokens });
    if (mfaToken && options.onTokens) await options.onTokens(ctx.request, { mfaToken });
    throw error;
  }

  /** The user's authenticators as the MFA API lists them (raw objects, Auth0's shape). */
  async function listMfa(ctx: Context): Promise<JsonObject[]> {
    const res = await mfaCall(ctx, '/mfa/authenticators');
    if (res.status !== 200) return passAuthError(ctx, res);
    if (!Array.isArray(res.body) || !res.body.every(isObject)) throw brokenAnswer('GET /mfa/authenticators');
    return res.body as JsonObject[];
  }

  // ── Management API (M2M token; the user id only ever comes from the session) ───────────────────

  async function listMethods(ctx: Context): Promise<JsonObject[]> {
    const body = await management!.ok(`/users/${encodeURIComponent(ctx.session.userId)}/authentication-methods`);
    const items = isObject(body) && Array.isArray(body.authenticators) ? body.authenticators : body;
    if (!Array.isArray(items) || !items.every(isObject)) throw brokenAnswer('authentication-methods');
    return items as JsonObject[];
  }

  /**
   * The user's authentication method that `id` names: its own id, a member of its
   * `authentication_methods` (a phone's `sms|…`/`voice|…`), or, for a phone, the same id after the
   * `|` (how MFA API ids relate to the `phone|…` method; an inference, see the reference §8).
   */
  function findMethod(methods: JsonObject[], id: string): JsonObject | undefined {
    const direct = methods.find(
      (m) => m.id === id || (Array.isArray(m.authentication_methods) && m.authentication_methods.some((s) => isObject(s) && s.id === id)),
    );
    if (direct) return direct;
    const prefix = idPrefix(id);
    if (prefix !== 'sms' && prefix !== 'voice') return undefined;
    const suffix = id.slice(id.indexOf('|') + 1);
    return methods.find((m) => m.type === 'phone' && typeof m.id === 'string' && m.id.slice(m.id.indexOf('|') + 1) === suffix);
  }

  async function removeWithManagement(ctx: Context, id: string): Promise<void> {
    const method = findMethod(await listMethods(ctx), id);
    if (!method || typeof method.id !== 'string') throw unknownAuthenticator();
    if (method.type === 'recovery-code') throw recoveryCodeNotRemovable();
    const path = `/users/${encodeURIComponent(ctx.session.userId)}/authentication-methods/${encodeURIComponent(method.id)}`;
    await management!.ok(path, { method: 'DELETE' });
  }

  async function phoneMessageTypes(): Promise<string[]> {
    const res = await management!.request('/guardian/factors/phone/message-types');
    if (res.status === 200 && isObject(res.body) && Array.isArray(res.body.message_types)) {
      return res.body.message_types.filter((t): t is string => typeof t === 'string');
    }
    // Not every tenant (nor the emulator) answers this; Auth0's default message type is sms.
    return ['sms'];
  }

  const handlers: Record<Route, (ctx: Context) => Promise<Response>> = {
    me: (ctx) => serveMe(upstream, ctx.request, ctx.me!, ctx.session.myAccountToken, ctx.session.myAccountScope, basePath),

    async list(ctx) {
      const items = (await listMfa(ctx)).map((item) => pick(item, AUTHENTICATOR_FIELDS));
      // After the MFA API has accepted the session: a refused one costs no Management call.
      return json(management ? [...items, ...hostedAuthenticators(await listMethods(ctx))] : items);
    },

    async associate(ctx) {
      const { upstream: body } = checkAssociate(await readJsonBody(ctx.request));
      const res = await mfaCall(ctx, '/mfa/associate', { method: 'POST', json: body });
      if (res.status !== 200) return passAuthError(ctx, res);
      if (!isObject(res.body)) throw brokenAnswer('POST /mfa/associate');
      return json(pick(res.body, ASSOCIATE_FIELDS));
    },

    async challenge(ctx) {
      const { authenticatorId, challengeType } = checkChallenge(await readJsonBody(ctx.request));
      // The token is the user's own, so Auth0 would refuse a foreign id too; checking first keeps
      // the answer the same whoever's id it is, and costs one list.
      const owned = await listMfa(ctx);
      if (!owned.some((a) => a.id === authenticatorId)) throw unknownAuthenticator();
      const body: JsonObject = { ...clientAuth(), mfa_token: grantToken(ctx), authenticator_id: authenticatorId };
      if (challengeType) body.challenge_type = challengeType;
      const res = await call(upstream, '/mfa/challenge', { method: 'POST', json: body, signal: ctx.request.signal });
      if (res.status !== 200) return passAuthError(ctx, res);
      if (!isObject(res.body)) throw brokenAnswer('POST /mfa/challenge');
      return json(pick(res.body, CHALLENGE_FIELDS));
    },

    async verify(ctx) {
      const req = checkVerify(await readJsonBody(ctx.request));
      const res = await call(upstream, '/oauth/token', {
        method: 'POST',
        form: clientGrantForm(clientAuth(), grantToken(ctx), req),
        signal: ctx.request.signal,
      });
      if (res.status !== 200) return passAuthError(ctx, res);
      const body = res.body;
      if (!isObject(body) || typeof body.access_token !== 'string') throw brokenAnswer('POST /oauth/token');
      if (options.onTokens) await options.onTokens(ctx.request, camelTokens(body));
      const out: JsonObject = { success: true };
      if (typeof body.recovery_code === 'string') out.recovery_code = body.recovery_code;
      if (exposeTokens) Object.assign(out, pick(body, TOKEN_FIELDS));
      return json(out);
    },

    async remove(ctx) {
      const id = checkId(ctx.id!);
      if (idPrefix(id) === 'recovery-code') throw recoveryCodeNotRemovable();
      if (management) {
        await removeWithManagement(ctx, id);
        return noContent();
      }
      const owned = await listMfa(ctx);
      const target = owned.find((a) => a.id === id);
      if (!target) throw unknownAuthenticator();
      if (target.authenticator_type === 'recovery-code') throw recoveryCodeNotRemovable();
      const res = await mfaCall(ctx, `/mfa/authenticators/${encodeURIComponent(id)}`, { method: 'DELETE' });
      if (res.status !== 204 && res.status !== 200) return passAuthError(ctx, res);
      return noContent();
    },

    /**
     * `POST {base}/recovery-code`: a new recovery code through the Management API
     * (`recovery-code-regeneration`, scope `update:users`); the old one stops working. Only for a
     * session that has verified (holds an MFA access token): the new code signs in without any factor.
     */
    async regenerate(ctx) {
      if (!ctx.session.accessToken) throw new ProxyError(errorResponse(403, 'mfa_required', 'Verify first: the session has not completed MFA.'));
      const body = await management!.ok(`/users/${encodeURIComponent(ctx.session.userId)}/recovery-code-regeneration`, { method: 'POST' });
      if (!isObject(body) || typeof body.recovery_code !== 'string') throw brokenAnswer('recovery-code-regeneration');
      return json({ recovery_code: body.recovery_code });
    },

    async removeMethod(ctx) {
      const id = checkId(ctx.id!);
      if (idPrefix(id) === 'recovery-code') throw recoveryCodeNotRemovable();
      await removeWithManagement(ctx, id);
      return json({ id });
    },

    async factors(ctx) {
      const [factors, methods, messageTypes] = await Promise.all([
        management!.ok('/guardian/factors'),
        listMethods(ctx),
        phoneMessageTypes(),
      ]);
      if (!Array.isArray(factors) || !factors.every(isObject)) throw brokenAnswer('guardian/factors');
      return json(factorList(factors as JsonObject[], methods, messageTypes));
    },

    async ticket(ctx) {
      const { factor, ticketFactor } = checkTicket(await readJsonBody(ctx.request));
      const body: JsonObject = { user_id: ctx.session.userId, send_mail: false };
      // The ticket API takes no `duo` (reference §8): a ticket naming no factor lets the user pick it.
      if (TICKET_API_FACTORS.includes(ticketFactor)) body.factor = ticketFactor;
      // Auth0 refuses allow_multiple_enrollments with email.
      if (factor !== 'email') body.allow_multiple_enrollments = true;
      const ticket = await management!.ok('/guardian/enrollments/ticket', { method: 'POST', json: body });
      if (!isObject(ticket) || typeof ticket.ticket_url !== 'string' || !isTicketUrl(ticket.ticket_url, ticketHosts)) {
        throw brokenAnswer('enrollments/ticket');
      }
      return json({ ticket_url: ticket.ticket_url });
    },
  };

  return async (request: Request): Promise<Response> => {
    try {
      return await handle(request);
    } catch (error) {
      if (error instanceof ProxyError) {
        if (error.report !== undefined) onError(error.report, request);
        return error.response;
      }
      onError(error, request);
      return serverError(500).response;
    }
  };
}

/** The `factor` values of `POST /guardian/enrollments/ticket` (reference §8). */
const TICKET_API_FACTORS = ['push-notification', 'phone', 'email', 'otp', 'webauthn-roaming', 'webauthn-platform'];

/** Authentication-method types the MFA API does not list (reference §8): enrolled by ticket only. */
const HOSTED_TYPES = ['webauthn-roaming', 'webauthn-platform', 'duo'];

/**
 * The user's WebAuthn and Duo methods (Management API) in the shape of `GET {base}/authenticators`,
 * typed by the factor's name as the library does for what the MFA API does not type. They are
 * removed through the Management API like the rest.
 */
function hostedAuthenticators(methods: JsonObject[]): JsonObject[] {
  return methods.flatMap((m) => {
    if (typeof m.id !== 'string' || typeof m.type !== 'string' || !HOSTED_TYPES.includes(m.type)) return [];
    const out: JsonObject = { id: m.id, authenticator_type: m.type, active: m.confirmed !== false };
    if (typeof m.name === 'string') out.name = m.name;
    if (typeof m.created_at === 'string') out.created_at = m.created_at;
    return [out];
  });
}

function brokenAnswer(what: string): ProxyError {
  return serverError(502, new Error(`${what}: unexpected answer shape`));
}

function unknownAuthenticator(): ProxyError {
  // The same answer for "does not exist" and "belongs to someone else".
  return new ProxyError(errorResponse(404, 'invalid_authenticator', 'No such authenticator for this user.'));
}

function recoveryCodeNotRemovable(): ProxyError {
  return new ProxyError(errorResponse(400, 'invalid_request', 'Recovery codes cannot be removed.'));
}

function camelTokens(body: JsonObject): ProxyTokens {
  const tokens: ProxyTokens = { accessToken: body.access_token as string };
  if (typeof body.id_token === 'string') tokens.idToken = body.id_token;
  if (typeof body.refresh_token === 'string') tokens.refreshToken = body.refresh_token;
  if (typeof body.expires_in === 'number') tokens.expiresIn = body.expires_in;
  if (typeof body.scope === 'string') tokens.scope = body.scope;
  if (typeof body.token_type === 'string') tokens.tokenType = body.token_type;
  return tokens;
}

function pick(obj: JsonObject, keys: readonly string[]): JsonObject {
  const out: JsonObject = {};
  for (const key of keys) if (obj[key] !== undefined) out[key] = obj[key];
  return out;
}

/**
 * Guardian factors → `[{name, enabled, enrollmentId?}]` with Guardian's names (what the Lab
 * component expects), plus `voice` when the phone factor offers that message type. `enrollmentId`
 * is the first confirmed authentication method of the factor: `totp` not linked to a push (a
 * push's TOTP belongs to the push), `phone` for sms and voice, `push` or `guardian` for push.
 */
export function factorList(factors: JsonObject[], methods: JsonObject[], messageTypes: string[]): JsonObject[] {
  const confirmed = methods.filter((m) => m.confirmed !== false && typeof m.id === 'string');
  const subTypes = (m: JsonObject): string[] =>
    Array.isArray(m.authentication_methods)
      ? m.authentication_methods.flatMap((s) => (isObject(s) && typeof s.type === 'string' ? [s.type] : []))
      : [];
  const phoneFor = (channel: string) => (m: JsonObject) =>
    m.type === 'phone' &&
    (m.preferred_authentication_method === channel || subTypes(m).includes(channel) ||
      (channel === 'sms' && m.preferred_authentication_method === undefined && subTypes(m).length === 0));
  const matchers: Record<string, (m: JsonObject) => boolean> = {
    'push-notification': (m) => m.type === 'push' || m.type === 'guardian',
    otp: (m) => m.type === 'totp' && m.link_id === undefined,
    sms: phoneFor('sms'),
    voice: phoneFor('voice'),
    email: (m) => m.type === 'email',
    'recovery-code': (m) => m.type === 'recovery-code',
    'webauthn-roaming': (m) => m.type === 'webauthn-roaming',
    'webauthn-platform': (m) => m.type === 'webauthn-platform',
    duo: (m) => m.type === 'duo',
  };
  const out: JsonObject[] = [];
  const add = (name: string, enabled: boolean) => {
    const method = confirmed.find(matchers[name]!);
    out.push(method ? { name, enabled, enrollmentId: method.id } : { name, enabled });
  };
  for (const factor of factors) {
    const name = factor.name;
    if (typeof name !== 'string' || !Object.hasOwn(matchers, name) || name === 'voice') continue;
    const enabled = factor.enabled === true;
    if (name === 'sms') {
      if (messageTypes.includes('sms') || !messageTypes.includes('voice')) add('sms', enabled);
      if (messageTypes.includes('voice')) add('voice', enabled);
    } else {
      add(name, enabled);
    }
  }
  return out;
}

function normalizeBasePath(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  if (!trimmed.startsWith('/') && trimmed !== '') throw new TypeError('createMfaProxy: basePath must start with /');
  return trimmed;
}

/** Decoded segments after the base path, or undefined when the path is outside it. */
function subPath(pathname: string, basePath: string): string[] | 'malformed' | undefined {
  if (pathname !== basePath && !pathname.startsWith(`${basePath}/`)) return undefined;
  const rest = pathname.slice(basePath.length).split('/').filter((s, i) => i > 0 || s !== '');
  if (rest.length > 0 && rest[rest.length - 1] === '') rest.pop();
  try {
    return rest.map((segment) => decodeURIComponent(segment));
  } catch {
    return 'malformed';
  }
}

function checkLimit({ limit, windowMs }: RateLimitOptions): RateLimitOptions {
  if (!(limit >= 1) || !(windowMs > 0)) throw new RangeError('rateLimit: limit ≥ 1 and windowMs > 0 are required');
  return { limit, windowMs };
}

/** On an allowed host, `https:` (or `http:` on loopback), no userinfo: what the browser may open. */
function isTicketUrl(value: string, hosts: ReadonlySet<string>): boolean {
  try {
    return hosts.has(secureUrl(value, undefined, true).host);
  } catch {
    return false;
  }
}

function canonicalOrigin(value: string): string {
  try {
    const url = new URL(value);
    return url.origin === 'null' ? value : url.origin;
  } catch {
    return value;
  }
}

function describe(error: unknown): string {
  if (error instanceof Error) return `${error.name}: ${error.message}`;
  return String(error);
}
