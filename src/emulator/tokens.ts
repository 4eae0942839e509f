import { opaqueToken } from './random.js';

/**
 * `mfa`: the token from `mfa_required`. `access`: what a completed login returns (the MFA audience
 * or any other). `management`: a client_credentials token for `/api/v2/`.
 */
export type TokenKind = 'mfa' | 'access' | 'management';

export interface TokenRecord {
  kind: TokenKind;
  clientId: string;
  /** Absent for management tokens, which belong to a client, not a user. */
  userId?: string;
  audience: string;
  scope: string;
  expiresAt: number;
}

export type TokenLookup = { record: TokenRecord; expired: boolean } | undefined;

export const MFA_SCOPES = 'enroll read:authenticators remove:authenticators';

export const MANAGEMENT_SCOPES =
  'read:guardian_factors read:authentication_methods delete:authentication_methods create:guardian_enrollment_tickets update:users';

/**
 * The host part is not compared: a page that logged in against `127.0.0.1` and then calls
 * `localhost` (or the reverse) would otherwise meet a baffling `invalid_token`.
 */
function hasPath(audience: string, path: string): boolean {
  try {
    return new URL(audience).pathname === path;
  } catch {
    return false;
  }
}

export const isMfaAudience = (audience: string): boolean => hasPath(audience, '/mfa/');
export const isManagementAudience = (audience: string): boolean => hasPath(audience, '/api/v2/');

export function hasScope(record: TokenRecord, scope: string): boolean {
  return record.scope.split(' ').includes(scope);
}

/**
 * Strings mapped to records held in memory: opaque ones, and the signed access tokens, whose claims
 * are for clients to read while the record stays what the emulator trusts.
 */
export class TokenStore {
  readonly #tokens = new Map<string, TokenRecord>();

  constructor(private readonly now: () => number) {}

  issue(record: Omit<TokenRecord, 'expiresAt'>, ttlSeconds: number): string {
    return this.register(opaqueToken(), record, ttlSeconds);
  }

  /** A token minted elsewhere (a signed JWT): its record still decides, not its claims. */
  register(token: string, record: Omit<TokenRecord, 'expiresAt'>, ttlSeconds: number): string {
    this.#tokens.set(token, { ...record, expiresAt: this.now() + ttlSeconds * 1000 });
    return token;
  }

  lookup(token: string | undefined): TokenLookup {
    const record = token === undefined ? undefined : this.#tokens.get(token);
    return record && { record, expired: record.expiresAt <= this.now() };
  }
}
