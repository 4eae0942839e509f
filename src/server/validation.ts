/**
 * Checks on everything a browser sends, done before any upstream call. Each returns the body that
 * goes upstream, rebuilt from the checked fields only: nothing the client adds is forwarded.
 */
import { FACTORS } from '../core/factors.js';
import { isAuthenticatorId, normalizeEmail, normalizePhone, normalizeRecoveryCode } from '../core/input.js';
import type { FactorName, VerifyRequest } from '../core/types.js';
import { isObject, type JsonObject } from '../core/validate.js';
import { errorResponse, invalidRequest, ProxyError } from './responses.js';

/** Bodies are small JSON objects; anything larger is refused unread. */
export const MAX_BODY_BYTES = 16 * 1024;

export async function readJsonBody(request: Request): Promise<JsonObject> {
  const type = request.headers.get('content-type') ?? '';
  if (!/^application\/json\s*(;|$)/i.test(type)) {
    throw new ProxyError(errorResponse(415, 'invalid_request', 'Content-Type must be application/json.'));
  }
  const length = Number(request.headers.get('content-length') ?? '0');
  if (length > MAX_BODY_BYTES) throw tooLarge();
  const text = await readLimited(request, MAX_BODY_BYTES);
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw invalidRequest('The request body is not valid JSON.');
  }
  if (!isObject(value)) throw invalidRequest('The request body must be a JSON object.');
  return value;
}

async function readLimited(request: Request, limit: number): Promise<string> {
  if (!request.body) return '';
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > limit) {
      await reader.cancel();
      throw tooLarge();
    }
    chunks.push(value);
  }
  const all = new Uint8Array(size);
  let offset = 0;
  for (const chunk of chunks) {
    all.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return new TextDecoder().decode(all);
}

function tooLarge(): ProxyError {
  return new ProxyError(errorResponse(413, 'invalid_request', 'The request body is too large.'));
}

function stringField(body: JsonObject, key: string, required: true): string;
function stringField(body: JsonObject, key: string, required?: false): string | undefined;
function stringField(body: JsonObject, key: string, required = false): string | undefined {
  const value = body[key];
  if (value === undefined || value === null || value === '') {
    if (required) throw invalidRequest(`Missing required parameter: ${key}`);
    return undefined;
  }
  if (typeof value !== 'string') throw invalidRequest(`Parameter ${key} must be a string.`);
  return value;
}

/** One element, as the library and the SDKs send it (`["otp"]`, `["sms"]`). */
function singleItem(body: JsonObject, key: string, allowed: readonly string[]): string {
  const value = body[key];
  if (!Array.isArray(value) || value.length !== 1 || typeof value[0] !== 'string' || !allowed.includes(value[0])) {
    throw invalidRequest(`Parameter ${key} must be a one-element array of ${allowed.join(', ')}.`);
  }
  return value[0];
}

const CHANNEL_FACTOR: Readonly<Record<string, FactorName>> = { sms: 'sms', voice: 'voice', email: 'email', auth0: 'push' };

/** `POST {base}/associate`: Auth0's associate body, checked field by field. */
export function checkAssociate(body: JsonObject): { factor: FactorName; upstream: JsonObject } {
  const type = singleItem(body, 'authenticator_types', ['otp', 'oob']);
  if (type === 'otp') return { factor: 'otp', upstream: { authenticator_types: ['otp'] } };
  const channel = singleItem(body, 'oob_channels', Object.keys(CHANNEL_FACTOR));
  const upstream: JsonObject = { authenticator_types: ['oob'], oob_channels: [channel] };
  if (channel === 'sms' || channel === 'voice') {
    const phone = normalizePhone(stringField(body, 'phone_number', true));
    if (!phone) throw invalidRequest('phone_number must be an E.164 number (+ and 8 to 15 digits).');
    upstream.phone_number = phone;
  } else if (channel === 'email') {
    const raw = stringField(body, 'email');
    if (raw !== undefined) {
      const email = normalizeEmail(raw);
      if (!email) throw invalidRequest('email is not a valid address.');
      upstream.email = email;
    }
  }
  return { factor: CHANNEL_FACTOR[channel]!, upstream };
}

/** `POST {base}/challenge`. Any `mfa_token` in the body is ignored: the session's is used. */
export function checkChallenge(body: JsonObject): { authenticatorId: string; challengeType?: string } {
  const authenticatorId = stringField(body, 'authenticator_id', true);
  if (!isAuthenticatorId(authenticatorId)) throw invalidRequest('authenticator_id is not an authenticator id.');
  const challengeType = stringField(body, 'challenge_type');
  if (challengeType !== undefined) {
    const types = challengeType.trim().split(/\s+/);
    if (types.length > 2 || !types.every((t) => t === 'otp' || t === 'oob')) {
      throw invalidRequest('challenge_type must be otp, oob or both.');
    }
    return { authenticatorId, challengeType: types.join(' ') };
  }
  return { authenticatorId };
}

const OTP = /^\d{4,10}$/;
/** Auth0's `oob_code`s are opaque and long; anything with spaces or control characters is not one. */
const OOB_CODE = /^[\x21-\x7e]{1,4096}$/;
const BINDING_CODE = /^[A-Za-z0-9]{1,32}$/;

/** `POST {base}/verify`: exactly one of `{otp}`, `{oob_code, binding_code?}`, `{recovery_code}`. */
export function checkVerify(body: JsonObject): VerifyRequest {
  const present = ['otp', 'oob_code', 'recovery_code'].filter((key) => body[key] !== undefined && body[key] !== null);
  if (present.length !== 1) throw invalidRequest('Send exactly one of otp, oob_code or recovery_code.');
  if (present[0] === 'otp') {
    const otp = stringField(body, 'otp', true).replace(/[\s-]/g, '');
    if (!OTP.test(otp)) throw invalidRequest('otp must be 4 to 10 digits.');
    return { type: 'otp', otp };
  }
  if (present[0] === 'recovery_code') {
    const code = normalizeRecoveryCode(stringField(body, 'recovery_code', true));
    if (!code) throw invalidRequest('recovery_code must be 24 letters and digits.');
    return { type: 'recovery-code', recoveryCode: code };
  }
  const oobCode = stringField(body, 'oob_code', true);
  if (!OOB_CODE.test(oobCode)) throw invalidRequest('oob_code is malformed.');
  const bindingCode = stringField(body, 'binding_code')?.replace(/[\s-]/g, '');
  if (bindingCode !== undefined && !BINDING_CODE.test(bindingCode)) throw invalidRequest('binding_code is malformed.');
  return bindingCode ? { type: 'oob', oobCode, bindingCode } : { type: 'oob', oobCode };
}

/** Names a ticket request may use: the library's, Guardian's, and the ticket API's own `phone`. */
const TICKET_ALIASES: Readonly<Record<string, FactorName>> = {
  otp: 'otp',
  sms: 'sms',
  voice: 'voice',
  phone: 'sms',
  email: 'email',
  push: 'push',
  'push-notification': 'push',
  'webauthn-roaming': 'webauthn-roaming',
  'webauthn-platform': 'webauthn-platform',
  duo: 'duo',
};

/** `POST {base}` `{factor}` → the ticket API's factor name (`phone` for sms and voice). */
export function checkTicket(body: JsonObject): { factor: FactorName; ticketFactor: string } {
  const name = stringField(body, 'factor', true);
  const factor = Object.hasOwn(TICKET_ALIASES, name) ? TICKET_ALIASES[name] : undefined;
  const ticketFactor = factor && FACTORS[factor].ticketFactor;
  if (!factor || !ticketFactor) throw invalidRequest(`factor must be one of ${Object.keys(TICKET_ALIASES).join(', ')}.`);
  return { factor, ticketFactor };
}

/** An id from a path segment (already URL-decoded once). */
export function checkId(segment: string): string {
  if (!isAuthenticatorId(segment)) throw invalidRequest('Not an authenticator id.');
  return segment;
}
