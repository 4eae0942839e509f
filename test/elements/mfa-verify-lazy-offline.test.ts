/**
 * `<mfa-verify>` alone, when `<mfa-recovery-codes>` cannot be fetched: the server has already
 * rotated the recovery code, so the new one must still be shown (as text), and `mfa-verified` waits
 * until the user says it is saved. The test server refuses the module while a cookie names it
 * (scripts/wtr/refuse-on-cookie.js). Its own file: a browser may remember a failed module fetch.
 */
import { expect } from '@open-wc/testing';
import { nextEvent } from '../helpers/within.js';
import type { MfaVerifiedEvent } from '../../src/elements/shared/events.js';
import { waitUntil } from '../helpers/wait.js';
import { mount, part, parts, seeded, text, waitForPart } from './mfa-verify-helpers.js';
import { refusal } from '../helpers/refusal.js';

const network = refusal('src/define/mfa-recovery-codes');

describe('<mfa-verify> when <mfa-recovery-codes> cannot be fetched', () => {
  before(() => {
    network.refuse();
  });
  after(() => {
    network.allow();
  });

  it('shows the rotated code as text with a continue button, then sends mfa-verified', async () => {
    const s = await seeded([{ factor: 'otp' }]);
    const el = await mount(s.source);
    await waitForPart(el, 'code-input');
    parts(el, 'switch-button').find((b) => text(b) === 'Use a recovery code')!.click();
    const input = await waitForPart<HTMLInputElement>(el, 'recovery-input');
    input.value = s.recoveryCode!;
    let verified = false;
    el.addEventListener('mfa-verified', () => (verified = true));
    part<HTMLButtonElement>(el, 'submit-button')!.click();

    const shown = await waitForPart(el, 'recovery-codes');
    expect(Boolean(customElements.get('mfa-recovery-codes')), 'the refused module was loaded after all').to.equal(false);
    expect(shown.localName).to.equal('p');
    const code = text(shown);
    expect(code).to.match(/^[A-Z0-9]{24}$/);
    expect(code, 'the old code was shown, not the rotated one').not.to.equal(s.recoveryCode);
    await expect(el).to.be.accessible();

    // Nothing is reported until the code is acknowledged: the page must not navigate away first.
    // The element picks "show the new code" or "dispatch mfa-verified" in one synchronous step, so
    // with the code on screen no wait is needed to see that the event did not come instead.
    expect(verified).to.equal(false);
    const event = nextEvent(el, 'mfa-verified') as Promise<MfaVerifiedEvent>;
    part<HTMLButtonElement>(el, 'continue-button')!.click();
    const { detail } = await event;
    expect(detail.method).to.equal('recovery-code');
    expect(detail.result.recoveryCode).to.equal(code);
    await waitUntil(() => part(el, 'success'), 'the verified step was not shown');
  });

  it('fetches <mfa-recovery-codes> again on the next recovery step once it can be fetched', async () => {
    network.allow();
    const s = await seeded([{ factor: 'otp' }]);
    const el = await mount(s.source);
    await waitForPart(el, 'code-input');
    parts(el, 'switch-button').find((b) => text(b) === 'Use a recovery code')!.click();
    await waitForPart(el, 'recovery-input');
    // Firefox and Chromium 150 remember the failed import(): only a fresh URL reaches the server.
    await waitUntil(() => customElements.get('mfa-recovery-codes'), '<mfa-recovery-codes> was not fetched again');
  });
});
