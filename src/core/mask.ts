import type { Authenticator } from './types.js';

/**
 * One masking rule for every phone number and email address the elements show, whether the user
 * just typed it or the server listed it already masked (Auth0 and the emulator send
 * `+1XXXXXX0123`): a country code's length is not known without a table, so no digit of it is
 * kept; a half-shown country code reads as a different one.
 */
const DOT = '•';
/** Characters servers use to hide part of a value. */
const HIDDEN = /[X*•]/i;

/** `+15555550100`, `+1 555 555 0100` or `+1XXXXXX0100` → `+•••••••0100`: the + and the last four digits. */
export function maskPhone(phone: string): string {
  const compact = phone.replace(/[\s\-().\u00a0]/g, '');
  const plus = compact.startsWith('+') ? '+' : '';
  const rest = compact.slice(plus.length);
  if (rest.length <= 4 || !/^[\dX*•]+$/i.test(rest)) return compact;
  return plus + DOT.repeat(rest.length - 4) + rest.slice(-4);
}

/** `jane.doe@example.com` or `j***@example.com` → `j•••••••@example.com`, `j•••@example.com`. */
export function maskEmail(email: string): string {
  const at = email.lastIndexOf('@');
  if (at < 1) return email;
  const local = email.slice(0, at);
  const first = HIDDEN.test(local[0]!) && local.length > 1 ? DOT : local[0];
  return first + DOT.repeat(Math.max(1, local.length - 1)) + email.slice(at);
}

/** What an authenticator is called on screen: its phone number or email masked by the one rule, else its name. */
export function maskedName(authenticator: Pick<Authenticator, 'factor' | 'name'>): string | undefined {
  const { factor, name } = authenticator;
  if (!name) return undefined;
  if (factor === 'sms' || factor === 'voice') return maskPhone(name);
  if (factor === 'email') return maskEmail(name);
  return name;
}
