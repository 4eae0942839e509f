import { HttpError, STATUS_TEXT, bearerToken, json } from './http.js';
import { limitExceeded, rateLimitHeaders, TOO_MANY_REQUESTS } from './rate-limit.js';
import type { Call } from './router.js';
import type { AuthenticatorRecord, UserRecord } from './state.js';
import { hasScope } from './tokens.js';
import type { World } from './world.js';

/**
 * My Account API (`/me/v1`) plumbing: problem-details errors, the `/me/` bearer, the per-user rate
 * limits and the pending `auth_session`s. The routes live in routes/my-account.ts.
 */

export const ME_SCOPES = [
  'read:me:authentication_methods',
  'create:me:authentication_methods',
  'update:me:authentication_methods',
  'delete:me:authentication_methods',
  'read:me:factors',
] as const;


/** `{type, status, title, detail}`, reference §5; the `type` URIs follow the ones seen in Auth0's SDK fixtures. */
export class ProblemError extends HttpError {
  override readonly name = 'ProblemError';
  toResponse(): Response {
    const body = {
      type: `https://auth0.com/api-errors/A0E-${this.status}-${this.code}`,
      status: this.status,
      title: STATUS_TEXT[this.status] ?? 'Error',
      detail: this.message,
    };
    const response = json(body, this.status, this.headers);
    response.headers.set('content-type', 'application/problem+json');
    return response;
  }
}

export const problem = (status: number, detail: string, headers: HeadersInit = {}): ProblemError =>
  new ProblemError(status, status === 403 ? '0002' : '0001', detail, headers);

/** Errors thrown by shared helpers (send limits, attempt counters) keep status and headers, change shape. */
export function asProblem(error: unknown): unknown {
  if (error instanceof ProblemError || !(error instanceof HttpError)) return error;
  return problem(error.status, error.message, error.headers);
}

const isMeAudience = (audience: string): boolean => {
  try {
    return new URL(audience).pathname === '/me/';
  } catch {
    return false;
  }
};

/** The bearer: an access token for `https://{domain}/me/` with `scope`. */
export function meSession(world: World, call: Call, scope: string): UserRecord {
  const token = bearerToken(call.request);
  if (!token) throw problem(401, 'Missing bearer token.');
  const found = world.tokens.lookup(token);
  const user = found?.record.userId === undefined ? undefined : world.users.get(found.record.userId);
  if (!found || !user || found.record.kind !== 'access') throw new ProblemError(401, '0003', 'Invalid token.');
  call.userId = user.id;
  if (found.expired) throw new ProblemError(401, '0003', 'The token has expired.');
  if (!isMeAudience(found.record.audience)) throw new ProblemError(401, '0003', 'The token audience is not the My Account API.');
  if (!hasScope(found.record, scope)) throw problem(403, `Insufficient scope, expected: ${scope}.`);
  return user;
}

/** Per user and minute, reference §6. Undefined (the default) means unlimited. */
export interface MeLimits {
  reads?: number;
  writes?: number;
}

/** Spends one read or write; the headers go on the success response too, as Auth0's do. */
export function meLimit(world: World, user: UserRecord, kind: 'reads' | 'writes'): Record<string, string> {
  const perMinute = world.meLimits[kind];
  if (perMinute === undefined) return {};
  const state = world.limits.take(`me-${kind}:${user.id}`, { burst: perMinute, refill: perMinute, periodSeconds: 60 });
  if (!state.ok) throw asProblem(limitExceeded(state, 'too_many_requests', TOO_MANY_REQUESTS));
  return rateLimitHeaders(state);
}

/** Auth0 does not document it; five minutes is what its Universal Login allows an enrollment step. */
export const AUTH_SESSION_TTL_MS = 5 * 60 * 1000;

export interface AuthSession {
  authSession: string;
  userId: string;
  /** The primary record of the pending group. */
  authenticatorId: string;
  oobCode?: string;
  /** Passkeys: the challenge handed out (base64url) and the RP ID it was for. */
  passkey?: { challenge: string; rpId: string };
  expiresAt: number;
}

/**
 * Drops the user's expired sessions and, with them, the enrollments never verified, so they neither
 * list nor turn confirmed later through the MFA API.
 */
export function sweepSessions(world: World, user: UserRecord): void {
  const now = world.clock.now();
  for (const [key, session] of world.meSessions) {
    if (session.userId !== user.id || session.expiresAt > now) continue;
    world.meSessions.delete(key);
    if (session.passkey) continue;
    const pending = user.authenticators.find((a) => a.id === session.authenticatorId);
    if (pending && !pending.active) world.users.remove(user, pending.id);
  }
}

export type MeType = 'totp' | 'phone' | 'email' | 'push-notification' | 'recovery-code' | 'webauthn-roaming' | 'webauthn-platform';

/** Undefined for Duo, of which the My Account reference says nothing: it is not listed there. */
export function meType(a: AuthenticatorRecord): MeType | undefined {
  switch (a.kind) {
    case 'totp':
      return 'totp';
    case 'sms':
    case 'voice':
      return 'phone';
    case 'email':
      return 'email';
    case 'push':
      return 'push-notification';
    case 'recovery-code':
      return 'recovery-code';
    case 'webauthn-roaming':
    case 'webauthn-platform':
      return a.kind;
  }
  return undefined;
}

/**
 * The MFA API's id with the My Account type (`totp|dev_x` stays, `push|dev_x` → `push-notification|dev_x`).
 * A phone is one method over the `sms|`/`voice|` twins, so its id is the group's, stable when PATCH
 * switches which twin is preferred.
 */
export function meId(a: AuthenticatorRecord): string {
  const type = meType(a);
  return type === 'phone' ? `phone|${a.groupId}` : `${type}|${a.id.slice(a.id.indexOf('|') + 1)}`;
}
