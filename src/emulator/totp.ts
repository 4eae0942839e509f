import { Secret, TOTP } from 'otpauth';

export type TotpAlgorithm = 'SHA1' | 'SHA256' | 'SHA512';

export interface TotpSettings {
  algorithm: TotpAlgorithm;
  digits: number;
  period: number;
}

export const DEFAULT_TOTP: Readonly<TotpSettings> = { algorithm: 'SHA1', digits: 6, period: 30 };

/** 160 random bits, the size RFC 4226 recommends and Auth0 issues, as unpadded base32. */
export function newTotpSecret(): string {
  return new Secret({ size: 20 }).base32;
}

export function totpCode(secret: string, settings: TotpSettings, timestampMs: number): string {
  return TOTP.generate({ secret: Secret.fromBase32(secret), ...settings, timestamp: timestampMs });
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
  const delta = TOTP.validate({
    token: code,
    secret: Secret.fromBase32(secret),
    ...settings,
    timestamp: timestampMs,
    window: 1,
  });
  return delta === null ? undefined : Math.floor(timestampMs / 1000 / settings.period) + delta;
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
