/**
 * Response and request helpers shared by every route. Two error families exist because Auth0 has
 * two: the Authentication API (`/oauth/token`, `/mfa/*`) answers OAuth-style
 * `{error, error_description}`, the Management API answers `{statusCode, error, message, errorCode}`.
 */

import { textResponse } from '../server/text-response.js';

export type Params = Record<string, unknown>;

export function json(body: unknown, status = 200, headers: HeadersInit = {}): Response {
  const h = new Headers(headers);
  h.set('content-type', 'application/json; charset=utf-8');
  // Auth0 never lets token responses be cached; the same holds for everything here.
  h.set('cache-control', 'no-store');
  return textResponse(JSON.stringify(body), { status, headers: h });
}

export function noContent(headers: HeadersInit = {}): Response {
  return new Response(null, { status: 204, headers });
}

/** Thrown anywhere below a route; the dispatcher turns it into the response it carries. */
export abstract class HttpError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly headers: HeadersInit = {},
  ) {
    super(message);
  }
  abstract toResponse(): Response;
}

export class OAuthError extends HttpError {
  override readonly name = 'OAuthError';
  toResponse(): Response {
    return json({ error: this.code, error_description: this.message }, this.status, this.headers);
  }
}

/** Reason phrases for the error bodies that carry one (Management API `error`, My Account `title`). */
export const STATUS_TEXT: Readonly<Record<number, string>> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  405: 'Method Not Allowed',
  409: 'Conflict',
  413: 'Payload Too Large',
  415: 'Unsupported Media Type',
  429: 'Too Many Requests',
  500: 'Internal Server Error',
};

export class ManagementError extends HttpError {
  override readonly name = 'ManagementError';
  toResponse(): Response {
    const body = {
      statusCode: this.status,
      error: STATUS_TEXT[this.status] ?? 'Error',
      message: this.message,
      errorCode: this.code,
    };
    return json(body, this.status, this.headers);
  }
}

export function invalidRequest(description: string): OAuthError {
  return new OAuthError(400, 'invalid_request', description);
}

/**
 * Form or JSON, as Auth0 accepts both on `/oauth/token` (and the SDKs send JSON elsewhere). A body
 * that is neither an object nor a form is a 400 rather than an empty parameter set, so that a client
 * bug surfaces as `invalid_request` instead of a misleading "missing parameter".
 */
export function parseParams(text: string, contentType: string | null): Params {
  const type = (contentType ?? '').toLowerCase();
  const trimmed = text.trim();
  if (trimmed === '') return {};
  const looksJson = type.includes('json') || (!type.includes('form') && trimmed.startsWith('{'));
  if (!looksJson) return Object.fromEntries(new URLSearchParams(text));
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalidRequest('The request body is not valid JSON.');
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw invalidRequest('The request body must be a JSON object.');
  }
  return value as Params;
}

/** A non-empty string parameter, or undefined; anything else present is a client error. */
export function optionalString(params: Params, name: string): string | undefined {
  const value = params[name];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value !== 'string') throw invalidRequest(`Parameter ${name} must be a string.`);
  return value;
}

export function requiredString(params: Params, name: string): string {
  const value = optionalString(params, name);
  if (value === undefined) throw invalidRequest(`Missing required parameter: ${name}`);
  return value;
}

/** `["a"]`, `"a"` or `"a b"` (form bodies cannot carry arrays) → `["a"]`. */
export function stringList(params: Params, name: string): string[] | undefined {
  const value = params[name];
  if (value === undefined || value === null || value === '') return undefined;
  if (typeof value === 'string') return value.split(/[\s,]+/).filter(Boolean);
  if (Array.isArray(value) && value.every((v) => typeof v === 'string')) return value as string[];
  throw invalidRequest(`Parameter ${name} must be an array of strings.`);
}

export function bearerToken(request: Request): string | undefined {
  const header = request.headers.get('authorization');
  const match = header?.match(/^Bearer\s+(\S+)\s*$/i);
  return match?.[1];
}
