import { opaqueToken } from './random.js';

/** What `/authorize` was asked, kept until the login form is posted. */
export interface LoginTransaction {
  clientId: string;
  redirectUri: string;
  state?: string;
  nonce?: string;
  scope: string;
  audience?: string;
  codeChallenge?: string;
  expiresAt: number;
}

export interface AuthorizationCode {
  clientId: string;
  userId: string;
  redirectUri: string;
  nonce?: string;
  scope: string;
  audience?: string;
  codeChallenge?: string;
  authTime: number;
  expiresAt: number;
}

export interface RefreshRecord {
  clientId: string;
  userId: string;
  audience: string;
  scope: string;
  /** Every token rotated from one login shares it, so a reused one revokes them all. */
  family: string;
  used: boolean;
}

/** Auth0's limits: a login page lives ten minutes, a code one. */
const TRANSACTION_TTL_MS = 10 * 60_000;
const CODE_TTL_MS = 60_000;

/** A page reloaded forever must not grow the emulator without end: the oldest entries go first. */
const MAX_ENTRIES = 10_000;

function bounded<K, V>(map: Map<K, V>, key: K, value: V): void {
  map.set(key, value);
  for (const oldest of map.keys()) {
    if (map.size <= MAX_ENTRIES) break;
    map.delete(oldest);
  }
}

/** Logins in progress, codes and refresh tokens: all single use, all in memory. */
export class LoginStore {
  readonly #transactions = new Map<string, LoginTransaction>();
  readonly #codes = new Map<string, AuthorizationCode>();
  readonly #refresh = new Map<string, RefreshRecord>();

  constructor(private readonly now: () => number) {}

  begin(transaction: Omit<LoginTransaction, 'expiresAt'>): string {
    const id = opaqueToken(18);
    bounded(this.#transactions, id, { ...transaction, expiresAt: this.now() + TRANSACTION_TTL_MS });
    return id;
  }

  /** Peeks: a wrong password leaves the transaction for the next try. */
  transaction(id: string): LoginTransaction | undefined {
    const found = this.#transactions.get(id);
    if (found && found.expiresAt <= this.now()) this.#transactions.delete(id);
    return found && found.expiresAt > this.now() ? found : undefined;
  }

  complete(id: string, userId: string): { code: string; transaction: LoginTransaction } | undefined {
    const transaction = this.transaction(id);
    if (!transaction) return undefined;
    this.#transactions.delete(id);
    const code = opaqueToken();
    const { expiresAt: _, state: __, ...rest } = transaction;
    bounded(this.#codes, code, { ...rest, userId, authTime: this.now(), expiresAt: this.now() + CODE_TTL_MS });
    return { code, transaction };
  }

  /** Single use: a second exchange of one code finds nothing. */
  redeem(code: string): AuthorizationCode | undefined {
    const found = this.#codes.get(code);
    this.#codes.delete(code);
    return found && found.expiresAt > this.now() ? found : undefined;
  }

  issueRefresh(record: Omit<RefreshRecord, 'used' | 'family'> & { family?: string }): string {
    const token = opaqueToken();
    bounded(this.#refresh, token, { ...record, family: record.family ?? opaqueToken(12), used: false });
    return token;
  }

  refresh(token: string): RefreshRecord | undefined {
    return this.#refresh.get(token);
  }

  /** Rotation: the presented token is spent; presenting it again is treated as theft. */
  spend(record: RefreshRecord): void {
    record.used = true;
  }

  revokeFamily(family: string): void {
    for (const [token, record] of this.#refresh) if (record.family === family) this.#refresh.delete(token);
  }
}
