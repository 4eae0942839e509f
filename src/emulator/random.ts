import { randomBytes, randomInt } from 'node:crypto';

/** Opaque bearer values: unguessable, URL-safe, and meaningless without the in-memory record. */
export function opaqueToken(bytes = 32): string {
  return randomBytes(bytes).toString('base64url');
}

const ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789';
const UPPER_ALNUM = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789';

function pick(alphabet: string, length: number): string {
  let out = '';
  for (let i = 0; i < length; i++) out += alphabet[randomInt(alphabet.length)];
  return out;
}

/** Auth0-looking ids (`dev_nELLU4PFUiTW6iWs`) so clients meet the same shapes as in production. */
export function deviceId(): string {
  return `dev_${pick(ALNUM, 16)}`;
}

export function userId(): string {
  return `auth0|${randomBytes(12).toString('hex')}`;
}

/** Auth0 recovery codes: 24 characters, A–Z and 0–9. */
export function recoveryCode(): string {
  return pick(UPPER_ALNUM, 24);
}

/** SMS, voice and email codes. */
export function sixDigits(): string {
  return String(randomInt(1_000_000)).padStart(6, '0');
}

export function ticketId(): string {
  return `gten_${randomBytes(12).toString('hex')}`;
}
