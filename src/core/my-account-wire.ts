/**
 * The My Account API's wire (`/me/v1`, snake_case, problem-details errors) mapped to the library's
 * model. Pure: no fetch, no tokens.
 */
import { MfaError, parseRetryAfter } from './errors.js';
import { codeForStatus } from './http.js';
import { isAuthenticatorId } from './input.js';
import type { PublicKeyCredentialCreationOptionsJSON } from './webauthn-json.js';
import type { Authenticator, FactorInfo, FactorName } from './types.js';
import {
  expectArray,
  expectObject,
  isObject,
  optionalString,
  optionalStringArray,
  requireString,
  type JsonObject,
} from './validate.js';

/** My Account `type` → the library's factor; `phone` is decided by its preferred channel. */
const FACTOR_OF_TYPE: Readonly<Record<string, FactorName>> = {
  totp: 'otp',
  phone: 'sms',
  email: 'email',
  'push-notification': 'push',
  'recovery-code': 'recovery-code',
  passkey: 'passkey',
  'webauthn-roaming': 'webauthn-roaming',
  'webauthn-platform': 'webauthn-platform',
};

/** The library's factor → the My Account `type` it enrolls as. */
export const TYPE_OF_FACTOR: Readonly<Partial<Record<FactorName, string>>> = {
  otp: 'totp',
  sms: 'phone',
  voice: 'phone',
  email: 'email',
  push: 'push-notification',
  'recovery-code': 'recovery-code',
  passkey: 'passkey',
};

const OOB_CHANNEL = { sms: 'sms', voice: 'voice', email: 'email', push: 'auth0' } as const;

/** One authentication method; undefined for types that are no MFA method here (`password`). */
export function parseMethod(value: unknown): Authenticator | undefined {
  const obj = expectObject(value, 'authentication method');
  const id = requireString(obj, 'id');
  const type = requireString(obj, 'type');
  let factor = FACTOR_OF_TYPE[type];
  if (!factor) return undefined;
  if (!isAuthenticatorId(id)) throw new TypeError('id: not an authentication method id');
  const usage = optionalStringArray(obj, 'usage')?.filter((u): u is 'primary' | 'secondary' => u === 'primary' || u === 'secondary');
  let preferredChannel: 'sms' | 'voice' | undefined;
  if (type === 'phone') {
    const preferred = optionalString(obj, 'preferred_authentication_method');
    if (preferred !== undefined && preferred !== 'sms' && preferred !== 'voice') {
      throw new TypeError('preferred_authentication_method: expected sms or voice');
    }
    preferredChannel = preferred ?? 'sms';
    factor = preferredChannel;
  }
  // Passkeys have no `confirmed`: they exist only once verified.
  const confirmed = obj.confirmed;
  if (confirmed !== undefined && typeof confirmed !== 'boolean') throw new TypeError('confirmed: expected a boolean');
  const channel = factor in OOB_CHANNEL ? OOB_CHANNEL[factor as keyof typeof OOB_CHANNEL] : undefined;
  const name =
    type === 'phone' ? optionalString(obj, 'phone_number') ?? optionalString(obj, 'name')
    : type === 'email' ? optionalString(obj, 'email') ?? optionalString(obj, 'name')
    : optionalString(obj, 'name');
  const createdAt = optionalString(obj, 'created_at');
  const lastAuth = optionalString(obj, 'last_auth_at');
  const method: Authenticator = {
    id,
    authenticatorType: factor === 'otp' ? 'otp' : channel ? 'oob' : (factor as Authenticator['authenticatorType']),
    factor,
    active: confirmed ?? true,
    ...(name && { name }),
    ...(channel && { oobChannel: channel }),
    ...(createdAt && { createdAt }),
    ...(lastAuth && { lastAuthenticatedAt: lastAuth }),
    linkedIds: [],
    removable: true,
    ...(usage && { usage }),
    ...(preferredChannel && { preferredChannel }),
    // Recovery codes have no name.
    renamable: type !== 'recovery-code',
  };
  if (type === 'passkey' || type.startsWith('webauthn-')) method.passkey = parsePasskeyInfo(obj);
  return method;
}

function parsePasskeyInfo(obj: JsonObject): NonNullable<Authenticator['passkey']> {
  const deviceType = optionalString(obj, 'credential_device_type');
  if (deviceType !== undefined && deviceType !== 'single_device' && deviceType !== 'multi_device') {
    throw new TypeError('credential_device_type: expected single_device or multi_device');
  }
  const backedUp = obj.credential_backed_up;
  if (backedUp !== undefined && typeof backedUp !== 'boolean') throw new TypeError('credential_backed_up: expected a boolean');
  const aaguid = optionalString(obj, 'aaguid');
  const transports = optionalStringArray(obj, 'transports');
  const userAgent = optionalString(obj, 'user_agent');
  return {
    ...(deviceType && { deviceType }),
    ...(backedUp !== undefined && { backedUp }),
    ...(aaguid && { aaguid }),
    ...(transports && { transports }),
    ...(userAgent && { userAgent }),
  };
}

/** `GET /authentication-methods`: `{authentication_methods: [...]}`; unknown types are left out. */
export function parseMethodList(body: unknown): Authenticator[] {
  const list = expectArray(expectObject(body).authentication_methods, 'authentication_methods');
  return list.flatMap((item) => parseMethod(item) ?? []);
}

/** A method the response must contain (verify, PATCH). */
export function requireMethod(body: unknown): Authenticator {
  const method = parseMethod(body);
  if (!method) throw new TypeError('type: not an MFA method');
  return method;
}

/** `GET /factors`: `{factors: [{type, usage}]}`; a phone offers both SMS and voice. */
export function parseFactors(body: unknown): FactorInfo[] {
  const list = expectArray(expectObject(body).factors, 'factors');
  const result: FactorInfo[] = [];
  for (const item of list) {
    const type = requireString(expectObject(item, 'factor'), 'type');
    const factors = type === 'phone' ? (['sms', 'voice'] as const) : FACTOR_OF_TYPE[type] ? [FACTOR_OF_TYPE[type]!] : [];
    for (const factor of factors) if (!result.some((f) => f.factor === factor)) result.push({ factor, enabled: true });
  }
  return result;
}

/** The start of an enrollment (202): the `auth_session` and what the type returns. */
export interface StartedEnrollment {
  authSession: string;
  /** From the body, else from the `Location` header's last path segment. */
  id?: string;
  barcodeUri?: string;
  manualInputCode?: string;
  recoveryCode?: string;
  publicKey?: PublicKeyCredentialCreationOptionsJSON;
}

export function parseStarted(body: unknown): StartedEnrollment {
  const obj = expectObject(body);
  const id = optionalString(obj, 'id');
  const barcodeUri = optionalString(obj, 'barcode_uri');
  const manualInputCode = optionalString(obj, 'manual_input_code');
  const recoveryCode = optionalString(obj, 'recovery_code');
  const options = obj.authn_params_public_key;
  if (options !== undefined && !isCreationOptions(options)) throw new TypeError('authn_params_public_key: not creation options');
  return {
    authSession: requireString(obj, 'auth_session'),
    ...(id && { id }),
    ...(barcodeUri && { barcodeUri }),
    ...(manualInputCode && { manualInputCode }),
    ...(recoveryCode && { recoveryCode }),
    ...(options !== undefined && { publicKey: options }),
  };
}

/** The shape `navigator.credentials.create()` needs; the conversion checks the base64url itself. */
function isCreationOptions(value: unknown): value is PublicKeyCredentialCreationOptionsJSON {
  if (!isObject(value) || !isObject(value.rp) || !isObject(value.user)) return false;
  return (
    typeof value.challenge === 'string' &&
    typeof value.user.id === 'string' &&
    typeof value.rp.name === 'string' &&
    Array.isArray(value.pubKeyCredParams)
  );
}

/**
 * The method id a `Location` header names: its last path segment, decoded. Only the path is read:
 * behind a proxy the header names Auth0's host, which is never contacted. Undefined when there is
 * no usable id.
 */
export function idFromLocation(location: string | null): string | undefined {
  if (!location) return undefined;
  let path: string;
  try {
    path = new URL(location, 'http://invalid.invalid').pathname;
  } catch {
    return undefined;
  }
  const segment = path.split('/').filter(Boolean).pop();
  if (!segment) return undefined;
  try {
    const id = decodeURIComponent(segment);
    return isAuthenticatorId(id) ? id : undefined;
  } catch {
    return undefined;
  }
}

/** Problem-details status → code (Auth0's `type` URIs are an open set; the status is stable). */
const CODE_OF_STATUS: Readonly<Record<number, string>> = {
  400: 'invalid_request',
  403: 'insufficient_scope',
  404: 'not_found',
  409: 'conflict',
  415: 'invalid_request',
  429: 'too_many_requests',
};

/**
 * A non-2xx My Account answer as an `MfaError`: the code from the status (401 is `expired_token`
 * when the text says so, else `invalid_token`, so the sources' token refresh applies), `detail` as
 * the description (server text: render as text), `retryAfter` from `Retry-After`. On a `/verify`
 * (`verifying`), a 403 that is not about scopes is a refused code: `invalid_grant`, as the MFA API says.
 */
export function problemError(status: number, headers: Headers, body: unknown, verifying = false): MfaError {
  const obj = isObject(body) ? body : {};
  // A proxy's own refusals (CSRF, session, its rate limit, validation) speak OAuth: `{error, error_description}`.
  const named = typeof obj.error === 'string' && /^[a-z][a-z0-9_]*$/.test(obj.error) ? obj.error : undefined;
  const text = (key: string): string | undefined => (typeof obj[key] === 'string' && obj[key] ? (obj[key] as string) : undefined);
  const detail = text('detail') ?? text('title') ?? text('error_description');
  const code =
    named ? named
    : status === 401 ? (detail && /expired/i.test(detail) ? 'expired_token' : 'invalid_token')
    : status === 403 && verifying && !(detail && /scope/i.test(detail)) ? 'invalid_grant'
    : CODE_OF_STATUS[status] ?? codeForStatus(status);
  const remaining = headers.get('x-ratelimit-remaining')?.trim();
  return new MfaError(code, {
    status,
    description: detail,
    retryAfter: status === 429 || headers.has('retry-after') ? parseRetryAfter(headers) : undefined,
    attemptsLeft: status === 429 && remaining && /^\d+$/.test(remaining) ? Number(remaining) : undefined,
  });
}
