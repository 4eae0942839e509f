import type { SeedAuthenticator } from '../config.js';
import { E164, EMAIL } from '../formats.js';
import { escapeHtml, page } from '../html.js';
import type { Call, Route } from '../router.js';
import type { World, EnrollmentTicket } from '../world.js';

/**
 * The hosted enrollment page behind a Guardian ticket's `ticket_url` (what Auth0 serves at
 * `https://{tenant}/guardian/enroll?ticket=…`), reduced to what the popup flow needs: a form that
 * enrolls the ticket's user in the ticket's factor (or one the user picks when the ticket names
 * none), then closes the window. Tickets are single use.
 *
 * `GET /guardian/enroll?ticket=…` → the form; `POST /guardian/enroll` (form: `ticket`, `factor`,
 * `phone_number`, `email`) → enrolls (active, with a recovery code on a first enrollment) and
 * answers a page that calls `window.close()`.
 *
 * WebAuthn keys and Duo are enrolled only here (the MFA API does not cover them). No ceremony runs:
 * the page's button stands in for touching the key, the device's biometrics or approving in Duo
 * Mobile, and the enrollment is made as if that had succeeded. The ticket API takes no `duo`
 * factor (reference §8), so Duo is picked on the page of a ticket that names none.
 */

/** What the page can enroll: a phone is enrolled as sms (its voice twin follows the pairing rules). */
type PageFactor = Exclude<SeedAuthenticator['factor'], 'voice'>;

/** Ticket factor names (Management API) → the emulator's enrollable factors. */
const TICKET_TO_FACTOR: Record<string, PageFactor> = {
  otp: 'otp',
  phone: 'sms',
  'push-notification': 'push',
  email: 'email',
  'webauthn-roaming': 'webauthn-roaming',
  'webauthn-platform': 'webauthn-platform',
};

const CHOICES: ReadonlyArray<[PageFactor, string]> = [
  ['otp', 'Authenticator app'],
  ['sms', 'Phone (text message and voice)'],
  ['email', 'Email'],
  ['push', 'Auth0 Guardian push'],
  ['webauthn-roaming', 'Security key (WebAuthn)'],
  ['webauthn-platform', 'Device biometrics (WebAuthn)'],
  ['duo', 'Duo Security'],
];

/** What the button stands in for, said on the page of a ticket for that factor. */
const DEVICE_STEP: Partial<Record<PageFactor, string>> = {
  'webauthn-roaming': 'Emulated device step: completing the enrollment registers a security key as if it had been touched.',
  'webauthn-platform': 'Emulated device step: completing the enrollment registers this device’s biometrics as if the check had passed.',
  duo: 'Emulated device step: completing the enrollment links Duo Mobile as if it had been approved.',
};

const DEFAULT_PHONE = '+15555550123';

function invalidTicket(): Response {
  return page('Enrollment link not valid', '<p>This enrollment link is not valid, was already used, or has expired.</p>', 404);
}

function findTicket(world: World, id: string | undefined): EnrollmentTicket | undefined {
  if (!id) return undefined;
  const ticket = world.tickets.get(id);
  if (!ticket) return undefined;
  if (ticket.expiresAt <= world.clock.now()) {
    world.tickets.delete(id);
    return undefined;
  }
  return ticket;
}

function enabledChoices(world: World, ticket: EnrollmentTicket): Array<[PageFactor, string]> {
  const fixed = ticket.factor ? TICKET_TO_FACTOR[ticket.factor] : undefined;
  return CHOICES.filter(([factor]) => (fixed ? factor === fixed : true) && world.config.factors.has(factor));
}

function showForm(call: Call, world: World): Response {
  const ticket = findTicket(world, call.url.searchParams.get('ticket') ?? undefined);
  if (!ticket) return invalidTicket();
  const user = world.users.get(ticket.userId);
  if (!user) return invalidTicket();
  call.userId = user.id;
  const choices = enabledChoices(world, ticket);
  if (choices.length === 0) return page('Enrollment not available', '<p>This factor is not enabled on this tenant.</p>', 400);
  const factorField =
    choices.length === 1
      ? `<input type="hidden" name="factor" value="${choices[0]![0]}"><p>Factor: ${escapeHtml(choices[0]![1])}</p>`
      : `<p><label for="factor">Factor</label> <select id="factor" name="factor">${choices
          .map(([value, label]) => `<option value="${value}">${escapeHtml(label)}</option>`)
          .join('')}</select></p>`;
  const deviceStep = choices.length === 1 ? DEVICE_STEP[choices[0]![0]] : undefined;
  const needsPhone = choices.some(([f]) => f === 'sms');
  const needsEmail = choices.some(([f]) => f === 'email');
  const body =
    `<p>Emulated hosted enrollment for ${escapeHtml(user.email)}.</p>` +
    `<form method="post" action="/guardian/enroll">` +
    `<input type="hidden" name="ticket" value="${escapeHtml(ticket.ticketId)}">` +
    factorField +
    (needsPhone
      ? `<p><label for="phone">Phone number</label> <input id="phone" name="phone_number" type="tel" value="${DEFAULT_PHONE}"></p>`
      : '') +
    (needsEmail
      ? `<p><label for="email">Email</label> <input id="email" name="email" type="email" value="${escapeHtml(user.email)}"></p>`
      : '') +
    (deviceStep ? `<p>${escapeHtml(deviceStep)}</p>` : '') +
    `<p><button type="submit">Complete enrollment</button></p></form>`;
  return page('Enroll in multi-factor authentication', body);
}

function complete(call: Call, world: World): Response {
  const form = call.peekParams();
  const ticket = findTicket(world, typeof form.ticket === 'string' ? form.ticket : undefined);
  if (!ticket) return invalidTicket();
  const user = world.users.get(ticket.userId);
  if (!user) return invalidTicket();
  call.userId = user.id;
  const choices = enabledChoices(world, ticket);
  const factor = choices.find(([f]) => f === form.factor)?.[0] ?? (choices.length === 1 ? choices[0]![0] : undefined);
  if (!factor) return page('Enrollment failed', '<p>Choose a factor.</p>', 400);
  let seed: SeedAuthenticator;
  if (factor === 'sms') {
    const phoneNumber = typeof form.phone_number === 'string' ? form.phone_number.trim() : DEFAULT_PHONE;
    if (!E164.test(phoneNumber)) return page('Enrollment failed', '<p>The phone number must be in E.164 format.</p>', 400);
    seed = { factor, phoneNumber };
  } else if (factor === 'email') {
    const email = typeof form.email === 'string' ? form.email.trim() : user.email;
    if (!EMAIL.test(email)) return page('Enrollment failed', '<p>The email address is not valid.</p>', 400);
    seed = { factor, email };
  } else {
    seed = { factor };
  }
  world.users.seed(user, seed);
  world.tickets.delete(ticket.ticketId);
  return new Response(
    `<!DOCTYPE html><html lang="en"><head><meta charset="utf-8"><title>Enrollment complete</title></head>` +
      `<body><main><h1>Enrollment complete</h1><p>You can close this window.</p></main>` +
      `<script>window.close()</script></body></html>`,
    { status: 200, headers: { 'content-type': 'text/html; charset=utf-8', 'cache-control': 'no-store' } },
  );
}

export const ticketPageRoutes: Route[] = [
  { method: 'GET', path: '/guardian/enroll', handle: showForm },
  { method: 'POST', path: '/guardian/enroll', handle: complete },
];
