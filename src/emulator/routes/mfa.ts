import { authenticateClient, bearerSession, mfaSession } from '../auth.js';
import { pushTiming, startOob } from '../delivery.js';
import { E164, EMAIL } from '../formats.js';
import { OAuthError, invalidRequest, json, noContent, optionalString, stringList, type Params } from '../http.js';
import type { Call, Route } from '../router.js';
import type { AuthenticatorRecord, EnrollableFactor, EnrollDetails, UserRecord } from '../state.js';
import { guardianUri, totpUri } from '../totp.js';
import { opaqueToken } from '../random.js';
import { mfaAuthenticator } from '../views.js';
import type { World } from '../world.js';


function listAuthenticators(call: Call, world: World): Response {
  const { user } = bearerSession(world, call, 'read:authenticators');
  return json(world.users.visible(user).map(mfaAuthenticator));
}

function deleteAuthenticator(call: Call, world: World, path: Record<string, string>): Response {
  const { user } = bearerSession(world, call, 'remove:authenticators', false);
  const authenticator = world.users.find(user, path.id!);
  if (!authenticator) throw new OAuthError(404, 'invalid_authenticator', 'Authenticator not found.');
  if (authenticator.kind === 'recovery-code') throw invalidRequest('Recovery codes cannot be deleted.');
  if (authenticator.implicit) throw invalidRequest('A verified email is not an enrollment and cannot be deleted.');
  world.users.remove(user, authenticator.id);
  return noContent();
}

/** The factor an associate body asks for, with its details validated. */
function requestedFactor(params: Params, user: UserRecord): { factor: EnrollableFactor; details: EnrollDetails } {
  const types = stringList(params, 'authenticator_types');
  if (!types?.length) throw invalidRequest('Missing required parameter: authenticator_types');
  if (types[0] === 'otp') return { factor: 'otp', details: {} };
  if (types[0] !== 'oob') throw invalidRequest(`Unsupported authenticator type: ${types[0]}.`);
  // SDKs send the plural array, older docs the singular string; Auth0 takes either.
  const channel = (stringList(params, 'oob_channels') ?? stringList(params, 'oob_channel'))?.[0];
  switch (channel) {
    case 'sms':
    case 'voice': {
      const phoneNumber = optionalString(params, 'phone_number');
      if (!phoneNumber || !E164.test(phoneNumber)) throw invalidRequest('phone_number must be in E.164 format, e.g. +15555550100.');
      return { factor: channel, details: { phoneNumber } };
    }
    case 'email': {
      const email = optionalString(params, 'email') ?? user.email;
      if (!EMAIL.test(email)) throw invalidRequest('email is not a valid email address.');
      return { factor: 'email', details: { email } };
    }
    case 'auth0':
      return { factor: 'push', details: {} };
    case undefined:
      throw invalidRequest('Missing required parameter: oob_channels');
    default:
      throw invalidRequest(`Unsupported oob channel: ${channel}.`);
  }
}

function associate(call: Call, world: World): Response {
  const { user, record } = bearerSession(world, call, 'enroll');
  const params = call.params();
  if (record.kind === 'mfa' && world.users.isEnrolled(user)) {
    throw new OAuthError(403, 'access_denied', 'User is already enrolled');
  }
  const { factor, details } = requestedFactor(params, user);
  if (!world.config.factors.has(factor)) throw invalidRequest(`The ${factor} factor is not enabled on this tenant.`);

  const account = user.email;
  const { tenant } = world.config;
  if (factor === 'otp') {
    const [totp] = world.users.addPending(user, 'otp') as [AuthenticatorRecord];
    const recovery = world.users.pendingRecoveryCode(user);
    return json({
      authenticator_type: 'otp',
      secret: totp.secret,
      barcode_uri: totpUri(tenant, account, totp.secret!, user.settings.totp),
      ...(recovery && { recovery_codes: [recovery] }),
    });
  }

  // Rolled back when the send is refused, so a rate-limited attempt leaves nothing pending.
  const group = world.users.addPending(user, factor, details);
  let transaction;
  try {
    transaction = startOob(world, user, group[0]!, 'enroll');
  } catch (error) {
    world.users.remove(user, group[0]!.id);
    throw error;
  }
  const recovery = world.users.pendingRecoveryCode(user);
  const recoveryCodes = recovery && { recovery_codes: [recovery] };
  if (factor === 'push') {
    return json({
      authenticator_type: 'oob',
      barcode_uri: guardianUri(tenant, account, opaqueToken(24), call.origin),
      ...recoveryCodes,
      oob_channel: 'auth0',
      oob_code: transaction.oobCode,
      ...pushTiming(transaction, world.clock.now()),
    });
  }
  return json({
    authenticator_type: 'oob',
    binding_method: 'prompt',
    ...recoveryCodes,
    oob_channel: factor,
    oob_code: transaction.oobCode,
  });
}

const CHALLENGE_TYPES = ['otp', 'oob'];

function challengeTypeOf(a: AuthenticatorRecord): 'otp' | 'oob' {
  return a.kind === 'totp' ? 'otp' : 'oob';
}

/** The authenticator to challenge: the one named, or Auth0's pick (OTP first when accepted). */
function challengeTarget(world: World, user: UserRecord, id: string | undefined, accepted: string[]): AuthenticatorRecord {
  if (id !== undefined) {
    const named = world.users.find(user, id);
    if (!named || !named.active) throw new OAuthError(400, 'invalid_authenticator', 'Invalid authenticator_id.');
    if (named.kind === 'recovery-code') {
      throw new OAuthError(400, 'unsupported_challenge_type', 'Recovery codes are verified without a challenge.');
    }
    return named;
  }
  const candidates = world.users.visible(user).filter((a) => a.active && a.kind !== 'recovery-code');
  if (candidates.length === 0) throw new OAuthError(400, 'unsupported_challenge_type', 'User is not enrolled.');
  const pick =
    (accepted.includes('otp') ? candidates.find((a) => a.kind === 'totp') : undefined) ??
    candidates.find((a) => accepted.includes(challengeTypeOf(a)));
  if (!pick) throw new OAuthError(400, 'unsupported_challenge_type', 'No enrolled authenticator supports the requested challenge type.');
  return pick;
}

function challenge(call: Call, world: World): Response {
  const params = call.params();
  authenticateClient(world, params, 'mfa');
  const { user } = mfaSession(world, call, optionalString(params, 'mfa_token'));
  const accepted = (optionalString(params, 'challenge_type') ?? 'otp oob').split(/\s+/).filter(Boolean);
  const unknown = accepted.find((t) => !CHALLENGE_TYPES.includes(t));
  if (unknown) throw invalidRequest(`Unsupported challenge_type: ${unknown}.`);

  const target = challengeTarget(world, user, optionalString(params, 'authenticator_id'), accepted);
  const type = challengeTypeOf(target);
  if (!accepted.includes(type)) {
    throw new OAuthError(400, 'unsupported_challenge_type', `The authenticator does not support challenge type ${accepted.join(' ')}.`);
  }
  if (type === 'otp') return json({ challenge_type: 'otp' });
  const transaction = startOob(world, user, target, 'challenge');
  if (transaction.channel === 'auth0') {
    return json({ challenge_type: 'oob', oob_code: transaction.oobCode, ...pushTiming(transaction, world.clock.now()) });
  }
  return json({ challenge_type: 'oob', oob_code: transaction.oobCode, binding_method: 'prompt' });
}

export const mfaRoutes: Route[] = [
  { method: 'GET', path: '/mfa/authenticators', handle: listAuthenticators },
  { method: 'DELETE', path: '/mfa/authenticators/:id', handle: deleteAuthenticator },
  { method: 'POST', path: '/mfa/associate', handle: associate },
  { method: 'POST', path: '/mfa/challenge', handle: challenge },
];
