/**
 * Every factor enrolled inline and removed again, end to end against the emulator, through each
 * source the test runner offers (direct `MfaApiSource`; `ProxySource` once the proxy is mounted).
 */
import { expect } from '@open-wc/testing';
import { nextEvent } from '../helpers/within.js';
import { executeServerCommand } from '@web/test-runner-commands';
import type { MfaEnrollment } from '../../src/define/mfa-enrollment.js';
import type { MfaEnrollEvent, MfaErrorEvent, MfaRemoveEvent } from '../../src/elements/shared/events.js';
import { emulator } from '../helpers/emulator.js';
import { totp } from '../helpers/totp.js';
import {
  $,
  button,
  codeField,
  enrolledNames,
  isEnrolled,
  liveText,
  MODES,
  otpEnroll,
  row,
  setup,
  type,
  until,
  acknowledgeRecovery,
} from './mfa-enrollment-helpers.js';

async function removeAndConfirm(el: MfaEnrollment, factor: string, consequence?: string): Promise<MfaRemoveEvent> {
  button(el, 'remove-button', row(el, factor)).click();
  await until(el, () => $(el, '[part~="confirm"]'), 'confirmation');
  const confirm = $(el, '[part~="confirm"]')!;
  if (consequence) expect(confirm.textContent).to.contain(consequence);
  const removed = nextEvent(el, 'mfa-remove') as Promise<MfaRemoveEvent>;
  button(el, 'confirm-button').click();
  const event = await removed;
  await until(el, () => !isEnrolled(el, factor), `${factor} removed`);
  return event;
}

async function enrollByCode(el: MfaEnrollment, userId: string, factor: 'sms' | 'voice' | 'email', address: string): Promise<MfaEnrollEvent> {
  button(el, 'enroll-button', row(el, factor)).click();
  await until(el, () => $(el, '#address'), 'address form');
  type($<HTMLInputElement>(el, '#address')!, address);
  button(el, 'submit-button').click();
  await until(el, () => $(el, 'mfa-code-input'), 'code step');
  const code = await emulator.lastCode(userId, factor);
  const enrolled = nextEvent(el, 'mfa-enroll') as Promise<MfaEnrollEvent>;
  type(codeField(el), code);
  return enrolled;
}

for (const mode of MODES) {
  describe(`<mfa-enrollment> factors (${mode})`, () => {
    it('otp: through <mfa-otp-enroll> (QR, setup key, code), recovery code once, then removed', async () => {
      const { el } = await setup({ mode });
      button(el, 'enroll-button', row(el, 'otp')).click();
      await until(el, () => $(el, 'mfa-otp-enroll'), 'otp flow');
      const child = otpEnroll(el);
      await until(el, () => child.step === 'scan', 'key shown');
      await child.updateComplete;
      const secret = child.shadowRoot!.querySelector('[part~="secret"]')!.textContent!.replace(/\s/g, '');
      const enrolled = nextEvent(el, 'mfa-enroll') as Promise<MfaEnrollEvent>;
      const input = child.shadowRoot!.querySelector('mfa-code-input')!.shadowRoot!.querySelector('input')!;
      type(input, await totp(secret));
      // The recovery code is shown once by <mfa-otp-enroll>, which sends mfa-enroll after it is saved.
      await until(el, () => child.step === 'recovery', 'recovery code step');
      await child.updateComplete;
      const codes = child.shadowRoot!.querySelector('mfa-recovery-codes')!;
      codes.shadowRoot!.querySelector<HTMLInputElement>('[part~="checkbox"]')!.click();
      await (codes as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      codes.shadowRoot!.querySelector<HTMLButtonElement>('[part~="continue-button"]')!.click();
      const event = await enrolled;
      expect(event.detail.factor).to.equal('otp');
      expect(event.detail.authenticator?.authenticatorType).to.equal('otp');
      expect(event.detail.recoveryCodes).to.have.length(1);
      await until(el, () => !$(el, 'mfa-otp-enroll') && isEnrolled(el, 'otp'), 'flow closed, otp listed');
      expect($(el, '[part~="recovery-codes"]'), 'not shown a second time').to.equal(null);
      await until(el, () => el.shadowRoot!.activeElement === row(el, 'otp').querySelector('[part~="success"]'), 'focus on "set up"');

      const removal = await removeAndConfirm(el, 'otp');
      expect(removal.detail).to.deep.include({ factor: 'otp', authenticatorId: event.detail.authenticator!.id });
    });

    it('sms: phone number, code from the outbox, enrolled with its voice twin, removed as a pair', async () => {
      const { el, user } = await setup({ mode });
      const event = await enrollByCode(el, user.id, 'sms', '+44 7700 900123');
      expect(event.detail.factor).to.equal('sms');
      expect(event.detail.authenticator?.oobChannel).to.equal('sms');
      await until(el, () => isEnrolled(el, 'sms') && isEnrolled(el, 'voice'), 'pair listed');
      const [name] = enrolledNames(el, 'sms');
      expect(name).to.match(/0123$/);
      expect(name).not.to.contain('7700900');
      await acknowledgeRecovery(el);
      const removal = await removeAndConfirm(el, 'sms', 'Removing your phone also removes voice calls to it.');
      expect(removal.detail.linkedIds).to.have.length(1);
      expect(isEnrolled(el, 'voice')).to.equal(false);
    });

    it('voice: enrolled by call, removed with a consequence that names text messages', async () => {
      const { el, user } = await setup({ mode, factors: 'voice sms' });
      const event = await enrollByCode(el, user.id, 'voice', '+15555550177');
      expect(event.detail.factor).to.equal('voice');
      await until(el, () => isEnrolled(el, 'voice') && isEnrolled(el, 'sms'), 'pair listed');
      await acknowledgeRecovery(el);
      await removeAndConfirm(el, 'voice', 'Removing voice calls also removes text messages to this phone.');
      expect(isEnrolled(el, 'sms')).to.equal(false);
    });

    it('email: address, code, enrolled and removed', async () => {
      const { el, user } = await setup({ mode });
      const event = await enrollByCode(el, user.id, 'email', 'someone@example.com');
      expect(event.detail.factor).to.equal('email');
      await until(el, () => isEnrolled(el, 'email'), 'email listed');
      expect(enrolledNames(el, 'email')[0]).to.contain('@example.com');
      await acknowledgeRecovery(el);
      await removeAndConfirm(el, 'email');
    });

    it('push: Guardian link, polling until approved, the linked TOTP shown with push, removed together', async () => {
      const { el, user } = await setup({ mode, settings: { pushInterval: 1 } });
      button(el, 'enroll-button', row(el, 'push')).click();
      await until(el, () => $(el, '[part~="flow"] [part~="link"]'), 'guardian link');
      const guardianUri = $(el, '[part~="flow"] [part~="link"]')!.getAttribute('href')!;
      expect(guardianUri).to.match(/^otpauth:\/\/.*enrollment_tx_id=/);
      // The QR code scans (zbarimg on a screenshot) to exactly the Guardian enrollment URI.
      const qr = $(el, 'mfa-qr-code')!;
      await until(el, () => qr.shadowRoot?.querySelector('svg'), 'qr drawn');
      qr.scrollIntoView({ block: 'center' });
      expect(await executeServerCommand('decode-qr')).to.equal(guardianUri);
      const enrolled = nextEvent(el, 'mfa-enroll') as Promise<MfaEnrollEvent>;
      const pending = await emulator.waitForPendingPush(user.id);
      expect(pending.kind).to.equal('enroll');
      await emulator.approvePush(pending.oob_code);
      const event = await enrolled;
      expect(event.detail.factor).to.equal('push');
      expect(event.detail.authenticator?.oobChannel).to.equal('auth0');
      await until(el, () => isEnrolled(el, 'push'), 'push listed');
      // The Guardian app's codes belong to the push enrollment, not to a separate authenticator app.
      expect(isEnrolled(el, 'otp')).to.equal(false);
      await acknowledgeRecovery(el);
      const removal = await removeAndConfirm(el, 'push', 'also removes the one-time codes');
      expect(removal.detail.linkedIds).to.have.length(1);
    });

    it('push: a rejection in the app is shown, and starting again gives a new QR', async () => {
      const { el, user } = await setup({ mode, settings: { pushInterval: 1 } });
      button(el, 'enroll-button', row(el, 'push')).click();
      const pending = await emulator.waitForPendingPush(user.id);
      const failed = nextEvent(el, 'mfa-error') as Promise<MfaErrorEvent>;
      await emulator.rejectPush(pending.oob_code);
      const error = await failed;
      expect(error.detail.action).to.equal('confirm');
      await until(el, () => $(el, '[part~="restart-button"]'), 'restart offered');
      expect($(el, '[part~="flow"] [part~="error"]')!.textContent).to.contain('declined');
      button(el, 'restart-button').click();
      await until(el, async () => (await emulator.pushes(user.id)).filter((p) => p.status === 'pending').length === 1, 'a new enrollment');
      // The server has the new enrollment before the element has its answer and shows the new step.
      await until(el, () => $(el, '[part~="flow"] [part~="cancel-button"]'), 'the new step, with Cancel');
      button(el, 'cancel-button').click();
      await until(el, () => !$(el, '[part~="flow"]'), 'flow closed');
      expect(liveText(el)).to.equal('Setup cancelled.');
    });

    it('push: an expired QR is shown as expired', async () => {
      const { el } = await setup({ mode, settings: { pushInterval: 1, pushTtl: 1 } });
      const failed = nextEvent(el, 'mfa-error') as Promise<MfaErrorEvent>;
      button(el, 'enroll-button', row(el, 'push')).click();
      const error = await failed;
      expect(error.detail.error.code).to.equal('expired_token');
      await until(el, () => $(el, '[part~="restart-button"]'), 'restart offered');
      expect($(el, '[part~="flow"] [part~="error"]')!.textContent).to.contain('expired');
    });
  });
}
