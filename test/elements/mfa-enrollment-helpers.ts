/**
 * Shared set-up for the `<mfa-provider>` / `<mfa-enrollment>` browser tests: a fresh emulator user,
 * a provider in direct mode (`MfaApiSource`, cross-origin to the emulator) or proxy mode
 * (`ProxySource`, same-origin through the test runner), and small shadow-DOM queries.
 */
import { fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { MfaApiSource } from '../../src/core/api-source.js';
import { FACTORS } from '../../src/core/factors.js';
import type { CallOptions, EnrollRequest, Enrollment } from '../../src/core/types.js';
import '../../src/define/mfa-enrollment.js';
import '../../src/define/mfa-provider.js';
import type { MfaEnrollment } from '../../src/define/mfa-enrollment.js';
import type { MfaProvider } from '../../src/define/mfa-provider.js';
import { CLIENT_ID, emulator, type SeedRequest, type TestUser, type UserSettings } from '../helpers/emulator.js';
import { env } from '../helpers/env.js';

export type Mode = 'direct' | 'proxy';

export interface Setup {
  user: TestUser;
  provider: MfaProvider;
  el: MfaEnrollment;
  accessToken: string;
  mfaToken: string;
}

/** The proxy mounted same-origin by scripts/wtr/extra-servers.js (createMfaProxy, every route). */
export function proxyUrl(): string | undefined {
  return env.proxyUrl || undefined;
}

export const MODES: Mode[] = proxyUrl() && env.loginUrl ? ['direct', 'proxy'] : ['direct'];

/**
 * A fresh user. Direct mode: created through the emulator's control routes, its tokens minted.
 * Proxy mode: created by the test app's login, its tokens kept in the server-side session behind
 * an HttpOnly cookie (the page never sees them).
 */
export async function freshUser(
  mode: Mode,
  options: { settings?: UserSettings; seed?: SeedRequest[]; tokens?: 'mfa' | 'access' | 'both' } = {},
): Promise<{ user: TestUser; accessToken: string; mfaToken: string }> {
  if (mode === 'proxy') {
    const response = await fetch(env.loginUrl!, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ tokens: options.tokens ?? 'access', settings: options.settings, seed: options.seed ?? [] }),
    });
    if (!response.ok) throw new Error(`test login failed: ${response.status}`);
    const body = (await response.json()) as { userId: string; email: string };
    return { user: { id: body.userId, email: body.email, password: '' }, accessToken: '', mfaToken: '' };
  }
  const user = await emulator.createUser({ settings: options.settings });
  for (const seed of options.seed ?? []) await emulator.seed(user.id, seed);
  return { user, ...(await emulator.tokens(user.id)) };
}

/** A provider for a fresh user in the given mode, with one `<mfa-enrollment>` inside, loaded. */
export async function setup(
  options: { mode?: Mode; factors?: string; settings?: UserSettings; seed?: SeedRequest[]; wait?: boolean } = {},
): Promise<Setup> {
  const mode = options.mode ?? 'direct';
  const { user, accessToken, mfaToken } = await freshUser(mode, options);
  const factors = options.factors ?? 'push otp sms voice email';
  const provider = await fixture<MfaProvider>(
    mode === 'direct'
      ? html`<mfa-provider domain=${env.emulatorUrl} client-id=${CLIENT_ID} .accessToken=${accessToken}>
          <mfa-enrollment factors=${factors}></mfa-enrollment>
        </mfa-provider>`
      : html`<mfa-provider proxy-url=${proxyUrl()!}>
          <mfa-enrollment factors=${factors}></mfa-enrollment>
        </mfa-provider>`,
  );
  const el = provider.querySelector('mfa-enrollment')!;
  if (options.wait !== false) await loaded(el);
  return { user, provider, el, accessToken, mfaToken };
}

/** Until the list is on screen and no load is running. */
export async function loaded(el: MfaEnrollment): Promise<void> {
  await waitUntil(() => el.shadowRoot?.querySelector('[part~="list"][aria-busy="false"], [part~="empty"]'), 'list not loaded', {
    timeout: 10_000,
  });
  await el.updateComplete;
}

export function $<T extends Element = HTMLElement>(el: Element, selector: string): T | null {
  return el.shadowRoot!.querySelector<T>(selector);
}

export function $$<T extends Element = HTMLElement>(el: Element, selector: string): T[] {
  return [...el.shadowRoot!.querySelectorAll<T>(selector)];
}

export function row(el: Element, factor: string): HTMLElement {
  const found = $(el, `[part~="factor"][data-factor="${factor}"]`);
  if (!found) throw new Error(`no row for ${factor}`);
  return found;
}

export function enrolledNames(el: Element, factor: string): string[] {
  return [...row(el, factor).querySelectorAll('[part~="authenticator-name"]')].map((n) => n.textContent!.trim());
}

export function isEnrolled(el: Element, factor: string): boolean {
  return row(el, factor).querySelector('[part~="badge"]') !== null;
}

export function button(el: Element, part: string, within?: Element): HTMLButtonElement {
  const found = (within ?? el.shadowRoot!).querySelector<HTMLButtonElement>(`[part~="${part}"]`);
  if (!found) throw new Error(`no ${part}`);
  return found;
}

export function liveText(el: Element): string {
  return $(el, '[role="status"]')!.textContent!.trim();
}

/** Until `predicate` holds, re-rendering in between. */
export async function until(el: MfaEnrollment, predicate: () => unknown, message: string, timeout = 10_000): Promise<void> {
  await waitUntil(() => predicate(), message, { timeout, interval: 20 });
  await el.updateComplete;
}

/** The code input's real `<input>` inside `<mfa-code-input>`. */
export function codeField(el: Element): HTMLInputElement {
  const host = $(el, 'mfa-code-input');
  if (!host) throw new Error('no code input');
  return host.shadowRoot!.querySelector('input')!;
}

/** Types into a field the way a user would (value, then an input event). */
export function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

/**
 * How many times the user's list was fetched upstream, from the emulator's request log: the MFA
 * API list (direct mode, and the proxy's `/authenticators`) plus the Management API's
 * authentication-methods (the proxy's factor list).
 */
export async function listRequests(userId: string): Promise<{ mfa: number; management: number }> {
  const log = await emulator.requests(userId);
  return {
    mfa: log.filter((r) => r.method === 'GET' && r.path === '/mfa/authenticators').length,
    management: log.filter((r) => r.method === 'GET' && /^\/api\/v2\/users\/[^/]+\/authentication-methods$/.test(r.path)).length,
  };
}

/**
 * Direct mode for listing and removal, but enrollment only through hosted tickets, created the
 * way a server would (Management API, client_credentials): how a backend without `associate`
 * looks to the element. Records the ticket URLs it handed out.
 */
export class TicketOnlySource extends MfaApiSource {
  override readonly capabilities = Object.freeze({
    list: true,
    factors: false,
    associate: false,
    ticket: true,
    challenge: true,
    verify: true,
    remove: true,
  });
  readonly tickets: string[] = [];
  /** Replaces the URL the server hands back (for the scheme check). */
  ticketUrlOverride?: string;

  constructor(
    readonly userId: string,
    accessToken: string,
  ) {
    super({ domain: env.emulatorUrl, clientId: CLIENT_ID, accessToken });
  }

  override async enroll(req: EnrollRequest, opts?: CallOptions): Promise<Enrollment> {
    if (!('mode' in req)) throw new Error('this source only enrolls through tickets');
    const token = await fetch(`${env.emulatorUrl}/oauth/token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({
        grant_type: 'client_credentials',
        client_id: 'demo-m2m',
        client_secret: 'demo-m2m-secret',
        audience: `${env.emulatorUrl}/api/v2/`,
      }),
      signal: opts?.signal,
    }).then((r) => r.json() as Promise<{ access_token: string }>);
    const factor = FACTORS[req.factor].ticketFactor!;
    const ticket = await fetch(`${env.emulatorUrl}/api/v2/guardian/enrollments/ticket`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${token.access_token}` },
      body: JSON.stringify({ user_id: this.userId, factor }),
      signal: opts?.signal,
    }).then((r) => r.json() as Promise<{ ticket_url: string }>);
    this.tickets.push(ticket.ticket_url);
    return { type: 'ticket', factor: req.factor, ticketUrl: this.ticketUrlOverride ?? ticket.ticket_url };
  }
}

/** What the hosted page's form does when the user submits it. */
export async function completeTicket(ticketUrl: string, form: Record<string, string> = {}): Promise<void> {
  const ticket = new URL(ticketUrl).searchParams.get('ticket')!;
  const response = await fetch(`${env.emulatorUrl}/guardian/enroll`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams({ ticket, ...form }),
  });
  if (!response.ok) throw new Error(`ticket page answered ${response.status}`);
}

/** A provider whose source is `TicketOnlySource`, with one `<mfa-enrollment>` inside. */
export async function setupTicketOnly(factors = 'push otp sms email'): Promise<Setup & { source: TicketOnlySource }> {
  const user = await emulator.createUser();
  const { accessToken, mfaToken } = await emulator.tokens(user.id);
  const source = new TicketOnlySource(user.id, accessToken);
  const provider = await fixture<MfaProvider>(html`<mfa-provider .source=${source}>
    <mfa-enrollment factors=${factors}></mfa-enrollment>
  </mfa-provider>`);
  const el = provider.querySelector('mfa-enrollment')!;
  await loaded(el);
  return { user, provider, el, accessToken, mfaToken, source };
}

/** Ticks "I have saved them" in the recovery-code panel and presses Continue. */
export async function acknowledgeRecovery(el: MfaEnrollment): Promise<void> {
  const codes = $(el, '[part~="recovery-codes"] mfa-recovery-codes');
  if (!codes) throw new Error('no recovery codes shown');
  const box = codes.shadowRoot!.querySelector<HTMLInputElement>('[part~="checkbox"]')!;
  box.click();
  await (codes as HTMLElement & { updateComplete: Promise<unknown> }).updateComplete;
  codes.shadowRoot!.querySelector<HTMLButtonElement>('[part~="continue-button"]')!.click();
  await until(el, () => !$(el, '[part~="recovery-codes"]'), 'recovery panel closed');
}

/** The `<mfa-otp-enroll>` inside the open OTP flow. */
export function otpEnroll(el: Element): HTMLElement & { step: string; updateComplete: Promise<unknown> } {
  const child = $(el, 'mfa-otp-enroll');
  if (!child) throw new Error('no <mfa-otp-enroll>');
  return child as HTMLElement & { step: string; updateComplete: Promise<unknown> };
}
