import { ContextProvider } from '@lit/context';
import { css, html, LitElement, type PropertyValues } from 'lit';
import { MfaError, toMfaError } from '../../core/errors.js';
import { SharedSource } from '../../core/shared-source.js';
import type { FetchLike, GetToken, MfaSource } from '../../core/types.js';
import { ensureContextRoot, mfaSourceContext } from '../shared/context.js';
import { MfaErrorEvent } from '../shared/events.js';
import { MfaElement } from '../shared/mfa-element.js';
import type { SourceKind, Tokens } from './sources/kinds.js';
import { SOURCE_KINDS } from './sources/index.js';

/** What decides which source is built; a change to any of these builds a new one. */
type Config = readonly [MfaSource | undefined, string | undefined, string | undefined, string | undefined, FetchLike | undefined, GetToken | undefined, string | undefined];

/**
 * Provides one data source to every mfa-* element inside it, so that they share one state: one
 * list request however many elements ask, and an enroll or remove done by one element refreshes
 * the others. Has no UI of its own (`display: contents`).
 *
 * The source is, in order of precedence: the `source` property (any `MfaSource`); a `ProxySource`
 * for `proxy-url`; an `MfaApiSource` for `domain` + `client-id`; with `api="my-account"`, a
 * `MyAccountSource` for `domain` (direct, with an access token for `https://{domain}/me/`) or for
 * `proxy-url` (the server's My Account routes). It is wrapped in a `SharedSource`
 * (unless it already is one) and provided through `@lit/context`. Elements inserted or defined
 * later find it too: a `ContextRoot` on the document replays their requests when the provider
 * appears.
 *
 * Tokens are properties only: never attributes, never reflected, never logged. A token change
 * updates the current source in place and refreshes the elements' lists (no new source, so the
 * elements keep what they are doing); any other change (attributes, `source`, `fetch`,
 * `getToken`, or a token removed) builds and provides a new source.
 *
 * A configuration that cannot work (an `http:` domain off loopback, a proxy URL with a query, a
 * missing `client-id`) provides a source whose every call fails with `MfaError('no_source')`
 * (the reason in `description` and `cause`), so the elements show an error instead of throwing,
 * and fires `mfa-error` (`action: 'load'`).
 *
 * @summary Shares one MFA data source with the elements inside it.
 * @tag mfa-provider
 *
 * @slot - The mfa-* elements (and anything else) that use this provider's source.
 *
 * @fires {MfaErrorEvent} mfa-error - The attributes or properties do not make a usable source.
 */
export class MfaProvider extends LitElement {
  static override styles = css`
    :host {
      display: contents;
    }
  `;

  static override properties = {
    api: { type: String },
    proxyUrl: { type: String, attribute: 'proxy-url' },
    domain: { type: String },
    clientId: { type: String, attribute: 'client-id' },
    mfaToken: { attribute: false },
    accessToken: { attribute: false },
    getToken: { attribute: false },
    source: { attribute: false },
    fetch: { attribute: false },
  };

  /** Tolerant registration (see `MfaElement.define`). */
  static define = MfaElement.define;

  /**
   * The Auth0 API: the MFA API when absent, or `my-account` (passkeys, rename; `/me/v1`). Of the
   * script-tag files, only the `.my-account.js` ones carry it (and only it).
   */
  declare api?: string;
  /** Proxy mode: the base URL of the server routes (`/api/auth/mfa`). */
  declare proxyUrl?: string;
  /** Direct mode: the Auth0 domain (`tenant.auth0.com`) or a full origin (`http://127.0.0.1:4000`). */
  declare domain?: string;
  /** Direct mode: a public client with the MFA grants enabled. */
  declare clientId?: string;
  /** Direct mode: the `mfa_token` from the `mfa_required` answer. Proxy mode: an opaque bearer token. */
  declare mfaToken?: string;
  /** Direct mode: an access token for the MFA API audience (`enroll read:authenticators remove:authenticators`). */
  declare accessToken?: string;
  /** Direct mode: called before each request for fresh tokens (and with `forceRefresh` after an expiry). */
  declare getToken?: GetToken;
  /** Any source; wins over the attributes. */
  declare source?: MfaSource;
  /** A `fetch` to use instead of the global one (tests, instrumentation). */
  declare fetch?: FetchLike;

  readonly #provider = new ContextProvider(this, { context: mfaSourceContext });
  #config?: Config;
  #inner?: MfaSource;
  /** The kind that built `#inner`, when the provider built it. */
  #kind?: SourceKind;
  #shared?: SharedSource;
  #tokens: Tokens = {};
  #configError?: MfaError;
  #reported?: MfaError;

  /** The source the elements below receive (a `SharedSource`), or undefined when none is configured. */
  get providedSource(): SharedSource | undefined {
    return this.#shared;
  }

  override connectedCallback(): void {
    ensureContextRoot();
    // Before the children connect and ask, so that they never see a provider without a source.
    this.#sync();
    super.connectedCallback();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    this.#sync();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.#configError && this.#configError !== this.#reported) {
      this.#reported = this.#configError;
      this.dispatchEvent(new MfaErrorEvent({ error: this.#configError, action: 'load' }));
    }
  }

  /** Brings the provided source in line with the attributes and properties. */
  #sync(): void {
    const config: Config = [this.source, this.proxyUrl, this.domain, this.clientId, this.fetch, this.getToken, this.api];
    const tokens: Tokens = { mfaToken: this.mfaToken, accessToken: this.accessToken };
    if (this.#config?.every((value, i) => Object.is(value, config[i]))) {
      if (tokens.mfaToken === this.#tokens.mfaToken && tokens.accessToken === this.#tokens.accessToken) return;
      if (this.#updateTokens(tokens)) {
        this.#tokens = tokens;
        // Same source, new identity or scope: every element lists again (one request, shared).
        this.#shared?.invalidate();
        return;
      }
    }
    this.#config = config;
    this.#tokens = tokens;
    this.#configError = undefined;
    try {
      this.#inner = this.#build();
    } catch (error) {
      // `no_source`: the elements say "no data source is configured"; the cause is for the page.
      const cause = toMfaError(error);
      this.#configError = new MfaError('no_source', { description: cause.description ?? cause.code, cause });
      this.#inner = unusableSource(this.#configError);
      this.requestUpdate();
    }
    const inner = this.#inner;
    this.#shared = !inner ? undefined : inner instanceof SharedSource ? inner : new SharedSource(inner);
    this.#provider.setValue(this.#shared);
  }

  #build(): MfaSource | undefined {
    this.#kind = undefined;
    if (this.source) return this.source;
    const settings = {
      api: this.api, proxyUrl: this.proxyUrl, domain: this.domain, clientId: this.clientId,
      mfaToken: this.mfaToken, accessToken: this.accessToken, getToken: this.getToken, fetch: this.fetch,
    };
    const kind = Object.values(SOURCE_KINDS).find((k) => k.api === (this.api || undefined) && k.wants(settings));
    if (kind) {
      const built = kind.create(settings);
      this.#kind = kind;
      return built;
    }
    // A mode this file does not carry (a script-tag file built for another mode) says so.
    if (this.proxyUrl || this.domain || this.clientId) {
      throw new MfaError('unsupported', { description: `mfa-provider: this file carries only the ${Object.keys(SOURCE_KINDS)} source` });
    }
    return undefined;
  }

  /** Puts new tokens into the current source; false when it cannot take them in place. */
  #updateTokens(tokens: Tokens): boolean {
    const inner = this.#inner;
    if (this.#kind && inner) return this.#kind.retoken(inner, tokens, this.#tokens);
    // A page-given source or none: tokens are not ours to pass on.
    return this.source !== undefined || inner === undefined;
  }

  protected override render() {
    return html`<slot></slot>`;
  }
}

/** Stands in for a configuration that cannot work: every call fails with the reason. */
function unusableSource(error: MfaError): MfaSource {
  const fail = () => Promise.reject(error);
  return {
    capabilities: Object.freeze({
      list: true,
      factors: false,
      associate: false,
      ticket: false,
      challenge: false,
      verify: false,
      remove: false,
    }),
    listAuthenticators: fail,
    enroll: fail,
    remove: fail,
    challenge: fail,
    verify: fail,
  };
}
