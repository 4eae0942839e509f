import { MfaError } from './errors.js';
import { request } from './http.js';
import { isAuthenticatorId, normalizeEmail, normalizePhone } from './input.js';
import { resolveOrigin } from './origin.js';
import {
  associateBody,
  challengeBody,
  grantForm,
  parseAuthenticatorList,
  parseChallenge,
  parseEnrollment,
  parseTokenResponse,
} from './wire.js';
import type {
  Authenticator,
  CallOptions,
  Challenge,
  ChallengeRequest,
  EnrollRequest,
  Enrollment,
  FetchLike,
  GetToken,
  MfaSource,
  SourceCapabilities,
  Tokens,
  VerifyRequest,
  VerifyResult,
} from './types.js';

export interface MfaApiSourceOptions {
  /** `tenant.auth0.com`, a custom domain, or a full origin (`http://127.0.0.1:4000` for the emulator). */
  domain: string;
  /** A public (SPA) client with the MFA grants enabled; no secret is ever sent. */
  clientId: string;
  mfaToken?: string;
  accessToken?: string;
  /** Called before every request; its result replaces the tokens it returns. */
  getToken?: GetToken;
  fetch?: FetchLike;
  timeoutMs?: number;
  /** The audience of an MFA access token; `{origin}/mfa/` unless a custom domain needs another. */
  audience?: string;
}

/** Scopes that make a grant's access token usable for the MFA API itself. */
const MFA_API_SCOPES = ['enroll', 'read:authenticators'];

/**
 * Talks to Auth0's MFA API straight from the page (public client). Tokens live only in private
 * fields: never in URLs, storage, logs or error messages.
 */
export class MfaApiSource implements MfaSource {
  readonly origin: string;
  readonly clientId: string;
  readonly audience: string;
  readonly capabilities: Readonly<SourceCapabilities> = Object.freeze({
    list: true,
    factors: false,
    associate: true,
    ticket: false,
    challenge: true,
    verify: true,
    remove: true,
  });
  #mfaToken: string | undefined;
  #accessToken: string | undefined;
  readonly #getToken: GetToken | undefined;
  readonly #fetch: FetchLike | undefined;
  readonly #timeoutMs: number | undefined;

  constructor(options: MfaApiSourceOptions) {
    this.origin = resolveOrigin(options.domain);
    if (!options.clientId) throw new MfaError('invalid_input', { description: 'clientId is required' });
    this.clientId = options.clientId;
    this.audience = options.audience ?? `${this.origin}/mfa/`;
    this.#mfaToken = options.mfaToken;
    this.#accessToken = options.accessToken;
    this.#getToken = options.getToken;
    this.#fetch = options.fetch;
    this.#timeoutMs = options.timeoutMs;
  }

  /** Replaces the tokens given (an `undefined` field is left as it is); for property changes. */
  setTokens(tokens: Tokens): void {
    if (tokens.mfaToken !== undefined) this.#mfaToken = tokens.mfaToken;
    if (tokens.accessToken !== undefined) this.#accessToken = tokens.accessToken;
  }

  /** Whether an access token is held, i.e. whether `remove()` and a second `enroll()` can work. */
  get hasAccessToken(): boolean {
    return Boolean(this.#accessToken);
  }

  listAuthenticators(opts?: CallOptions): Promise<Authenticator[]> {
    return this.#authorized(() => this.#bearer(), (token) =>
      this.#send('/mfa/authenticators', { token, parse: parseAuthenticatorList }, opts),
    );
  }

  enroll(req: EnrollRequest, opts?: CallOptions): Promise<Enrollment> {
    if ('mode' in req) {
      return Promise.reject(new MfaError('unsupported', { description: 'ticket enrollment needs a server (proxy mode)' }));
    }
    let checked: EnrollRequest = req;
    if (req.factor === 'sms' || req.factor === 'voice') {
      const phoneNumber = normalizePhone(req.phoneNumber);
      if (!phoneNumber) return Promise.reject(new MfaError('invalid_input', { description: 'phone number must be E.164' }));
      checked = { factor: req.factor, phoneNumber };
    } else if (req.factor === 'email' && req.email !== undefined) {
      const email = normalizeEmail(req.email);
      if (!email) return Promise.reject(new MfaError('invalid_input', { description: 'invalid email address' }));
      checked = { factor: 'email', email };
    }
    return this.#authorized(() => this.#bearer(), (token) =>
      this.#send(
        '/mfa/associate',
        { method: 'POST', token, json: associateBody(checked), parse: (body) => parseEnrollment(body, req.factor) },
        opts,
      ),
    );
  }

  remove(authenticatorId: string, opts?: CallOptions): Promise<void> {
    if (!isAuthenticatorId(authenticatorId)) {
      return Promise.reject(new MfaError('invalid_input', { description: 'not an authenticator id' }));
    }
    const token = (): string | undefined => this.#accessToken;
    return this.#authorized(token, (bearer) =>
      this.#send(`/mfa/authenticators/${encodeURIComponent(authenticatorId)}`, { method: 'DELETE', token: bearer }, opts),
      'removing an authenticator needs an MFA access token (remove:authenticators)',
    );
  }

  challenge(req: ChallengeRequest, opts?: CallOptions): Promise<Challenge> {
    if (!isAuthenticatorId(req.authenticatorId)) {
      return Promise.reject(new MfaError('invalid_input', { description: 'not an authenticator id' }));
    }
    return this.#authorized(() => this.#grantToken(), (mfaToken) =>
      this.#send(
        '/mfa/challenge',
        { method: 'POST', json: challengeBody(this.clientId, mfaToken, req), parse: parseChallenge },
        opts,
      ),
    );
  }

  async verify(req: VerifyRequest, opts?: CallOptions): Promise<VerifyResult> {
    const result = await this.#authorized(() => this.#grantToken(), (mfaToken) =>
      this.#send(
        '/oauth/token',
        { method: 'POST', form: grantForm(this.clientId, mfaToken, req), parse: parseTokenResponse },
        opts,
      ),
    );
    // A user who just confirmed a first factor with an mfa_token needs an access token to enroll more.
    const scopes = result.tokens?.scope?.split(/\s+/) ?? [];
    if (result.tokens && scopes.some((scope) => MFA_API_SCOPES.includes(scope))) {
      this.#accessToken = result.tokens.accessToken;
    }
    return result;
  }

  #bearer(): string | undefined {
    return this.#accessToken ?? this.#mfaToken;
  }

  /** Auth0 accepts an MFA access token where an mfa_token is asked for (community-verified). */
  #grantToken(): string | undefined {
    return this.#mfaToken ?? this.#accessToken;
  }

  /**
   * Runs `send` with the token `pick` chooses, asking `getToken` first; on `invalid_token` or
   * `expired_token` asks it once more with `forceRefresh` and retries once.
   */
  async #authorized<T>(
    pick: () => string | undefined,
    send: (token: string) => Promise<T>,
    missing = 'no mfaToken or accessToken was given',
  ): Promise<T> {
    await this.#refresh(false);
    const first = pick();
    if (!first) throw new MfaError('unsupported', { description: missing });
    try {
      return await send(first);
    } catch (error) {
      if (!this.#getToken || !MfaError.is(error, 'invalid_token', 'expired_token')) throw error;
      await this.#refresh(true);
      const second = pick();
      if (!second) throw error;
      return send(second);
    }
  }

  async #refresh(forceRefresh: boolean): Promise<void> {
    if (!this.#getToken) return;
    let tokens: Tokens | undefined;
    try {
      tokens = await this.#getToken({ forceRefresh });
    } catch (cause) {
      throw MfaError.is(cause) ? cause : new MfaError('invalid_token', { description: 'getToken() failed', cause });
    }
    if (tokens) this.setTokens(tokens);
  }

  #send<T>(
    path: string,
    init: { method?: string; token?: string; json?: unknown; form?: Record<string, string>; parse?: (body: unknown) => T },
    opts?: CallOptions,
  ): Promise<T> {
    return request<T>({
      url: this.origin + path,
      method: init.method,
      headers: init.token ? { authorization: `Bearer ${init.token}` } : undefined,
      json: init.json,
      form: init.form,
      parse: init.parse,
      signal: opts?.signal,
      timeoutMs: this.#timeoutMs,
      fetch: this.#fetch,
      // Bearer tokens only: cookies for the tenant's domain must not ride along.
      credentials: 'omit',
    });
  }
}
