import { MfaError } from './errors.js';

export type TotpAlgorithm = 'SHA1' | 'SHA256' | 'SHA512';

/** A TOTP key (`otpauth://totp/…?secret=…`) for an authenticator app. */
export interface TotpKeyUri {
  kind: 'totp';
  uri: string;
  /** Upper-case base32 without padding or spaces. */
  secret: string;
  /** The `issuer` parameter, else the label's issuer prefix. */
  issuer?: string;
  account?: string;
  /** True when the label's issuer prefix and the `issuer` parameter disagree (allowed; the parameter wins). */
  issuerMismatch: boolean;
  algorithm: TotpAlgorithm;
  digits: number;
  period: number;
  /** Which settings differ from what every app assumes, so the UI shows only those. */
  nonDefault: { algorithm: boolean; digits: boolean; period: boolean };
}

/**
 * A Guardian push enrollment (`…?enrollment_tx_id=…&base_url=…`): for the Guardian app only, never
 * a TOTP key even though the scheme says `totp`.
 */
export interface GuardianEnrollmentUri {
  kind: 'guardian';
  uri: string;
  enrollmentTxId: string;
  baseUrl?: string;
  issuer?: string;
  account?: string;
}

export type OtpauthUri = TotpKeyUri | GuardianEnrollmentUri;

const ALGORITHMS: readonly TotpAlgorithm[] = ['SHA1', 'SHA256', 'SHA512'];

/** Parses and checks an `otpauth://` URI; anything unusable throws `MfaError('invalid_uri')`. */
export function parseOtpauthUri(uri: string): OtpauthUri {
  let url: URL;
  try {
    url = new URL(uri.trim());
  } catch (cause) {
    throw invalid('not a URI', cause);
  }
  if (url.protocol !== 'otpauth:') throw invalid('scheme must be otpauth:');
  const type = url.hostname.toLowerCase();
  if (type !== 'totp') throw invalid(type === 'hotp' ? 'counter-based (hotp) keys are not supported' : 'type must be totp');
  const { labelIssuer, account } = parseLabel(url.pathname);
  const params = url.searchParams;
  const issuerParam = params.get('issuer')?.trim() || undefined;
  const issuer = issuerParam ?? labelIssuer;
  const named = { ...(issuer && { issuer }), ...(account && { account }) };

  const enrollmentTxId = params.get('enrollment_tx_id');
  if (enrollmentTxId) {
    const baseUrl = params.get('base_url') ?? undefined;
    return { kind: 'guardian', uri, enrollmentTxId, ...(baseUrl && { baseUrl }), ...named };
  }

  const secret = normalizeBase32(params.get('secret') ?? '');
  if (!secret) throw invalid('secret missing');
  if (!isBase32(secret)) throw invalid('secret is not base32');
  const algorithm = (params.get('algorithm') ?? 'SHA1').toUpperCase().replace('-', '');
  if (!ALGORITHMS.includes(algorithm as TotpAlgorithm)) throw invalid('algorithm must be SHA1, SHA256 or SHA512');
  const digits = integerParam(params, 'digits', 6);
  if (digits === undefined || digits < 6 || digits > 8) throw invalid('digits must be 6, 7 or 8');
  const period = integerParam(params, 'period', 30);
  if (period === undefined || period < 1 || period > 3600) throw invalid('period must be 1 to 3600 seconds');
  return {
    kind: 'totp',
    uri,
    secret,
    ...named,
    issuerMismatch: Boolean(issuerParam && labelIssuer && issuerParam !== labelIssuer),
    algorithm: algorithm as TotpAlgorithm,
    digits,
    period,
    nonDefault: { algorithm: algorithm !== 'SHA1', digits: digits !== 6, period: period !== 30 },
  };
}

/** `JBSWY3DPEHPK3PXP` → `JBSW Y3DP EHPK 3PXP`, for typing a secret by hand. */
export function formatSecret(secret: string): string {
  return normalizeBase32(secret).match(/.{1,4}/g)?.join(' ') ?? '';
}

/** Upper case, no spaces, dashes or `=` padding: what apps accept and what `formatSecret` groups. */
export function normalizeBase32(secret: string): string {
  return secret.replace(/[\s=-]/g, '').toUpperCase();
}

/**
 * RFC 4648 alphabet with a length a byte string can have (no 1, 3 or 6 trailing characters), and at
 * least 16 characters (80 bits): shorter keys are too weak to be a real enrollment.
 */
export function isBase32(secret: string): boolean {
  return /^[A-Z2-7]{16,}$/.test(secret) && ![1, 3, 6].includes(secret.length % 8);
}

function parseLabel(pathname: string): { labelIssuer?: string; account?: string } {
  let label: string;
  try {
    label = decodeURIComponent(pathname.replace(/^\//, ''));
  } catch (cause) {
    throw invalid('label is not valid percent-encoding', cause);
  }
  const colon = label.indexOf(':');
  const labelIssuer = colon >= 0 ? label.slice(0, colon).trim() : '';
  const account = (colon >= 0 ? label.slice(colon + 1) : label).trim();
  return { ...(labelIssuer && { labelIssuer }), ...(account && { account }) };
}

function integerParam(params: URLSearchParams, key: string, fallback: number): number | undefined {
  const raw = params.get(key);
  if (raw === null || raw === '') return fallback;
  return /^\d+$/.test(raw) ? Number(raw) : undefined;
}

function invalid(description: string, cause?: unknown): MfaError {
  return new MfaError('invalid_uri', { description, cause });
}

/** Only `otpauth:` URIs are drawn or accepted: a QR code is a link the phone will open. */
export function isOtpauthUri(value: string): boolean {
  try {
    return new URL(value).protocol === 'otpauth:';
  } catch {
    return false;
  }
}
