import { DEFAULT_LIMITS, type LimitName, type LimitSpec } from './rate-limit.js';
import { DEFAULT_TOTP, type TotpSettings } from './totp.js';
import { createSigningKey, type SigningKey } from './keys.js';

/**
 * Factors a tenant can switch on; `voice` is Auth0's second phone message type, not its own factor.
 * The WebAuthn and Duo factors are enrolled only through the hosted ticket page (the MFA API does
 * not cover them, reference §8).
 */
export type EmulatorFactor = 'otp' | 'sms' | 'voice' | 'email' | 'push' | 'recovery-code' | HostedFactor;

/** Enrolled on the hosted page only; listed by the Management API, never by the MFA API. */
export type HostedFactor = 'webauthn-roaming' | 'webauthn-platform' | 'duo';

export const HOSTED_FACTORS: readonly HostedFactor[] = ['webauthn-roaming', 'webauthn-platform', 'duo'];

/** The default: the MFA-API factors. The hosted-only ones are off, as on a new Auth0 tenant; turn them on with `factors`. */
export const ALL_FACTORS: readonly EmulatorFactor[] = ['otp', 'sms', 'voice', 'email', 'push', 'recovery-code'];

/** Per-user times (seconds) and limits; every field has a default. */
export interface UserSettings {
  mfaTokenTtl: number;
  /** SMS, voice and email `oob_code`s. */
  oobTtl: number;
  /** Push challenges and push enrollments. */
  pushTtl: number;
  accessTokenTtl: number;
  /** Seconds a client must leave between two polls of one push `oob_code`. */
  pushInterval: number;
  totp: TotpSettings;
  limits: Record<LimitName, LimitSpec>;
}

export interface UserSettingsInput {
  mfaTokenTtl?: number;
  oobTtl?: number;
  pushTtl?: number;
  accessTokenTtl?: number;
  pushInterval?: number;
  totp?: Partial<TotpSettings>;
  limits?: Partial<Record<LimitName, Partial<LimitSpec>>>;
}

export type ClientGrant = 'password' | 'mfa' | 'client_credentials' | 'authorization_code' | 'refresh_token';

/**
 * When the `refresh_token` grant answers `mfa_required`: `'mfa-audience'` (default) when the refresh
 * asks for the MFA API's audience, as a step-up policy for self-service MFA would; `'always'`; `'never'`.
 */
export type RefreshMfaPolicy = 'never' | 'always' | 'mfa-audience';

export interface ClientConfig {
  clientId: string;
  /** Absent for public clients (SPAs), which must then never send one. */
  clientSecret?: string;
  name?: string;
  grants: ClientGrant[];
  /** Allowed `redirect_uri`s for `/authorize`; when absent, any http(s) URL on a loopback host. */
  callbacks?: string[];
}

export type SeedAuthenticator =
  | { factor: 'otp'; secret?: string }
  | { factor: 'sms' | 'voice'; phoneNumber: string }
  | { factor: 'email'; email?: string }
  | { factor: 'push'; deviceName?: string }
  | { factor: HostedFactor; deviceName?: string };

export interface SeedUser {
  id?: string;
  email: string;
  password?: string;
  emailVerified?: boolean;
  settings?: UserSettingsInput;
  authenticators?: SeedAuthenticator[];
  /** Fixes the recovery code created with the first authenticator. */
  recoveryCode?: string;
}

export interface EmulatorOptions {
  /**
   * The `iss` of tokens and discovery, with a trailing slash (`https://tenant.example/`); by default
   * the origin the client reached (`http://127.0.0.1:4000/`). Set it when a TLS proxy fronts the emulator.
   */
  issuer?: string;
  refreshMfa?: RefreshMfaPolicy;
  /** Shown as issuer in `otpauth://` URIs. */
  tenant?: string;
  /** Replaces the demo users. */
  users?: SeedUser[];
  /** Replaces the demo clients. */
  clients?: ClientConfig[];
  /** Factors enabled on the tenant (all by default). */
  factors?: EmulatorFactor[];
  /** `'*'` (default) answers CORS for any origin; a list narrows it. */
  corsOrigins?: '*' | string[];
  /** Defaults for every user; per-user settings override them. */
  settings?: UserSettingsInput;
  /** Human-readable events (codes sent, pushes waiting). Silent by default; never given tokens. */
  log?: (line: string) => void;
  /** Milliseconds since the epoch; `Date.now` by default. */
  now?: () => number;
  /** Passkeys (My Account). Default RP ID: the calling page's host; default origins: any http(s) origin on that host. */
  webauthn?: WebAuthnOptions;
  /**
   * The token-signing key; a new RSA key by default. Tests that start many emulators pass one
   * made once (`createSigningKey()`), as making a 2048-bit key costs a tenth of a second or more.
   */
  signingKey?: SigningKey;
}

export interface WebAuthnOptions {
  rpId?: string;
  origins?: string[];
  rpName?: string;
}

export interface EmulatorConfig {
  tenant: string;
  issuer?: string;
  refreshMfa: RefreshMfaPolicy;
  signingKey: SigningKey;
  users: SeedUser[];
  clients: ClientConfig[];
  factors: ReadonlySet<EmulatorFactor>;
  corsOrigins: '*' | string[];
  settings: UserSettings;
  log: (line: string) => void;
  webauthn: WebAuthnOptions;
}

export const DEMO_PASSWORD = 'demo';

export const DEMO_USERS: readonly SeedUser[] = [
  { email: 'demo@example.com', password: DEMO_PASSWORD },
  {
    email: 'enrolled@example.com',
    password: DEMO_PASSWORD,
    recoveryCode: 'DEMORECOVERYCODE00000000',
    authenticators: [
      { factor: 'otp', secret: 'JBSWY3DPEHPK3PXP' },
      { factor: 'sms', phoneNumber: '+15555550100' },
    ],
  },
];

export const DEMO_CLIENTS: readonly ClientConfig[] = [
  { clientId: 'demo-spa', name: 'Demo SPA (public)', grants: ['password', 'mfa', 'authorization_code', 'refresh_token'] },
  {
    clientId: 'demo-web',
    clientSecret: 'demo-web-secret',
    name: 'Demo web app',
    grants: ['password', 'mfa', 'authorization_code', 'refresh_token'],
  },
  { clientId: 'demo-m2m', clientSecret: 'demo-m2m-secret', name: 'Management API client', grants: ['client_credentials'] },
];

export const DEFAULT_SETTINGS: Readonly<UserSettings> = {
  mfaTokenTtl: 600,
  oobTtl: 300,
  pushTtl: 300,
  accessTokenTtl: 600,
  pushInterval: 5,
  totp: DEFAULT_TOTP,
  limits: DEFAULT_LIMITS,
};

export function mergeSettings(base: UserSettings, input: UserSettingsInput = {}): UserSettings {
  const limits = { ...base.limits };
  for (const [name, spec] of Object.entries(input.limits ?? {}) as [LimitName, Partial<LimitSpec>][]) {
    limits[name] = { ...limits[name], ...spec };
  }
  return {
    mfaTokenTtl: input.mfaTokenTtl ?? base.mfaTokenTtl,
    oobTtl: input.oobTtl ?? base.oobTtl,
    pushTtl: input.pushTtl ?? base.pushTtl,
    accessTokenTtl: input.accessTokenTtl ?? base.accessTokenTtl,
    pushInterval: input.pushInterval ?? base.pushInterval,
    totp: { ...base.totp, ...input.totp },
    limits,
  };
}

export function resolveConfig(options: EmulatorOptions = {}): EmulatorConfig {
  return {
    tenant: options.tenant ?? 'mfa-emulator',
    ...(options.issuer !== undefined && { issuer: withTrailingSlash(options.issuer) }),
    refreshMfa: options.refreshMfa ?? 'mfa-audience',
    signingKey: options.signingKey ?? createSigningKey(),
    users: options.users ?? [...DEMO_USERS],
    clients: options.clients ?? [...DEMO_CLIENTS],
    factors: new Set(options.factors ?? ALL_FACTORS),
    corsOrigins: options.corsOrigins ?? '*',
    settings: mergeSettings(DEFAULT_SETTINGS, options.settings),
    log: options.log ?? (() => {}),
    webauthn: options.webauthn ?? {},
  };
}

function withTrailingSlash(issuer: string): string {
  const url = new URL(issuer);
  if (url.protocol !== 'https:' && url.protocol !== 'http:') throw new TypeError(`issuer must be an http(s) URL: ${issuer}`);
  return url.href.endsWith('/') ? url.href : `${url.href}/`;
}
