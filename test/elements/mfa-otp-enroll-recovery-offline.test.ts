/**
 * `<mfa-otp-enroll>` alone, when `<mfa-recovery-codes>` cannot be fetched: the first enrollment's
 * recovery code is still shown (as text) and mfa-enroll waits for Continue. The test server
 * refuses the module while a cookie names it (scripts/wtr/refuse-on-cookie.js). Its own file: a
 * browser may remember a failed module fetch.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { MfaApiSource } from '../../src/core/api-source.js';
import '../../src/define/mfa-otp-enroll.js';
import type { MfaOtpEnroll } from '../../src/define/mfa-otp-enroll.js';
import type { MfaEnrollEvent } from '../../src/elements/shared/events.js';
import { CLIENT_ID, emulator } from '../helpers/emulator.js';
import { env } from '../helpers/env.js';
import { refusal } from '../helpers/refusal.js';
import { totp } from '../helpers/totp.js';
import { waitUntil } from '../helpers/wait.js';
import { nextEvent } from '../helpers/within.js';

const network = refusal('src/define/mfa-recovery-codes');
const part = <T extends Element = HTMLElement>(el: Element, name: string) => el.shadowRoot!.querySelector<T>(`[part~="${name}"]`);

describe('<mfa-otp-enroll> when <mfa-recovery-codes> cannot be fetched', () => {
  before(() => network.refuse());
  after(() => network.allow());

  it('shows the recovery code as text; Continue sends mfa-enroll with it', async () => {
    const { mfaToken } = await emulator.freshUserWithMfaToken();
    const source = new MfaApiSource({ domain: env.emulatorUrl, clientId: CLIENT_ID, mfaToken });
    const el = await fixture<MfaOtpEnroll>(html`<mfa-otp-enroll .source=${source}></mfa-otp-enroll>`);
    await waitUntil(() => el.step === 'scan', 'no key shown', { timeout: 10_000 });
    await el.updateComplete;
    part(el, 'manual-toggle')!.click();
    await el.updateComplete;
    const secret = part(el, 'secret')!.textContent!.replace(/\s+/g, '');
    const input = el.shadowRoot!.querySelector('mfa-code-input')!.shadowRoot!.querySelector('input')!;
    input.value = await totp(secret);
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText' }));
    await waitUntil(() => el.step === 'recovery', `the code was not accepted (step ${el.step})`, { timeout: 10_000 });
    await el.updateComplete;
    expect(Boolean(customElements.get('mfa-recovery-codes')), 'the refused module was loaded after all').to.equal(false);
    const shown = [...el.shadowRoot!.querySelectorAll('[part~="recovery-codes"] code')].map((c) => c.textContent);
    expect(shown).to.have.length(1);
    expect(shown[0]).to.match(/^[A-Z0-9]{24}$/);
    await expect(el).to.be.accessible();
    const enrolled = nextEvent(el, 'mfa-enroll') as Promise<MfaEnrollEvent>;
    part<HTMLButtonElement>(el, 'continue-button')!.click();
    expect((await enrolled).detail.recoveryCodes).to.deep.equal(shown);
    expect(el.step).to.equal('done');
  });
});
