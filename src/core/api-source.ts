import { MfaError } from './errors.js';
import { request, type HttpRequest } from './http.js';
import { askToken, sendWithToken } from './token-retry.js';
import { checkAuthenticatorId, checkEnrollInput } from './input.js';
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

/** Which token a call carries (see `#pick`). */
const BEARER = 0;
const GRANT = 1;
const ACCESS = 2;
type TokenKind = typeof BEARER | typeof GRANT | typeof ACCESS;

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
  readonly #http: Pick<HttpRequest<never>, 'fetch' | 'timeoutMs' | 'credentials'>;

  constructor(options: MfaApiSourceOptions) {
    this.origin = resolveOrigin(options.domain);
    if (!options.clientId) throw new MfaError('invalid_input', { description: 'clientId is required' });
    this.clientId = options.clientId;
    this.audience = options.audience ?? `${this.origin}/mfa/`;
    this.#mfaToken = options.mfaToken;
    this.#accessToken = options.accessToken;
    this.#getToken = options.getToken;
    // Bearer tokens only: cookies for the tenant's domain must not ride along.
    this.#http = { fetch: options.fetch, timeoutMs: options.timeoutMs, credentials: 'omit' };
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
    return this.#call(BEARER, '/mfa/authenticators', opts, () => ({ parse: parseAuthenticatorList }));
  }

  async enroll(req: EnrollRequest, opts?: CallOptions): Promise<Enrollment> {
    if ('mode' in req) throw new MfaError('unsupported', { description: 'ticket enrollment needs a server (proxy mode)' });
    const checked = checkEnrollInput(req);
    return this.#call(BEARER, '/mfa/associate', opts, () => ({
      method: 'POST',
      json: associateBody(checked),
      parse: (body) => parseEnrollment(body, req.factor),
    }));
  }

  async remove(authenticatorId: string, opts?: CallOptions): Promise<void> {
    return this.#call(
      ACCESS,
      `/mfa/authenticators/${encodeURIComponent(checkAuthenticatorId(authenticatorId))}`,
      opts,
      () => ({ method: 'DELETE' }),
      'removing an authenticator needs an MFA access token (remove:authenticators)',
    );
  }

  async challenge(req: ChallengeRequest, opts?: CallOptions): Promise<Challenge> {
    checkAuthenticatorId(req.authenticatorId);
    return this.#call(GRANT, '/mfa/challenge', opts, (mfaToken) => ({
      method: 'POST',
      json: challengeBody(this.clientId, mfaToken, req),
      parse: parseChallenge,
    }));
  }

  async verify(req: VerifyRequest, opts?: CallOptions): Promise<VerifyResult> {
    const result = await this.#call(GRANT, '/oauth/token', opts, (mfaToken) => ({
      method: 'POST',
      form: grantForm(this.clientId, mfaToken, req),
      parse: parseTokenResponse,
    }));
    // A user who just confirmed a first factor with an mfa_token needs an access token to enroll more.
    const { tokens } = result;
    if (tokens?.scope?.split(/\s+/).some((scope) => MFA_API_SCOPES.includes(scope))) this.#accessToken = tokens.accessToken;
    return result;
  }

  /**
   * Sends the request `init` describes with the token `kind` chooses (as `Authorization: Bearer`
   * for the MFA API; the grants put it in their body), asking `getToken` first; on `invalid_token`
   * or `expired_token` asks it once more with `forceRefresh` and retries once.
   */
  async #call<T>(
    kind: TokenKind,
    path: string,
    opts: CallOptions | undefined,
    init: (token: string) => Partial<HttpRequest<T>>,
    missing = 'no mfaToken or accessToken was given',
  ): Promise<T> {
    const send = (token: string): Promise<T> =>
      request<T>({
        ...this.#http,
        ...init(token),
        url: this.origin + path,
        headers: kind === GRANT ? undefined : { authorization: `Bearer ${token}` },
        signal: opts?.signal,
      });
    return sendWithToken((force) => this.#refresh(force), () => this.#pick(kind), send, Boolean(this.#getToken), missing);
  }

  /**
   * The MFA API wants the access token, else the mfa_token; the grants the reverse (Auth0 accepts an
   * MFA access token where an mfa_token is asked for, community-verified); removing, an access token.
   */
  #pick(kind: TokenKind): string | undefined {
    const access = this.#accessToken;
    return kind === BEARER ? access ?? this.#mfaToken : kind === GRANT ? this.#mfaToken ?? access : access;
  }

  async #refresh(forceRefresh: boolean): Promise<void> {
    const tokens = await askToken(this.#getToken, forceRefresh);
    if (tokens) this.setTokens(tokens);
  }
}
