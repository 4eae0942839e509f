import { json } from './http.js';
import { signJwt } from './keys.js';
import { opaqueToken } from './random.js';
import type { Call } from './router.js';
import type { UserRecord } from './state.js';
import { MFA_SCOPES, isMfaAudience } from './tokens.js';
import type { World } from './world.js';

/** `https://tenant/`: the configured issuer, else the origin the client reached. */
export function issuerOf(call: Call, world: World): string {
  return world.config.issuer ?? `${call.origin}/`;
}

export interface Grantee {
  user: UserRecord;
  clientId: string;
  audience: string;
  /** The scope the login asked for (`openid`, `offline_access`, …). */
  scope: string;
  nonce?: string;
  /** Seconds; the login's time, for `auth_time`. */
  authTime?: number;
  /** True once a second factor was verified: `amr: ["mfa"]`, as Auth0 marks it. */
  mfa: boolean;
  /** A refresh token's family, kept across rotations. */
  family?: string;
}

const ID_TOKEN_TTL = 36_000;

/**
 * The token set of a completed login: a signed RS256 access token (registered in the token store,
 * which stays the authority) and id_token, and a rotating refresh token when `offline_access` was
 * asked and the client may refresh.
 */
export async function tokenSet(call: Call, world: World, g: Grantee, extra: Record<string, string> = {}): Promise<Response> {
  const { user, clientId } = g;
  const issuer = issuerOf(call, world);
  const requested = g.scope.split(' ');
  const scope = isMfaAudience(g.audience) ? MFA_SCOPES : g.scope;
  const ttl = user.settings.accessTokenTtl;
  const iat = Math.floor(world.clock.now() / 1000);
  const amr = g.mfa ? { amr: ['mfa'] } : {};
  const userinfo = `${issuer}userinfo`;
  const aud = g.audience === userinfo || !requested.includes('openid') ? g.audience : [g.audience, userinfo];

  const accessToken = await signJwt(
    world.config.signingKey,
    { iss: issuer, sub: user.id, aud, iat, exp: iat + ttl, scope, azp: clientId, jti: opaqueToken(12), ...amr },
    'at+jwt',
  );
  world.tokens.register(accessToken, { kind: 'access', clientId, userId: user.id, audience: g.audience, scope }, ttl);

  const idToken = await signJwt(world.config.signingKey, {
    iss: issuer,
    sub: user.id,
    aud: clientId,
    iat,
    exp: iat + ID_TOKEN_TTL,
    auth_time: g.authTime ?? iat,
    email: user.email,
    email_verified: user.emailVerified,
    name: user.email,
    nickname: user.email.split('@')[0],
    sid: opaqueToken(12),
    ...(g.nonce !== undefined && { nonce: g.nonce }),
    ...amr,
  });

  const client = world.config.clients.find((c) => c.clientId === clientId);
  const refresh =
    requested.includes('offline_access') && client?.grants.includes('refresh_token')
      ? {
          refresh_token: world.logins.issueRefresh({
            clientId,
            userId: user.id,
            audience: g.audience,
            scope: g.scope,
            ...(g.family !== undefined && { family: g.family }),
          }),
        }
      : {};

  return json({
    access_token: accessToken,
    id_token: idToken,
    ...refresh,
    scope,
    expires_in: ttl,
    token_type: 'Bearer',
    ...extra,
  });
}
