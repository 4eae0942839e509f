/** Response helpers of the proxy. Every answer is `no-store`: they carry per-user state. */
import { textResponse } from './text-response.js';

const BASE_HEADERS: Record<string, string> = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

export function json(body: unknown, status = 200, headers: HeadersInit = {}): Response {
  const h = new Headers(headers);
  for (const [name, value] of Object.entries(BASE_HEADERS)) h.set(name, value);
  h.set('content-type', 'application/json; charset=utf-8');
  return textResponse(JSON.stringify(body), { status, headers: h });
}

export function noContent(): Response {
  return new Response(null, { status: 204, headers: BASE_HEADERS });
}

/**
 * A route this proxy does not serve (or one switched off by configuration): a bare 404 with no
 * error code, which `ProxySource` reads as "capability absent" rather than as an error.
 */
export function routeNotFound(): Response {
  return new Response('Not Found', { status: 404, headers: { ...BASE_HEADERS, 'content-type': 'text/plain; charset=utf-8' } });
}

export function methodNotAllowed(allow: readonly string[]): Response {
  return new Response('Method Not Allowed', {
    status: 405,
    headers: { ...BASE_HEADERS, 'content-type': 'text/plain; charset=utf-8', allow: allow.join(', ') },
  });
}

/** OAuth-style error body, the shape Auth0 and `ProxySource` speak. */
export function errorResponse(status: number, error: string, description?: string, headers: HeadersInit = {}): Response {
  return json(description ? { error, error_description: description } : { error }, status, headers);
}

/** Thrown below a route; the dispatcher answers with the response it carries. */
export class ProxyError extends Error {
  override readonly name = 'ProxyError';
  constructor(
    readonly response: Response,
    /** What went wrong behind a generic 5xx, for the operator's `onError`; never sent to the client. */
    readonly report?: unknown,
  ) {
    super(`proxy answered ${response.status}`);
  }
}

export function invalidRequest(description: string): ProxyError {
  return new ProxyError(errorResponse(400, 'invalid_request', description));
}

/** What a client sees of any upstream or internal failure: no upstream body, no stack, no message. */
export function serverError(status = 502, report?: unknown, headers: HeadersInit = {}): ProxyError {
  const description =
    status === 504 ? 'The authorization server did not answer in time.' : status === 500 ? 'Internal error.' : 'The authorization server failed.';
  return new ProxyError(errorResponse(status, 'server_error', description, headers), report);
}
