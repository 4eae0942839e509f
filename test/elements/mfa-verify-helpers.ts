/** Shared by the `<mfa-verify>` browser tests: a seeded emulator user, the element, its parts. */
import { fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import { MfaApiSource } from '../../src/core/api-source.js';
import { maskedName } from '../../src/core/mask.js';
import type { MfaSource } from '../../src/core/types.js';
import '../../src/define/mfa-verify.js';
import type { MfaVerify } from '../../src/define/mfa-verify.js';
import type { MfaCodeInput } from '../../src/elements/mfa-code-input/mfa-code-input.js';
import { CLIENT_ID, emulator, type SeedRequest, type SeedResult, type TestUser, type UserSettings } from '../helpers/emulator.js';
import { env } from '../helpers/env.js';

export interface Seeded {
  user: TestUser;
  source: MfaApiSource;
  seeds: SeedResult[];
  /** The user's recovery code (made by the first seed). */
  recoveryCode?: string;
  /** The TOTP secret of an `otp` seed. */
  secret?: string;
  /** Authenticator id of the first listed authenticator of `factor`. */
  idOf(factor: 'otp' | 'sms' | 'voice' | 'email' | 'push'): string;
  /** The name as shown (masked). */
  nameOf(factor: 'sms' | 'voice' | 'email' | 'push'): string;
}

const CHANNEL = { sms: 'sms', voice: 'voice', email: 'email', push: 'auth0' } as const;

/** A fresh user with these authenticators, logged in (password grant → `mfa_token`). */
export async function seeded(requests: SeedRequest[], settings?: UserSettings): Promise<Seeded> {
  const user = await emulator.createUser({ settings });
  const seeds: SeedResult[] = [];
  for (const request of requests) seeds.push(await emulator.seed(user.id, request));
  const mfaToken = await emulator.login(user);
  const source = new MfaApiSource({ domain: env.emulatorUrl, clientId: CLIENT_ID, mfaToken });
  const all = seeds.flatMap((s) => s.authenticators);
  const find = (factor: string) =>
    all.find((a) => (factor === 'otp' ? a.authenticator_type === 'otp' : a.oob_channel === CHANNEL[factor as keyof typeof CHANNEL]));
  return {
    user,
    source,
    seeds,
    recoveryCode: seeds.find((s) => s.recovery_code)?.recovery_code,
    secret: seeds.find((s) => s.secret)?.secret,
    idOf: (factor) => find(factor)!.id,
    // As the element shows it: one masking rule for phone numbers and emails (src/core/mask.ts).
    nameOf: (factor) => maskedName({ factor, name: find(factor)!.name! })!,
  };
}

export async function mount(
  source: MfaSource,
  attrs: { authenticatorId?: string; method?: string; resendAfter?: number; lang?: string } = {},
): Promise<MfaVerify> {
  const el = await fixture<MfaVerify>(html`<mfa-verify
    .source=${source}
    authenticator-id=${attrs.authenticatorId ?? ''}
    method=${attrs.method ?? ''}
    resend-after=${attrs.resendAfter ?? 30}
  ></mfa-verify>`);
  return el;
}

export function $<T extends Element = HTMLElement>(el: Element, selector: string): T | null {
  return el.shadowRoot!.querySelector<T>(selector);
}

export function part<T extends Element = HTMLElement>(el: Element, name: string): T | null {
  return $<T>(el, `[part~="${name}"]`);
}

export function parts(el: Element, name: string): HTMLElement[] {
  return [...el.shadowRoot!.querySelectorAll<HTMLElement>(`[part~="${name}"]`)];
}

export function text(node: Element | null): string {
  return (node?.textContent ?? '').replace(/\s+/g, ' ').trim();
}

export function codeInput(el: Element): MfaCodeInput {
  return $<MfaCodeInput>(el, 'mfa-code-input')!;
}

export function innerInput(el: Element): HTMLInputElement {
  return codeInput(el).shadowRoot!.querySelector('input')!;
}

/** Waits for a part to be rendered (and the element to settle), then returns it. */
export async function waitForPart<T extends HTMLElement = HTMLElement>(el: Element, name: string, timeout = 10_000): Promise<T> {
  await waitUntil(() => part(el, name), `part ${name} never appeared`, { timeout, interval: 20 });
  return part<T>(el, name)!;
}

/** What autofill or a paste does: the whole code lands in the input at once. */
export async function enterCode(el: MfaVerify, code: string): Promise<void> {
  const field = codeInput(el);
  await field.updateComplete;
  const input = innerInput(el);
  input.value = code;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
}

/** Everything the live region has said, in order (observed from now on). */
export function recordAnnouncements(el: Element): string[] {
  const said: string[] = [];
  const region = () => $(el, '[role="status"]');
  let last = '';
  const observer = new MutationObserver(() => {
    const now = text(region());
    if (now && now !== last) said.push(now);
    last = now;
  });
  observer.observe(el.shadowRoot!, { subtree: true, childList: true, characterData: true });
  return said;
}

/**
 * A window in which a stopped poller would have polled again, marked by an event we can await rather
 * than a sleep: a second user's <mfa-verify> polling push at `interval` seconds has polled `count`
 * times. Tests of "no request after X" read the first user's request log before and after it.
 */
export async function pollWindow(count = 2, interval = 1): Promise<void> {
  const other = await seeded([{ factor: 'push' }], { pushInterval: interval });
  const el = await mount(other.source, { method: 'push' });
  await emulator.waitForRequests(other.user.id, (log) => log.filter((r) => r.path === '/oauth/token').length >= count, `the reference poller's ${count} polls`);
  el.remove();
}

/**
 * Types `text` one key at a time: WebKitGTK's WebDriver drops a key that repeats the one before
 * it within one `sendKeys({type})` ("000000" arrives as "0").
 */
export async function typeKeys(text: string): Promise<void> {
  for (const key of text) await sendKeys({ type: key });
}

/** Counts the challenges `source` is asked for, and tells when one has been answered (still real HTTP). */
export function watchChallenges(source: MfaSource): { readonly asked: number; readonly answered: boolean } {
  const seen = { asked: 0, answered: false };
  const { challenge } = source;
  source.challenge = (...args) => {
    seen.asked += 1;
    const asked = challenge.apply(source, args);
    asked.then(() => (seen.answered = true), () => {});
    return asked;
  };
  return seen;
}
