import { escapeHtml, page } from '../html.js';
import { OAuthError, json, bearerToken, optionalString, type Params } from '../http.js';
import type { Call, Route } from '../router.js';
import { issuerOf } from '../token-set.js';
import type { World } from '../world.js';

/**
 * OpenID Connect as an app signs in with it: discovery, the JWKS, `/authorize` with a hosted login
 * page (password only: the tenant asks for MFA when a token needs it, see `refreshMfa`), `/userinfo`
 * and logout. The code and refresh grants are in `oidc-grants.ts`.
 */

function discovery(call: Call, world: World): Response {
  const issuer = issuerOf(call, world);
  return json({
    issuer,
    authorization_endpoint: `${issuer}authorize`,
    token_endpoint: `${issuer}oauth/token`,
    userinfo_endpoint: `${issuer}userinfo`,
    jwks_uri: `${issuer}.well-known/jwks.json`,
    end_session_endpoint: `${issuer}oidc/logout`,
    mfa_challenge_endpoint: `${issuer}mfa/challenge`,
    response_types_supported: ['code'],
    response_modes_supported: ['query'],
    grant_types_supported: [
      'authorization_code',
      'refresh_token',
      'password',
      'client_credentials',
      'http://auth0.com/oauth/grant-type/password-realm',
      'http://auth0.com/oauth/grant-type/mfa-otp',
      'http://auth0.com/oauth/grant-type/mfa-oob',
      'http://auth0.com/oauth/grant-type/mfa-recovery-code',
    ],
    subject_types_supported: ['public'],
    id_token_signing_alg_values_supported: ['RS256'],
    token_endpoint_auth_methods_supported: ['client_secret_basic', 'client_secret_post', 'none'],
    code_challenge_methods_supported: ['S256'],
    scopes_supported: ['openid', 'profile', 'email', 'offline_access'],
    claims_supported: ['aud', 'auth_time', 'email', 'email_verified', 'exp', 'iat', 'iss', 'name', 'nickname', 'sub'],
  });
}

function jwks(_call: Call, world: World): Response {
  return json({ keys: [world.config.signingKey.publicJwk] });
}

const LOOPBACK = new Set(['localhost', '127.0.0.1', '[::1]']);

/** Exact match with the client's callbacks; without a list, http(s) on a loopback host only. */
function allowedRedirect(world: World, clientId: string, uri: string): boolean {
  const client = world.config.clients.find((c) => c.clientId === clientId);
  if (!client) return false;
  if (client.callbacks) return client.callbacks.includes(uri);
  try {
    const url = new URL(uri);
    return (url.protocol === 'http:' || url.protocol === 'https:') && LOOPBACK.has(url.hostname) && url.hash === '';
  } catch {
    return false;
  }
}

function redirectTo(uri: string, query: Record<string, string | undefined>): Response {
  const url = new URL(uri);
  for (const [key, value] of Object.entries(query)) if (value !== undefined) url.searchParams.set(key, value);
  return new Response(null, { status: 302, headers: { location: url.href, 'cache-control': 'no-store' } });
}

function badRequestPage(message: string): Response {
  return page('Sign-in request not valid', `<p>${escapeHtml(message)}</p>`, 400);
}

function loginForm(tx: string, message?: string, status = 200): Response {
  const alert = message ? `<p role="alert">${escapeHtml(message)}</p>` : '';
  return page(
    'Sign in',
    `${alert}<form method="post" action="/u/login"><input type="hidden" name="tx" value="${escapeHtml(tx)}">` +
      `<p><label for="username">Email</label> <input id="username" name="username" type="email" autocomplete="username" required></p>` +
      `<p><label for="password">Password</label> <input id="password" name="password" type="password" autocomplete="current-password" required></p>` +
      `<p><button type="submit">Continue</button></p></form>`,
    status,
  );
}

function authorize(call: Call, world: World): Response {
  const q = Object.fromEntries(call.url.searchParams) as Params;
  const clientId = optionalString(q, 'client_id');
  const redirectUri = optionalString(q, 'redirect_uri');
  // Until the redirect is known to be the client's, errors stay on this page (no open redirect).
  if (!clientId || !world.config.clients.some((c) => c.clientId === clientId)) return badRequestPage('Unknown client_id.');
  if (!redirectUri || !allowedRedirect(world, clientId, redirectUri)) return badRequestPage('The redirect_uri is not allowed for this client.');
  const state = optionalString(q, 'state');
  const fail = (error: string, description: string) => redirectTo(redirectUri, { error, error_description: description, state });

  const client = world.config.clients.find((c) => c.clientId === clientId)!;
  if (optionalString(q, 'response_type') !== 'code') return fail('unsupported_response_type', 'Only response_type=code is supported.');
  if (!client.grants.includes('authorization_code')) return fail('unauthorized_client', 'The client may not use the authorization code flow.');
  const challenge = optionalString(q, 'code_challenge');
  const method = optionalString(q, 'code_challenge_method');
  if (challenge !== undefined && method !== 'S256') return fail('invalid_request', 'code_challenge_method must be S256.');
  if (challenge === undefined && client.clientSecret === undefined) return fail('invalid_request', 'A public client must send a PKCE code_challenge.');

  const audience = optionalString(q, 'audience');
  const nonce = optionalString(q, 'nonce');
  const tx = world.logins.begin({
    clientId,
    redirectUri,
    scope: optionalString(q, 'scope') ?? 'openid',
    ...(state !== undefined && { state }),
    ...(nonce !== undefined && { nonce }),
    ...(audience !== undefined && { audience }),
    ...(challenge !== undefined && { codeChallenge: challenge }),
  });
  return loginForm(tx);
}

function login(call: Call, world: World): Response {
  const params = call.params();
  const tx = optionalString(params, 'tx');
  const transaction = tx ? world.logins.transaction(tx) : undefined;
  if (!tx || !transaction) return badRequestPage('This sign-in has expired or was already completed. Start again from the application.');
  const user = world.users.findByEmail(optionalString(params, 'username') ?? '');
  if (!user || user.password !== optionalString(params, 'password')) return loginForm(tx, 'Wrong email or password.', 401);
  call.userId = user.id;
  const { code, transaction: done } = world.logins.complete(tx, user.id)!;
  return redirectTo(done.redirectUri, { code, state: done.state });
}

function userinfo(call: Call, world: World): Response {
  const found = world.tokens.lookup(bearerToken(call.request));
  const user = found && !found.expired && found.record.kind === 'access' && found.record.userId ? world.users.get(found.record.userId) : undefined;
  if (!user) throw new OAuthError(401, 'invalid_token', 'Invalid or expired access token.');
  return json({ sub: user.id, email: user.email, email_verified: user.emailVerified, name: user.email });
}

/** RP-initiated logout: sessions live in the app, so this only sends the browser back. */
function logout(call: Call, world: World): Response {
  const q = Object.fromEntries(call.url.searchParams) as Params;
  const to = optionalString(q, 'post_logout_redirect_uri') ?? optionalString(q, 'returnTo');
  const clientId = optionalString(q, 'client_id');
  if (to && clientId && allowedRedirect(world, clientId, to)) return redirectTo(to, { state: optionalString(q, 'state') });
  return page('Signed out', '<p>You are signed out.</p>');
}

export const oidcRoutes: Route[] = [
  { method: 'GET', path: '/.well-known/openid-configuration', handle: discovery },
  { method: 'GET', path: '/.well-known/jwks.json', handle: jwks },
  { method: 'GET', path: '/authorize', handle: authorize },
  { method: 'POST', path: '/u/login', handle: login },
  { method: 'GET', path: '/userinfo', handle: userinfo },
  { method: 'GET', path: '/oidc/logout', handle: logout },
  { method: 'GET', path: '/v2/logout', handle: logout },
];
