import { HttpError, ManagementError, bearerToken, json, noContent, type Params } from '../http.js';
import type { Call, Route } from '../router.js';
import type { AuthenticatorRecord, UserRecord } from '../state.js';
import { hasScope, isManagementAudience } from '../tokens.js';
import { authenticatorName, isoTime } from '../views.js';
import type { World } from '../world.js';
import { ticketId } from '../random.js';

/** The Management API subset a server proxy needs (reference §8), behind a client_credentials token. */

function authorize(world: World, call: Call, scope: string): void {
  const token = bearerToken(call.request);
  if (!token) throw new ManagementError(401, 'invalid_token', 'Missing authentication');
  const found = world.tokens.lookup(token);
  if (!found || found.record.kind !== 'management' || !isManagementAudience(found.record.audience)) {
    throw new ManagementError(401, 'invalid_token', 'Invalid token');
  }
  if (found.expired) throw new ManagementError(401, 'invalid_token', 'Expired token received for JSON Web Token validation');
  if (!hasScope(found.record, scope)) {
    throw new ManagementError(403, 'insufficient_scope', `Insufficient scope, expected any of: ${scope}`);
  }
}

function params(call: Call): Params {
  try {
    return call.params();
  } catch (error) {
    if (error instanceof HttpError) throw new ManagementError(400, 'invalid_body', `Payload validation error: ${error.message}`);
    throw error;
  }
}

function userOf(world: World, call: Call, id: string): UserRecord {
  const user = world.users.get(id);
  if (!user) throw new ManagementError(404, 'inexistent_user', 'The user does not exist.');
  call.userId = user.id;
  return user;
}

const GUARDIAN_FACTORS = [
  'push-notification',
  'sms',
  'email',
  'duo',
  'otp',
  'webauthn-roaming',
  'webauthn-platform',
  'recovery-code',
] as const;

function guardianFactors(call: Call, world: World): Response {
  authorize(world, call, 'read:guardian_factors');
  const on = world.config.factors;
  const enabled: Record<(typeof GUARDIAN_FACTORS)[number], boolean> = {
    'push-notification': on.has('push'),
    // Voice is a message type of the phone factor, which Guardian calls `sms`.
    sms: on.has('sms') || on.has('voice'),
    email: on.has('email'),
    duo: on.has('duo'),
    otp: on.has('otp'),
    'webauthn-roaming': on.has('webauthn-roaming'),
    'webauthn-platform': on.has('webauthn-platform'),
    'recovery-code': on.has('recovery-code'),
  };
  return json(GUARDIAN_FACTORS.map((name) => ({ name, enabled: enabled[name], trial_expired: false })));
}

/** Which phone message types the tenant sends: Auth0 keeps voice here, not in the factor list. */
function phoneMessageTypes(call: Call, world: World): Response {
  authorize(world, call, 'read:guardian_factors');
  const on = world.config.factors;
  return json({ message_types: (['sms', 'voice'] as const).filter((type) => on.has(type)) });
}

const suffix = (id: string) => id.slice(id.indexOf('|') + 1);

function times(group: AuthenticatorRecord[]): Record<string, unknown> {
  const first = group[0]!;
  const lastAuth = Math.max(...group.map((a) => a.lastAuthAt ?? -1));
  return {
    confirmed: first.active,
    created_at: isoTime(first.createdAt),
    ...(first.enrolledAt !== undefined && { enrolled_at: isoTime(first.enrolledAt) }),
    ...(lastAuth >= 0 && { last_auth_at: isoTime(lastAuth) }),
  };
}

/**
 * One method per enrollment, as the Management API reports them: a phone is one `phone` method with
 * its sms/voice sub-list; push and its TOTP are two methods pointing at each other through `link_id`.
 */
function authenticationMethods(world: World, user: UserRecord): Record<string, unknown>[] {
  const groups = new Map<string, AuthenticatorRecord[]>();
  for (const a of world.users.listed(user)) {
    if (a.implicit || (a.kind === 'recovery-code' && !a.active)) continue;
    groups.set(a.groupId, [...(groups.get(a.groupId) ?? []), a]);
  }
  const methods: Record<string, unknown>[] = [];
  for (const group of groups.values()) {
    const primary = group.find((a) => a.primary) ?? group[0]!;
    const subList = group.map((a) => ({ id: a.id, type: a.kind }));
    switch (primary.kind) {
      case 'sms':
      case 'voice':
        methods.push({
          id: `phone|${suffix(primary.id)}`,
          type: 'phone',
          name: authenticatorName(primary),
          phone_number: primary.phoneNumber,
          preferred_authentication_method: primary.kind,
          authentication_methods: subList,
          ...times(group),
        });
        break;
      case 'push': {
        const totp = group.find((a) => a.kind === 'totp');
        methods.push({ id: primary.id, type: 'push', name: primary.deviceName, authentication_methods: subList, ...(totp && { link_id: totp.id }), ...times(group) });
        if (totp) methods.push({ id: totp.id, type: 'totp', link_id: primary.id, ...times(group) });
        break;
      }
      case 'email':
        methods.push({ id: primary.id, type: 'email', name: primary.email, email: primary.email, ...times(group) });
        break;
      case 'webauthn-roaming':
      case 'webauthn-platform':
      case 'duo':
        // The type is the factor's name for WebAuthn (reference §8); for Duo the reference names
        // no type, and the factor's name is used the same way.
        methods.push({ id: primary.id, type: primary.kind, name: primary.name ?? primary.deviceName, ...times(group) });
        break;
      default:
        methods.push({ id: primary.id, type: primary.kind, ...times(group) });
    }
  }
  return methods;
}

function nonNegativeInt(url: URL, name: string): number | undefined {
  const raw = url.searchParams.get(name);
  if (raw === null) return undefined;
  if (!/^\d+$/.test(raw)) throw new ManagementError(400, 'invalid_query_string', `Query validation error: '${name}' must be a non-negative integer.`);
  return Number(raw);
}

function listMethods(call: Call, world: World, path: Record<string, string>): Response {
  authorize(world, call, 'read:authentication_methods');
  const user = userOf(world, call, path.id!);
  const all = authenticationMethods(world, user);
  const perPage = nonNegativeInt(call.url, 'per_page') ?? 50;
  const page = nonNegativeInt(call.url, 'page') ?? 0;
  const paged = call.url.searchParams.has('page') || call.url.searchParams.has('per_page');
  const start = page * perPage;
  const items = paged ? all.slice(start, start + perPage) : all;
  if (call.url.searchParams.get('include_totals') === 'true') {
    return json({ start: paged ? start : 0, limit: paged ? perPage : all.length, total: all.length, authenticators: items });
  }
  return json(items);
}

function deleteMethod(call: Call, world: World, path: Record<string, string>): Response {
  authorize(world, call, 'delete:authentication_methods');
  const user = userOf(world, call, path.id!);
  const wanted = path.methodId!;
  // A phone method's id names the pair; any member's own id works as well.
  const target = user.authenticators.find(
    (a) => a.id === wanted || (wanted.startsWith('phone|') && (a.kind === 'sms' || a.kind === 'voice') && suffix(a.id) === suffix(wanted)),
  );
  if (!target) throw new ManagementError(404, 'inexistent_authentication_method', 'The authentication method does not exist.');
  world.users.remove(user, target.id);
  return noContent();
}

const TICKET_FACTORS = ['push-notification', 'phone', 'email', 'otp', 'webauthn-roaming', 'webauthn-platform'];
const TICKET_TTL_MS = 5 * 24 * 60 * 60 * 1000;

function createTicket(call: Call, world: World): Response {
  authorize(world, call, 'create:guardian_enrollment_tickets');
  const body = params(call);
  const invalid = (message: string) => new ManagementError(400, 'invalid_body', `Payload validation error: ${message}`);
  if (typeof body.user_id !== 'string' || body.user_id === '') throw invalid("'Missing required property: user_id'.");
  const factor = body.factor;
  if (factor !== undefined && (typeof factor !== 'string' || !TICKET_FACTORS.includes(factor))) {
    throw invalid(`'factor' must be one of ${TICKET_FACTORS.join(', ')}.`);
  }
  const user = userOf(world, call, body.user_id);
  const id = ticketId();
  world.tickets.set(id, { ticketId: id, userId: user.id, factor, expiresAt: world.clock.now() + TICKET_TTL_MS });
  return json({ ticket_id: id, ticket_url: `${call.origin}/guardian/enroll?ticket=${encodeURIComponent(id)}` });
}

/**
 * `POST /api/v2/users/{id}/recovery-code-regeneration`: a new recovery code replaces the user's
 * current one, which stops working; answered `{recovery_code}` once. A user without an active
 * recovery code has nothing to regenerate (404 here; Auth0's answer for that case is undocumented).
 */
function regenerateRecoveryCode(call: Call, world: World, path: Record<string, string>): Response {
  authorize(world, call, 'update:users');
  const user = userOf(world, call, path.id!);
  if (!world.users.activeRecoveryCode(user)) {
    throw new ManagementError(404, 'inexistent_authentication_method', 'The user has no recovery code.');
  }
  return json({ recovery_code: world.users.rotateRecoveryCode(user) });
}

export const managementRoutes: Route[] = [
  { method: 'GET', path: '/api/v2/guardian/factors', handle: guardianFactors },
  { method: 'GET', path: '/api/v2/guardian/factors/phone/message-types', handle: phoneMessageTypes },
  { method: 'GET', path: '/api/v2/users/:id/authentication-methods', handle: listMethods },
  { method: 'DELETE', path: '/api/v2/users/:id/authentication-methods/:methodId', handle: deleteMethod },
  { method: 'POST', path: '/api/v2/guardian/enrollments/ticket', handle: createTicket },
  { method: 'POST', path: '/api/v2/users/:id/recovery-code-regeneration', handle: regenerateRecoveryCode },
];
