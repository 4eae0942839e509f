import { MfaError } from './errors.js';

/** Plain `http:` is only acceptable where no network sits between browser and server. */
export function isLoopbackHost(hostname: string): boolean {
  return hostname === 'localhost' || /^127(\.\d{1,3}){3}$/.test(hostname) || hostname === '[::1]';
}

/**
 * `tenant.auth0.com` → `https://tenant.auth0.com`; a full origin (`http://127.0.0.1:4000`) is kept.
 * Refuses paths, credentials and `http:` off loopback (`MfaError('invalid_uri')`), so that a token
 * is never sent in clear text or to a URL assembled from a half-parsed attribute.
 */
export function resolveOrigin(domain: string): string {
  const trimmed = domain.trim().replace(/\/+$/, '');
  const url = parseUrl(/^[a-z][a-z0-9+.-]*:\/\//i.test(trimmed) ? trimmed : `https://${trimmed}`);
  if (url.pathname !== '/' || url.search || url.hash || url.username || url.password || !url.hostname) {
    throw new MfaError('invalid_uri', { description: 'domain must be a host name or an origin' });
  }
  assertSecure(url);
  return url.origin;
}

/**
 * For URLs a server hands back to open (enrollment tickets): `https:`, or `http:` on loopback, and
 * no `user:password@` (which can dress another host up as the expected one).
 */
export function checkServerUrl(value: string, base?: string): string {
  return secureUrl(value, base, true).href;
}

/** `value` parsed and checked like `checkServerUrl`; `noCredentials` also refuses `user:password@`. */
export function secureUrl(value: string, base?: string, noCredentials?: boolean): URL {
  const url = parseUrl(value, base);
  assertSecure(url, noCredentials && (url.username || url.password));
  return url;
}

function parseUrl(value: string, base?: string): URL {
  try {
    return new URL(value, base);
  } catch (cause) {
    throw new MfaError('invalid_uri', { description: 'not a valid URL', cause });
  }
}

function assertSecure(url: URL, refuse?: unknown): void {
  const ok = url.protocol === 'https:' || (url.protocol === 'http:' && isLoopbackHost(url.hostname));
  if (!ok || refuse) throw new MfaError('invalid_uri', { description: 'only https: (or http: on a loopback host) is allowed' });
}
