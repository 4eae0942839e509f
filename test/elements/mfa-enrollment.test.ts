import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import type { MfaEnrollment } from '../../src/define/mfa-enrollment.js';
import type { MfaEnrollEvent, MfaRemoveEvent } from '../../src/elements/shared/events.js';
import { emulator } from '../helpers/emulator.js';
import { $, $$, acknowledgeRecovery, button, codeField, enrolledNames, isEnrolled, liveText, row, setup, type, until } from './mfa-enrollment-helpers.js';

describe('<mfa-enrollment> rows', () => {
  it('shows one row per factor in the order of the factors attribute, nothing enrolled', async () => {
    const { el } = await setup({ factors: 'sms otp email' });
    const rows = $$(el, '[part~="factor"]').map((r) => r.dataset.factor);
    expect(rows).to.deep.equal(['sms', 'otp', 'email']);
    expect(isEnrolled(el, 'sms')).to.equal(false);
    expect(button(el, 'enroll-button', row(el, 'sms')).textContent!.trim()).to.equal('Enroll');
    expect(liveText(el)).to.equal('0 of 3 methods set up.');
    await expect(el).to.be.accessible();
  });

  it('shows enrolled authenticators with their masked names and an Enrolled badge', async () => {
    const { el } = await setup({ seed: [{ factor: 'sms', phoneNumber: '+15555550100' }] });
    expect(isEnrolled(el, 'sms')).to.equal(true);
    expect(isEnrolled(el, 'voice')).to.equal(true);
    expect(isEnrolled(el, 'otp')).to.equal(false);
    const [name] = enrolledNames(el, 'sms');
    expect(name).to.match(/0100$/);
    expect(name).not.to.contain('5555550100');
    await expect(el).to.be.accessible();
  });
});

describe('<mfa-enrollment> smoke: sms enroll and remove', () => {
  it('enrolls sms inline, then removes it with its voice twin', async () => {
    const { el, user } = await setup();
    button(el, 'enroll-button', row(el, 'sms')).click();
    await until(el, () => $(el, '#address'), 'phone form');
    const input = $<HTMLInputElement>(el, '#address')!;
    type(input, '+1 555 555 0142');
    button(el, 'submit-button').click();
    await until(el, () => $(el, 'mfa-code-input'), 'code step');
    const code = await emulator.lastCode(user.id, 'sms');
    const enrolled = oneEvent(el, 'mfa-enroll') as Promise<MfaEnrollEvent>;
    type(codeField(el), code);
    const event = await enrolled;
    expect(event.detail.factor).to.equal('sms');
    expect(event.detail.authenticator?.factor).to.equal('sms');
    expect(event.detail.recoveryCodes?.length).to.equal(1);
    await until(el, () => isEnrolled(el, 'sms'), 'sms enrolled');
    expect(isEnrolled(el, 'voice')).to.equal(true);
    await acknowledgeRecovery(el);

    button(el, 'remove-button', row(el, 'sms')).click();
    await until(el, () => $(el, '[part~="confirm"]'), 'confirmation');
    expect($(el, '[part~="confirm"]')!.textContent).to.contain('Removing your phone also removes voice calls to it.');
    const removed = oneEvent(el, 'mfa-remove') as Promise<MfaRemoveEvent>;
    button(el, 'confirm-button').click();
    const removal = await removed;
    expect(removal.detail.factor).to.equal('sms');
    expect(removal.detail.linkedIds.length).to.equal(1);
    await until(el, () => !isEnrolled(el, 'sms') && !isEnrolled(el, 'voice'), 'pair removed');
  });
});

describe('<mfa-enrollment> without a source', () => {
  it('renders the no-source state', async () => {
    const el = await fixture<MfaEnrollment>(html`<mfa-enrollment></mfa-enrollment>`);
    expect($(el, '[part~="no-source"]')!.textContent).to.contain('No data source');
    await expect(el).to.be.accessible();
  });
});
