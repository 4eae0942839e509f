import { json } from './http.js';
import type { MfaKind, UserRecord } from './state.js';
import type { World } from './world.js';

/** `mfa_requirements` type names (reference §8 mapping table); also the `type` of listed authenticators. */
export const REQUIREMENT: Record<MfaKind, string> = {
  totp: 'otp',
  sms: 'phone',
  voice: 'phone',
  email: 'email',
  push: 'push-notification',
  'recovery-code': 'recovery-code',
};

/**
 * `challenge` names each enrolled factor as Auth0's docs show it (`otp`, `phone`,
 * `push-notification`, …) and adds `oob` when an OOB factor is enrolled: nextjs-auth0 checks the
 * `challenge_type` of `/mfa/challenge` against this list (its own fixtures send `oob`), so without
 * it every SMS, voice, email and push challenge there fails with `mfa_no_available_factors`.
 */
export function mfaRequirements(world: World, user: UserRecord): Record<string, { type: string }[]> {
  const unique = (types: string[]) => [...new Set(types)].map((type) => ({ type }));
  if (world.users.isEnrolled(user)) {
    const active = world.users.visible(user).filter((a) => a.active);
    const oob = active.some((a) => a.kind !== 'totp' && a.kind !== 'recovery-code') ? ['oob'] : [];
    return { challenge: unique([...active.map((a) => REQUIREMENT[a.kind]), ...oob]) };
  }
  const offered = (['otp', 'sms', 'voice', 'push', 'email'] as const).filter((f) => world.config.factors.has(f));
  return { enroll: unique(offered.map((f) => REQUIREMENT[f === 'otp' ? 'totp' : f])) };
}

/** The 403 of a grant the tenant's policy stops for MFA, with a fresh `mfa_token` for that login. */
export function mfaRequired(
  world: World,
  user: UserRecord,
  login: { clientId: string; audience: string; scope: string },
): Response {
  const mfaToken = world.tokens.issue({ kind: 'mfa', userId: user.id, ...login }, user.settings.mfaTokenTtl);
  return json(
    {
      error: 'mfa_required',
      error_description: 'Multifactor authentication required',
      mfa_token: mfaToken,
      mfa_requirements: mfaRequirements(world, user),
    },
    403,
  );
}
