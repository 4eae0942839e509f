/**
 * `<mfa-verify>` alone fetches `<mfa-recovery-codes>` only when the recovery step opens, and still
 * shows the rotated code with it. This file imports nothing that defines `<mfa-recovery-codes>`.
 */
import { expect } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { mount, part, parts, seeded, text, waitForPart } from './mfa-verify-helpers.js';

describe('<mfa-verify> loads <mfa-recovery-codes> on demand', () => {
  it('is not defined until the recovery step opens; then it shows the rotated code', async () => {
    const s = await seeded([{ factor: 'otp' }]);
    const el = await mount(s.source);
    await waitForPart(el, 'code-input');
    expect(customElements.get('mfa-recovery-codes'), 'defined before it is needed').to.equal(undefined);
    parts(el, 'switch-button').find((b) => text(b) === 'Use a recovery code')!.click();
    const input = await waitForPart<HTMLInputElement>(el, 'recovery-input');
    await waitUntil(() => customElements.get('mfa-recovery-codes'), 'not fetched when the recovery step opened');
    input.value = s.recoveryCode!;
    part<HTMLButtonElement>(el, 'submit-button')!.click();
    const shown = await waitForPart(el, 'recovery-codes');
    expect(shown.localName).to.equal('mfa-recovery-codes');
    expect((shown as HTMLElement & { codes: string[] }).codes[0]).to.match(/^[A-Z0-9]{24}$/);
  });
});
