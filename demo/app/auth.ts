/**
 * Signing in, as an app's auth SDK would, against the emulator's tenant (which always requires
 * MFA: the right password is answered with `mfa_required` and an `mfa_token`).
 *
 * - Direct mode: the browser runs the password grant with the public `demo-spa` client and keeps
 *   the `mfa_token` in memory, for `<mfa-provider>`'s `mfaToken` property.
 * - Proxy mode: the page posts the form to the demo server's login route; the server runs the
 *   grant, keeps the tokens in its session and sets an HttpOnly cookie. The page never sees a token.
 */
import { CSRF_HEADER, CSRF_VALUE } from '../../src/core/index.js';
// The module itself, not the emulator's entry: that one also holds the (Node-only) server.
import { emulatorSignIn } from '../../src/emulator/client-helpers.js';
import type { DemoConfig } from './config.js';

export type Mode = 'direct' | 'proxy' | 'my-account';

export interface SignedIn {
  mode: Mode;
  email: string;
  /** The emulator's user id (`auth0|…`): the demo phone asks the emulator for this user's messages. */
  userId: string;
  /** What the login asked for next. */
  next: 'enroll' | 'challenge';
  /** Direct mode only. */
  mfaToken?: string;
  /** My Account mode only: an access token for the audience `{domain}/me/`. */
  myAccountToken?: string;
}

export class SignInError extends Error {}

async function readJson(response: Response): Promise<Record<string, unknown>> {
  return (await response.json().catch(() => ({}))) as Record<string, unknown>;
}

function failure(body: Record<string, unknown>, status: number): SignInError {
  const description = typeof body.error_description === 'string' && body.error_description ? body.error_description : undefined;
  return new SignInError(description ?? (typeof body.error === 'string' ? body.error : `HTTP ${status}`));
}

/**
 * Demo-only: the emulator's user id for an email, from its control route. A real app takes the
 * user id from its own session (the ID token's `sub`).
 */
async function emulatorUserId(config: DemoConfig, email: string): Promise<string> {
  const users = (await (await fetch(`${config.emulatorUrl}/__emulator/users`)).json()) as Array<{ id: string; email: string }>;
  const user = users.find((u) => u.email.toLowerCase() === email.toLowerCase());
  if (!user) throw new SignInError(`No emulator user ${email}`);
  return user.id;
}

export async function signIn(config: DemoConfig, mode: Mode, email: string, password: string): Promise<SignedIn> {
  if (mode === 'proxy') {
    const response = await fetch(config.loginUrl, {
      method: 'POST',
      credentials: 'same-origin',
      headers: { 'content-type': 'application/json', [CSRF_HEADER]: CSRF_VALUE },
      body: JSON.stringify({ username: email, password }),
    });
    const body = await readJson(response);
    if (!response.ok) throw failure(body, response.status);
    return { mode, email: String(body.email), userId: String(body.userId), next: body.next === 'challenge' ? 'challenge' : 'enroll' };
  }

  if (mode === 'my-account') {
    // The password is checked by a password grant, as in direct mode; the /me/ token then comes
    // from the emulator's control route (demo-only: a real app gets it from its auth SDK, e.g.
    // getAccessTokenSilently({ audience: 'https://{domain}/me/' })).
    const signedIn = await signIn(config, 'direct', email, password);
    const response = await fetch(`${config.emulatorUrl}/__emulator/users/${encodeURIComponent(signedIn.userId)}/my-account-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    });
    const body = await readJson(response);
    if (!response.ok || typeof body.access_token !== 'string') throw failure(body, response.status);
    return { mode, email, userId: signedIn.userId, next: 'enroll', myAccountToken: body.access_token };
  }

  const { status, body, mfaRequired } = await emulatorSignIn(config.emulatorUrl, {
    username: email,
    password,
    clientId: config.clientId,
    // The MFA API audience: the tokens that complete MFA then list, enroll and remove.
    audience: `${config.emulatorUrl}/mfa/`,
    scope: 'openid profile email enroll read:authenticators remove:authenticators',
  });
  if (!mfaRequired) throw failure(body, status);
  return {
    mode,
    email,
    userId: await emulatorUserId(config, email),
    next: mfaRequired.mfaRequirements?.challenge ? 'challenge' : 'enroll',
    mfaToken: mfaRequired.mfaToken,
  };
}

export async function signOut(config: DemoConfig, session: SignedIn): Promise<void> {
  if (session.mode !== 'proxy') return; // direct mode: forgetting the token in memory is all
  await fetch(config.logoutUrl, { method: 'POST', credentials: 'same-origin', headers: { [CSRF_HEADER]: CSRF_VALUE } }).catch(() => undefined);
}
