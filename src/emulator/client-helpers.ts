/**
 * Client-side shortcuts for demos and tests that sign a user in against an emulator the way an
 * app's auth SDK would. `fetch` only: runs in browsers and in Node, and imports nothing of the
 * server (a page may import this file on its own).
 */

export interface EmulatorSignIn {
  username: string;
  password: string;
  /** `demo-spa` (public: no secret) or `demo-web` with its `clientSecret`. */
  clientId: string;
  /** Confidential clients only; the public `demo-spa` must not send one. */
  clientSecret?: string;
  /** Default: the emulator's MFA API, `${emulatorUrl}/mfa/`. */
  audience?: string;
  /** Default: `openid profile email`. */
  scope?: string;
}

/** What the tenant asks for next: the `mfa_token` and the login's `mfa_requirements`. */
export interface MfaRequired {
  mfaToken: string;
  mfaRequirements?: { challenge?: Array<{ type: string }>; enroll?: Array<{ type: string }> };
}

export interface EmulatorSignInAnswer {
  status: number;
  /** The token endpoint's JSON body (`{}` when it sent no JSON object). */
  body: Record<string, unknown>;
  /** Set when the answer is the expected 403 `mfa_required` with an `mfa_token`. */
  mfaRequired?: MfaRequired;
}

/**
 * The password grant (`POST /oauth/token`). The emulator's tenant always requires MFA, so the
 * right password is answered with 403 `mfa_required` and an `mfa_token` (`mfaRequired`); anything
 * else (a wrong password is 403 `invalid_grant`) comes back as `status` and `body` only.
 */
export async function emulatorSignIn(emulatorUrl: string, signIn: EmulatorSignIn): Promise<EmulatorSignInAnswer> {
  const form: Record<string, string> = {
    grant_type: 'password',
    username: signIn.username,
    password: signIn.password,
    client_id: signIn.clientId,
  };
  if (signIn.clientSecret !== undefined) form.client_secret = signIn.clientSecret;
  form.audience = signIn.audience ?? `${emulatorUrl}/mfa/`;
  form.scope = signIn.scope ?? 'openid profile email';
  const response = await fetch(`${emulatorUrl}/oauth/token`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(form),
  });
  const parsed: unknown = await response.json().catch(() => ({}));
  const body = typeof parsed === 'object' && parsed !== null && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : {};
  const answer: EmulatorSignInAnswer = { status: response.status, body };
  if (response.status === 403 && body.error === 'mfa_required' && typeof body.mfa_token === 'string' && body.mfa_token) {
    const requirements = body.mfa_requirements as MfaRequired['mfaRequirements'];
    answer.mfaRequired = { mfaToken: body.mfa_token, ...(requirements && { mfaRequirements: requirements }) };
  }
  return answer;
}
