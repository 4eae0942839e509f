import { expect, fixture, html } from '@open-wc/testing';
import { nextEvent } from '../helpers/within.js';
import { waitUntil } from '../helpers/wait.js';
import { sendKeys } from '@web/test-runner-commands';
import '../../src/define/mfa-verify.js';
import type { MfaVerify } from '../../src/define/mfa-verify.js';
import { emulator } from '../helpers/emulator.js';
import { codeInput, enterCode, innerInput, mount, part, seeded, typeKeys, waitForPart } from './mfa-verify-helpers.js';

async function formWith(attrs = 'required'): Promise<{ form: HTMLFormElement; el: MfaVerify }> {
  const form = await fixture<HTMLFormElement>(
    `<form><fieldset><mfa-verify name="otp" ${attrs}></mfa-verify></fieldset><button type="submit">Submit</button></form>`,
  );
  const el = form.querySelector('mfa-verify')!;
  await el.updateComplete;
  await codeInput(el).updateComplete;
  // Validity is anchored once the inner input exists.
  await el.updateComplete;
  return { form, el };
}

describe('<mfa-verify> as a form field', () => {
  it('is form-associated: no source plus a name makes it a code field', async () => {
    const { form, el } = await formWith();
    expect((el.constructor as unknown as { formAssociated: boolean }).formAssociated).to.equal(true);
    expect(el.form).to.equal(form);
    expect(el.fieldMode).to.equal(true);
    expect(innerInput(el).getAttribute('autocomplete')).to.equal('one-time-code');
    expect(innerInput(el).labels![0]!.textContent!.trim()).to.equal('Verification code');
    await expect(form).to.be.accessible();
  });

  it('required: valueMissing, then patternMismatch, then valid, with localized messages', async () => {
    const { form, el } = await formWith();
    expect(el.validity.valueMissing).to.equal(true);
    expect(el.validationMessage).to.equal('Enter the verification code.');
    expect(form.checkValidity()).to.equal(false);
    expect(form.matches(':invalid')).to.equal(true);
    await enterCode(el, '123');
    await waitUntil(() => el.validity.patternMismatch, 'no patternMismatch');
    expect(el.validity.valueMissing).to.equal(false);
    expect(el.validationMessage).to.equal('Enter all 6 digits of the code.');
    await enterCode(el, '123456');
    await waitUntil(() => el.validity.valid, 'still invalid');
    expect(el.checkValidity()).to.equal(true);
    expect(form.checkValidity()).to.equal(true);
  });

  it('the German message comes from the nearest lang', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="de"><form><mfa-verify name="otp" required></mfa-verify></form></div>`);
    const el = wrapper.querySelector('mfa-verify')!;
    await el.updateComplete;
    await codeInput(el).updateComplete;
    await waitUntil(() => el.validationMessage === 'Geben Sie den Bestätigungscode ein.', el.validationMessage);
  });

  it('submits its digits with the form (FormData), and Enter in the field submits', async () => {
    const { form, el } = await formWith();
    const submitted: FormData[] = [];
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submitted.push(new FormData(form));
    });
    innerInput(el).focus();
    await typeKeys('12 34-56');
    expect(el.value).to.equal('123456');
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => submitted.length === 1, 'form not submitted');
    expect(submitted[0]!.get('otp')).to.equal('123456');
  });

  it('an incomplete code blocks submission', async () => {
    const { form, el } = await formWith();
    let submitted = 0;
    form.addEventListener('submit', (event) => {
      event.preventDefault();
      submitted++;
    });
    innerInput(el).focus();
    await typeKeys('12');
    await sendKeys({ press: 'Enter' });
    expect(submitted).to.equal(0);
    expect(el.validity.patternMismatch).to.equal(true);
    form.querySelector('button')!.click();
    expect(submitted).to.equal(0);
  });

  it('reset clears it', async () => {
    const { form, el } = await formWith();
    await enterCode(el, '654321');
    await waitUntil(() => new FormData(form).get('otp') === '654321', 'value not in FormData');
    form.reset();
    await el.updateComplete;
    expect(el.value).to.equal('');
    expect(codeInput(el).value).to.equal('');
    expect(innerInput(el).value).to.equal('');
    await waitUntil(() => el.validity.valueMissing, 'not required again');
    expect(new FormData(form).get('otp')).to.equal('');
  });

  it('a disabled fieldset disables it and leaves it out of the form data', async () => {
    const { form, el } = await formWith();
    await enterCode(el, '111222');
    form.querySelector('fieldset')!.disabled = true;
    await waitUntil(() => codeInput(el).disabled, 'inner field not disabled');
    expect(innerInput(el).disabled).to.equal(true);
    expect(el.matches(':disabled')).to.equal(true);
    expect(new FormData(form).has('otp')).to.equal(false);
    expect(form.checkValidity()).to.equal(true);
    form.querySelector('fieldset')!.disabled = false;
    await waitUntil(() => !codeInput(el).disabled, 'inner field still disabled');
    expect(new FormData(form).get('otp')).to.equal('111222');
  });

  it('restores its state (back/forward, autofill restore)', async () => {
    const { form, el } = await formWith();
    el.formStateRestoreCallback('98-76 54');
    await el.updateComplete;
    await waitUntil(() => new FormData(form).get('otp') === '987654', 'state not restored');
    expect(innerInput(el).value).to.equal('987654');
  });

  it('without a name or a source it says it needs a data source', async () => {
    const el = await fixture<MfaVerify>(html`<mfa-verify></mfa-verify>`);
    expect(part(el, 'no-source')).to.not.equal(null);
    await expect(el).to.be.accessible();
  });
});

describe('<mfa-verify> WebOTP', () => {
  type Get = CredentialsContainer['get'];
  let originalGet: Get;
  let hadOtpCredential: boolean;
  let calls: Array<{ options: CredentialRequestOptions & { otp?: { transport: string[] } }; resolve: (v: unknown) => void }>;

  let hadCredentials: boolean;

  beforeEach(() => {
    hadOtpCredential = 'OTPCredential' in window;
    if (!hadOtpCredential) Object.defineProperty(window, 'OTPCredential', { value: class {}, configurable: true });
    // WebKitGTK has no navigator.credentials at all: give it one for the test.
    hadCredentials = Boolean(navigator.credentials);
    if (!hadCredentials) Object.defineProperty(navigator, 'credentials', { value: {}, configurable: true });
    originalGet = navigator.credentials.get;
    calls = [];
    navigator.credentials.get = ((options: CredentialRequestOptions) =>
      new Promise((resolve, reject) => {
        calls.push({ options, resolve: resolve as (v: unknown) => void });
        options.signal?.addEventListener('abort', () => reject(new DOMException('aborted', 'AbortError')));
      })) as Get;
  });

  afterEach(() => {
    if (hadCredentials) navigator.credentials.get = originalGet;
    else delete (navigator as { credentials?: unknown }).credentials;
    if (!hadOtpCredential) delete (window as { OTPCredential?: unknown }).OTPCredential;
  });

  it('asks for the SMS code and verifies with it when it arrives', async () => {
    const s = await seeded([{ factor: 'sms', phoneNumber: '+15555550188' }]);
    const el = await mount(s.source, { method: 'sms' });
    await waitForPart(el, 'code-input');
    await waitUntil(() => calls.length === 1, 'WebOTP not asked');
    expect(calls[0]!.options.otp).to.deep.equal({ transport: ['sms'] });
    const verified = nextEvent(el, 'mfa-verified');
    calls[0]!.resolve({ type: 'otp', code: await emulator.lastCode(s.user.id, 'sms') });
    const event = await verified;
    expect(event.detail.method).to.equal('sms');
  });

  it('is aborted when the user submits a code, and on disconnect', async () => {
    const s = await seeded([{ factor: 'sms', phoneNumber: '+15555550189' }]);
    const el = await mount(s.source, { method: 'sms' });
    await waitForPart(el, 'code-input');
    await waitUntil(() => calls.length === 1, 'WebOTP not asked');
    const first = calls[0]!.options.signal!;
    expect(first.aborted).to.equal(false);
    await enterCode(el, '000000');
    expect(first.aborted).to.equal(true);
    await waitForPart(el, 'error');
    // A new code ("Send again") asks again; leaving the page aborts that one.
    const other = await mount(s.source, { method: 'sms' });
    await waitForPart(other, 'code-input');
    await waitUntil(() => calls.length === 2, 'WebOTP not asked again');
    other.remove();
    expect(calls[1]!.options.signal!.aborted).to.equal(true);
  });

  it('is not used for email or voice codes', async () => {
    const s = await seeded([{ factor: 'email', email: 'webotp@example.com' }]);
    const el = await mount(s.source, { method: 'email' });
    await waitForPart(el, 'code-input');
    expect(calls).to.have.length(0);
  });
});
