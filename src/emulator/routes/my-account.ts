import { checkAttempts, failedAttempt } from '../attempts.js';
import { startOob } from '../delivery.js';
import { E164, EMAIL } from '../formats.js';
import { json, noContent, type Params } from '../http.js';
import {
  asProblem,
  AUTH_SESSION_TTL_MS,
  meId,
  meLimit,
  meSession,
  meType,
  problem,
  sweepSessions,
  type MeType,
} from '../my-account.js';
import { passkeyOptions, passkeysOf, passkeyView, rpIdFor, verifyPasskey } from '../passkeys.js';
import { opaqueToken } from '../random.js';
import type { Call, Handler, Route } from '../router.js';
import type { AuthenticatorRecord, EnrollableFactor, UserRecord } from '../state.js';
import { guardianUri, totpUri, verifyTotp } from '../totp.js';
import { isoTime } from '../views.js';
import type { World } from '../world.js';

const BASE = '/me/v1';
const TYPES: readonly string[] = ['totp', 'phone', 'email', 'push-notification', 'recovery-code', 'passkey', 'webauthn-roaming', 'webauthn-platform'];
const FACTOR_OF: Partial<Record<MeType, EnrollableFactor>> = { totp: 'otp', email: 'email', 'push-notification': 'push' };

/** Every route: errors from shared helpers come out as problem details. */
const wrap =
  (handler: Handler): Handler =>
  async (call, world, path) => {
    try {
      return await handler(call, world, path);
    } catch (error) {
      throw asProblem(error);
    }
  };

/** Bodies must be JSON objects (415 otherwise), reference §2. */
function jsonBody(call: Call): Params {
  if (!(call.request.headers.get('content-type') ?? '').toLowerCase().includes('application/json')) {
    throw problem(415, 'Content-Type must be application/json.');
  }
  return call.params();
}

function stringField(params: Params, name: string, required: true): string;
function stringField(params: Params, name: string, required?: false): string | undefined;
function stringField(params: Params, name: string, required = false): string | undefined {
  const value = params[name];
  if (value === undefined && !required) return undefined;
  if (typeof value !== 'string' || value === '') throw problem(400, `${name} must be a non-empty string.`);
  return value;
}

/** The methods of a user: one per enrollment group (its primary member), implicit email excluded. */
function methods(world: World, user: UserRecord): AuthenticatorRecord[] {
  sweepSessions(world, user);
  return world.users.listed(user).filter((a) => a.primary && !a.implicit && meType(a) !== undefined && (a.kind !== 'recovery-code' || a.active));
}

function findMethod(world: World, user: UserRecord, id: string): AuthenticatorRecord {
  const found = methods(world, user).find((a) => meId(a) === id);
  if (!found) throw problem(404, 'The authentication method does not exist.');
  return found;
}

function view(a: AuthenticatorRecord): Record<string, unknown> {
  const type = meType(a)!;
  return {
    id: meId(a),
    type,
    confirmed: a.active,
    created_at: isoTime(a.createdAt),
    usage: ['secondary'],
    ...(a.lastAuthAt !== undefined && { last_auth_at: isoTime(a.lastAuthAt) }),
    ...(type !== 'recovery-code' && a.name !== undefined && { name: a.name }),
    // Named on the hosted page when enrolled (the `name` of reference §4), renamed by PATCH.
    ...(type.startsWith('webauthn-') && { name: a.name ?? a.deviceName }),
    ...(type === 'phone' && { phone_number: a.phoneNumber, preferred_authentication_method: a.kind }),
    ...(type === 'email' && { email: a.email }),
  };
}

function location(call: Call, id: string): string {
  return `${call.origin}${BASE}/authentication-methods/${encodeURIComponent(id)}`;
}

function factors(call: Call, world: World): Response {
  const user = meSession(world, call, 'read:me:factors');
  const headers = meLimit(world, user, 'reads');
  const enabled = world.config.factors;
  const list = [
    enabled.has('otp') && 'totp',
    (enabled.has('sms') || enabled.has('voice')) && 'phone',
    enabled.has('email') && 'email',
    enabled.has('push') && 'push-notification',
    enabled.has('recovery-code') && 'recovery-code',
  ].filter((t): t is string => typeof t === 'string');
  return json({ factors: list.map((type) => ({ type, usage: ['secondary'] })) }, 200, headers);
}

function list(call: Call, world: World): Response {
  const user = meSession(world, call, 'read:me:authentication_methods');
  const type = call.url.searchParams.get('type');
  if (type !== null && !TYPES.includes(type)) throw problem(400, `Unknown type: ${type}.`);
  const headers = meLimit(world, user, 'reads');
  const all = [...passkeysOf(world, user).map(passkeyView), ...methods(world, user).map(view)];
  return json({ authentication_methods: (type === null ? all : all.filter((m) => m.type === type)).slice(0, 20) }, 200, headers);
}

function getOne(call: Call, world: World, path: Record<string, string>): Response {
  const user = meSession(world, call, 'read:me:authentication_methods');
  const headers = meLimit(world, user, 'reads');
  const passkey = passkeysOf(world, user).find((p) => p.id === path.id);
  return json(passkey ? passkeyView(passkey) : view(findMethod(world, user, path.id!)), 200, headers);
}

function startSession(world: World, user: UserRecord, authenticatorId: string, oobCode?: string): string {
  const authSession = opaqueToken(24);
  world.meSessions.set(authSession, { authSession, userId: user.id, authenticatorId, oobCode, expiresAt: world.clock.now() + AUTH_SESSION_TTL_MS });
  return authSession;
}

/** Pending group + the out-of-band send, rolled back when the send is refused. */
function pendingWithOob(world: World, user: UserRecord, factor: EnrollableFactor, details: Record<string, string>) {
  const group = world.users.addPending(user, factor, details);
  try {
    return { record: group[0]!, oobCode: startOob(world, user, group[0]!, 'enroll').oobCode };
  } catch (error) {
    world.users.remove(user, group[0]!.id);
    throw error;
  }
}

function create(call: Call, world: World): Response | Promise<Response> {
  const user = meSession(world, call, 'create:me:authentication_methods');
  const params = jsonBody(call);
  const type = stringField(params, 'type', true);
  if (type === 'webauthn-roaming' || type === 'webauthn-platform') throw problem(400, `${type} cannot be enrolled through the My Account API.`);
  if (type === 'passkey') return createPasskey(call, world, user);
  if (!TYPES.includes(type)) throw problem(400, `Unsupported type: ${type}.`);
  const factor: EnrollableFactor | undefined =
    type === 'phone' ? ((params.preferred_authentication_method ?? 'sms') as EnrollableFactor) : FACTOR_OF[type as MeType];
  if (type === 'phone' && factor !== 'sms' && factor !== 'voice') throw problem(400, 'preferred_authentication_method must be sms or voice.');
  const enabled = type === 'recovery-code' ? world.config.factors.has('recovery-code') : world.config.factors.has(factor!);
  if (!enabled) throw problem(400, `The ${type} factor is not enabled on this tenant.`);
  const headers = meLimit(world, user, 'writes');
  sweepSessions(world, user);

  let record: AuthenticatorRecord;
  let body: Record<string, unknown>;
  if (type === 'totp') {
    [record] = world.users.addPending(user, 'otp') as [AuthenticatorRecord];
    body = { barcode_uri: totpUri(world.config.tenant, user.email, record.secret!, user.settings.totp), manual_input_code: record.secret };
  } else if (type === 'recovery-code') {
    const code = world.users.pendingRecoveryCode(user);
    if (code === undefined) throw problem(409, 'The user already has a recovery code.');
    record = world.users.activeRecoveryCodeOrPending(user)!;
    body = { recovery_code: code };
  } else {
    const details: Record<string, string> = {};
    if (type === 'phone') {
      const phone = stringField(params, 'phone_number', true);
      if (!E164.test(phone)) throw problem(400, 'phone_number must be in E.164 format, e.g. +15555550100.');
      details.phoneNumber = phone;
    }
    if (type === 'email') {
      const email = stringField(params, 'email', true);
      if (!EMAIL.test(email)) throw problem(400, 'email is not a valid email address.');
      details.email = email;
    }
    const started = pendingWithOob(world, user, factor!, details);
    record = started.record;
    const authSession = startSession(world, user, record.id, started.oobCode);
    const extra = type === 'push-notification' ? { barcode_uri: guardianUri(world.config.tenant, user.email, opaqueToken(24), call.origin) } : {};
    const id = meId(record);
    return json({ id, auth_session: authSession, ...extra }, 202, { ...headers, location: location(call, id) });
  }
  const id = meId(record);
  const authSession = startSession(world, user, record.id);
  return json({ id, auth_session: authSession, ...body }, 202, { ...headers, location: location(call, id) });
}

/** 202 with the creation options; the id exists only once verified, so Location names `passkey|new`. */
async function createPasskey(call: Call, world: World, user: UserRecord): Promise<Response> {
  const headers = meLimit(world, user, 'writes');
  sweepSessions(world, user);
  const rpId = rpIdFor(world, call.request, call.url.hostname);
  const options = await passkeyOptions(world, user, rpId);
  const authSession = opaqueToken(24);
  world.meSessions.set(authSession, {
    authSession,
    userId: user.id,
    authenticatorId: 'passkey|new',
    passkey: { challenge: options.challenge, rpId },
    expiresAt: world.clock.now() + AUTH_SESSION_TTL_MS,
  });
  return json({ auth_session: authSession, authn_params_public_key: options }, 202, { ...headers, location: location(call, 'passkey|new') });
}

async function verify(call: Call, world: World, path: Record<string, string>): Promise<Response> {
  const user = meSession(world, call, 'create:me:authentication_methods');
  const params = jsonBody(call);
  const key = stringField(params, 'auth_session', true);
  const headers = meLimit(world, user, 'writes');
  sweepSessions(world, user);
  const session = world.meSessions.get(key);
  if (session?.passkey && session.userId === user.id && path.id === session.authenticatorId) {
    // Single use whatever the outcome: a replayed or retried response needs a fresh challenge.
    world.meSessions.delete(key);
    const passkey = await verifyPasskey(world, user, session.passkey, params.authn_response, call.request.headers.get('user-agent') ?? undefined);
    return json(passkeyView(passkey), 201, { ...headers, location: location(call, passkey.id) });
  }
  const record = session && user.authenticators.find((a) => a.id === session.authenticatorId);
  if (!session || session.userId !== user.id || !record || meId(record) !== path.id) {
    throw problem(400, 'The auth_session is invalid or has expired.');
  }
  if (!record.active) {
    if (record.kind === 'totp') {
      checkAttempts(world, user, 'otpFailures');
      const code = stringField(params, 'otp_code', true);
      if (verifyTotp(record.secret!, code, user.settings.totp, world.clock.now()) === undefined) failedAttempt(world, user, 'otpFailures', 'Invalid otp_code.');
    } else if (record.kind === 'push') {
      if (world.oob.get(session.oobCode!)?.status !== 'approved') throw problem(400, 'The push notification has not been approved yet.');
    } else if (record.kind !== 'recovery-code') {
      checkAttempts(world, user, 'otpFailures');
      const code = stringField(params, 'otp_code', true);
      if (world.oob.get(session.oobCode!)?.bindingCode !== code) failedAttempt(world, user, 'otpFailures', 'Invalid otp_code.');
    }
  }
  world.meSessions.delete(key);
  if (session.oobCode) world.oob.consume(session.oobCode);
  world.users.confirm(user, record.id);
  const id = meId(record);
  return json(view(record), 201, { ...headers, location: location(call, id) });
}

function update(call: Call, world: World, path: Record<string, string>): Response {
  const user = meSession(world, call, 'update:me:authentication_methods');
  const params = jsonBody(call);
  const unknown = Object.keys(params).filter((k) => k !== 'name' && k !== 'preferred_authentication_method');
  if (unknown.length) throw problem(400, `Unknown field: ${unknown[0]}.`);
  const name = stringField(params, 'name');
  const passkey = passkeysOf(world, user).find((p) => p.id === path.id);
  if (passkey) {
    if (params.preferred_authentication_method !== undefined) throw problem(400, 'preferred_authentication_method applies to phone methods only.');
    const headers = meLimit(world, user, 'writes');
    if (name !== undefined) passkey.name = name;
    return json(passkeyView(passkey), 200, headers);
  }
  const record = findMethod(world, user, path.id!);
  const preferred = params.preferred_authentication_method;
  if (name !== undefined && name.length > 100) throw problem(400, 'name must be at most 100 characters.');
  if (name !== undefined && record.kind === 'recovery-code') throw problem(400, 'A recovery code has no name.');
  if (preferred !== undefined) {
    if (preferred !== 'sms' && preferred !== 'voice') throw problem(400, 'preferred_authentication_method must be sms or voice.');
    if (meType(record) !== 'phone') throw problem(400, 'preferred_authentication_method applies to phone methods only.');
    if (preferred !== record.kind && !user.authenticators.some((a) => a.groupId === record.groupId && a.kind === preferred)) {
      throw problem(400, `The ${preferred} factor is not enabled on this tenant.`);
    }
  }
  const headers = meLimit(world, user, 'writes');
  if (name !== undefined) for (const a of user.authenticators) if (a.groupId === record.groupId) a.name = name;
  let current = record;
  if (typeof preferred === 'string' && preferred !== record.kind) {
    // The MFA API keeps the sms and voice twins; which one is primary is the preference.
    for (const a of user.authenticators) if (a.groupId === record.groupId) a.primary = a.kind === preferred;
    current = user.authenticators.find((a) => a.groupId === record.groupId && a.primary)!;
  }
  return json(view(current), 200, headers);
}

function remove(call: Call, world: World, path: Record<string, string>): Response {
  const user = meSession(world, call, 'delete:me:authentication_methods');
  const passkeys = passkeysOf(world, user);
  const passkey = passkeys.findIndex((p) => p.id === path.id);
  if (passkey >= 0) {
    const headers = meLimit(world, user, 'writes');
    passkeys.splice(passkey, 1);
    return noContent(headers);
  }
  const record = findMethod(world, user, path.id!);
  const headers = meLimit(world, user, 'writes');
  world.users.remove(user, record.id);
  return noContent(headers);
}

export const myAccountRoutes: Route[] = [
  { method: 'GET', path: `${BASE}/factors`, handle: wrap(factors) },
  { method: 'GET', path: `${BASE}/authentication-methods`, handle: wrap(list) },
  { method: 'POST', path: `${BASE}/authentication-methods`, handle: wrap(create) },
  { method: 'GET', path: `${BASE}/authentication-methods/:id`, handle: wrap(getOne) },
  { method: 'PATCH', path: `${BASE}/authentication-methods/:id`, handle: wrap(update) },
  { method: 'DELETE', path: `${BASE}/authentication-methods/:id`, handle: wrap(remove) },
  { method: 'POST', path: `${BASE}/authentication-methods/:id/verify`, handle: wrap(verify) },
];
