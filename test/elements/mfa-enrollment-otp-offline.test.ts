/**
 * `<mfa-enrollment>` when `<mfa-otp-enroll>` (fetched when the authenticator-app flow opens) cannot
 * be fetched: the flow ends with an error under the row, and the next click fetches it again. The
 * test server refuses the module while a cookie names it (scripts/wtr/refuse-on-cookie.js). Its own
 * file: a browser may remember a failed module fetch.
 */
import { expect } from '@open-wc/testing';
import '../../src/define/mfa-provider.js';
import '../../src/define/mfa-enrollment.js';
import { button, row, setup, until } from './mfa-enrollment-helpers.js';
import { refusal } from '../helpers/refusal.js';

const network = refusal('src/define/mfa-otp-enroll');

describe('<mfa-enrollment> when <mfa-otp-enroll> cannot be fetched', () => {
  after(() => {
    network.allow();
  });

  it('shows the failure under the row, and a second click fetches it and runs the flow', async () => {
    const { el } = await setup({ factors: 'otp email' });
    expect(customElements.get('mfa-otp-enroll'), 'not loaded with the element').to.equal(undefined);
    network.refuse();
    button(el, 'enroll-button', row(el, 'otp')).click();
    await until(el, () => row(el, 'otp').querySelector('[part~="error"]'), 'no error under the otp row');
    expect(el.shadowRoot!.querySelector('mfa-otp-enroll'), 'the flow ended').to.equal(null);
    expect(customElements.get('mfa-otp-enroll')).to.equal(undefined);
    await expect(el).to.be.accessible();

    network.allow();
    button(el, 'enroll-button', row(el, 'otp')).click();
    await until(
      el,
      () => el.shadowRoot!.querySelector('mfa-otp-enroll')?.shadowRoot?.querySelector('mfa-qr-code'),
      'the authenticator-app flow did not show its QR code after the second click',
    );
    expect(customElements.get('mfa-otp-enroll')).not.to.equal(undefined);
    expect(row(el, 'otp').querySelector('[part~="error"]')).to.equal(null);
  });
});
