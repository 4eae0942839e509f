import { ALL_FACTORS, HOSTED_FACTORS, type EmulatorFactor, type SeedAuthenticator, type UserSettingsInput } from '../config.js';
import { parseFault } from '../faults.js';
import { BASE32, E164, EMAIL } from '../formats.js';
import { OAuthError, invalidRequest, json, optionalString, type Params } from '../http.js';
import type { LimitName } from '../rate-limit.js';
import { randomBytes } from 'node:crypto';
import type { Call, Route } from '../router.js';
import { isMfaKind, type AuthenticatorRecord, type MfaKind, type UserRecord } from '../state.js';
import { MFA_SCOPES, isMfaAudience } from '../tokens.js';
import { ME_SCOPES } from '../my-account.js';
import { mfaAuthenticator } from '../views.js';
import type { World } from '../world.js';

/** Emulator-only routes (`/__emulator/…`) that tests and the demo use to drive and inspect it. */

const isObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

function userOf(world: World, id: string): UserRecord {
  const user = world.users.get(id);
  if (!user) throw new OAuthError(404, 'not_found', 'No such user.');
  return user;
}

function positiveNumber(value: unknown, name: string, integer = false): number {
  if (typeof value !== 'number' || !(value > 0) || (integer && !Number.isInteger(value))) {
    throw invalidRequest(`${name} must be a positive ${integer ? 'integer' : 'number'}.`);
  }
  return value;
}

const TTL_SETTINGS = ['mfaTokenTtl', 'oobTtl', 'pushTtl', 'accessTokenTtl', 'pushInterval'] as const;
const LIMIT_NAMES: readonly LimitName[] = ['otpFailures', 'recoveryFailures', 'oobExchanges', 'pushSends', 'phoneSends', 'emailSends'];

function parseSettings(value: unknown): UserSettingsInput | undefined {
  if (value === undefined) return undefined;
  if (!isObject(value)) throw invalidRequest('settings must be an object.');
  const settings: UserSettingsInput = {};
  for (const name of TTL_SETTINGS) {
    if (value[name] !== undefined) settings[name] = positiveNumber(value[name], `settings.${name}`);
  }
  const totp = value.totp;
  if (totp !== undefined) {
    if (!isObject(totp)) throw invalidRequest('settings.totp must be an object.');
    const { algorithm, digits, period } = totp;
    if (algorithm !== undefined && algorithm !== 'SHA1' && algorithm !== 'SHA256' && algorithm !== 'SHA512') {
      throw invalidRequest('settings.totp.algorithm must be SHA1, SHA256 or SHA512.');
    }
    if (digits !== undefined && (digits !== 6 && digits !== 7 && digits !== 8)) throw invalidRequest('settings.totp.digits must be 6, 7 or 8.');
    settings.totp = {
      ...(algorithm !== undefined && { algorithm }),
      ...(digits !== undefined && { digits }),
      ...(period !== undefined && { period: positiveNumber(period, 'settings.totp.period', true) }),
    };
  }
  const limits = value.limits;
  if (limits !== undefined) {
    if (!isObject(limits)) throw invalidRequest('settings.limits must be an object.');
    settings.limits = {};
    for (const [name, spec] of Object.entries(limits)) {
      if (!LIMIT_NAMES.includes(name as LimitName) || !isObject(spec)) throw invalidRequest(`settings.limits.${name} is not a known limit.`);
      settings.limits[name as LimitName] = Object.fromEntries(
        (['burst', 'refill', 'periodSeconds'] as const)
          .filter((key) => spec[key] !== undefined)
          .map((key) => [key, positiveNumber(spec[key], `settings.limits.${name}.${key}`)]),
      );
    }
  }
  return settings;
}

function listUsers(_call: Call, world: World): Response {
  return json(world.users.list().map(({ id, email, password }) => ({ id, email, password })));
}

function createUser(call: Call, world: World): Response {
  const params = call.params();
  const email = optionalString(params, 'email') ?? `user-${randomBytes(6).toString('hex')}@example.com`;
  if (!EMAIL.test(email)) throw invalidRequest('email is not a valid email address.');
  if (world.users.findByEmail(email)) throw new OAuthError(409, 'conflict', 'A user with this email already exists.');
  if (params.emailVerified !== undefined && typeof params.emailVerified !== 'boolean') {
    throw invalidRequest('emailVerified must be a boolean.');
  }
  const user = world.users.create({
    email,
    password: optionalString(params, 'password'),
    emailVerified: params.emailVerified as boolean | undefined,
    settings: parseSettings(params.settings),
  });
  return json({ id: user.id, email: user.email, password: user.password }, 201);
}

/** Skips the login dance: an `mfa_token` and an access token (MFA audience unless told). */
function mintTokens(call: Call, world: World, path: Record<string, string>): Response {
  const user = userOf(world, path.id!);
  const params = call.params();
  const audience = optionalString(params, 'audience') ?? `${call.origin}/mfa/`;
  const clientId = optionalString(params, 'client_id') ?? world.config.clients[0]?.clientId ?? 'emulator';
  const scope = optionalString(params, 'scope') ?? (isMfaAudience(audience) ? MFA_SCOPES : 'openid profile email');
  const base = { clientId, userId: user.id, audience };
  return json({
    mfa_token: world.tokens.issue({ ...base, kind: 'mfa', scope: 'openid profile email' }, user.settings.mfaTokenTtl),
    access_token: world.tokens.issue({ ...base, kind: 'access', scope }, user.settings.accessTokenTtl),
    expires_in: user.settings.accessTokenTtl,
  });
}

/** A `/me/` access token with the scopes asked for (all five by default), for tests and the demo. */
function myAccountToken(call: Call, world: World, path: Record<string, string>): Response {
  const user = userOf(world, path.id!);
  const params = call.params();
  const scopes = params.scope === undefined ? [...ME_SCOPES] : typeof params.scope === 'string' ? params.scope.split(' ').filter(Boolean) : params.scope;
  if (!Array.isArray(scopes) || !scopes.every((s) => typeof s === 'string')) throw invalidRequest('scope must be a string or an array of strings.');
  const scope = scopes.join(' ');
  const clientId = optionalString(params, 'client_id') ?? world.config.clients[0]?.clientId ?? 'emulator';
  const token = world.tokens.issue({ kind: 'access', clientId, userId: user.id, audience: `${call.origin}/me/`, scope }, user.settings.accessTokenTtl);
  return json({ access_token: token, token_type: 'Bearer', scope, expires_in: user.settings.accessTokenTtl });
}

/** `{reads, writes}` per user and minute (Auth0's are 2–5); `null` or absent switches a limit off. */
function myAccountLimits(call: Call, world: World): Response {
  const params = call.params();
  const limits: { reads?: number; writes?: number } = {};
  for (const kind of ['reads', 'writes'] as const) {
    if (params[kind] !== undefined && params[kind] !== null) limits[kind] = positiveNumber(params[kind], kind, true);
  }
  world.meLimits = limits;
  return json(limits);
}

function parseSeed(params: Params): SeedAuthenticator {
  const factor = params.factor;
  switch (factor) {
    case 'otp': {
      const secret = optionalString(params, 'secret')?.toUpperCase();
      if (secret !== undefined && !BASE32.test(secret)) throw invalidRequest('secret must be base32.');
      return { factor, secret };
    }
    case 'sms':
    case 'voice': {
      const phoneNumber = optionalString(params, 'phoneNumber');
      if (!phoneNumber || !E164.test(phoneNumber)) throw invalidRequest('phoneNumber must be in E.164 format.');
      return { factor, phoneNumber };
    }
    case 'email': {
      const email = optionalString(params, 'email');
      if (email !== undefined && !EMAIL.test(email)) throw invalidRequest('email is not a valid email address.');
      return { factor, email };
    }
    case 'push':
    case 'webauthn-roaming':
    case 'webauthn-platform':
    case 'duo':
      return { factor, deviceName: optionalString(params, 'deviceName') };
    default:
      throw invalidRequest("factor must be 'otp', 'sms', 'voice', 'email', 'push', 'webauthn-roaming', 'webauthn-platform' or 'duo'.");
  }
}

function seedAuthenticator(call: Call, world: World, path: Record<string, string>): Response {
  const user = userOf(world, path.id!);
  const seed = parseSeed(call.params());
  if (!world.config.factors.has(seed.factor)) throw invalidRequest(`The ${seed.factor} factor is not enabled on this tenant.`);
  const group = world.users.seed(user, seed);
  return json({
    authenticators: group.map(seededView),
    ...(group[0]!.kind === 'totp' && { secret: group[0]!.secret }),
    recovery_code: world.users.activeRecoveryCode(user)?.code,
  });
}

/** As the MFA API lists it; a hosted-only kind, which that API does not list, as the Management API types it. */
function seededView(a: AuthenticatorRecord): Record<string, unknown> {
  return isMfaKind(a.kind) ? mfaAuthenticator(a as AuthenticatorRecord<MfaKind>) : { id: a.id, type: a.kind, active: a.active };
}

const FACTOR_NAMES: readonly string[] = [...ALL_FACTORS, ...HOSTED_FACTORS];

/**
 * `POST /__emulator/factors` `{factors: [...]}`: the factors the tenant has on from now until the
 * next reset (which goes back to the configured ones), e.g. the hosted-only WebAuthn and Duo
 * factors for one test. Answers the list now on, as `GET` does.
 */
function setFactors(call: Call, world: World): Response {
  const factors = call.params().factors;
  if (!Array.isArray(factors) || !factors.every((f) => typeof f === 'string' && FACTOR_NAMES.includes(f))) {
    throw invalidRequest(`factors must be an array of ${FACTOR_NAMES.join(', ')}.`);
  }
  world.config.factors = new Set(factors as EmulatorFactor[]);
  return json({ factors: [...world.config.factors] });
}

function outbox(call: Call, world: World): Response {
  const query = call.url.searchParams;
  return json(
    world.outbox.list({
      userId: query.get('user_id') ?? undefined,
      to: query.get('to') ?? undefined,
      channel: query.get('channel') ?? undefined,
    }),
  );
}

function pushes(call: Call, world: World): Response {
  const list = world.oob.pushes(call.url.searchParams.get('user_id') ?? undefined);
  return json(
    list.map((t) => ({
      oob_code: t.oobCode,
      user_id: t.userId,
      kind: t.kind,
      created_at: t.createdAt,
      expires_at: t.expiresAt,
      status: t.status,
    })),
  );
}

/** The device's answer. An enrollment is confirmed when the device accepts it, before the next poll. */
function answerPush(status: 'approved' | 'rejected') {
  return (_call: Call, world: World, path: Record<string, string>): Response => {
    const transaction = world.oob.get(path.oobCode!);
    if (!transaction || transaction.channel !== 'auth0') throw new OAuthError(404, 'not_found', 'No such push.');
    if (transaction.status !== 'pending' || transaction.expiresAt <= world.clock.now()) {
      throw new OAuthError(409, 'not_pending', `The push is ${transaction.status === 'pending' ? 'expired' : transaction.status}.`);
    }
    transaction.status = status;
    const user = world.users.get(transaction.userId);
    if (status === 'approved' && transaction.kind === 'enroll' && user) world.users.confirm(user, transaction.authenticatorId);
    return json({ ok: true });
  };
}

function requests(call: Call, world: World): Response {
  return json(world.requests.list(call.url.searchParams.get('user_id') ?? undefined));
}

function addFault(call: Call, world: World): Response {
  return json({ id: world.faults.add(parseFault(call.params())) }, 201);
}

function clearFaults(_call: Call, world: World): Response {
  world.faults.clear();
  return json({ ok: true });
}

/** One fault only: browsers running side by side share the emulator and each other's faults. */
function removeFault(_call: Call, world: World, path: Record<string, string>): Response {
  return json({ removed: world.faults.remove(path.id!) });
}

/** Moves the emulator's clock forward, for browser tests of expiry that cannot pass `now`. */
function advanceClock(call: Call, world: World): Response {
  const seconds = call.params().advanceSeconds;
  world.clock.advance(positiveNumber(seconds, 'advanceSeconds') * 1000);
  return json({ now: world.clock.now() });
}

export const controlRoutes: Route[] = [
  { method: 'GET', path: '/__emulator/users', handle: listUsers },
  { method: 'POST', path: '/__emulator/users', handle: createUser },
  { method: 'POST', path: '/__emulator/users/:id/tokens', handle: mintTokens },
  { method: 'POST', path: '/__emulator/users/:id/authenticators', handle: seedAuthenticator },
  { method: 'POST', path: '/__emulator/users/:id/my-account-token', handle: myAccountToken },
  { method: 'POST', path: '/__emulator/my-account/limits', handle: myAccountLimits },
  { method: 'GET', path: '/__emulator/factors', handle: (_call, world) => json({ factors: [...world.config.factors] }) },
  { method: 'POST', path: '/__emulator/factors', handle: setFactors },
  { method: 'GET', path: '/__emulator/outbox', handle: outbox },
  { method: 'GET', path: '/__emulator/push', handle: pushes },
  { method: 'POST', path: '/__emulator/push/:oobCode/approve', handle: answerPush('approved') },
  { method: 'POST', path: '/__emulator/push/:oobCode/reject', handle: answerPush('rejected') },
  { method: 'GET', path: '/__emulator/requests', handle: requests },
  { method: 'POST', path: '/__emulator/faults', handle: addFault },
  { method: 'DELETE', path: '/__emulator/faults', handle: clearFaults },
  { method: 'DELETE', path: '/__emulator/faults/:id', handle: removeFault },
  { method: 'GET', path: '/__emulator/clock', handle: (_call, world) => json({ now: world.clock.now() }) },
  { method: 'POST', path: '/__emulator/clock', handle: advanceClock },
];
