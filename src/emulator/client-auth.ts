import { invalidRequest, OAuthError, type Params } from './http.js';

/**
 * `client_secret_basic` (RFC 6749 §2.3.1): the credentials of an `Authorization: Basic` header,
 * form-decoded, join the body parameters, so every grant authenticates the client one way. Sending
 * different ids in both places is refused rather than one silently winning.
 */
export function withBasicClient(request: Request, params: Params): Params {
  const match = request.headers.get('authorization')?.match(/^Basic\s+([A-Za-z0-9+/=]+)\s*$/i);
  if (!match) return params;
  const decoded = Buffer.from(match[1]!, 'base64').toString('utf8');
  const colon = decoded.indexOf(':');
  if (colon < 0) throw new OAuthError(401, 'invalid_client', 'Malformed Basic client credentials.');
  let clientId: string;
  let clientSecret: string;
  try {
    clientId = decodeURIComponent(decoded.slice(0, colon).replace(/\+/g, ' '));
    clientSecret = decodeURIComponent(decoded.slice(colon + 1).replace(/\+/g, ' '));
  } catch {
    throw new OAuthError(401, 'invalid_client', 'Malformed Basic client credentials.');
  }
  if (params.client_id !== undefined && params.client_id !== clientId) {
    throw invalidRequest('client_id in the body differs from the Basic credentials.');
  }
  if (params.client_secret !== undefined) throw invalidRequest('Use one client authentication method, not both.');
  return { ...params, client_id: clientId, client_secret: clientSecret };
}
