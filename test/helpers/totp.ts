/**
 * RFC 6238 TOTP computed with WebCrypto, independently of the emulator and of src/core, so that a
 * test confirms an enrollment the way an authenticator app would. Runs in browsers and Node ≥ 20.
 */

export type TotpAlgorithm = 'SHA1' | 'SHA256' | 'SHA512';

export interface TotpOptions {
  algorithm?: TotpAlgorithm;
  digits?: number;
  period?: number;
  /** Epoch milliseconds; now by default. Use `Date.now() + period * 1000` for the next step's code. */
  time?: number;
}

const HASH: Record<TotpAlgorithm, string> = { SHA1: 'SHA-1', SHA256: 'SHA-256', SHA512: 'SHA-512' };

/** RFC 4648 base32 (case, spaces and padding ignored). */
export function base32Decode(input: string): Uint8Array<ArrayBuffer> {
  const alphabet = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';
  const clean = input.replace(/[\s=]/g, '').toUpperCase();
  const bytes: number[] = [];
  let buffer = 0;
  let bits = 0;
  for (const char of clean) {
    const value = alphabet.indexOf(char);
    if (value < 0) throw new Error(`not base32: ${char}`);
    buffer = (buffer << 5) | value;
    bits += 5;
    if (bits >= 8) {
      bits -= 8;
      bytes.push((buffer >> bits) & 0xff);
    }
  }
  return new Uint8Array(bytes);
}

/** HOTP (RFC 4226) for an explicit counter. */
export async function hotp(secret: string, counter: number, algorithm: TotpAlgorithm = 'SHA1', digits = 6): Promise<string> {
  const key = await crypto.subtle.importKey('raw', base32Decode(secret), { name: 'HMAC', hash: HASH[algorithm] }, false, ['sign']);
  const message = new DataView(new ArrayBuffer(8));
  message.setUint32(0, Math.floor(counter / 2 ** 32));
  message.setUint32(4, counter >>> 0);
  const mac = new Uint8Array(await crypto.subtle.sign('HMAC', key, message.buffer));
  const offset = mac[mac.length - 1]! & 0x0f;
  const binary =
    ((mac[offset]! & 0x7f) << 24) | (mac[offset + 1]! << 16) | (mac[offset + 2]! << 8) | mac[offset + 3]!;
  return String(binary % 10 ** digits).padStart(digits, '0');
}

export function totp(secret: string, options: TotpOptions = {}): Promise<string> {
  const period = options.period ?? 30;
  const counter = Math.floor((options.time ?? Date.now()) / 1000 / period);
  return hotp(secret, counter, options.algorithm ?? 'SHA1', options.digits ?? 6);
}
