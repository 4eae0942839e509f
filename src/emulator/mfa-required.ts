import { json } from './http.js';
import type { AuthenticatorKind, UserRecord } from './state.js';
import type { World } from './world.js';

/** `mfa_requirements` type names (reference §8 mapping table); also the `type` of listed authenticators. */
export const REQUIREMENT: Record<AuthenticatorKind, string> = {
  totp: 'otp',
  sms: 'phone',
  voice: 'phone',
  email: 'email',
  push: 'push-notification',
  'recovery-code': 'recovery-code',
};

export function mfaRequirements(world: World, user: UserRecord): Record<string, { type: string }[]> {
  const unique = (types: string[]) => [...new Set(types)].map((type) => ({ type }));
  if (world.users.isEnrolled(user)) {
    const active = world.users.visible(user).filter((a) => a.active);
    return { challenge: unique(active.map((a) => REQUIREMENT[a.kind])) };
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
