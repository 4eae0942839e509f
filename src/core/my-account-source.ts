import { MfaError } from './errors.js';
import { request, type HttpRequest } from './http.js';
import { askToken, sendWithToken } from './token-retry.js';
import { checkAuthenticatorId, checkEnrollInput } from './input.js';
import { resolveOrigin } from './origin.js';
import { checkBaseUrl, CSRF_HEADER, CSRF_VALUE } from './proxy-source.js';
import {
  idFromLocation,
  parseFactors,
  parseMethodList,
  parseStarted,
  problemError,
  requireMethod,
  TYPE_OF_FACTOR,
  type StartedEnrollment,
} from './my-account-wire.js';
import type {
  Authenticator,
  CallOptions,
  Challenge,
  EnrollRequest,
  Enrollment,
  FactorInfo,
  FactorName,
  FetchLike,
  GetToken,
  MfaSource,
  SourceCapabilities,
  VerifyRequest,
  VerifyResult,
} from './types.js';

export interface MyAccountSourceOptions {
  /** Direct mode: `tenant.auth0.com`, a custom domain or a full origin; calls go to `{origin}/me/v1`. */
  domain?: string;
  /**
   * Proxy mode instead of `domain`: the base that stands for `/me/v1` on the page's own origin
   * (`/me/v1` behind nextjs-auth0, `{proxy}/me` behind `createMfaProxy`). Session cookie and the
   * CSRF header; no token.
   */
  baseUrl?: string;
  /**
   * Proxy mode: the scopes to ask for, sent as a `scope` header (nextjs-auth0's `/me/*` proxy gets
   * its `/me/` token with the scope of that header; without it the token has none).
   */
  scope?: string;
  /** An access token for audience `https://{domain}/me/` (direct mode). */
  accessToken?: string;
  getToken?: GetToken;
  fetch?: FetchLike;
  timeoutMs?: number;
}

/** The enrollment awaiting its `/verify`: one at a time, as the elements enroll one at a time. */
interface Pending {
  id: string;
  factor: FactorName;
  authSession: string;
}

/**
 * The Auth0 My Account API (`/me/v1/authentication-methods`), straight from the page or through a
 * same-origin proxy. It spends as few of the user's few requests a minute as it can: it never
 * polls, and every change returns what the elements apply without re-listing (`relist: false`).
 * `Location` headers are read for the id only; URLs are always built from the configured base.
 */
export class MyAccountSource implements MfaSource {
  readonly baseUrl: string;
  readonly capabilities: Readonly<SourceCapabilities> = Object.freeze({
    list: true,
    factors: true,
    associate: true,
    ticket: false,
    // Login-time challenges stay with the MFA API / Universal Login.
    challenge: false,
    verify: true,
    remove: true,
    rename: true,
    passkey: true,
    relist: false,
  });
  readonly #proxy: boolean;
  #accessToken: string | undefined;
  readonly #getToken: GetToken | undefined;
  readonly #http: Pick<HttpRequest<never>, 'timeoutMs' | 'credentials'>;
  readonly #fetch: FetchLike | undefined;
  #pending: Pending | undefined;
  readonly #scope: string | undefined;

  constructor(options: MyAccountSourceOptions) {
    if (options.baseUrl !== undefined) {
      this.baseUrl = checkBaseUrl(options.baseUrl);
      this.#proxy = true;
    } else if (options.domain) {
      this.baseUrl = `${resolveOrigin(options.domain)}/me/v1`;
      this.#proxy = false;
    } else {
      throw new MfaError('invalid_input', { description: 'domain or baseUrl is required' });
    }
    this.#scope = options.scope?.trim() || undefined;
    this.#accessToken = options.accessToken || undefined;
    this.#getToken = options.getToken;
    this.#fetch = options.fetch;
    // Direct: bearer only, the tenant's cookies stay home. Proxy: the session cookie is the credential.
    this.#http = { timeoutMs: options.timeoutMs, credentials: this.#proxy ? 'same-origin' : 'omit' };
  }

  /** The audience a direct-mode token must have. */
  get audience(): string | undefined {
    return this.#proxy ? undefined : `${new URL(this.baseUrl).origin}/me/`;
  }

  get hasAccessToken(): boolean {
    return this.#proxy || Boolean(this.#accessToken);
  }

  setToken(token: string | undefined): void {
    this.#accessToken = token || undefined;
  }

  listAuthenticators(opts?: CallOptions): Promise<Authenticator[]> {
    return this.#call({ path: '/authentication-methods', parse: parseMethodList }, opts);
  }

  listFactors(opts?: CallOptions): Promise<FactorInfo[]> {
    return this.#call({ path: '/factors', parse: parseFactors }, opts);
  }

  async enroll(req: EnrollRequest, opts?: CallOptions): Promise<Enrollment> {
    if ('mode' in req) throw new MfaError('unsupported', { description: 'My Account has no hosted enrollment ticket' });
    const type = TYPE_OF_FACTOR[req.factor];
    if (!type) throw new MfaError('unsupported', { description: `${req.factor} cannot be enrolled through My Account` });
    const checked = (req.factor === 'passkey' || req.factor === 'recovery-code' ? req : checkEnrollInput(req)) as Exclude<EnrollRequest, { mode: 'ticket' }>;
    const body: Record<string, string> = { type };
    if (checked.factor === 'sms' || checked.factor === 'voice') {
      body.phone_number = checked.phoneNumber;
      body.preferred_authentication_method = checked.factor;
    } else if (checked.factor === 'email') {
      if (!checked.email) throw new MfaError('invalid_input', { description: 'My Account needs the email address' });
      body.email = checked.email;
    }
    this.#pending = undefined;
    let location: string | null = null;
    const started = await this.#call<StartedEnrollment>(
      { path: '/authentication-methods', method: 'POST', json: body, parse: parseStarted, onHeaders: (h) => (location = h.get('location')) },
      opts,
    );
    // Passkeys have no id in the body; spa-js prefers the Location's, and so do we.
    const id = idFromLocation(location) ?? started.id;
    if (!id) throw new MfaError('bad_response', { description: 'no authentication method id in the response' });
    this.#pending = { id, factor: req.factor, authSession: started.authSession };
    return toEnrollment(req.factor, id, started);
  }

  /** Confirms the pending enrollment (`POST {id}/verify`); a push is verified once, never polled. */
  async verify(req: VerifyRequest, opts?: CallOptions): Promise<VerifyResult> {
    const pending = this.#pending;
    if (!pending) throw new MfaError('unsupported', { description: 'My Account verifies enrollments only; none is pending' });
    const body: Record<string, unknown> = { auth_session: pending.authSession };
    if (req.type === 'otp') body.otp_code = req.otp;
    else if (req.type === 'oob' && req.bindingCode) body.otp_code = req.bindingCode;
    else if (req.type === 'passkey') body.authn_response = req.credential;
    const needsCode = pending.factor === 'otp' || pending.factor === 'sms' || pending.factor === 'voice' || pending.factor === 'email';
    if (needsCode && typeof body.otp_code !== 'string') throw new MfaError('invalid_input', { description: 'a code is required' });
    if (pending.factor === 'passkey' && req.type !== 'passkey') throw new MfaError('invalid_input', { description: 'a passkey credential is required' });
    let method = await this.#call(
      { path: `/authentication-methods/${encodeURIComponent(pending.id)}/verify`, method: 'POST', json: body, parse: requireMethod, verifying: true },
      opts,
    );
    this.#pending = undefined;
    if (req.type === 'passkey' && req.name && req.name !== method.name) method = await this.rename(method.id, req.name, opts);
    return { authenticator: method };
  }

  async remove(authenticatorId: string, opts?: CallOptions): Promise<void> {
    await this.#call({ path: methodPath(authenticatorId), method: 'DELETE' }, opts);
  }

  async rename(authenticatorId: string, name: string, opts?: CallOptions): Promise<Authenticator> {
    const trimmed = name.trim();
    if (!trimmed || trimmed.length > 100) throw new MfaError('invalid_input', { description: 'name must be 1 to 100 characters' });
    return this.#call({ path: methodPath(authenticatorId), method: 'PATCH', json: { name: trimmed }, parse: requireMethod }, opts);
  }

  async setPreferredChannel(authenticatorId: string, channel: 'sms' | 'voice', opts?: CallOptions): Promise<Authenticator> {
    if (channel !== 'sms' && channel !== 'voice') throw new MfaError('invalid_input', { description: 'channel must be sms or voice' });
    return this.#call(
      { path: methodPath(authenticatorId), method: 'PATCH', json: { preferred_authentication_method: channel }, parse: requireMethod },
      opts,
    );
  }

  challenge(): Promise<Challenge> {
    return Promise.reject(new MfaError('unsupported', { description: 'My Account does not challenge; sign-in MFA stays with the MFA API' }));
  }

  /**
   * One request with the token (asked of `getToken` first); on `invalid_token` / `expired_token`
   * asks again with `forceRefresh` and retries once.
   */
  async #call<T>(
    call: { path: string; method?: string; json?: unknown; parse?: (body: unknown) => T; onHeaders?: (headers: Headers) => void; verifying?: boolean },
    opts: CallOptions | undefined,
  ): Promise<T> {
    const base = this.#fetch ?? fetch;
    const send = (token: string | undefined): Promise<T> =>
      request<T>({
        ...this.#http,
        url: this.baseUrl + call.path,
        method: call.method,
        json: call.json,
        parse: call.parse,
        error: (status, headers, body) => problemError(status, headers, body, call.verifying),
        headers: this.#proxy ? { [CSRF_HEADER]: CSRF_VALUE, ...(this.#scope && { scope: this.#scope }) } : { authorization: `Bearer ${token}` },
        signal: opts?.signal,
        fetch: async (input, init) => {
          const response = await base(input, init);
          call.onHeaders?.(response.headers);
          return response;
        },
      });
    if (this.#proxy) return send(undefined);
    return sendWithToken((force) => this.#refresh(force), () => this.#accessToken, send, Boolean(this.#getToken), 'no accessToken was given');
  }

  async #refresh(forceRefresh: boolean): Promise<void> {
    const tokens = await askToken(this.#getToken, forceRefresh);
    if (tokens?.accessToken !== undefined) this.#accessToken = tokens.accessToken || undefined;
  }
}

function methodPath(id: string): string {
  return `/authentication-methods/${encodeURIComponent(checkAuthenticatorId(id))}`;
}

function toEnrollment(factor: FactorName, id: string, started: StartedEnrollment): Enrollment {
  switch (factor) {
    case 'passkey':
      if (!started.publicKey) throw new MfaError('bad_response', { description: 'no authn_params_public_key' });
      return { type: 'passkey', factor, publicKey: started.publicKey };
    case 'otp': {
      const secret = started.manualInputCode ?? secretOf(started.barcodeUri);
      if (!secret || !started.barcodeUri) throw new MfaError('bad_response', { description: 'no barcode_uri' });
      return { type: 'otp', factor, secret, barcodeUri: started.barcodeUri };
    }
    case 'recovery-code':
      if (!started.recoveryCode) throw new MfaError('bad_response', { description: 'no recovery_code' });
      // Confirmed with `verify({ type: 'recovery-code', recoveryCode })` once the user saved it.
      return { type: 'recovery-code', factor, recoveryCode: started.recoveryCode };
    default:
      return {
        type: 'oob',
        factor: factor as 'sms' | 'voice' | 'email' | 'push',
        // An opaque handle for the elements; the source keeps the `auth_session` itself.
        oobCode: id,
        ...(factor !== 'push' && { bindingMethod: 'prompt' as const }),
        ...(started.barcodeUri && { barcodeUri: started.barcodeUri }),
      };
  }
}

function secretOf(uri: string | undefined): string | undefined {
  if (!uri) return undefined;
  try {
    return new URL(uri).searchParams.get('secret') ?? undefined;
  } catch {
    return undefined;
  }
}
