/**
 * The My Account routes of `createMfaProxy`, below `{base}/me`, each forwarded to Auth0's
 * `/me/v1` with the session's `/me/` token:
 *
 *   GET    {base}/me/factors
 *   GET    {base}/me/authentication-methods
 *   POST   {base}/me/authentication-methods
 *   GET | PATCH | DELETE {base}/me/authentication-methods/{id}
 *   POST   {base}/me/authentication-methods/{id}/verify
 *
 * Bodies are rebuilt from checked fields only; answers pass through without Auth0's `Location`
 * (which names Auth0's host: the client takes the id from the path it rebuilds instead, here
 * `Location` is rewritten to this proxy's own path), keeping `Retry-After` and `x-ratelimit-*`.
 */
import { isAuthenticatorId, normalizeEmail, normalizePhone } from '../core/input.js';
import { isObject, type JsonObject } from '../core/validate.js';
import { errorResponse, invalidRequest, methodNotAllowed, noContent, ProxyError, routeNotFound, json } from './responses.js';
import { call, type UpstreamOptions } from './upstream.js';
import { readJsonBody } from './validation.js';

export type MeRoute = 'factors' | 'list' | 'create' | 'get' | 'update' | 'delete' | 'verify';

export interface MeMatch {
  route: MeRoute;
  id?: string;
}

/** The scope each route needs (checked against the session's, when the session says). */
const SCOPES: Readonly<Record<MeRoute, string>> = {
  factors: 'read:me:factors',
  list: 'read:me:authentication_methods',
  get: 'read:me:authentication_methods',
  create: 'create:me:authentication_methods',
  verify: 'create:me:authentication_methods',
  update: 'update:me:authentication_methods',
  delete: 'delete:me:authentication_methods',
};

const CREATE_TYPES = new Set(['totp', 'phone', 'email', 'push-notification', 'recovery-code', 'passkey']);
const PASSED_HEADERS = ['retry-after', 'x-ratelimit-limit', 'x-ratelimit-remaining', 'x-ratelimit-reset'];

/** `rest` is the path below `{base}/me`, decoded. */
export function matchMe(method: string, rest: readonly string[]): MeMatch | Response {
  const only = (allowed: string[], route: MeRoute | undefined, id?: string): MeMatch | Response =>
    route ? { route, ...(id !== undefined && { id }) } : methodNotAllowed(allowed);
  const [first, id, last, ...more] = rest;
  if (more.length) return routeNotFound();
  if (first === 'factors' && id === undefined) return only(['GET'], method === 'GET' ? 'factors' : undefined);
  if (first !== 'authentication-methods') return routeNotFound();
  if (id === undefined) return only(['GET', 'POST'], method === 'GET' ? 'list' : method === 'POST' ? 'create' : undefined);
  if (!isAuthenticatorId(id)) return errorResponse(400, 'invalid_request', 'Not an authentication method id.');
  if (last === 'verify') return only(['POST'], method === 'POST' ? 'verify' : undefined, id);
  if (last !== undefined) return routeNotFound();
  const byMethod: Record<string, MeRoute> = { GET: 'get', PATCH: 'update', DELETE: 'delete' };
  return only(['GET', 'PATCH', 'DELETE'], byMethod[method], id);
}

function string(body: JsonObject, key: string, max: number, required = true): string | undefined {
  const value = body[key];
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || value === '' || value.length > max) throw invalidRequest(`${key} must be a string of 1 to ${max} characters.`);
  return value;
}

function channel(body: JsonObject): string | undefined {
  const value = body.preferred_authentication_method;
  if (value === undefined) return undefined;
  if (value !== 'sms' && value !== 'voice') throw invalidRequest('preferred_authentication_method must be sms or voice.');
  return value;
}

/** The upstream body of a POST, from the checked fields of the type. */
function createBody(body: JsonObject): JsonObject {
  const type = body.type;
  if (typeof type !== 'string' || !CREATE_TYPES.has(type)) throw invalidRequest(`type must be one of ${[...CREATE_TYPES].join(', ')}.`);
  if (type === 'phone') {
    const phone = normalizePhone(string(body, 'phone_number', 32)!);
    if (!phone) throw invalidRequest('phone_number must be E.164.');
    const preferred = channel(body);
    return { type, phone_number: phone, ...(preferred && { preferred_authentication_method: preferred }) };
  }
  if (type === 'email') {
    const email = normalizeEmail(string(body, 'email', 254)!);
    if (!email) throw invalidRequest('email is not an email address.');
    return { type, email };
  }
  return { type };
}

function verifyBody(body: JsonObject): JsonObject {
  const out: JsonObject = { auth_session: string(body, 'auth_session', 2048) };
  const code = string(body, 'otp_code', 16, false);
  if (code !== undefined) {
    if (!/^\d{4,10}$/.test(code)) throw invalidRequest('otp_code must be digits.');
    out.otp_code = code;
  }
  if (body.authn_response !== undefined) {
    if (!isObject(body.authn_response)) throw invalidRequest('authn_response must be an object.');
    out.authn_response = body.authn_response;
  }
  return out;
}

function updateBody(body: JsonObject): JsonObject {
  const name = string(body, 'name', 100, false);
  const preferred = channel(body);
  if (name === undefined && preferred === undefined) throw invalidRequest('name or preferred_authentication_method is required.');
  return { ...(name !== undefined && { name }), ...(preferred && { preferred_authentication_method: preferred }) };
}

/**
 * Serves one matched route for the session's token. `scope`: the token's scopes when the session
 * knows them; a missing one is refused here, before Auth0 spends the user's request.
 */
export async function serveMe(
  upstream: UpstreamOptions,
  request: Request,
  match: MeMatch,
  token: string | undefined,
  scope: string | undefined,
  publicBase: string,
): Promise<Response> {
  if (!token) throw new ProxyError(errorResponse(401, 'invalid_token', 'The session holds no My Account token.'));
  const needed = SCOPES[match.route];
  if (scope !== undefined && !scope.split(/\s+/).includes(needed)) {
    throw new ProxyError(errorResponse(403, 'insufficient_scope', `The session's token lacks ${needed}.`));
  }
  const idPath = match.id === undefined ? '' : `/${encodeURIComponent(match.id)}`;
  const path = match.route === 'factors' ? '/me/v1/factors' : `/me/v1/authentication-methods${idPath}${match.route === 'verify' ? '/verify' : ''}`;
  const body =
    match.route === 'create' ? createBody(await readJsonBody(request))
    : match.route === 'verify' ? verifyBody(await readJsonBody(request))
    : match.route === 'update' ? updateBody(await readJsonBody(request))
    : undefined;
  const method = { factors: 'GET', list: 'GET', get: 'GET', create: 'POST', verify: 'POST', update: 'PATCH', delete: 'DELETE' }[match.route];
  const res = await call(upstream, path, { method, bearer: token, json: body, signal: request.signal });
  const headers = new Headers();
  for (const name of PASSED_HEADERS) {
    const value = res.headers.get(name);
    if (value !== null) headers.set(name, value);
  }
  // The id from Auth0's Location, under this proxy's own path: Auth0's host never reaches the page.
  const location = res.headers.get('location');
  const segment = location ? lastSegment(location) : undefined;
  if (segment) headers.set('location', `${publicBase}/me/authentication-methods/${encodeURIComponent(segment)}`);
  if (res.status === 204) return noContent();
  if (res.status >= 500 || (res.body !== undefined && !isObject(res.body))) {
    return errorResponse(502, 'server_error', 'The authorization server failed.');
  }
  return json(res.body ?? {}, res.status, headers);
}

function lastSegment(location: string): string | undefined {
  try {
    const segment = new URL(location, 'http://invalid.invalid').pathname.split('/').filter(Boolean).pop();
    const id = segment && decodeURIComponent(segment);
    return id && isAuthenticatorId(id) ? id : undefined;
  } catch {
    return undefined;
  }
}
