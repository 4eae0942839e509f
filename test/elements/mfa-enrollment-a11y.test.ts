/**
 * axe in every state, and the whole enroll → recovery code → remove cycle with the keyboard only
 * (real key presses through sendKeys, focus followed step by step).
 */
import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import type { MfaEnrollment } from '../../src/define/mfa-enrollment.js';
import type { MfaProvider } from '../../src/define/mfa-provider.js';
import { CLIENT_ID, emulator } from '../helpers/emulator.js';
import { env } from '../helpers/env.js';
import {
  $,
  button,
  isEnrolled,
  liveText,
  loaded,
  otpEnroll,
  row,
  setup,
  setupTicketOnly,
  type,
  until,
} from './mfa-enrollment-helpers.js';

/** The focused element, through shadow roots. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

function partOf(element: Element | null): string {
  return element?.getAttribute('part') ?? element?.tagName.toLowerCase() ?? '';
}

/**
 * Types one key press per character: WebKitWebDriver's `type` drops a character that repeats the
 * one before it ("1155" arrives as "15").
 */
async function typeKeys(text: string): Promise<void> {
  for (const char of text) await sendKeys({ press: char });
}

async function tabUntil(predicate: (el: Element | null) => boolean, max = 15): Promise<Element> {
  for (let i = 0; i < max; i++) {
    await sendKeys({ press: 'Tab' });
    const active = deepActive();
    if (predicate(active)) return active!;
  }
  throw new Error(`not reached with Tab; focus is on ${partOf(deepActive())}`);
}

describe('<mfa-enrollment> axe in each state', () => {
  it('loading', async () => {
    const user = await emulator.createUser();
    const { accessToken } = await emulator.tokens(user.id);
    await emulator.fault({ path: '/mfa/authenticators', method: 'GET', user_id: user.id, latencyMs: 3000 });
    const provider = await fixture<MfaProvider>(html`<mfa-provider domain=${env.emulatorUrl} client-id=${CLIENT_ID} .accessToken=${accessToken}>
      <mfa-enrollment></mfa-enrollment>
    </mfa-provider>`);
    const el = provider.querySelector('mfa-enrollment')!;
    await until(el, () => $(el, '[part~="loading"]'), 'loading shown');
    expect(liveText(el)).to.equal('Loading your sign-in methods…');
    await expect(el).to.be.accessible();
  });

  it('list (with enrolled rows), empty, and error', async () => {
    const { el, provider } = await setup({ seed: [{ factor: 'sms', phoneNumber: '+15555550100' }, { factor: 'push' }] });
    await expect(el).to.be.accessible();
    el.factors = '';
    await el.updateComplete;
    expect($(el, '[part~="empty"]')).to.exist;
    await expect(el).to.be.accessible();
    provider.fetch = () => Promise.reject(new TypeError('Failed to fetch'));
    await provider.updateComplete;
    await until(el, () => $(el, '[part~="retry-button"]'), 'error');
    await expect(el).to.be.accessible();
  });

  it('no source', async () => {
    const el = await fixture<MfaEnrollment>(html`<mfa-enrollment></mfa-enrollment>`);
    await expect(el).to.be.accessible();
  });

  it('enrolling sms and voice: number, refused number, code', async () => {
    for (const factor of ['sms', 'voice'] as const) {
      const { el } = await setup({ factors: 'sms voice' });
      button(el, 'enroll-button', row(el, factor)).click();
      await until(el, () => $(el, '#address'), 'number step');
      await expect(el).to.be.accessible();
      type($<HTMLInputElement>(el, '#address')!, '555');
      button(el, 'submit-button').click();
      await until(el, () => $(el, '#address-error'), 'refused');
      await expect(el).to.be.accessible();
      type($<HTMLInputElement>(el, '#address')!, '+15555550188');
      button(el, 'submit-button').click();
      await until(el, () => $(el, 'mfa-code-input'), 'code step');
      await expect(el).to.be.accessible();
    }
  });

  it('enrolling email: address and code', async () => {
    const { el } = await setup();
    button(el, 'enroll-button', row(el, 'email')).click();
    await until(el, () => $(el, '#address'), 'address step');
    await expect(el).to.be.accessible();
    type($<HTMLInputElement>(el, '#address')!, 'axe@example.com');
    button(el, 'submit-button').click();
    await until(el, () => $(el, 'mfa-code-input'), 'code step');
    await expect(el).to.be.accessible();
  });

  it('enrolling otp (QR and key), push (QR, waiting; declined)', async () => {
    const { el, user } = await setup({ settings: { pushInterval: 1 } });
    button(el, 'enroll-button', row(el, 'otp')).click();
    await until(el, () => $(el, 'mfa-otp-enroll') && otpEnroll(el).step === 'scan', 'otp scan step');
    await until(el, () => otpEnroll(el).shadowRoot!.querySelector('mfa-qr-code')?.shadowRoot?.querySelector('svg'), 'qr drawn');
    await expect(el).to.be.accessible();

    button(el, 'enroll-button', row(el, 'push')).click();
    await until(el, () => $(el, 'mfa-qr-code')?.shadowRoot?.querySelector('svg'), 'push qr drawn');
    await expect(el).to.be.accessible();
    const pending = await emulator.waitForPendingPush(user.id);
    await emulator.rejectPush(pending.oob_code);
    await until(el, () => $(el, '[part~="restart-button"]'), 'declined');
    await expect(el).to.be.accessible();
  });

  it('ticket popup open, and blocked with its link', async () => {
    const { el } = await setupTicketOnly();
    const realOpen = window.open;
    let popup: Window | null = null;
    try {
      window.open = ((...args: Parameters<typeof window.open>) => (popup = realOpen.apply(window, args))) as typeof window.open;
      button(el, 'enroll-button', row(el, 'otp')).click();
      await until(el, () => $(el, '[part~="done-button"]'), 'popup open');
      await expect(el).to.be.accessible();
      button(el, 'cancel-button').click();
      await until(el, () => !$(el, '[part~="flow"]'), 'cancelled');
      // Cancel asks the popup to close, which a disowned cross-site window may ignore (Chromium): it
      // is the user's then, closed here as they would.
      if (!(popup as Window | null)?.closed) await executeServerCommand('close-popups');

      window.open = () => null;
      button(el, 'enroll-button', row(el, 'email')).click();
      await until(el, () => $(el, '[part~="ticket-link"]'), 'blocked');
      await expect(el).to.be.accessible();
    } finally {
      window.open = realOpen;
    }
  });

  it('recovery codes and confirming removal', async () => {
    const { el, user } = await setup({ factors: 'email' });
    button(el, 'enroll-button', row(el, 'email')).click();
    await until(el, () => $(el, '#address'), 'address step');
    type($<HTMLInputElement>(el, '#address')!, 'codes@example.com');
    button(el, 'submit-button').click();
    await until(el, () => $(el, 'mfa-code-input'), 'code step');
    const input = $(el, 'mfa-code-input')!.shadowRoot!.querySelector('input')!;
    type(input, await emulator.lastCode(user.id, 'email'));
    await until(el, () => $(el, '[part~="recovery-codes"]'), 'recovery codes');
    await expect(el).to.be.accessible();

    const { el: other } = await setup({ seed: [{ factor: 'sms', phoneNumber: '+15555550100' }] });
    button(other, 'remove-button', row(other, 'sms')).click();
    await until(other, () => $(other, '[part~="confirm"]'), 'confirming');
    await expect(other).to.be.accessible();
  });
});

describe('<mfa-enrollment> keyboard only', () => {
  it('enroll sms, save the recovery code, remove it again: Tab, typing, Enter, Space, Escape', async () => {
    const { el, user } = await setup({ factors: 'sms email' });
    // Start before the element, as a keyboard user arriving on the page.
    const start = document.createElement('button');
    start.textContent = 'before';
    el.parentElement!.before(start);
    start.focus();

    const enroll = await tabUntil((a) => partOf(a).includes('enroll-button'));
    expect(enroll.closest('[data-factor]')!.getAttribute('data-factor')).to.equal('sms');
    await sendKeys({ press: 'Enter' });
    await until(el, () => deepActive() === $(el, '#address'), 'focus in the phone field');

    // Escape leaves the flow and puts focus back on Enroll.
    await sendKeys({ press: 'Escape' });
    await until(el, () => !$(el, '[part~="flow"]') && partOf(deepActive()).includes('enroll-button'), 'cancelled');
    await sendKeys({ press: 'Enter' });
    await until(el, () => deepActive() === $(el, '#address'), 'phone field again');

    await typeKeys('+1 555 555 0199');
    await sendKeys({ press: 'Enter' });
    await until(el, () => deepActive()?.getAttribute('autocomplete') === 'one-time-code', 'focus in the code field');
    expect(liveText(el)).to.contain('We sent a code by text message to');
    await typeKeys(await emulator.lastCode(user.id, 'sms'));
    await until(el, () => $(el, '[part~="recovery-codes"]') && partOf(deepActive()).includes('recovery-title'), 'recovery code, focused');

    await tabUntil((a) => a?.getAttribute('type') === 'checkbox');
    await sendKeys({ press: ' ' });
    await tabUntil((a) => partOf(a).includes('continue-button'));
    await sendKeys({ press: 'Enter' });
    await until(el, () => !$(el, '[part~="recovery-codes"]') && partOf(deepActive()).includes('success'), 'on the row\'s "set up" line');
    expect(isEnrolled(el, 'sms')).to.equal(true);
    await tabUntil((a) => partOf(a).includes('remove-button'));

    await sendKeys({ press: 'Enter' });
    await until(el, () => partOf(deepActive()).includes('confirm'), 'confirmation focused');
    expect(deepActive()!.textContent).to.contain('voice calls');
    // Escape keeps it.
    await sendKeys({ press: 'Escape' });
    await until(el, () => !$(el, '[part~="confirm"]') && partOf(deepActive()).includes('remove-button'), 'kept');
    await sendKeys({ press: 'Enter' });
    await until(el, () => partOf(deepActive()).includes('confirm'), 'confirmation again');
    await tabUntil((a) => partOf(a).includes('confirm-button'));
    await sendKeys({ press: 'Enter' });
    await until(el, () => !isEnrolled(el, 'sms') && partOf(deepActive()).includes('enroll-button'), 'removed, focus on Enroll');
    expect(liveText(el)).to.contain('was removed');
    start.remove();
  });

  it('retry after a load error with the keyboard', async () => {
    const user = await emulator.createUser();
    const { accessToken } = await emulator.tokens(user.id);
    await emulator.fault({ path: '/mfa/authenticators', method: 'GET', user_id: user.id, status: 503 });
    const provider = await fixture<MfaProvider>(html`<mfa-provider domain=${env.emulatorUrl} client-id=${CLIENT_ID} .accessToken=${accessToken}>
      <mfa-enrollment factors="otp"></mfa-enrollment>
    </mfa-provider>`);
    const el = provider.querySelector('mfa-enrollment')!;
    await until(el, () => $(el, '[part~="retry-button"]'), 'error');
    button(el, 'retry-button').focus();
    await sendKeys({ press: 'Enter' });
    await loaded(el);
    expect(partOf(deepActive())).to.contain('heading');
  });
});
