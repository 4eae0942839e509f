import type { Authenticator, AuthenticatorType, FactorName, OobChannel } from './types.js';

/** Guardian factor names (Management API `GET /guardian/factors`). */
export type GuardianFactorName =
  | 'push-notification' | 'sms' | 'otp' | 'email' | 'recovery-code' | 'webauthn-roaming' | 'webauthn-platform' | 'duo';

/** Factor names accepted by `POST /guardian/enrollments/ticket`. */
export type TicketFactorName = 'push-notification' | 'phone' | 'otp' | 'email' | 'webauthn-roaming' | 'webauthn-platform' | 'duo';

export interface FactorSpec {
  readonly name: FactorName;
  /** Absent: not a Guardian factor (passkeys exist only in the My Account API). */
  readonly guardianFactor?: GuardianFactorName;
  /** Voice is not a Guardian factor of its own: it is the sms factor with message type `voice`. */
  readonly messageType?: 'sms' | 'voice';
  /** Absent: no hosted enrollment exists (recovery codes come with the first enrollment). */
  readonly ticketFactor?: TicketFactorName;
  readonly authenticatorType: AuthenticatorType;
  readonly oobChannel?: OobChannel;
  /** The part of Auth0's authenticator id before `|`. */
  readonly idPrefix: string;
  /** Can be enrolled with `POST /mfa/associate` (everything but recovery codes). */
  readonly inlineEnroll: boolean;
  readonly removable: boolean;
  /** Enrolled and removed together with this one (push creates a TOTP; a phone is sms + voice). */
  readonly twin?: FactorName;
}

export const FACTORS: Readonly<Record<FactorName, FactorSpec>> = {
  otp: {
    name: 'otp', guardianFactor: 'otp', ticketFactor: 'otp',
    authenticatorType: 'otp', idPrefix: 'totp', inlineEnroll: true, removable: true, twin: 'push',
  },
  sms: {
    name: 'sms', guardianFactor: 'sms', messageType: 'sms', ticketFactor: 'phone',
    authenticatorType: 'oob', oobChannel: 'sms', idPrefix: 'sms', inlineEnroll: true, removable: true, twin: 'voice',
  },
  voice: {
    name: 'voice', guardianFactor: 'sms', messageType: 'voice', ticketFactor: 'phone',
    authenticatorType: 'oob', oobChannel: 'voice', idPrefix: 'voice', inlineEnroll: true, removable: true, twin: 'sms',
  },
  email: {
    name: 'email', guardianFactor: 'email', ticketFactor: 'email',
    authenticatorType: 'oob', oobChannel: 'email', idPrefix: 'email', inlineEnroll: true, removable: true,
  },
  push: {
    name: 'push', guardianFactor: 'push-notification', ticketFactor: 'push-notification',
    authenticatorType: 'oob', oobChannel: 'auth0', idPrefix: 'push', inlineEnroll: true, removable: true, twin: 'otp',
  },
  'recovery-code': {
    name: 'recovery-code', guardianFactor: 'recovery-code',
    authenticatorType: 'recovery-code', idPrefix: 'recovery-code', inlineEnroll: false, removable: false,
  },
  // Enrolled through My Account only (inline there; `inlineEnroll` speaks of the MFA API).
  passkey: {
    name: 'passkey', authenticatorType: 'passkey', idPrefix: 'passkey', inlineEnroll: false, removable: true,
  },
  // Listed and enrolled through the hosted ticket only; read-only in My Account (list, rename, remove).
  'webauthn-roaming': {
    name: 'webauthn-roaming', guardianFactor: 'webauthn-roaming', ticketFactor: 'webauthn-roaming',
    authenticatorType: 'webauthn-roaming', idPrefix: 'webauthn-roaming', inlineEnroll: false, removable: true,
  },
  'webauthn-platform': {
    name: 'webauthn-platform', guardianFactor: 'webauthn-platform', ticketFactor: 'webauthn-platform',
    authenticatorType: 'webauthn-platform', idPrefix: 'webauthn-platform', inlineEnroll: false, removable: true,
  },
  duo: {
    name: 'duo', guardianFactor: 'duo', ticketFactor: 'duo',
    authenticatorType: 'duo', idPrefix: 'duo', inlineEnroll: false, removable: true,
  },
};

/**
 * Display order of the MFA-API factors, most recommended first. The WebAuthn, passkey and Duo
 * factors are not in it: each source that has them offers them (`listFactors`).
 */
export const FACTOR_NAMES: readonly FactorName[] = ['push', 'otp', 'sms', 'voice', 'email', 'recovery-code'];

export function isFactorName(value: unknown): value is FactorName {
  return typeof value === 'string' && Object.hasOwn(FACTORS, value);
}

/** The library's factors behind a Guardian factor name (`sms` covers both phone message types). */
export function factorsOfGuardian(name: string): FactorName[] {
  return FACTOR_NAMES.filter((factor) => FACTORS[factor].guardianFactor === name);
}

/** An authenticator as the wire gives it, before the derived fields are filled in. */
export type ListedAuthenticator = Omit<Authenticator, 'factor' | 'linkedIds' | 'removable'>;

type Identified = Pick<Authenticator, 'id' | 'authenticatorType' | 'oobChannel'>;

/**
 * The factor of an authenticator: the type decides, then the OOB channel, then the id prefix (for
 * servers that omit the channel). WebAuthn and Duo, which the MFA API does not list, are typed by
 * their factor name (createMfaProxy lists them so). Undefined for anything else.
 */
export function factorOf(authenticator: Identified): FactorName | undefined {
  const { authenticatorType, oobChannel } = authenticator;
  if (authenticatorType === 'otp') return 'otp';
  if (authenticatorType === 'recovery-code') return 'recovery-code';
  if (authenticatorType !== 'oob') return isFactorName(authenticatorType) ? authenticatorType : undefined;
  const oob = FACTOR_NAMES.filter((factor) => FACTORS[factor].authenticatorType === 'oob');
  if (oobChannel) return oob.find((factor) => FACTORS[factor].oobChannel === oobChannel);
  const prefix = idPrefix(authenticator.id);
  return oob.find((factor) => FACTORS[factor].idPrefix === prefix);
}

/**
 * The `challenge_type` an authenticator id implies (`totp|…` → `otp`, an OOB prefix → `oob`), for
 * servers that require one (nextjs-auth0 answers 400 without it); undefined for an unknown prefix.
 */
export function challengeTypeOf(id: string): 'otp' | 'oob' | undefined {
  const prefix = idPrefix(id);
  const factor = FACTOR_NAMES.find((name) => FACTORS[name].idPrefix === prefix);
  if (!factor || factor === 'recovery-code') return undefined;
  return FACTORS[factor].authenticatorType === 'otp' ? 'otp' : 'oob';
}

export function idPrefix(id: string): string {
  const bar = id.indexOf('|');
  return bar < 0 ? '' : id.slice(0, bar);
}

function idSuffix(id: string): string {
  const bar = id.indexOf('|');
  return bar < 0 ? '' : id.slice(bar + 1);
}

/**
 * Fills in `factor`, `linkedIds` and `removable`. Authenticators of factors this library does not
 * know are dropped, so that a tenant with WebAuthn enrolled still lists the rest.
 *
 * Auth0's MFA API has no link field, so twins (push ⇄ its TOTP, sms ⇄ voice) are paired by, in order:
 * 1. the same id after `|` (what the emulator does: `push|dev_X` ⇄ `totp|dev_X`);
 * 2. the same `name` (Auth0 lists a phone's sms and voice entries under the same masked number),
 *    in list order, only between authenticators in the same `active` state;
 * 3. list adjacency (the twin is enrolled in the same request, so it is listed next to its primary;
 *    the next entry is preferred over the previous), again same `active` state, never across two
 *    different names.
 * Each authenticator gets at most one twin.
 */
export function deriveAuthenticators(listed: readonly ListedAuthenticator[]): Authenticator[] {
  const known = listed.flatMap((item) => {
    const factor = factorOf(item);
    return factor ? [{ ...item, factor, linkedIds: [] as string[], removable: FACTORS[factor].removable }] : [];
  });
  const linked = new Set<number>();
  const link = (i: number, j: number): void => {
    known[i]!.linkedIds.push(known[j]!.id);
    known[j]!.linkedIds.push(known[i]!.id);
    linked.add(i).add(j);
  };
  const primaries = (['push', 'sms'] as const).map((factor) => [factor, FACTORS[factor].twin!] as const);
  const isFree = (index: number, factor: FactorName): boolean => known[index]?.factor === factor && !linked.has(index);
  // Rules 1 and 2 pair equal keys: one pass to bucket the free twins by key (list order), one over
  // the primaries, so the cost stays linear in the list (it grew with its square, issue 15).
  const byKey = (key: (a: Authenticator) => string | undefined): void => {
    for (const [primary, twin] of primaries) {
      const buckets = new Map<string, { at: number; indices: number[] }>();
      known.forEach((item, index) => {
        const k = isFree(index, twin) ? key(item) : undefined;
        if (k !== undefined) (buckets.get(k) ?? buckets.set(k, { at: 0, indices: [] }).get(k)!).indices.push(index);
      });
      known.forEach((item, i) => {
        const k = isFree(i, primary) ? key(item) : undefined;
        const bucket = k === undefined ? undefined : buckets.get(k);
        if (!bucket) return;
        // The next entry first, then the first free one in list order.
        if (isFree(i + 1, twin) && key(known[i + 1]!) === k) return link(i, i + 1);
        while (bucket.at < bucket.indices.length && linked.has(bucket.indices[bucket.at]!)) bucket.at++;
        if (bucket.at < bucket.indices.length) link(i, bucket.indices[bucket.at]!);
      });
    }
  };
  byKey((a) => idSuffix(a.id) || undefined);
  byKey((a) => (a.name === undefined ? undefined : `${a.active}|${a.name}`));
  // Rule 3: only the neighbours can match; the next one first.
  for (const [primary, twin] of primaries) {
    known.forEach((a, i) => {
      if (!isFree(i, primary)) return;
      const j = [i + 1, i - 1].find((c) => {
        const b = known[c];
        return isFree(c, twin) && b!.active === a.active && (a.name === undefined || b!.name === undefined || a.name === b!.name);
      });
      if (j !== undefined) link(i, j);
    });
  }
  return known;
}

/**
 * The one-time-code twin Guardian push enrolls with it (paired by `deriveAuthenticators`): the same
 * app on the same device, so lists show it as part of push rather than as a second, unnamed app.
 */
export function isPushTwin(authenticator: Authenticator, all: readonly Authenticator[]): boolean {
  return (
    authenticator.factor === 'otp' &&
    authenticator.linkedIds.some((id) => all.some((other) => other.id === id && other.factor === 'push' && other.active))
  );
}

/**
 * The active authenticators of each factor, in list order, in one pass: what a list of factor rows
 * shows. With `pushHidesTwins`, a TOTP authenticator that is push's twin is left out of `otp`
 * (it shows with push).
 */
export function activeByFactor(list: readonly Authenticator[], pushHidesTwins: boolean): Map<FactorName, Authenticator[]> {
  const pushIds = new Set(list.flatMap((a) => (a.factor === 'push' && a.active ? [a.id] : [])));
  const rows = new Map<FactorName, Authenticator[]>();
  for (const a of list) {
    if (!a.active || (pushHidesTwins && a.factor === 'otp' && a.linkedIds.some((id) => pushIds.has(id)))) continue;
    (rows.get(a.factor) ?? rows.set(a.factor, []).get(a.factor)!).push(a);
  }
  return rows;
}
