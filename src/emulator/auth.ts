import type { ClientConfig, ClientGrant } from './config.js';
import { OAuthError, bearerToken, optionalString, requiredString, type Params } from './http.js';
import type { Call } from './router.js';
import type { UserRecord } from './state.js';
import { hasScope, isMfaAudience, type TokenRecord } from './tokens.js';
import type { World } from './world.js';

/**
 * `client_id` (+ `client_secret` for confidential clients). Public clients must not send a secret,
 * as Auth0 rejects that too, which catches a proxy leaking its secret into a SPA.
 */
export function authenticateClient(world: World, params: Params, grant?: ClientGrant): ClientConfig {
  const clientId = requiredString(params, 'client_id');
  const secret = optionalString(params, 'client_secret');
  const client = world.config.clients.find((c) => c.clientId === clientId);
  if (!client) throw new OAuthError(401, 'invalid_client', 'Unknown client.');
  if (client.clientSecret !== secret) throw new OAuthError(401, 'invalid_client', 'Client authentication failed.');
  if (grant && !client.grants.includes(grant)) {
    throw new OAuthError(403, 'unauthorized_client', `Grant type '${grant}' not allowed for the client.`);
  }
  return client;
}

export interface Session {
  user: UserRecord;
  token: string;
  record: TokenRecord;
}

function sessionUser(world: World, record: TokenRecord): UserRecord | undefined {
  return record.userId === undefined ? undefined : world.users.get(record.userId);
}

/**
 * The `mfa_token` of `/mfa/challenge` and the MFA grants. An MFA-audience access token is accepted
 * in its place, as community SPAs confirm access-token enrollments that way.
 */
export function mfaSession(world: World, call: Call, token: string | undefined): Session {
  if (!token) throw new OAuthError(400, 'invalid_request', 'Missing required parameter: mfa_token');
  const found = world.tokens.lookup(token);
  const usable = found && (found.record.kind === 'mfa' || (found.record.kind === 'access' && isMfaAudience(found.record.audience)));
  const user = usable ? sessionUser(world, found.record) : undefined;
  if (!found || !user) throw new OAuthError(403, 'invalid_grant', 'Malformed mfa_token');
  call.userId = user.id;
  if (found.expired) throw new OAuthError(401, 'expired_token', 'mfa_token is expired');
  return { user, token, record: found.record };
}

/**
 * The bearer of the `/mfa/*` resource routes: an `mfa_token`, or an MFA-audience access token with
 * `scope`. `mfaTokenAllowed` is false for DELETE, which Auth0 refuses to an `mfa_token`.
 */
export function bearerSession(world: World, call: Call, scope: string, mfaTokenAllowed = true): Session {
  const token = bearerToken(call.request);
  if (!token) throw new OAuthError(401, 'invalid_token', 'Missing bearer token.');
  const found = world.tokens.lookup(token);
  const user = found && sessionUser(world, found.record);
  if (!found || !user) throw new OAuthError(401, 'invalid_token', 'Invalid token.');
  call.userId = user.id;
  if (found.expired) throw new OAuthError(401, 'invalid_token', 'The token has expired.');
  const { record } = found;
  if (record.kind === 'mfa') {
    if (!mfaTokenAllowed) throw new OAuthError(401, 'invalid_token', 'An mfa_token cannot be used here; use an access token.');
    return { user, token, record };
  }
  if (record.kind !== 'access' || !isMfaAudience(record.audience)) {
    throw new OAuthError(401, 'invalid_token', 'The token audience is not the MFA API.');
  }
  if (!hasScope(record, scope)) throw new OAuthError(403, 'insufficient_scope', `Insufficient scope, expected: ${scope}.`);
  return { user, token, record };
}
