/**
 * Shared set-up for the `<mfa-provider>` / `<mfa-enrollment>` browser tests: a fresh emulator user,
 * a provider in direct mode (`MfaApiSource`, cross-origin to the emulator) or proxy mode
 * (`ProxySource`, same-origin through the test runner), and small shadow-DOM queries.
 */
import { fixture, html, waitUntil } from '@open-wc/testing';
import '../../src/define/mfa-enrollment.js';
import '../../src/define/mfa-provider.js';
import type { MfaEnrollment } from '../../src/define/mfa-enrollment.js';
import type { MfaProvider } from '../../src/define/mfa-provider.js';
import { CLIENT_ID, emulator, type TestUser, type UserSettings } from '../helpers/emulator.js';
import { env } from '../helpers/env.js';

export type Mode = 'direct' | 'proxy';

export interface Setup {
  user: TestUser;
  provider: MfaProvider;
  el: MfaEnrollment;
  accessToken: string;
  mfaToken: string;
}

/** The proxy mounted same-origin by scripts/wtr/extra-servers.js, when issue 3 has landed. */
export function proxyUrl(): string | undefined {
  return env.proxyUrl || env.proxyPath || undefined;
}

export const MODES: Mode[] = proxyUrl() ? ['direct', 'proxy'] : ['direct'];

/** A provider for a fresh user in the given mode, with one `<mfa-enrollment>` inside, loaded. */
export async function setup(
  options: { mode?: Mode; factors?: string; settings?: UserSettings; user?: TestUser; wait?: boolean } = {},
): Promise<Setup> {
  const mode = options.mode ?? 'direct';
  const user = options.user ?? (await emulator.createUser({ settings: options.settings }));
  const { accessToken, mfaToken } = await emulator.tokens(user.id);
  const provider = await fixture<MfaProvider>(
    mode === 'direct'
      ? html`<mfa-provider domain=${env.emulatorUrl} client-id=${CLIENT_ID} .accessToken=${accessToken}>
          <mfa-enrollment factors=${options.factors ?? 'push otp sms voice email'}></mfa-enrollment>
        </mfa-provider>`
      : html`<mfa-provider proxy-url=${proxyUrl()!} .mfaToken=${accessToken}>
          <mfa-enrollment factors=${options.factors ?? 'push otp sms voice email'}></mfa-enrollment>
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

/** GET /mfa/authenticators (direct) or GET {proxy}/authenticators (proxy) requests in the emulator log. */
export async function listRequests(userId: string): Promise<number> {
  const log = await emulator.requests(userId);
  return log.filter((r) => r.method === 'GET' && r.path === '/mfa/authenticators').length;
}
