import type { FetchLike, GetToken, MfaSource } from '../../../core/types.js';

export type Tokens = { mfaToken?: string; accessToken?: string };

/** What the provider's attributes and properties say about the source to build. */
export interface SourceSettings extends Tokens {
  /** The Auth0 API spoken: the MFA API (default) or `my-account`. */
  api?: string;
  proxyUrl?: string;
  domain?: string;
  clientId?: string;
  getToken?: GetToken;
  fetch?: FetchLike;
}

/** One way of building a source (a mode of `<mfa-provider>`). */
export interface SourceKind {
  /** The `api` this kind speaks; absent: the MFA API. */
  api?: string;
  /** Whether these settings ask for this kind. */
  wants(settings: SourceSettings): boolean;
  /** Throws an `MfaError` for settings that cannot work. */
  create(settings: SourceSettings): MfaSource;
  /**
   * Puts new tokens into a source this kind built; false when it cannot take them in place
   * (the provider then builds a new one). `previous` are the tokens it has now.
   */
  retoken(source: MfaSource, tokens: Tokens, previous: Tokens): boolean;
}
