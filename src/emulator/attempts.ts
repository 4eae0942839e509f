import { OAuthError } from './http.js';
import { limitExceeded, rateLimitHeaders, type LimitName } from './rate-limit.js';
import type { UserRecord } from './state.js';
import type { World } from './world.js';

/**
 * Failed-code buckets (OTP and binding codes share one, recovery codes have their own). Checked
 * before a code is judged, so an exhausted user gets 429 even with the right code, as on Auth0.
 */
export function checkAttempts(world: World, user: UserRecord, limit: LimitName): void {
  const state = world.limits.peek(`${limit}:${user.id}`, user.settings.limits[limit]);
  if (!state.ok) throw limitExceeded(state, 'too_many_attempts', 'Too many failed attempts. Please wait before trying again.');
}

/** Spends one failure and answers `invalid_grant`, telling the client how many tries are left. */
export function failedAttempt(world: World, user: UserRecord, limit: LimitName, description: string): never {
  const state = world.limits.take(`${limit}:${user.id}`, user.settings.limits[limit]);
  throw new OAuthError(403, 'invalid_grant', description, rateLimitHeaders(state));
}
