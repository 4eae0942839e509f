/**
 * `<mfa-enrollment>` when the part of a flow (fetched when its row's Enroll is pressed) cannot be
 * fetched: `<mfa-contact-enroll>` for phone and email, `<mfa-push-enroll>` for Guardian push. The
 * flow ends with an error under the row, and the next click fetches the part again. The test
 * server refuses the module while a cookie names it (scripts/wtr/refuse-on-cookie.js). Its own
 * file: a browser may remember a failed module fetch.
 */
import { expect } from '@open-wc/testing';
import '../../src/define/mfa-provider.js';
import '../../src/define/mfa-enrollment.js';
import { $, button, row, setup, until } from './mfa-enrollment-helpers.js';
import { refusal } from '../helpers/refusal.js';

describe('<mfa-enrollment> when a flow part cannot be fetched', () => {
  const contact = refusal('src/define/mfa-contact-enroll');
  const push = refusal('src/define/mfa-push-enroll');
  after(() => {
    contact.allow();
    push.allow();
  });

  it('email: the failure under the row, then a second click fetches <mfa-contact-enroll> and focuses its field', async () => {
    const { el } = await setup({ factors: 'email push' });
    expect(customElements.get('mfa-contact-enroll'), 'not loaded with the element').to.equal(undefined);
    contact.refuse();
    button(el, 'enroll-button', row(el, 'email')).click();
    await until(el, () => row(el, 'email').querySelector('[part~="error"]'), 'no error under the email row');
    expect($(el, 'mfa-contact-enroll'), 'the flow ended').to.equal(null);
    expect(customElements.get('mfa-contact-enroll')).to.equal(undefined);
    await expect(el).to.be.accessible();

    contact.allow();
    button(el, 'enroll-button', row(el, 'email')).click();
    await until(el, () => {
      const field = $(el, '#address');
      return field && el.shadowRoot!.activeElement === field;
    }, 'the email field, focused, after the second click');
    expect(customElements.get('mfa-contact-enroll')).not.to.equal(undefined);
    expect(row(el, 'email').querySelector('[part~="error"]')).to.equal(null);
  });

  it('push: the failure under the row, then a second click fetches <mfa-push-enroll> and shows the QR code', async () => {
    const { el } = await setup({ factors: 'email push' });
    expect(customElements.get('mfa-push-enroll'), 'not loaded with the element').to.equal(undefined);
    push.refuse();
    button(el, 'enroll-button', row(el, 'push')).click();
    await until(el, () => row(el, 'push').querySelector('[part~="error"]'), 'no error under the push row');
    expect($(el, 'mfa-push-enroll'), 'the flow ended').to.equal(null);
    await expect(el).to.be.accessible();

    push.allow();
    button(el, 'enroll-button', row(el, 'push')).click();
    await until(el, () => $(el, 'mfa-push-enroll mfa-qr-code')?.shadowRoot?.querySelector('svg'), 'the push QR code after the second click');
    expect(row(el, 'push').querySelector('[part~="error"]')).to.equal(null);
  });
});
