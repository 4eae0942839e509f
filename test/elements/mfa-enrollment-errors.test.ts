/**
 * Failures, through the emulator's fault injection (the proxy passes them on in proxy mode): each
 * is shown where it happened (never a toast), announced, and reported with `mfa-error`.
 */
import { expect, fixture, html } from '@open-wc/testing';
import type { MfaProvider } from '../../src/define/mfa-provider.js';
import type { MfaEnrollEvent, MfaErrorEvent } from '../../src/elements/shared/events.js';
import { CLIENT_ID, emulator } from '../helpers/emulator.js';
import { freezePageClock } from '../helpers/page-clock.js';
import { nextEvent } from '../helpers/within.js';
import { env } from '../helpers/env.js';
import {
  $,
  button,
  codeField,
  freshUser,
  isEnrolled,
  liveText,
  loaded,
  MODES,
  proxyUrl,
  row,
  setup,
  type,
  until,
} from './mfa-enrollment-helpers.js';

// No clearFaults(): the three browsers share one emulator; every fault here is scoped to a fresh user.

for (const mode of MODES) {
  describe(`<mfa-enrollment> errors (${mode})`, () => {
    it('429 while listing: the wait from Retry-After is shown, retry held back, mfa-error sent', async () => {
      const { user, accessToken } = await freshUser(mode);
      await emulator.fault({
        path: '/mfa/authenticators',
        method: 'GET',
        user_id: user.id,
        status: 429,
        headers: { 'retry-after': '30' },
        body: { error: 'too_many_requests', error_description: 'Global limit has been reached' },
      });
      const clock = freezePageClock();
      try {
        const failed = nextEvent<MfaErrorEvent>(document, 'mfa-error');
        const provider = await mount(mode, accessToken);
        const event = await failed;
        expect(event.detail.action).to.equal('load');
        expect(event.detail.error.code).to.equal('too_many_requests');
        expect(event.detail.error.retryAfter).to.equal(30);
        const el = provider.querySelector('mfa-enrollment')!;
        await until(el, () => $(el, '[part~="retry-button"]'), 'error state');
        expect($(el, '[part~="error"]')!.textContent).to.contain('Too many requests');
        const waitText = () => $(el, '[part~="wait"]')?.textContent ?? '';
        // The page clock stands still, so the wait is exactly the header's until it is moved. Number
        // and unit are held together by no-break spaces: the countdown never breaks as “28 / seconds”.
        expect(waitText()).to.match(/in\u00a030\u00a0seconds/);
        expect(button(el, 'retry-button').getAttribute('aria-disabled')).to.equal('true');
        expect(liveText(el)).to.contain('Too many requests');
        await expect(el).to.be.accessible();
        clock.advance(10_000);
        await until(el, () => /in\u00a020\u00a0seconds/.test(waitText()), 'the countdown at 20 s, 10 s of page clock later');
        expect(button(el, 'retry-button').getAttribute('aria-disabled')).to.equal('true');
        clock.advance(20_000);
        await until(el, () => button(el, 'retry-button').getAttribute('aria-disabled') !== 'true', 'retry released when the wait is over');
        expect(waitText()).to.equal('');
      } finally {
        clock.restore();
      }
    });

    it('500 while listing: an error with retry, and retry loads the list', async () => {
      const { user, accessToken } = await freshUser(mode, { seed: [{ factor: 'email', email: 'x@example.com' }] });
      await emulator.fault({ path: '/mfa/authenticators', method: 'GET', user_id: user.id, status: 500 });
      const provider = await mount(mode, accessToken);
      const el = provider.querySelector('mfa-enrollment')!;
      await until(el, () => $(el, '[part~="retry-button"]'), 'error state');
      expect($(el, '[part~="error"]')!.textContent).to.contain('could not be loaded');
      expect($(el, '[part~="error"]')!.textContent).to.contain('unavailable');
      await expect(el).to.be.accessible();
      button(el, 'retry-button').click();
      await loaded(el);
      expect(isEnrolled(el, 'email')).to.equal(true);
      expect(el.shadowRoot!.activeElement).to.equal($(el, '[part~="heading"]'));
    });

    it('network down: the page is told, the element says the server cannot be reached', async () => {
      const { accessToken } = await freshUser(mode);
      const down = () => Promise.reject(new TypeError('Failed to fetch'));
      const failed = nextEvent<MfaErrorEvent>(document, 'mfa-error');
      const provider = await mount(mode, accessToken, down);
      const event = await failed;
      expect(event.detail.error.code).to.equal('network_error');
      const el = provider.querySelector('mfa-enrollment')!;
      await until(el, () => $(el, '[part~="retry-button"]'), 'error state');
      expect($(el, '[part~="error"]')!.textContent).to.contain('could not be reached');
    });

    it('an expired token: mfa-error with expired_token, and the element asks to sign in again', async () => {
      const { user, accessToken } = await freshUser(mode);
      await emulator.fault({
        path: '/mfa/authenticators',
        method: 'GET',
        user_id: user.id,
        status: 401,
        body: { error: 'expired_token', error_description: 'The access token expired' },
      });
      const failed = nextEvent<MfaErrorEvent>(document, 'mfa-error');
      const provider = await mount(mode, accessToken);
      const event = await failed;
      expect(event.detail).to.deep.include({ action: 'load' });
      expect(['expired_token', 'invalid_token']).to.include(event.detail.error.code);
      const el = provider.querySelector('mfa-enrollment')!;
      await until(el, () => $(el, '[part~="error"]'), 'error shown');
      expect($(el, '[part~="error"]')!.textContent).to.match(/Sign in again/);
    });

    it('429 when sending a code: shown in the flow with its wait, "send again" held back', async () => {
      const { el, user } = await setup({ mode });
      button(el, 'enroll-button', row(el, 'sms')).click();
      await until(el, () => $(el, '#address'), 'phone form');
      type($<HTMLInputElement>(el, '#address')!, '+15555550166');
      button(el, 'submit-button').click();
      await until(el, () => $(el, 'mfa-code-input'), 'code step');
      await emulator.fault({
        path: '/mfa/associate',
        method: 'POST',
        user_id: user.id,
        status: 429,
        headers: { 'retry-after': '45' },
        body: { error: 'too_many_requests', error_description: 'Too many SMS' },
      });
      const failed = nextEvent(el, 'mfa-error') as Promise<MfaErrorEvent>;
      button(el, 'resend-button').click();
      const event = await failed;
      expect(event.detail.action).to.equal('enroll');
      await until(el, () => $(el, '[part~="flow"] [part~="wait"]'), 'wait shown');
      expect($(el, '[part~="flow"] [part~="error"]')!.textContent).to.contain('Too many requests');
      expect(button(el, 'resend-button').getAttribute('aria-disabled')).to.equal('true');
      expect(el.shadowRoot!.activeElement).to.equal(button(el, 'resend-button'));
      await expect(el).to.be.accessible();
    });

    it('a wrong code: refused with the attempts left, the same enrollment can still be confirmed', async () => {
      const { el, user } = await setup({ mode });
      button(el, 'enroll-button', row(el, 'email')).click();
      await until(el, () => $(el, '#address'), 'email form');
      type($<HTMLInputElement>(el, '#address')!, 'wrong@example.com');
      button(el, 'submit-button').click();
      await until(el, () => $(el, 'mfa-code-input'), 'code step');
      const code = await emulator.lastCode(user.id, 'email');
      const wrong = code === '000000' ? '111111' : '000000';
      const failed = nextEvent(el, 'mfa-error') as Promise<MfaErrorEvent>;
      type(codeField(el), wrong);
      const event = await failed;
      expect(event.detail.action).to.equal('confirm');
      expect(event.detail.error.code).to.equal('invalid_grant');
      await until(el, () => $(el, '[part~="flow"] [part~="error"]'), 'refusal shown');
      expect($(el, '[part~="flow"] [part~="error"]')!.textContent).to.contain('not correct');
      const enrolled = nextEvent(el, 'mfa-enroll') as Promise<MfaEnrollEvent>;
      type(codeField(el), code);
      expect((await enrolled).detail.factor).to.equal('email');
    });

    it('500 when removing: the error is shown under the row and the authenticator stays', async () => {
      const { el, user } = await setup({ mode, seed: [{ factor: 'otp' }] });
      await emulator.fault({ path: `/mfa/authenticators/`, method: 'DELETE', user_id: user.id, status: 500 });
      // Proxy mode with Management credentials removes through the Management API.
      await emulator.fault({ path: `/api/v2/users/${encodeURIComponent(user.id)}/authentication-methods/`, method: 'DELETE', status: 500 });
      button(el, 'remove-button', row(el, 'otp')).click();
      await until(el, () => $(el, '[part~="confirm-button"]'), 'confirm');
      const failed = nextEvent(el, 'mfa-error') as Promise<MfaErrorEvent>;
      button(el, 'confirm-button').click();
      const event = await failed;
      expect(event.detail.action).to.equal('remove');
      await until(el, () => row(el, 'otp').querySelector('[part~="error"]'), 'error under the row');
      expect(isEnrolled(el, 'otp')).to.equal(true);
      expect(el.shadowRoot!.activeElement).to.equal(button(el, 'remove-button', row(el, 'otp')));
    });
  });
}

async function mount(mode: (typeof MODES)[number], accessToken: string, fetchImpl?: typeof fetch): Promise<MfaProvider> {
  return fixture<MfaProvider>(
    mode === 'direct'
      ? html`<mfa-provider domain=${env.emulatorUrl} client-id=${CLIENT_ID} .accessToken=${accessToken} .fetch=${fetchImpl}>
          <mfa-enrollment factors="email sms otp"></mfa-enrollment>
        </mfa-provider>`
      : html`<mfa-provider proxy-url=${proxyUrl()!} .fetch=${fetchImpl}>
          <mfa-enrollment factors="email sms otp"></mfa-enrollment>
        </mfa-provider>`,
  );
}

describe('<mfa-enrollment> input checks', () => {
  it('a phone number not in E.164 gets a clear message and no request is sent', async () => {
    const { el, user } = await setup();
    button(el, 'enroll-button', row(el, 'sms')).click();
    await until(el, () => $(el, '#address'), 'phone form');
    const input = $<HTMLInputElement>(el, '#address')!;
    type(input, '0170 1234567');
    button(el, 'submit-button').click();
    await until(el, () => $(el, '#address-error'), 'field error');
    expect($(el, '#address-error')!.textContent).to.contain('international format');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    expect(input.getAttribute('aria-describedby')).to.contain('address-error');
    expect(el.shadowRoot!.activeElement).to.equal(input);
    const log = await emulator.requests(user.id);
    expect(log.filter((r) => r.path === '/mfa/associate')).to.have.length(0);
    await expect(el).to.be.accessible();
  });

  it('the message follows the page language (de, fr)', async () => {
    const { el } = await setup();
    el.setAttribute('lang', 'de');
    button(el, 'enroll-button', row(el, 'sms')).click();
    await until(el, () => $(el, '#address'), 'phone form');
    type($<HTMLInputElement>(el, '#address')!, '12345');
    button(el, 'submit-button').click();
    // German arrives with its lazily loaded locale module.
    await until(el, () => $(el, '#address-error')?.textContent?.includes('internationalen Format'), 'German');
    expect($(el, 'label[for="address"]')!.textContent).to.equal('Telefonnummer');
    el.setAttribute('lang', 'fr');
    await until(el, () => $(el, '#address-error')!.textContent!.includes('format international'), 'French');
    expect(button(el, 'cancel-button').textContent!.trim()).to.equal('Annuler');
  });

  it('an email address without a domain is refused before any request', async () => {
    const { el } = await setup();
    button(el, 'enroll-button', row(el, 'email')).click();
    await until(el, () => $(el, '#address'), 'email form');
    type($<HTMLInputElement>(el, '#address')!, 'someone@');
    button(el, 'submit-button').click();
    await until(el, () => $(el, '#address-error'), 'field error');
    expect($(el, '#address-error')!.textContent).to.contain('name@example.com');
  });
});
