/** Every state `npm run screenshots` renders: the file name (docs/images/<name>-<theme>.png) → how to reach it. */
import type { ShotKit } from './harness.js';
import { emulatorCall } from '../../test/helpers/emulator-call.js';

export type Shot = (kit: ShotKit) => Promise<void>;

type Host = HTMLElement & { source?: unknown; updateComplete?: Promise<unknown> };

function mount(kit: ShotKit, tag: string, props: Record<string, unknown> = {}, attrs: Record<string, string> = {}): Host {
  const el = Object.assign(document.createElement(tag), props) as Host;
  for (const [name, value] of Object.entries(attrs)) el.setAttribute(name, value);
  kit.stage.replaceChildren(el);
  return el;
}

const q = <T extends Element = HTMLElement>(el: Element, selector: string): T | null => el.shadowRoot!.querySelector<T>(selector);

function type(input: HTMLInputElement, value: string): void {
  input.value = value;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
}

async function lastCode(kit: ShotKit, userId: string): Promise<string> {
  const messages = await emulatorCall<Array<{ code: string }>>(kit.emulator, 'GET', `/__emulator/outbox?user_id=${encodeURIComponent(userId)}`);
  return messages.at(-1)!.code;
}

const loaded = (el: Element) => q(el, '[part~="list"][aria-busy="false"]');

async function smsToCode(kit: ShotKit): Promise<{ el: Host; id: string }> {
  const { id, source } = await kit.user();
  const el = mount(kit, 'mfa-enrollment', { source }, { factors: 'push otp sms voice email' });
  await kit.until(() => loaded(el), 'list');
  q<HTMLButtonElement>(el, '[data-factor="sms"] [part~="enroll-button"]')!.click();
  await kit.until(() => q(el, '#address'), 'phone form');
  type(q<HTMLInputElement>(el, '#address')!, '+14155550123');
  q<HTMLButtonElement>(el, '[part~="submit-button"]')!.click();
  await kit.until(() => q(el, 'mfa-code-input'), 'code step');
  return { el, id };
}

/** A synced passkey as My Account lists one (fixed dates: the picture does not change with the day). */
const PASSKEY = {
  id: 'passkey|dev_shot', authenticatorType: 'passkey', factor: 'passkey', active: true, name: 'MacBook Pro',
  createdAt: '2026-11-02T09:00:00Z', lastAuthenticatedAt: '2026-12-01T09:00:00Z', linkedIds: [], removable: true, renamable: true,
  passkey: { deviceType: 'multi_device', backedUp: true },
};

async function passkeyItem(kit: ShotKit): Promise<Host> {
  const el = mount(kit, 'mfa-passkey-item', { source: await kit.myAccount(), authenticator: PASSKEY });
  await kit.until(() => q(el, '[part~="rename-button"]'), 'passkey row');
  return el;
}

export const SHOTS: Record<string, Shot> = {
  'mfa-enrollment-list': async (kit) => {
    const { source } = await kit.user([{ factor: 'otp' }, { factor: 'sms', phoneNumber: '+14155550123' }]);
    const el = mount(kit, 'mfa-enrollment', { source }, { factors: 'push otp sms voice email recovery-code' });
    await kit.until(() => loaded(el), 'list');
  },
  'mfa-enrollment-code': async (kit) => {
    await smsToCode(kit);
  },
  'mfa-enrollment-recovery': async (kit) => {
    const { el, id } = await smsToCode(kit);
    const input = q(el, 'mfa-code-input')!.shadowRoot!.querySelector('input')!;
    type(input, await lastCode(kit, id));
    await kit.until(() => q(el, '[part~="recovery-codes"] mfa-recovery-codes'), 'recovery panel');
  },
  'mfa-enrollment-otp': async (kit) => {
    const { source } = await kit.user();
    const el = mount(kit, 'mfa-enrollment', { source }, { factors: 'otp sms' });
    await kit.until(() => loaded(el), 'list');
    q<HTMLButtonElement>(el, '[data-factor="otp"] [part~="enroll-button"]')!.click();
    await kit.until(() => (q(el, 'mfa-otp-enroll') as (Host & { step?: string }) | null)?.step === 'scan', 'QR shown');
    await kit.until(() => q(el, 'mfa-otp-enroll')!.shadowRoot!.querySelector('mfa-qr-code')?.shadowRoot?.querySelector('svg'), 'QR drawn');
  },
  'mfa-verify-pick': async (kit) => {
    const { source } = await kit.user([{ factor: 'otp' }, { factor: 'sms', phoneNumber: '+14155550123' }, { factor: 'email', email: 'jane@example.com' }]);
    const el = mount(kit, 'mfa-verify', { source });
    await kit.until(() => q(el, '[part~="authenticators"]'), 'picker');
  },
  'mfa-verify-code': async (kit) => {
    const { source } = await kit.user([{ factor: 'sms', phoneNumber: '+14155550123' }]);
    const el = mount(kit, 'mfa-verify', { source }, { method: 'sms' });
    await kit.until(() => q(el, '[part~="code-input"]'), 'code step');
  },
  'mfa-otp-enroll': async (kit) => {
    const { source } = await kit.user();
    const el = mount(kit, 'mfa-otp-enroll', { source }) as Host & { step?: string };
    await kit.until(() => el.step === 'scan', 'QR shown');
    q<HTMLButtonElement>(el, '[part~="manual-toggle"]')!.click();
    await kit.until(() => q(el, 'mfa-qr-code')?.shadowRoot?.querySelector('svg') && !q(el, '#manual')!.hidden, 'setup key shown');
  },
  'mfa-passkey-enroll': async (kit) => {
    const el = mount(kit, 'mfa-passkey-enroll', { source: await kit.myAccount() });
    await kit.until(() => q(el, '[part~="start-button"]'), 'Create passkey');
  },
  'mfa-passkey-enroll-error': async (kit) => {
    // A real refusal: this page is served on 127.0.0.1, an IP address, which Chromium does not
    // accept as the RP ID the emulator names after the page (SecurityError).
    if (!/^[\d.]+$/.test(location.hostname)) throw new Error(`the error shot needs a page on an IP address, not ${location.hostname}`);
    const el = mount(kit, 'mfa-passkey-enroll', { source: await kit.myAccount() }) as Host & { step?: string };
    await kit.until(() => q(el, '[part~="start-button"]'), 'Create passkey');
    q<HTMLButtonElement>(el, '[part~="start-button"]')!.click();
    await kit.until(() => el.step === 'failed' && q(el, '[part~="error"]'), 'error step');
  },
  'mfa-passkey-item': async (kit) => {
    await passkeyItem(kit);
  },
  'mfa-passkey-item-rename': async (kit) => {
    const el = await passkeyItem(kit);
    q<HTMLButtonElement>(el, '[part~="rename-button"]')!.click();
    await kit.until(() => q(el, 'input[part~="name-input"]'), 'rename field');
  },
  'mfa-recovery-codes': async (kit) => {
    const el = mount(kit, 'mfa-recovery-codes', { codes: ['A1B2C3D4E5F6G7H8J9K0L1M2'] }, { issuer: 'Acme' });
    await kit.until(() => q(el, '[part~="code"]'), 'codes');
  },
  'mfa-code-input': async (kit) => {
    const el = mount(kit, 'mfa-code-input', { length: 6, label: 'Verification code', value: '123' });
    await kit.until(() => q(el, '[part~="cell"]'), 'cells');
  },
  'mfa-qr-code': async (kit) => {
    const el = mount(kit, 'mfa-qr-code', { value: 'otpauth://totp/Acme:jane%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Acme', label: 'QR code' });
    await kit.until(() => q(el, 'svg'), 'QR drawn');
  },
};

/**
 * Right-to-left pictures, light scheme only: the state of `SHOTS` rendered under `lang`, into
 * docs/images/rtl-<lang>-<state>-light.png (outside the element reference, whose pictures come in
 * both schemes; the README's "Text and languages" section shows them).
 */
export const RTL_SHOTS: ReadonlyArray<{ shot: string; lang: 'ar' | 'he' }> = [
  { shot: 'mfa-enrollment-list', lang: 'ar' },
  { shot: 'mfa-verify-code', lang: 'ar' },
  { shot: 'mfa-verify-code', lang: 'he' },
];

export const rtlFile = (r: { shot: string; lang: string }): string => `rtl-${r.lang}-${r.shot}-light.png`;
