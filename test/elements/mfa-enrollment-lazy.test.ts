/**
 * `<mfa-enrollment>` alone fetches `<mfa-recovery-codes>` only when a first enrollment's answer
 * carries codes (while the user confirms it), and shows the codes with it once confirmed. This
 * file imports nothing that defines `<mfa-recovery-codes>` (the helpers import the enrollment and
 * provider entries only).
 */
import { expect } from '@open-wc/testing';
import { emulator } from '../helpers/emulator.js';
import { waitUntil } from '../helpers/wait.js';
import { $, acknowledgeRecovery, button, codeField, row, setup, type, until } from './mfa-enrollment-helpers.js';

describe('<mfa-enrollment> loads <mfa-recovery-codes> on demand', () => {
  it('is not defined until an enrollment comes with codes; then it shows them', async () => {
    const { el, user } = await setup({ factors: 'email' });
    expect(customElements.get('mfa-recovery-codes'), 'defined before it is needed').to.equal(undefined);
    button(el, 'enroll-button', row(el, 'email')).click();
    await until(el, () => $(el, '#address'), 'email form');
    expect(customElements.get('mfa-recovery-codes'), 'fetched before an enrollment was asked for').to.equal(undefined);
    type($<HTMLInputElement>(el, '#address')!, 'lazy@example.com');
    button(el, 'submit-button').click();
    await until(el, () => $(el, 'mfa-code-input'), 'code step');
    await waitUntil(() => customElements.get('mfa-recovery-codes'), 'not fetched when the enrollment answer carried codes');
    type(codeField(el), await emulator.lastCode(user.id, 'email'));
    await until(el, () => $(el, '[part~="recovery-codes"] mfa-recovery-codes')?.shadowRoot?.querySelector('[part~="code"]'), 'codes not shown');
    const shown = $(el, '[part~="recovery-codes"] mfa-recovery-codes') as HTMLElement & { codes: string[] };
    expect(shown.codes[0]).to.match(/^[A-Z0-9]{24}$/);
    await acknowledgeRecovery(el);
  });
});
