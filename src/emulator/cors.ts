/**
 * CORS for the direct mode, where a page on another origin calls the MFA API with a bearer token.
 * Browsers hide every response header they are not told to expose, and the client needs the rate
 * limit ones to count down a 429.
 */

const EXPOSED = ['Location', 'Retry-After', 'X-RateLimit-Limit', 'X-RateLimit-Remaining', 'X-RateLimit-Reset'];
const ALWAYS_ALLOWED_HEADERS = ['Authorization', 'Content-Type', 'X-Requested-With'];
const METHODS = 'GET, POST, PATCH, DELETE, OPTIONS';

export type CorsOrigins = '*' | string[];

function allowedOrigin(request: Request, origins: CorsOrigins): string | undefined {
  const origin = request.headers.get('origin');
  if (!origin) return undefined;
  return origins === '*' || origins.includes(origin) ? origin : undefined;
}

/**
 * The origin is echoed rather than `*` so that credentialed requests (a proxy on the same host
 * with cookies) work too.
 */
function corsHeaders(origin: string): Headers {
  return new Headers({
    'access-control-allow-origin': origin,
    'access-control-allow-credentials': 'true',
    'access-control-expose-headers': EXPOSED.join(', '),
    vary: 'Origin',
  });
}

export function isPreflight(request: Request): boolean {
  return request.method === 'OPTIONS' && request.headers.has('access-control-request-method');
}

/** An allowed preflight gets 204 with the grants; a refused one gets 204 without, which browsers block. */
export function preflight(request: Request, origins: CorsOrigins): Response {
  const origin = allowedOrigin(request, origins);
  if (!origin) return new Response(null, { status: 204, headers: { vary: 'Origin' } });
  const headers = corsHeaders(origin);
  const requested = (request.headers.get('access-control-request-headers') ?? '')
    .split(',')
    .map((h) => h.trim())
    .filter(Boolean);
  const allowed = new Map([...ALWAYS_ALLOWED_HEADERS, ...requested].map((h) => [h.toLowerCase(), h]));
  headers.set('access-control-allow-headers', [...allowed.values()].join(', '));
  headers.set('access-control-allow-methods', METHODS);
  headers.set('access-control-max-age', '600');
  headers.append('vary', 'Access-Control-Request-Headers');
  return new Response(null, { status: 204, headers });
}

export function withCors(request: Request, response: Response, origins: CorsOrigins): Response {
  const origin = allowedOrigin(request, origins);
  if (!origin) return response;
  const headers = new Headers(response.headers);
  corsHeaders(origin).forEach((value, name) => headers.set(name, value));
  return new Response(response.body, { status: response.status, statusText: response.statusText, headers });
}
