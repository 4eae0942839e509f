/**
 * The data-source contract shared by every element. camelCase here; the wire (Auth0 or a proxy)
 * speaks snake_case and is mapped at the boundary in `wire.ts`.
 */

import type { PublicKeyCredentialCreationOptionsJSON, RegistrationResponseJSON } from './webauthn-json.js';

export type { PublicKeyCredentialCreationOptionsJSON, RegistrationResponseJSON } from './webauthn-json.js';

/**
 * The factors this library can list, enroll, remove and verify. `webauthn-*` and `duo` are listed
 * and enrolled only through the hosted ticket in MFA-API/proxy mode (read-only in My Account: list,
 * rename, remove); `passkey` exists only through the My Account API.
 */
export type FactorName =
  | 'otp'
  | 'sms'
  | 'voice'
  | 'email'
  | 'push'
  | 'recovery-code'
  | 'passkey'
  | 'webauthn-roaming'
  | 'webauthn-platform'
  | 'duo';

/**
 * Auth0's `authenticator_type` (MFA API), or for the WebAuthn, passkey and Duo methods that API
 * does not type, the factor's own name.
 */
export type AuthenticatorType = 'otp' | 'oob' | 'recovery-code' | 'passkey' | 'webauthn-roaming' | 'webauthn-platform' | 'duo';

/** What the My Account API says of a passkey (`credential_device_type`, `credential_backed_up`, …). */
export interface PasskeyInfo {
  /** `multi_device`: synced (a passkey manager); `single_device`: bound to one authenticator. */
  deviceType?: 'single_device' | 'multi_device';
  backedUp?: boolean;
  aaguid?: string;
  transports?: string[];
  userAgent?: string;
}

/** Auth0's `oob_channel` (`auth0` is Guardian push). */
export type OobChannel = 'sms' | 'voice' | 'email' | 'auth0';

export interface Authenticator {
  /** Auth0 id, `{prefix}|{id}`; contains `|`, so it is always URL-encoded in paths. */
  id: string;
  authenticatorType: AuthenticatorType;
  /** The factor this authenticator belongs to, derived from type, channel and id prefix. */
  factor: FactorName;
  /** False until the user confirmed the enrollment; inactive ones are never offered for verification. */
  active: boolean;
  /** Masked phone number, email address or device name, as the server sent it. */
  name?: string;
  oobChannel?: OobChannel;
  /** Present only with Auth0's Customizable MFA. */
  type?: string;
  createdAt?: string;
  lastAuthenticatedAt?: string;
  /** Other authenticators enrolled and removed together with this one (push ⇄ totp, sms ⇄ voice). */
  linkedIds: string[];
  /** False when the server is known to refuse removal (recovery codes, implicitly verified emails). */
  removable: boolean;
  /** My Account: what the method may be used for (`primary`: sign-in, e.g. a passkey; `secondary`: MFA). */
  usage?: ('primary' | 'secondary')[];
  /** Passkeys and WebAuthn keys in My Account. */
  passkey?: PasskeyInfo;
  /** My Account phone: the channel codes are sent through. */
  preferredChannel?: 'sms' | 'voice';
  /** True when `source.rename(id, …)` can rename it. */
  renamable?: boolean;
}

/** A factor the tenant offers, with its enrollment state when the backend knows it. */
export interface FactorInfo {
  factor: FactorName;
  enabled: boolean;
  /** The enrollment (authentication method) id, when the backend reports one. */
  enrollmentId?: string;
}

export type EnrollRequest =
  | { factor: 'otp' }
  | { factor: 'sms' | 'voice'; phoneNumber: string }
  | { factor: 'email'; email?: string }
  | { factor: 'push' }
  /** My Account only: answers with the WebAuthn creation options. */
  | { factor: 'passkey' }
  /** My Account only: a new recovery code, confirmed with `verify({ type: 'recovery-code', … })` once saved. */
  | { factor: 'recovery-code' }
  /** Ask the backend for a hosted enrollment ticket instead of enrolling inline. */
  | { factor: Exclude<FactorName, 'recovery-code'>; mode: 'ticket' };

export type Enrollment = OtpEnrollment | OobEnrollment | TicketEnrollment | PasskeyEnrollment | RecoveryCodeEnrollment;

/** My Account: show the code once, then confirm. */
export interface RecoveryCodeEnrollment {
  type: 'recovery-code';
  factor: 'recovery-code';
  recoveryCode: string;
}

/** Confirm with `source.verify({ type: 'passkey', credential })` after `navigator.credentials.create()`. */
export interface PasskeyEnrollment {
  type: 'passkey';
  factor: 'passkey';
  publicKey: PublicKeyCredentialCreationOptionsJSON;
}

export interface OtpEnrollment {
  type: 'otp';
  factor: 'otp';
  secret: string;
  /** `otpauth://totp/…`, exactly as the server sent it. */
  barcodeUri: string;
  /** Only on the user's first enrollment; show once. */
  recoveryCodes?: string[];
}

export interface OobEnrollment {
  type: 'oob';
  factor: 'sms' | 'voice' | 'email' | 'push';
  oobCode: string;
  /** `prompt`: the user types the code that was sent (confirm with `bindingCode`); absent for push. */
  bindingMethod?: 'prompt';
  /** Push only: the Guardian enrollment URI to show as a QR code (not a TOTP secret). */
  barcodeUri?: string;
  recoveryCodes?: string[];
  /** Seconds between push polls, when the server says. */
  interval?: number;
  /** Seconds until the `oobCode` expires, when the server says. */
  expiresIn?: number;
}

export interface TicketEnrollment {
  type: 'ticket';
  factor: Exclude<FactorName, 'recovery-code'>;
  /** Hosted enrollment page; always `https:` (or `http:` on a loopback host, for the emulator). */
  ticketUrl: string;
}

export interface ChallengeRequest {
  authenticatorId: string;
  /** Whitespace-separated accepted types (`otp`, `oob`); all when omitted. */
  challengeType?: string;
}

export interface Challenge {
  challengeType: 'otp' | 'oob';
  oobCode?: string;
  bindingMethod?: 'prompt';
  interval?: number;
  expiresIn?: number;
}

export type VerifyRequest =
  | { type: 'otp'; otp: string }
  | { type: 'oob'; oobCode: string; bindingCode?: string }
  | { type: 'recovery-code'; recoveryCode: string }
  /** Confirms a pending passkey enrollment (the source remembers its `auth_session`). */
  | { type: 'passkey'; credential: RegistrationResponseJSON; name?: string };

export interface TokenSet {
  accessToken: string;
  idToken?: string;
  refreshToken?: string;
  expiresIn?: number;
  scope?: string;
  tokenType?: string;
}

export interface VerifyResult {
  /** The new recovery code after one was used; show it to the user once. */
  recoveryCode?: string;
  /** Only in direct mode: a proxy keeps tokens on the server. */
  tokens?: TokenSet;
  /** The method the verification confirmed, when the server returned it: apply it without a re-list. */
  authenticator?: Authenticator;
}

/** What a source can do; a proxy that lacks a route turns that capability off. */
export interface SourceCapabilities {
  list: boolean;
  factors: boolean;
  associate: boolean;
  ticket: boolean;
  challenge: boolean;
  verify: boolean;
  remove: boolean;
  /**
   * `false` when a push cannot be completed through this source (nextjs-auth0's verify route
   * requires a `binding_code`, which a push has none of): elements then do not offer push.
   * Absent means supported.
   */
  push?: boolean;
  /** A new recovery code can be made (`regenerateRecoveryCode`); absent means no. */
  regenerate?: boolean;
  /** `rename` works; absent means no. */
  rename?: boolean;
  /** Passkeys can be enrolled (`{ factor: 'passkey' }`); absent means no. */
  passkey?: boolean;
  /**
   * `false`: do not re-list after a change; apply it from the values the call returned (the My
   * Account API allows a user only a few requests a minute). Absent means re-listing is fine.
   */
  relist?: boolean;
}

export interface CallOptions {
  signal?: AbortSignal;
}

export interface MfaSource {
  listAuthenticators(opts?: CallOptions): Promise<Authenticator[]>;
  /** What the tenant offers, when the backend knows. */
  listFactors?(opts?: CallOptions): Promise<FactorInfo[]>;
  enroll(req: EnrollRequest, opts?: CallOptions): Promise<Enrollment>;
  /** Removes the authenticator and its linked twin. */
  remove(authenticatorId: string, opts?: CallOptions): Promise<void>;
  challenge(req: ChallengeRequest, opts?: CallOptions): Promise<Challenge>;
  /** Throws `MfaError` with code `authorization_pending` / `slow_down` while a push is unanswered. */
  verify(req: VerifyRequest, opts?: CallOptions): Promise<VerifyResult>;
  /** A new recovery code replacing the current one, shown once (proxy mode with the Management API). */
  regenerateRecoveryCode?(opts?: CallOptions): Promise<string>;
  /** Renames a method (My Account `PATCH name`); resolves to the method as the server now has it. */
  rename?(authenticatorId: string, name: string, opts?: CallOptions): Promise<Authenticator>;
  /** Switches a phone between SMS and voice (My Account `PATCH preferred_authentication_method`). */
  setPreferredChannel?(authenticatorId: string, channel: 'sms' | 'voice', opts?: CallOptions): Promise<Authenticator>;
  /** Absent means everything is supported. */
  readonly capabilities?: Readonly<SourceCapabilities>;
  /**
   * Direct mode: false while only an `mfa_token` is held, i.e. before the user has verified; then
   * removing and adding a second method cannot work yet. Absent: the source does not depend on it.
   */
  readonly hasAccessToken?: boolean;
}

/** Tokens for direct mode. Kept in memory only: never attributes, storage, URLs or logs. */
export interface Tokens {
  mfaToken?: string;
  accessToken?: string;
}

/** Called before each request; `forceRefresh` after the server said the token is invalid or expired. */
export type GetToken = (opts: { forceRefresh: boolean }) => Promise<Tokens | undefined>;

export type FetchLike = (input: string, init?: RequestInit) => Promise<Response>;
