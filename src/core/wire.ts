/**
 * Auth0's snake_case bodies ↔ the camelCase types. Parsers throw `TypeError` on a wrong shape (the
 * HTTP layer turns that into `MfaError('bad_response')`); builders take already validated input.
 */
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
} as const satisfies Record<VerifyRequest['type'], string>;

const AUTHENTICATOR_TYPES: readonly string[] = ['otp', 'oob', 'recovery-code'];
const OOB_CHANNELS: readonly string[] = ['sms', 'voice', 'email', 'auth0'];

/**
 * Auth0's docs show `oob_channel` (a string); its reference page and auth0-auth-js say `oob_channels`
 * (a string or an array). The first known channel wins.
 */
function readChannel(obj: JsonObject): string | undefined {
  const single = obj.oob_channel;
  if (typeof single === 'string') return single;
  const plural = obj.oob_channels;
  if (typeof plural === 'string') return plural;
  if (Array.isArray(plural)) return plural.find((c): c is string => typeof c === 'string');
  return undefined;
}

function asChannel(value: string | undefined): OobChannel | undefined {
  return value !== undefined && OOB_CHANNELS.includes(value) ? (value as OobChannel) : undefined;
}

/**
 * One entry of `GET /mfa/authenticators`. Returns undefined for types or channels the MFA API added
 * after this library (they are skipped, not fatal); throws when a known field has the wrong type.
 */
export function parseListedAuthenticator(value: unknown): ListedAuthenticator | undefined {
  const obj = expectObject(value, 'authenticator');
  const id = requireString(obj, 'id');
  const type = requireString(obj, 'authenticator_type');
  if (!AUTHENTICATOR_TYPES.includes(type)) return undefined;
  const channel = readChannel(obj);
  const oobChannel = asChannel(channel);
  if (channel !== undefined && oobChannel === undefined) return undefined;
  const result: ListedAuthenticator = {
    id,
    authenticatorType: type as AuthenticatorType,
    active: requireBoolean(obj, 'active'),
  };
  const optional = {
    name: optionalString(obj, 'name'),
    oobChannel,
    type: optionalString(obj, 'type'),
    createdAt: optionalString(obj, 'created_at'),
    lastAuthenticatedAt: optionalString(obj, 'last_auth') ?? optionalString(obj, 'last_auth_at'),
  };
  for (const [key, v] of Object.entries(optional)) if (v !== undefined) Object.assign(result, { [key]: v });
  return result;
}

/** `GET /mfa/authenticators` → every authenticator the library knows, with twins linked. */
export function parseAuthenticatorList(body: unknown): Authenticator[] {
  const listed = expectArray(body, 'authenticators').flatMap((item) => parseListedAuthenticator(item) ?? []);
  return deriveAuthenticators(listed);
}

/**
 * `POST /mfa/associate` response. `requested` fills in the channel when a server leaves it out; the
 * channel in the body wins otherwise.
 */
export function parseEnrollment(body: unknown, requested?: FactorName): Enrollment {
  const obj = expectObject(body, 'enrollment');
  const type = requireString(obj, 'authenticator_type');
  const recoveryCodes = optionalStringArray(obj, 'recovery_codes');
  if (type === 'otp') {
    return {
      type: 'otp',
      factor: 'otp',
      secret: requireString(obj, 'secret'),
      barcodeUri: requireString(obj, 'barcode_uri'),
      ...(recoveryCodes && { recoveryCodes }),
    };
  }
  if (type !== 'oob') throw new TypeError(`authenticator_type: unexpected ${JSON.stringify(type)}`);
  const channel = asChannel(readChannel(obj)) ?? (requested ? FACTORS[requested].oobChannel : undefined);
  if (!channel) throw new TypeError('oob_channel: missing or unknown');
  const factor = channel === 'auth0' ? 'push' : channel;
  const enrollment: OobEnrollment = { type: 'oob', factor, oobCode: requireString(obj, 'oob_code') };
  if (optionalString(obj, 'binding_method') === 'prompt') enrollment.bindingMethod = 'prompt';
  const barcodeUri = factor === 'push' ? requireString(obj, 'barcode_uri') : optionalString(obj, 'barcode_uri');
  if (barcodeUri) enrollment.barcodeUri = barcodeUri;
  if (recoveryCodes) enrollment.recoveryCodes = recoveryCodes;
  assignTiming(enrollment, obj);
  return enrollment;
}

/** `POST /mfa/challenge` response. */
export function parseChallenge(body: unknown): Challenge {
  const obj = expectObject(body, 'challenge');
  const type = requireString(obj, 'challenge_type');
  if (type === 'otp') return { challengeType: 'otp' };
  if (type !== 'oob') throw new TypeError(`challenge_type: unexpected ${JSON.stringify(type)}`);
  const challenge: Challenge = { challengeType: 'oob', oobCode: requireString(obj, 'oob_code') };
  if (optionalString(obj, 'binding_method') === 'prompt') challenge.bindingMethod = 'prompt';
  assignTiming(challenge, obj);
  return challenge;
}

function assignTiming(target: { interval?: number; expiresIn?: number }, obj: JsonObject): void {
  const interval = optionalNumber(obj, 'interval');
  const expiresIn = optionalNumber(obj, 'expires_in');
  if (interval !== undefined && interval > 0) target.interval = interval;
  if (expiresIn !== undefined && expiresIn > 0) target.expiresIn = expiresIn;
}

/** The token fields of an answer whose `access_token` the caller has read; absent ones are left out. */
export function tokenSet(obj: JsonObject, accessToken: string): TokenSet {
  const tokens: TokenSet = { accessToken };
  const optional = {
    idToken: optionalString(obj, 'id_token'),
    refreshToken: optionalString(obj, 'refresh_token'),
    expiresIn: optionalNumber(obj, 'expires_in'),
    scope: optionalString(obj, 'scope'),
    tokenType: optionalString(obj, 'token_type'),
  };
  for (const [key, v] of Object.entries(optional)) if (v !== undefined) Object.assign(tokens, { [key]: v });
  return tokens;
}

/** `POST /oauth/token` success (any MFA grant). */
export function parseTokenResponse(body: unknown): VerifyResult {
  const obj = expectObject(body, 'token response');
  const tokens = tokenSet(obj, requireString(obj, 'access_token'));
  const recoveryCode = optionalString(obj, 'recovery_code');
  return recoveryCode ? { tokens, recoveryCode } : { tokens };
}

/** `POST /mfa/associate` body. Ticket requests have no associate body. */
export function associateBody(req: EnrollRequest): JsonObject {
  if ('mode' in req) throw new TypeError('a ticket enrollment has no associate body');
  const spec = FACTORS[req.factor];
  const body: JsonObject = { authenticator_types: [spec.authenticatorType] };
  if (spec.oobChannel) body.oob_channels = [spec.oobChannel];
  if (req.factor === 'sms' || req.factor === 'voice') body.phone_number = req.phoneNumber;
  if (req.factor === 'email' && req.email) body.email = req.email;
  return body;
}

/** `POST /mfa/challenge` body: the token travels in the body, never in a header. */
export function challengeBody(clientId: string, mfaToken: string, req: ChallengeRequest): JsonObject {
  const body: JsonObject = { client_id: clientId, mfa_token: mfaToken, authenticator_id: req.authenticatorId };
  if (req.challengeType) body.challenge_type = req.challengeType;
  return body;
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
  const form: Record<string, string> = { grant_type: GRANT_TYPES[req.type], ...client, mfa_token: mfaToken };
  if (req.type === 'otp') form.otp = req.otp;
  else if (req.type === 'recovery-code') form.recovery_code = req.recoveryCode;
  else {
    form.oob_code = req.oobCode;
    if (req.bindingCode) form.binding_code = req.bindingCode;
  }
  return form;
}

