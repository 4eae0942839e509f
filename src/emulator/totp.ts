import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';

export type TotpAlgorithm = 'SHA1' | 'SHA256' | 'SHA512';

export interface TotpSettings {
  algorithm: TotpAlgorithm;
  digits: number;
  period: number;
}

export const DEFAULT_TOTP: Readonly<TotpSettings> = { algorithm: 'SHA1', digits: 6, period: 30 };

/** RFC 4648 base32, the alphabet of every authenticator app's setup key. */
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

function base32Encode(bytes: Uint8Array): string {
  let out = '';
  let buffer = 0;
  let bits = 0;
  for (const byte of bytes) {
    buffer = (buffer << 8) | byte;
    bits += 8;
    while (bits >= 5) {
      out += BASE32[(buffer >>> (bits - 5)) & 31];
      bits -= 5;
    }
  }
  if (bits > 0) out += BASE32[(buffer << (5 - bits)) & 31];
  return out;
}

/** Case, spaces and `=` padding are forgiven, as apps do; any other character is an error. */
function base32Decode(text: string): Buffer {
  const clean = text.replace(/[\s=]/g, '').toUpperCase();
  const out: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of clean) {
    const value = BASE32.indexOf(char);
    if (value < 0) throw new TypeError(`TOTP secret is not base32 (found "${char}")`);
    buffer = ((buffer << 5) | value) & 0xffff;
    bits += 5;
    if (bits >= 8) {
      out.push((buffer >>> (bits - 8)) & 0xff);
      bits -= 8;
    }
  }
  return Buffer.from(out);
}

/** 160 random bits, the size RFC 4226 recommends and Auth0 issues, as unpadded base32. */
export function newTotpSecret(): string {
  return base32Encode(randomBytes(20));
}

/** RFC 4226 HOTP: HMAC over the 8-byte big-endian counter, then dynamic truncation (§5.3). */
function hotp(key: Buffer, counter: number, settings: TotpSettings): string {
  const message = Buffer.alloc(8);
  message.writeBigUInt64BE(BigInt(counter));
  const mac = createHmac(settings.algorithm.toLowerCase(), key).update(message).digest();
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary = mac.readUInt32BE(offset) & 0x7fffffff;
  return String(binary % 10 ** settings.digits).padStart(settings.digits, '0');
}

/** RFC 6238: HOTP of the number of whole periods since the Unix epoch. */
const stepOf = (settings: TotpSettings, timestampMs: number) => Math.floor(timestampMs / 1000 / settings.period);

export function totpCode(secret: string, settings: TotpSettings, timestampMs: number): string {
  return hotp(base32Decode(secret), stepOf(settings, timestampMs), settings);
}

/**
 * RFC 6238 with one step of drift either way, which is what Auth0 accepts: the time step the code
 * belongs to, or undefined. The caller refuses a step at or before the last one accepted (§5.2).
 */
export function verifyTotp(
  secret: string,
  code: string,
  settings: TotpSettings,
  timestampMs: number,
): number | undefined {
  if (!new RegExp(`^\\d{${settings.digits}}$`).test(code)) return undefined;
  const key = base32Decode(secret);
  const step = stepOf(settings, timestampMs);
  const given = Buffer.from(code);
  let matched: number | undefined;
  // Every window is compared, in constant time, so the answer's timing says nothing of which matched.
  for (const drift of [-1, 0, 1]) {
    if (step + drift < 0) continue;
    if (timingSafeEqual(Buffer.from(hotp(key, step + drift, settings)), given)) matched = step + drift;
  }
  return matched;
}

/** `@` is legal in a URI path and authenticator apps show the label verbatim, so keep it readable. */
function labelPart(value: string): string {
  return encodeURIComponent(value).replace(/%40/g, '@');
}

/** The key URI authenticator apps scan, in the parameter order of Auth0's own. */
export function totpUri(tenant: string, account: string, secret: string, settings: TotpSettings): string {
  const query = new URLSearchParams({
    secret,
    issuer: tenant,
    algorithm: settings.algorithm,
    digits: String(settings.digits),
    period: String(settings.period),
  });
  return `otpauth://totp/${labelPart(tenant)}:${labelPart(account)}?${query}`;
}

/** Guardian's enrollment URI for push: a transaction for the app to redeem, not a TOTP secret. */
export function guardianUri(tenant: string, account: string, transactionId: string, baseUrl: string): string {
  const query = new URLSearchParams({ enrollment_tx_id: transactionId, base_url: baseUrl });
  return `otpauth://totp/${labelPart(tenant)}:${labelPart(account)}?${query}`;
}
