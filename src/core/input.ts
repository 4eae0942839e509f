/**
 * Checks on what the user typed, shared by the elements (before a request) and the server proxy
 * (before an upstream call). Normalizers return the canonical form or undefined when invalid.
 */
import { FACTORS } from './factors.js';
import { MfaError } from './errors.js';
import type { EnrollRequest } from './types.js';

/** Separators people type or paste inside phone numbers and codes. */
const SEPARATORS = /[\s\-().\u00a0]/g;

/**
 * E.164: `+` then 8–15 digits, the first not 0. Spaces, dashes, dots and parentheses are dropped;
 * a leading `00` is not rewritten to `+` because it is not an international prefix everywhere.
 */
export function normalizePhone(input: string): string | undefined {
  const compact = input.trim().replace(SEPARATORS, '');
  return /^\+[1-9]\d{7,14}$/.test(compact) ? compact : undefined;
}

/**
 * A pragmatic address check (one `@`, a dotted domain, no spaces, ≤ 254 characters): it catches
 * typos, not everything RFC 5321 refuses. The server is the authority.
 */
export function normalizeEmail(input: string): string | undefined {
  const email = input.trim();
  if (email.length > 254) return undefined;
  return /^[^\s@]{1,64}@[^\s@.]+(\.[^\s@.]+)+$/.test(email) ? email : undefined;
}

/** Digits only after stripping spaces and dashes; exactly `length` of them. */
export function normalizeOtp(input: string, length = 6): string | undefined {
  const code = input.replace(SEPARATORS, '');
  return code.length === length && /^\d+$/.test(code) ? code : undefined;
}

/** Just the digits, capped: for a code field that accepts pastes like "123 456" or "Code: 123-456". */
export function digitsOnly(input: string, max = 8): string {
  return input.replace(/\D/g, '').slice(0, max);
}

/** Auth0 recovery codes are 24 characters A–Z0–9, shown in groups; case and separators are ignored. */
export function normalizeRecoveryCode(input: string): string | undefined {
  const code = input.replace(SEPARATORS, '').toUpperCase();
  return /^[A-Z0-9]{24}$/.test(code) ? code : undefined;
}

/** Groups of four, for showing a recovery code (or any code) legibly. */
export function groupCode(code: string, size = 4): string {
  return code.match(new RegExp(`.{1,${size}}`, 'g'))?.join(' ') ?? '';
}

/**
 * `prefix|rest`, with only characters that appear in Auth0 ids. Refusing anything else keeps ids
 * from smuggling path segments or query strings into a proxied URL.
 */
export function isAuthenticatorId(value: unknown): value is string {
  return typeof value === 'string' && value.length <= 256 && /^[a-z][a-z0-9-]*\|[A-Za-z0-9_.:+=-]+$/.test(value);
}

export { maskEmail, maskPhone } from './mask.js';

/** `value`, unless it is undefined (or empty): then `MfaError('invalid_input')` with `description`. */
function required<T>(value: T | undefined, description: string): T {
  if (!value) throw new MfaError('invalid_input', { description });
  return value;
}

/** `id` if it is an authenticator id (`isAuthenticatorId`), else `MfaError('invalid_input')`; for the sources. */
export function checkAuthenticatorId(id: string): string {
  return required(isAuthenticatorId(id) ? id : undefined, 'not an authenticator id');
}

/**
 * An inline enrollment with its phone number or email in canonical form; `MfaError('invalid_input')`
 * when it has none. For the sources, before any request.
 */
export function checkEnrollInput(req: Exclude<EnrollRequest, { mode: 'ticket' }>): EnrollRequest {
  // Passkeys, WebAuthn keys, Duo and a lone recovery code have no MFA-API enrollment.
  if (!FACTORS[req.factor].inlineEnroll) throw new MfaError('unsupported');
  if (req.factor === 'sms' || req.factor === 'voice') {
    return { factor: req.factor, phoneNumber: required(normalizePhone(req.phoneNumber), 'phone number must be E.164') };
  }
  if (req.factor === 'email' && req.email !== undefined) {
    return { factor: 'email', email: required(normalizeEmail(req.email), 'invalid email address') };
  }
  return req;
}
