/**
 * `<mfa-enrollment>` alone, when `<mfa-recovery-codes>` cannot be fetched: the server has already
 * issued the first enrollment's recovery code, so it must still be shown (as text) behind a
 * Continue. The test server refuses the module while a cookie names it
 * (scripts/wtr/refuse-on-cookie.js). Its own file: a browser may remember a failed module fetch.
 */
import { expect } from '@open-wc/testing';
import { emulator } from '../helpers/emulator.js';
import { refusal } from '../helpers/refusal.js';
import { $, button, codeField, isEnrolled, row, setup, type, until } from './mfa-enrollment-helpers.js';

const network = refusal('src/define/mfa-recovery-codes');

describe('<mfa-enrollment> when <mfa-recovery-codes> cannot be fetched', () => {
  before(() => network.refuse());
  after(() => network.allow());

  it('shows the recovery code as text with a Continue that closes the panel', async () => {
    const { el, user } = await setup({ factors: 'email' });
    button(el, 'enroll-button', row(el, 'email')).click();
    await until(el, () => $(el, '#address'), 'email form');
    type($<HTMLInputElement>(el, '#address')!, 'offline@example.com');
    button(el, 'submit-button').click();
    await until(el, () => $(el, 'mfa-code-input'), 'code step');
    type(codeField(el), await emulator.lastCode(user.id, 'email'));
    await until(el, () => $(el, '[part~="recovery-codes"] [part~="recovery__list"]'), 'the codes were not shown');
    expect(Boolean(customElements.get('mfa-recovery-codes')), 'the refused module was loaded after all').to.equal(false);
    const codes = [...el.shadowRoot!.querySelectorAll('[part~="recovery__list"] [part~="code"]')].map((c) => c.textContent);
    expect(codes).to.have.length(1);
    expect(codes[0]).to.match(/^[A-Z0-9]{24}$/);
    await expect(el).to.be.accessible();
    button(el, 'ack-button').click();
    await until(el, () => !$(el, '[part~="recovery-codes"]'), 'the panel did not close');
    expect(isEnrolled(el, 'email')).to.equal(true);
  });
});
