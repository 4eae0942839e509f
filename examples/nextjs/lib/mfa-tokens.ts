import type { ProxySession, ProxyTokens } from 'mfa-elements/server.js';
import { auth0 } from './auth0';
import { DOMAIN, tenantFetch } from './tenant';

/**
 * The MFA API's tokens of each signed-in user, kept server-side (never in a cookie the browser can
 * read). The app asks for a token for `https://{domain}/mfa/` with the session's refresh token, as
 * nextjs-auth0's `getAccessToken({audience})` does; the tenant answers `mfa_required` with the
 * `mfa_token` the proxy needs. (nextjs-auth0's own `MfaRequiredError` carries that token encrypted
 * for its `auth0.mfa` helpers, so the proxy cannot use it.)
 *
 * In this process's memory for the example; an app with more than one instance keeps them in its
 * session store.
 */
interface Held extends Pick<ProxySession, 'mfaToken' | 'accessToken'> {
  expiresAt: number;
}

const MFA_AUDIENCE = `https://${DOMAIN}/mfa/`;
/** Auth0's mfa_token lives 10 minutes; ask again a little before. */
const MFA_TOKEN_MS = 9 * 60_000;
const held = new Map<string, Held>();

export async function mfaSession(): Promise<ProxySession | null> {
  const session = await auth0.getSession();
  if (!session) return null;
  const userId = session.user.sub;
  const now = Date.now();
  let tokens = held.get(userId);
  if (!tokens || tokens.expiresAt <= now) {
    tokens = { mfaToken: await requestMfaToken(session.tokenSet.refreshToken), expiresAt: now + MFA_TOKEN_MS };
    held.set(userId, tokens);
  }
  return { userId, mfaToken: tokens.mfaToken, accessToken: tokens.accessToken };
}

/** What the proxy hands back after a verify: an MFA access token, or a chained mfa_token. */
export async function keepTokens(tokens: ProxyTokens): Promise<void> {
  const session = await auth0.getSession();
  if (!session) return;
  const current = held.get(session.user.sub);
  const expiresAt = tokens.expiresIn ? Date.now() + tokens.expiresIn * 1000 : (current?.expiresAt ?? Date.now() + MFA_TOKEN_MS);
  held.set(session.user.sub, {
    mfaToken: tokens.mfaToken ?? current?.mfaToken,
    accessToken: tokens.accessToken ?? current?.accessToken,
    expiresAt,
  });
}

async function requestMfaToken(refreshToken: string | undefined): Promise<string | undefined> {
  if (!refreshToken) return undefined;
  const response = await (tenantFetch ?? fetch)(`https://${DOMAIN}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({
      grant_type: 'refresh_token',
      refresh_token: refreshToken,
      client_id: process.env.AUTH0_CLIENT_ID ?? 'demo-web',
      client_secret: process.env.AUTH0_CLIENT_SECRET ?? 'demo-web-secret',
      audience: MFA_AUDIENCE,
      scope: 'openid profile email offline_access',
    }),
    redirect: 'error',
  });
  const body = (await response.json().catch(() => ({}))) as { error?: string; mfa_token?: string };
  // Only `mfa_required` carries one; anything else leaves the proxy to answer 401 for the session.
  return body.error === 'mfa_required' ? body.mfa_token : undefined;
}
