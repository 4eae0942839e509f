/**
 * Auth0's snake_case bodies ↔ the camelCase types. Parsers throw `TypeError` on a wrong shape (the
 * HTTP layer turns that into `MfaError('bad_response')`); builders take already validated input.
 */
import { MfaError } from './errors.js';
import { deriveAuthenticators, FACTORS, type ListedAuthenticator } from './factors.js';
import type {
  Authenticator,
  AuthenticatorType,
  Challenge,
  ChallengeRequest,
  EnrollRequest,
  Enrollment,
  FactorName,
  OobChannel,
  OobEnrollment,
  TokenSet,
  VerifyRequest,
  VerifyResult,
} from './types.js';
import {
  expectArray,
  expectObject,
  optionalNumber,
  optionalString,
  optionalStringArray,
  requireBoolean,
  requireString,
  type JsonObject,
} from './validate.js';

export const GRANT_TYPES = {
  otp: 'http://auth0.com/oauth/grant-type/mfa-otp',
  oob: 'http://auth0.com/oauth/grant-type/mfa-oob',
  'recovery-code': 'http://auth0.com/oauth/grant-type/mfa-recovery-code',
} as const satisfies Record<Exclude<VerifyRequest['type'], 'passkey'>, string>;

/** Auth0's, and the factor names a proxy types WebAuthn and Duo methods by (the MFA API lists neither). */
const AUTHENTICATOR_TYPES: readonly string[] = ['otp', 'oob', 'recovery-code', 'webauthn-roaming', 'webauthn-platform', 'duo'];
const OOB_CHANNELS: readonly string[] = ['sms', 'voice', 'email', 'auth0'];

/**
 * Auth0's docs show `oob_channel` (a string); its reference page and auth0-auth-js say `oob_channels`
 * (a string or an array). The first known channel wins.
 */
function readChannel(obj: JsonObject): string | undefined {
  return [obj.oob_channel, ...[obj.oob_channels].flat()].find((c): c is string => typeof c === 'string');
}

function asChannel(value: string | undefined): OobChannel | undefined {
  return OOB_CHANNELS.includes(value!) ? (value as OobChannel) : undefined;
}

/** `target` with every field of `fields` that is not undefined. */
function assignDefined<T extends object>(target: T, fields: object): T {
  for (const [key, value] of Object.entries(fields)) if (value !== undefined) Object.assign(target, { [key]: value });
  return target;
}

/** The `unexpected` error of a field holding a value this library does not know. */
function unexpected(key: string, value: string): TypeError {
  return new TypeError(`${key}: unexpected ${JSON.stringify(value)}`);
}

/**
 * One entry of `GET /mfa/authenticators`. Returns undefined for types or channels the MFA API added
 * after this library (they are skipped, not fatal); throws when a known field has the wrong type.
 */
export function parseListedAuthenticator(value: unknown): ListedAuthenticator | undefined {
  const obj = expectObject(value, 'authenticator');
  const id = requireString(obj, 'id');
  const type = requireString(obj, 'authenticator_type');
  const channel = readChannel(obj);
  const oobChannel = asChannel(channel);
  // An unknown channel is one that `asChannel` turns into undefined.
  if (!AUTHENTICATOR_TYPES.includes(type) || channel !== oobChannel) return undefined;
  return assignDefined<ListedAuthenticator>(
    { id, authenticatorType: type as AuthenticatorType, active: requireBoolean(obj, 'active') },
    {
      name: optionalString(obj, 'name'),
      oobChannel,
      type: optionalString(obj, 'type'),
      createdAt: optionalString(obj, 'created_at'),
      lastAuthenticatedAt: optionalString(obj, 'last_auth') ?? optionalString(obj, 'last_auth_at'),
    },
  );
}

/** `GET /mfa/authenticators` → every authenticator the library knows, with twins linked. */
export function parseAuthenticatorList(body: unknown): Authenticator[] {
  return deriveAuthenticators(expectArray(body, 'authenticators').flatMap((item) => parseListedAuthenticator(item) ?? []));
}

/**
 * `POST /mfa/associate` response. `requested` fills in the channel when a server leaves it out; the
 * channel in the body wins otherwise.
 */
export function parseEnrollment(body: unknown, requested?: FactorName): Enrollment {
  const obj = expectObject(body, 'enrollment');
  const type = requireString(obj, 'authenticator_type');
  const recoveryCodes = optionalStringArray(obj, 'recovery_codes');
  const codes = recoveryCodes && { recoveryCodes };
  if (type === 'otp') {
    return { type, factor: type, secret: requireString(obj, 'secret'), barcodeUri: requireString(obj, 'barcode_uri'), ...codes };
  }
  if (type !== 'oob') throw unexpected('authenticator_type', type);
  const channel = asChannel(readChannel(obj)) ?? (requested && FACTORS[requested].oobChannel);
  if (!channel) throw new TypeError('oob_channel: missing or unknown');
  const factor = channel === 'auth0' ? 'push' : channel;
  const enrollment: OobEnrollment = { type, factor, ...oobFields(obj) };
  const barcodeUri = (factor === 'push' ? requireString : optionalString)(obj, 'barcode_uri');
  return { ...enrollment, ...(barcodeUri && { barcodeUri }), ...codes };
}

/** `POST /mfa/challenge` response. */
export function parseChallenge(body: unknown): Challenge {
  const obj = expectObject(body, 'challenge');
  const type = requireString(obj, 'challenge_type');
  if (type === 'otp') return { challengeType: type };
  if (type !== 'oob') throw unexpected('challenge_type', type);
  return { challengeType: type, ...oobFields(obj) };
}

/** What associate and challenge answers share for an out-of-band code: the code, binding and timing. */
function oobFields(obj: JsonObject): Pick<OobEnrollment, 'oobCode' | 'bindingMethod' | 'interval' | 'expiresIn'> {
  const oobCode = requireString(obj, 'oob_code');
  const prompt = optionalString(obj, 'binding_method') === 'prompt';
  const interval = optionalNumber(obj, 'interval');
  const expiresIn = optionalNumber(obj, 'expires_in');
  return {
    oobCode,
    ...(prompt && { bindingMethod: 'prompt' }),
    ...(interval! > 0 && { interval }),
    ...(expiresIn! > 0 && { expiresIn }),
  };
}

/**
 * A verification's result: `recovery_code` when the server rotated it, and, when the caller has
 * read an `accessToken`, the token fields (absent ones are left out).
 */
export function verifyResult(obj: JsonObject, accessToken?: string): VerifyResult {
  const tokens =
    accessToken &&
    assignDefined<TokenSet>(
      { accessToken },
      {
        idToken: optionalString(obj, 'id_token'),
        refreshToken: optionalString(obj, 'refresh_token'),
        expiresIn: optionalNumber(obj, 'expires_in'),
        scope: optionalString(obj, 'scope'),
        tokenType: optionalString(obj, 'token_type'),
      },
    );
  const recoveryCode = optionalString(obj, 'recovery_code');
  return { ...(tokens && { tokens }), ...(recoveryCode && { recoveryCode }) };
}

/** `POST /oauth/token` success (any MFA grant). */
export function parseTokenResponse(body: unknown): VerifyResult {
  const obj = expectObject(body, 'token response');
  return verifyResult(obj, requireString(obj, 'access_token'));
}

/** `POST /mfa/associate` body. Ticket requests have no associate body. */
export function associateBody(req: EnrollRequest): JsonObject {
  if ('mode' in req) throw new TypeError('a ticket enrollment has no associate body');
  const { authenticatorType, oobChannel } = FACTORS[req.factor];
  const body: JsonObject = { authenticator_types: [authenticatorType] };
  if (oobChannel) body.oob_channels = [oobChannel];
  if (req.factor === 'sms' || req.factor === 'voice') body.phone_number = req.phoneNumber;
  if (req.factor === 'email' && req.email) body.email = req.email;
  return body;
}

/** `POST /mfa/challenge` body: the token travels in the body, never in a header. */
export function challengeBody(clientId: string, mfaToken: string, req: ChallengeRequest): JsonObject {
  return {
    client_id: clientId,
    mfa_token: mfaToken,
    authenticator_id: req.authenticatorId,
    ...(req.challengeType && { challenge_type: req.challengeType }),
  };
}

/** `POST /oauth/token` form for the three MFA grants (public client: no secret). */
export function grantForm(clientId: string, mfaToken: string, req: VerifyRequest): Record<string, string> {
  return clientGrantForm({ client_id: clientId }, mfaToken, req);
}

/**
 * The same form for any client: `client` is `{client_id}`, plus `client_secret` for a confidential
 * one (the server proxy's).
 */
export function clientGrantForm(client: Record<string, string>, mfaToken: string, req: VerifyRequest): Record<string, string> {
  const fields = verifyFields(req);
  return { grant_type: GRANT_TYPES[req.type as keyof typeof GRANT_TYPES], ...client, mfa_token: mfaToken, ...fields };
}

/** What proves a verification, in Auth0's names: `otp`, `recovery_code`, or `oob_code` (+ `binding_code`). */
export function verifyFields(req: VerifyRequest): Record<string, string> {
  // Passkeys are confirmed through My Account only; no MFA-API grant carries them.
  if (req.type === 'passkey') throw new MfaError('unsupported');
  return req.type === 'otp'
    ? { otp: req.otp }
    : req.type === 'recovery-code'
      ? { recovery_code: req.recoveryCode }
      : { oob_code: req.oobCode, ...(req.bindingCode && { binding_code: req.bindingCode }) };
}
