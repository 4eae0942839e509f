import { checkAttempts, failedAttempt } from '../attempts.js';
import { authenticateClient, mfaSession, type Session } from '../auth.js';
import { OAuthError, invalidRequest, json, optionalString, requiredString, type Params } from '../http.js';
import { limitExceeded, TOO_MANY_REQUESTS } from '../rate-limit.js';
import type { Call, Route } from '../router.js';
import { withBasicClient } from '../client-auth.js';
import { mfaRequired } from '../mfa-required.js';
import { tokenSet } from '../token-set.js';
import { MANAGEMENT_SCOPES, isManagementAudience } from '../tokens.js';
import { OIDC_GRANTS } from './oidc-grants.js';
import { verifyTotp } from '../totp.js';
import type { World } from '../world.js';

const GRANT = 'http://auth0.com/oauth/grant-type/';
const MANAGEMENT_TOKEN_TTL = 86_400;

/** The tenant always requires MFA, so a right password never yields tokens directly. */
function passwordGrant(call: Call, world: World, params: Params): Response {
  const client = authenticateClient(world, params, 'password');
  const username = requiredString(params, 'username');
  const password = requiredString(params, 'password');
  const user = world.users.findByEmail(username);
  if (!user || user.password !== password) throw new OAuthError(403, 'invalid_grant', 'Wrong email or password.');
  call.userId = user.id;
  return mfaRequired(world, user, {
    clientId: client.clientId,
    audience: optionalString(params, 'audience') ?? `${call.origin}/userinfo`,
    scope: optionalString(params, 'scope') ?? 'openid profile email',
  });
}

/** The token set of a completed MFA grant, for the audience (and scope) the login asked for. */
function issueTokens(call: Call, world: World, { user, record }: Session, extra: Record<string, string> = {}): Promise<Response> {
  return tokenSet(call, world, { user, clientId: record.clientId, audience: record.audience, scope: record.scope, mfa: true }, extra);
}

function mfaGrantSession(call: Call, world: World, params: Params): Session {
  authenticateClient(world, params, 'mfa');
  return mfaSession(world, call, optionalString(params, 'mfa_token'));
}

function otpGrant(call: Call, world: World, params: Params): Promise<Response> {
  const session = mfaGrantSession(call, world, params);
  const { user } = session;
  const otp = requiredString(params, 'otp');
  checkAttempts(world, user, 'otpFailures');
  const now = world.clock.now();
  // A push-linked TOTP only counts once its push is confirmed; a pending OTP enrollment is confirmed here.
  // RFC 6238 §5.2, which Auth0 follows: a code is good once; its step and earlier ones are spent.
  let step: number | undefined;
  const match = user.authenticators.find((a) => {
    if (a.kind !== 'totp' || !(a.active || a.primary)) return false;
    step = verifyTotp(a.secret!, otp, user.settings.totp, now);
    return step !== undefined && step > (a.lastTotpStep ?? -Infinity);
  });
  if (!match) failedAttempt(world, user, 'otpFailures', 'Invalid otp_code.');
  match.lastTotpStep = step;
  if (!match.active) world.users.confirm(user, match.id);
  world.users.touch(match);
  return issueTokens(call, world, session);
}

function oobGrant(call: Call, world: World, params: Params): Promise<Response> {
  const session = mfaGrantSession(call, world, params);
  const { user } = session;
  const oobCode = requiredString(params, 'oob_code');
  // Auth0 keys this limit on the session; the mfa_token is the session here.
  const exchanges = world.limits.take(`oobExchanges:${session.token}`, user.settings.limits.oobExchanges);
  if (!exchanges.ok) throw limitExceeded(exchanges, 'too_many_requests', TOO_MANY_REQUESTS);

  const transaction = world.oob.get(oobCode);
  if (!transaction || transaction.userId !== user.id) throw new OAuthError(403, 'invalid_grant', 'Invalid oob_code.');
  const now = world.clock.now();
  if (transaction.expiresAt <= now) throw new OAuthError(401, 'expired_token', 'oob_code is expired');

  if (transaction.channel === 'auth0') {
    if (transaction.status === 'rejected') throw new OAuthError(403, 'invalid_grant', 'MFA Authorization rejected.');
    if (transaction.status === 'pending') {
      const tooSoon = transaction.lastPollAt !== undefined && now - transaction.lastPollAt < transaction.interval * 1000;
      transaction.lastPollAt = now;
      if (tooSoon) {
        throw new OAuthError(429, 'slow_down', `You are polling faster than allowed. Poll every ${transaction.interval} seconds.`);
      }
      throw new OAuthError(400, 'authorization_pending', 'Authorization pending: please repeat the request in a few seconds.');
    }
  } else {
    const bindingCode = optionalString(params, 'binding_code');
    if (!bindingCode) throw invalidRequest('Missing required parameter: binding_code');
    checkAttempts(world, user, 'otpFailures');
    if (bindingCode !== transaction.bindingCode) failedAttempt(world, user, 'otpFailures', 'Invalid binding_code.');
  }

  world.oob.consume(oobCode);
  const authenticator = world.users.find(user, transaction.authenticatorId);
  if (!authenticator) throw new OAuthError(403, 'invalid_grant', 'The authenticator no longer exists.');
  if (transaction.kind === 'enroll') world.users.confirm(user, authenticator.id);
  world.users.touch(authenticator);
  return issueTokens(call, world, session);
}

function recoveryCodeGrant(call: Call, world: World, params: Params): Promise<Response> {
  const session = mfaGrantSession(call, world, params);
  const { user } = session;
  // People copy codes with the spaces and dashes of how they were printed.
  const code = requiredString(params, 'recovery_code').toUpperCase().replace(/[\s-]/g, '');
  checkAttempts(world, user, 'recoveryFailures');
  const current = world.users.activeRecoveryCode(user);
  if (!current || current.code !== code) failedAttempt(world, user, 'recoveryFailures', 'Invalid recovery_code.');
  const next = world.users.rotateRecoveryCode(user);
  return issueTokens(call, world, session, { recovery_code: next });
}

function clientCredentialsGrant(_call: Call, world: World, params: Params): Response {
  const client = authenticateClient(world, params, 'client_credentials');
  const audience = requiredString(params, 'audience');
  if (!isManagementAudience(audience)) throw new OAuthError(403, 'access_denied', `Service not enabled within domain: ${audience}`);
  const accessToken = world.tokens.issue(
    { kind: 'management', clientId: client.clientId, audience, scope: MANAGEMENT_SCOPES },
    MANAGEMENT_TOKEN_TTL,
  );
  return json({ access_token: accessToken, scope: MANAGEMENT_SCOPES, expires_in: MANAGEMENT_TOKEN_TTL, token_type: 'Bearer' });
}

type Grant = (call: Call, world: World, params: Params) => Response | Promise<Response>;

const GRANTS: Record<string, Grant> = {
  password: passwordGrant,
  [`${GRANT}password-realm`]: passwordGrant,
  [`${GRANT}mfa-otp`]: otpGrant,
  [`${GRANT}mfa-oob`]: oobGrant,
  [`${GRANT}mfa-recovery-code`]: recoveryCodeGrant,
  client_credentials: clientCredentialsGrant,
  ...OIDC_GRANTS,
};

function token(call: Call, world: World): Response | Promise<Response> {
  const params = withBasicClient(call.request, call.params());
  const grantType = requiredString(params, 'grant_type');
  // Own keys only: `constructor`, `__proto__`, `toString` are not grants.
  const grant = Object.hasOwn(GRANTS, grantType) ? GRANTS[grantType] : undefined;
  if (!grant) throw new OAuthError(400, 'unsupported_grant_type', `Unsupported grant type: ${grantType}`);
  return grant(call, world, params);
}

export const tokenRoutes: Route[] = [{ method: 'POST', path: '/oauth/token', handle: token }];
