import { authenticatorName } from './views.js';
import { limitExceeded, TOO_MANY_REQUESTS, type LimitName } from './rate-limit.js';
import type { OobChannel, OobTransaction } from './oob.js';
import type { AuthenticatorRecord, UserRecord } from './state.js';
import type { World } from './world.js';

const SEND_LIMIT: Record<OobChannel, LimitName> = {
  sms: 'phoneSends',
  voice: 'phoneSends',
  email: 'emailSends',
  auth0: 'pushSends',
};

/**
 * Starts an out-of-band exchange for an enrollment or a challenge: a code to the outbox, or a push
 * waiting for the device. Counted against the user's send limit first, as Auth0 does.
 */
export function startOob(world: World, user: UserRecord, authenticator: AuthenticatorRecord, kind: 'enroll' | 'challenge'): OobTransaction {
  const channel: OobChannel = authenticator.kind === 'push' ? 'auth0' : (authenticator.kind as OobChannel);
  const limitName = SEND_LIMIT[channel];
  const limit = world.limits.take(`${limitName}:${user.id}`, user.settings.limits[limitName]);
  if (!limit.ok) throw limitExceeded(limit, 'too_many_requests', TOO_MANY_REQUESTS);

  const now = world.clock.now();
  const push = channel === 'auth0';
  const ttl = push ? user.settings.pushTtl : user.settings.oobTtl;
  const bindingCode = push ? undefined : world.outbox.send(user.id, channel, (authenticator.phoneNumber ?? authenticator.email)!);
  if (push) world.config.log(`[push] ${kind} for ${user.email} on "${authenticatorName(authenticator)}" is waiting (GET /__emulator/push)`);
  return world.oob.create({
    userId: user.id,
    kind,
    channel,
    authenticatorId: authenticator.id,
    bindingCode,
    createdAt: now,
    expiresAt: now + ttl * 1000,
    interval: user.settings.pushInterval,
  });
}

/** Push answers carry the pace and lifetime the client should keep to (spec-optional fields). */
export function pushTiming(transaction: OobTransaction, now: number): { interval: number; expires_in: number } {
  return { interval: transaction.interval, expires_in: Math.max(0, Math.round((transaction.expiresAt - now) / 1000)) };
}
