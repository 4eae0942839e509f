import {
  DEMO_PASSWORD,
  HOSTED_FACTORS,
  type HostedFactor,
  mergeSettings,
  type EmulatorConfig,
  type SeedAuthenticator,
  type SeedUser,
  type UserSettings,
} from './config.js';
import { deviceId, recoveryCode, userId as newUserId } from './random.js';
import { newTotpSecret } from './totp.js';

/** The MFA API id prefix of each kind of authenticator the MFA API lists. */
export type MfaKind = 'totp' | 'sms' | 'voice' | 'email' | 'push' | 'recovery-code';

/** Also the WebAuthn and Duo enrollments of the hosted page, which only the Management API lists. */
export type AuthenticatorKind = MfaKind | HostedFactor;

export function isMfaKind(kind: AuthenticatorKind): kind is MfaKind {
  return !(HOSTED_FACTORS as readonly string[]).includes(kind);
}

export type EnrollableFactor = SeedAuthenticator['factor'];

export interface AuthenticatorRecord<Kind extends AuthenticatorKind = AuthenticatorKind> {
  id: string;
  kind: Kind;
  active: boolean;
  createdAt: number;
  enrolledAt?: number;
  lastAuthAt?: number;
  /** Shared by authenticators that are enrolled and removed together (push ⇄ totp, sms ⇄ voice). */
  groupId: string;
  /** The member the user asked for; its twin was added by the pairing rules. */
  primary: boolean;
  secret?: string;
  /** TOTP only: the time step of the last code accepted, which (or any earlier one) is refused from then on. */
  lastTotpStep?: number;
  phoneNumber?: string;
  email?: string;
  deviceName?: string;
  /** Set through My Account's PATCH; the MFA API keeps showing its own name. */
  name?: string;
  /** Recovery codes only. */
  code?: string;
  /** A verified email listed without enrollment: challengeable, never removable. */
  implicit?: boolean;
}

export interface UserRecord {
  id: string;
  email: string;
  password: string;
  emailVerified: boolean;
  settings: UserSettings;
  authenticators: AuthenticatorRecord[];
  /** Stable id of the implicit email authenticator, so that lists agree between calls. */
  implicitEmailId: string;
}

export interface EnrollDetails {
  secret?: string;
  phoneNumber?: string;
  email?: string;
  deviceName?: string;
}

/** The `name` the Management API lists for a hosted enrollment the page did not name. */
const HOSTED_NAMES: Record<HostedFactor, string> = {
  'webauthn-roaming': 'Emulated security key',
  'webauthn-platform': 'Emulated device biometrics',
  duo: 'Emulated Duo Mobile',
};

/** Auth0 drops unconfirmed authenticators after a day. */
const PENDING_LIFETIME_MS = 24 * 60 * 60 * 1000;

export class UserStore {
  readonly #users = new Map<string, UserRecord>();

  constructor(
    private readonly config: EmulatorConfig,
    private readonly now: () => number,
  ) {}

  create(seed: Partial<SeedUser> & { email: string }): UserRecord {
    const user: UserRecord = {
      id: seed.id ?? newUserId(),
      email: seed.email,
      password: seed.password ?? DEMO_PASSWORD,
      emailVerified: seed.emailVerified ?? false,
      settings: mergeSettings(this.config.settings, seed.settings),
      authenticators: [],
      implicitEmailId: `email|${deviceId()}`,
    };
    this.#users.set(user.id, user);
    for (const authenticator of seed.authenticators ?? []) this.seed(user, authenticator, seed.recoveryCode);
    return user;
  }

  get(id: string): UserRecord | undefined {
    return this.#users.get(id);
  }

  findByEmail(email: string): UserRecord | undefined {
    const wanted = email.toLowerCase();
    return [...this.#users.values()].find((u) => u.email.toLowerCase() === wanted);
  }

  list(): UserRecord[] {
    return [...this.#users.values()];
  }

  /**
   * What the MFA API lists: enrolled and pending authenticators (pending ones for a day), the
   * recovery code once it is active, and a verified email when the email factor is on. Not the
   * hosted page's WebAuthn and Duo enrollments, which that API does not cover (see `listed`).
   */
  visible(user: UserRecord): AuthenticatorRecord<MfaKind>[] {
    return this.listed(user).filter((a): a is AuthenticatorRecord<MfaKind> => isMfaKind(a.kind));
  }

  /** `visible` and the WebAuthn and Duo enrollments: what the Management API lists. */
  listed(user: UserRecord): AuthenticatorRecord[] {
    const cutoff = this.now() - PENDING_LIFETIME_MS;
    user.authenticators = user.authenticators.filter((a) => a.active || a.createdAt > cutoff);
    const listed = user.authenticators.filter((a) => a.kind !== 'recovery-code' || a.active);
    const hasEmail = listed.some((a) => a.kind === 'email' && a.email === user.email);
    if (user.emailVerified && this.config.factors.has('email') && !hasEmail) {
      listed.push({
        id: user.implicitEmailId,
        kind: 'email',
        active: true,
        createdAt: 0,
        groupId: user.implicitEmailId,
        primary: true,
        email: user.email,
        implicit: true,
      });
    }
    return listed;
  }

  find(user: UserRecord, id: string): AuthenticatorRecord<MfaKind> | undefined {
    return this.visible(user).find((a) => a.id === id);
  }

  /** An `mfa_token` may enroll only while this is false ("User is already enrolled"). */
  isEnrolled(user: UserRecord): boolean {
    return user.authenticators.some((a) => a.active && a.kind !== 'recovery-code');
  }

  /** The one recovery-code record, active or handed out and waiting. */
  activeRecoveryCodeOrPending(user: UserRecord): AuthenticatorRecord | undefined {
    return user.authenticators.find((a) => a.kind === 'recovery-code');
  }

  activeRecoveryCode(user: UserRecord): AuthenticatorRecord | undefined {
    return user.authenticators.find((a) => a.kind === 'recovery-code' && a.active);
  }

  /**
   * The pairing rules, in one place: push brings a linked TOTP (the Guardian app also generates
   * codes), and a phone is enrolled for both message types when the tenant offers both.
   */
  kindsFor(factor: EnrollableFactor): AuthenticatorKind[] {
    switch (factor) {
      case 'otp':
        return ['totp'];
      case 'push':
        return ['push', 'totp'];
      case 'email':
        return ['email'];
      case 'sms':
      case 'voice': {
        const twin = factor === 'sms' ? 'voice' : 'sms';
        return this.config.factors.has(twin) ? [factor, twin] : [factor];
      }
      default:
        return [factor];
    }
  }

  /** Adds the unconfirmed authenticator(s) for one enrollment; the first is the one asked for. */
  addPending(user: UserRecord, factor: EnrollableFactor, details: EnrollDetails = {}): AuthenticatorRecord[] {
    const groupId = deviceId();
    const createdAt = this.now();
    const group = this.kindsFor(factor).map((kind, index): AuthenticatorRecord => {
      const record: AuthenticatorRecord = { id: `${kind}|${deviceId()}`, kind, active: false, createdAt, groupId, primary: index === 0 };
      if (kind === 'totp') record.secret = (factor === 'otp' ? details.secret : undefined) ?? newTotpSecret();
      if (kind === 'sms' || kind === 'voice') record.phoneNumber = details.phoneNumber;
      if (kind === 'email') record.email = details.email ?? user.email;
      if (kind === 'push') record.deviceName = details.deviceName ?? 'Emulated device';
      if (!isMfaKind(kind)) record.deviceName = details.deviceName ?? HOSTED_NAMES[kind];
      return record;
    });
    user.authenticators.push(...group);
    return group;
  }

  /**
   * The recovery code handed out with a first enrollment, or undefined when the user already has an
   * active one (or the factor is off). A new pending code replaces an unconfirmed earlier one.
   */
  pendingRecoveryCode(user: UserRecord, fixed?: string): string | undefined {
    if (!this.config.factors.has('recovery-code') || this.activeRecoveryCode(user)) return undefined;
    user.authenticators = user.authenticators.filter((a) => a.kind !== 'recovery-code');
    const code = fixed ?? recoveryCode();
    user.authenticators.push({
      id: `recovery-code|${deviceId()}`,
      kind: 'recovery-code',
      active: false,
      createdAt: this.now(),
      groupId: 'recovery-code',
      primary: true,
      code,
    });
    return code;
  }

  /** Confirms an enrollment: its whole group, and the recovery code given out with it. */
  confirm(user: UserRecord, authenticatorId: string): void {
    const target = user.authenticators.find((a) => a.id === authenticatorId);
    if (!target) return;
    const now = this.now();
    for (const a of user.authenticators) {
      if (a.groupId === target.groupId || a.kind === 'recovery-code') {
        if (!a.active) a.enrolledAt = now;
        a.active = true;
      }
    }
  }

  touch(authenticator: AuthenticatorRecord): void {
    authenticator.lastAuthAt = this.now();
  }

  /** A new code replaces the used one, as Auth0 does on every recovery-code login. */
  rotateRecoveryCode(user: UserRecord): string {
    const current = this.activeRecoveryCode(user);
    const code = recoveryCode();
    if (current) {
      current.code = code;
      current.lastAuthAt = this.now();
    }
    return code;
  }

  /**
   * Removes an authenticator with its twin. When nothing but the recovery code is left it goes too,
   * so the user is back to "not enrolled" and the next enrollment hands out a fresh code.
   */
  remove(user: UserRecord, authenticatorId: string): AuthenticatorRecord[] {
    const target = user.authenticators.find((a) => a.id === authenticatorId);
    if (!target) return [];
    const removed = user.authenticators.filter((a) => a.groupId === target.groupId);
    user.authenticators = user.authenticators.filter((a) => a.groupId !== target.groupId);
    if (!user.authenticators.some((a) => a.kind !== 'recovery-code')) {
      removed.push(...user.authenticators);
      user.authenticators = [];
    }
    return removed;
  }

  /** An active enrollment without the confirmation dance (demo users, control route). */
  seed(user: UserRecord, seed: SeedAuthenticator, fixedRecoveryCode?: string): AuthenticatorRecord[] {
    const group = this.addPending(user, seed.factor, seed);
    // "No recovery codes are created for DUO" (reference §2.3).
    if (seed.factor !== 'duo') this.pendingRecoveryCode(user, fixedRecoveryCode);
    this.confirm(user, group[0]!.id);
    return group;
  }
}
