import { errorCodeOf } from './request-log.js';
import { faultResponse } from './faults.js';
import { HttpError, ManagementError, OAuthError, bearerToken, json } from './http.js';
import { Call, matchRoute, type Route } from './router.js';
import type { World } from './world.js';

const CONTROL_PREFIX = '/__emulator/';

/**
 * Who a request is about, before any route runs, so a fault can target one user: the bearer or
 * `mfa_token`, a login's username, or a Management API user path.
 */
function requestUser(world: World, call: Call): string | undefined {
  const params = call.peekParams();
  const token = bearerToken(call.request) ?? (typeof params.mfa_token === 'string' ? params.mfa_token : undefined);
  const fromToken = world.tokens.lookup(token)?.record.userId;
  if (fromToken) return fromToken;
  if (typeof params.username === 'string') return world.users.findByEmail(params.username)?.id;
  const match = call.url.pathname.match(/^\/api\/v2\/users\/([^/]+)/);
  if (!match) return undefined;
  try {
    return decodeURIComponent(match[1]!);
  } catch {
    return undefined; // a malformed escape: the route answers it (a 404), no fault targets it
  }
}

function notFound(pathname: string, status: 404 | 405): Response {
  const message = status === 404 ? 'Not Found' : 'Method Not Allowed';
  const error = pathname.startsWith('/api/v2/')
    ? new ManagementError(status, status === 404 ? 'not_found' : 'method_not_allowed', message)
    : new OAuthError(status, status === 404 ? 'not_found' : 'method_not_allowed', message);
  return error.toResponse();
}

async function route(routes: readonly Route[], call: Call, world: World): Promise<Response> {
  if (call.method === 'OPTIONS') return new Response(null, { status: 204, headers: { allow: 'GET, POST, DELETE, OPTIONS' } });
  const match = matchRoute(routes, call.method, call.url.pathname);
  if (match === undefined) return notFound(call.url.pathname, 404);
  if (match === 'method_not_allowed') return notFound(call.url.pathname, 405);
  try {
    return await match.route.handle(call, world, match.path);
  } catch (error) {
    if (error instanceof HttpError) return error.toResponse();
    throw error;
  }
}

/** Auth0's requests are small forms and JSON objects; 64 KB is far beyond any of them. */
export const MAX_BODY_BYTES = 64 * 1024;

/** The body as text, or undefined past MAX_BODY_BYTES: refused by its Content-Length unread, else as it streams. */
async function readBody(request: Request): Promise<string | undefined> {
  if (!request.body) return '';
  if (Number(request.headers.get('content-length') ?? 0) > MAX_BODY_BYTES) return undefined;
  const reader = request.body.getReader();
  const decoder = new TextDecoder();
  let text = '';
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) return text + decoder.decode();
    size += value.byteLength;
    if (size > MAX_BODY_BYTES) {
      await reader.cancel();
      return undefined;
    }
    text += decoder.decode(value, { stream: true });
  }
}

function tooLarge(request: Request): Response {
  const description = 'The request body is too large.';
  return new URL(request.url).pathname.startsWith('/api/v2/')
    ? new ManagementError(413, 'payload_too_large', description).toResponse()
    : new OAuthError(413, 'invalid_request', description).toResponse();
}

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

/** One request: faults first, then the route; everything but control traffic goes in the log. */
export async function dispatch(routes: readonly Route[], request: Request, world: World): Promise<Response> {
  const method = request.method.toUpperCase();
  const text = method === 'GET' || method === 'HEAD' ? '' : await readBody(request);
  if (text === undefined) return tooLarge(request);
  const call = new Call(request, text);
  const at = world.clock.now();
  if (call.url.pathname.startsWith(CONTROL_PREFIX)) return route(routes, call, world);

  let response: Response | undefined;
  const fault = world.faults.take(method, call.url.pathname, () => (call.userId ??= requestUser(world, call)));
  if (fault?.latencyMs) await sleep(fault.latencyMs);
  if (fault) response = faultResponse(fault);
  response ??= await route(routes, call, world);

  world.requests.add({
    method,
    path: call.url.pathname,
    at,
    status: response.status,
    ...(call.userId !== undefined && { user_id: call.userId }),
    ...(fault && { fault: true }),
    ...(await errorCodeOf(response).then((error) => error && { error })),
  });
  return response;
}

export function internalError(): Response {
  return json({ error: 'server_error', error_description: 'Internal emulator error.' }, 500);
}
