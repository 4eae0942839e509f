import { createHash } from 'node:crypto';
import { authenticateClient } from '../auth.js';
import { OAuthError, optionalString, requiredString, type Params } from '../http.js';
import { mfaRequired } from '../mfa-required.js';
import type { Call } from '../router.js';
import { issuerOf, tokenSet } from '../token-set.js';
import { isMfaAudience } from '../tokens.js';
import type { World } from '../world.js';

/** The grants of a real app's login: the code of `/authorize` (with PKCE) and the rotating refresh token. */

const s256 = (verifier: string) => createHash('sha256').update(verifier).digest('base64url');

async function authorizationCodeGrant(call: Call, world: World, params: Params): Promise<Response> {
  const client = authenticateClient(world, params, 'authorization_code');
  const found = world.logins.redeem(requiredString(params, 'code'));
  if (!found || found.clientId !== client.clientId) throw new OAuthError(403, 'invalid_grant', 'Invalid authorization code');
  if (requiredString(params, 'redirect_uri') !== found.redirectUri) {
    throw new OAuthError(403, 'invalid_grant', 'redirect_uri does not match the one of the authorization request.');
  }
  const verifier = optionalString(params, 'code_verifier');
  if (found.codeChallenge !== undefined && (verifier === undefined || s256(verifier) !== found.codeChallenge)) {
    throw new OAuthError(403, 'invalid_grant', 'Failed to verify code verifier');
  }
  const user = world.users.get(found.userId);
  if (!user) throw new OAuthError(403, 'invalid_grant', 'Invalid authorization code');
  call.userId = user.id;
  return tokenSet(call, world, {
    user,
    clientId: client.clientId,
    audience: found.audience ?? `${issuerOf(call, world)}userinfo`,
    scope: found.scope,
    ...(found.nonce !== undefined && { nonce: found.nonce }),
    authTime: Math.floor(found.authTime / 1000),
    mfa: false,
  });
}

const INVALID_REFRESH = 'Unknown or invalid refresh token.';

async function refreshTokenGrant(call: Call, world: World, params: Params): Promise<Response> {
  const client = authenticateClient(world, params, 'refresh_token');
  const record = world.logins.refresh(requiredString(params, 'refresh_token'));
  if (!record || record.clientId !== client.clientId) throw new OAuthError(403, 'invalid_grant', INVALID_REFRESH);
  if (record.used) {
    // Reuse of a rotated token: Auth0's reuse detection revokes the whole family.
    world.logins.revokeFamily(record.family);
    throw new OAuthError(403, 'invalid_grant', INVALID_REFRESH);
  }
  const user = world.users.get(record.userId);
  if (!user) throw new OAuthError(403, 'invalid_grant', INVALID_REFRESH);
  call.userId = user.id;

  const audience = optionalString(params, 'audience') ?? record.audience;
  const scope = optionalString(params, 'scope') ?? record.scope;
  const granted = record.scope.split(' ');
  if (!scope.split(' ').every((s) => granted.includes(s))) {
    throw new OAuthError(403, 'invalid_scope', 'A refresh can only narrow the scope of the login.');
  }
  const policy = world.config.refreshMfa;
  if (policy === 'always' || (policy === 'mfa-audience' && isMfaAudience(audience))) {
    // The refresh token stays valid: the app may come back without MFA for other audiences.
    return mfaRequired(world, user, { clientId: client.clientId, audience, scope: record.scope });
  }
  world.logins.spend(record);
  return tokenSet(call, world, { user, clientId: client.clientId, audience, scope, mfa: false, family: record.family });
}

export const OIDC_GRANTS = {
  authorization_code: authorizationCodeGrant,
  refresh_token: refreshTokenGrant,
};
