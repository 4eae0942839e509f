import { expect, fixture, html } from '@open-wc/testing';
import { nextEvent } from '../helpers/within.js';
import { waitUntil } from '../helpers/wait.js';
import { executeServerCommand, sendKeys } from '@web/test-runner-commands';
import { MfaApiSource } from '../../src/core/api-source.js';
import { MfaError } from '../../src/core/errors.js';
import type { Authenticator, Enrollment, EnrollRequest, MfaSource, OtpEnrollment, VerifyRequest } from '../../src/core/types.js';
import type { MfaCodeInput } from '../../src/define/mfa-code-input.js';
import '../../src/define/mfa-otp-enroll.js';
import type { MfaOtpEnroll } from '../../src/define/mfa-otp-enroll.js';
import type { MfaRecoveryCodes } from '../../src/define/mfa-recovery-codes.js';
import type { MfaEnrollEvent, MfaErrorEvent } from '../../src/elements/shared/events.js';
import { CLIENT_ID, emulator, type TestUser, type UserSettings } from '../helpers/emulator.js';
import { env } from '../helpers/env.js';
import { totp } from '../helpers/totp.js';

// ------------------------------------------------------------------ helpers

/** An MfaApiSource that also remembers every enrollment exactly as the source returned it. */
class RecordingSource extends MfaApiSource {
  readonly enrollments: Enrollment[] = [];
  override async enroll(req: EnrollRequest, opts?: { signal?: AbortSignal }): Promise<Enrollment> {
    const enrollment = await super.enroll(req, opts);
    this.enrollments.push(enrollment);
    return enrollment;
  }
}

async function freshSource(settings?: UserSettings): Promise<{ user: TestUser; source: RecordingSource }> {
  const { user, mfaToken } = await emulator.freshUserWithMfaToken(settings);
  return { user, source: new RecordingSource({ domain: env.emulatorUrl, clientId: CLIENT_ID, mfaToken }) };
}

async function mount(source: MfaSource, attrs = html``): Promise<MfaOtpEnroll> {
  const el = await fixture<MfaOtpEnroll>(html`<mfa-otp-enroll .source=${source}>${attrs}</mfa-otp-enroll>`);
  await waitUntil(() => el.step !== 'starting' && el.step !== 'idle', 'the element never got a key', { timeout: 10_000 });
  await el.updateComplete;
  await qr(el)?.updateComplete;
  return el;
}

function part<T extends Element = HTMLElement>(el: Element, name: string): T {
  return el.shadowRoot!.querySelector<T>(`[part~="${name}"]`)!;
}

function qr(el: MfaOtpEnroll) {
  return el.shadowRoot!.querySelector('mfa-qr-code');
}

function codeInput(el: MfaOtpEnroll): MfaCodeInput {
  return el.shadowRoot!.querySelector('mfa-code-input')!;
}

function innerInput(el: MfaOtpEnroll): HTMLInputElement {
  return codeInput(el).shadowRoot!.querySelector('input')!;
}

function recoveryCodes(el: MfaOtpEnroll): MfaRecoveryCodes {
  return el.shadowRoot!.querySelector('mfa-recovery-codes')!;
}

/** The setup key as a person reads it off the screen. */
function secretOnScreen(el: MfaOtpEnroll): string {
  return part(el, 'secret').textContent!.replace(/\s+/g, '');
}

/** The element (through shadow roots) that has focus. */
function deepActive(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** A code no app would show right now (none of the codes of the last, current and next step). */
async function wrongCode(secret: string): Promise<string> {
  const now = Date.now();
  const valid = await Promise.all([-30_000, 0, 30_000].map((d) => totp(secret, { time: now + d })));
  for (const candidate of ['000000', '111111', '222222', '333333']) if (!valid.includes(candidate)) return candidate;
  throw new Error('unreachable');
}

/** Types (or pastes) into the real input as the browser would deliver it. */
function enterCode(el: MfaOtpEnroll, text: string): void {
  const input = innerInput(el);
  input.value = text;
  input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertText' }));
}

function paste(el: MfaOtpEnroll, text: string): void {
  const data = new DataTransfer();
  data.setData('text/plain', text);
  const event = new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true, composed: true });
  if (event.clipboardData?.getData('text/plain') !== text) Object.defineProperty(event, 'clipboardData', { value: data });
  innerInput(el).dispatchEvent(event);
}

function statusText(el: Element): string {
  return el.shadowRoot!.querySelector('[role="status"]')!.textContent!;
}

async function associates(user: TestUser): Promise<number> {
  return (await emulator.requests(user.id)).filter((r) => r.method === 'POST' && r.path === '/mfa/associate').length;
}

/** Resolves with every mfa-enroll fired on `el` (checked after the fact). */
function collect<K extends 'mfa-enroll' | 'mfa-error'>(el: Element, type: K): Array<GlobalEventHandlersEventMap[K]> {
  const events: Array<GlobalEventHandlersEventMap[K]> = [];
  el.addEventListener(type, (e) => events.push(e as GlobalEventHandlersEventMap[K]));
  return events;
}

async function untilRecovery(el: MfaOtpEnroll): Promise<MfaRecoveryCodes> {
  try {
    await waitUntil(() => el.step === 'recovery' || el.step === 'done', '', { timeout: 10_000 });
  } catch {
    const error = el.shadowRoot!.querySelector('[part~="error"]')?.textContent;
    throw new Error(`the code was not accepted: step ${el.step}, field "${codeInput(el)?.value}", error "${error}"`);
  }
  await el.updateComplete;
  const codes = recoveryCodes(el);
  await codes.updateComplete;
  return codes;
}

/** A source that answers associate with `enrollment` and verify with `verify`. */
function doubleSource(
  enrollment: Partial<OtpEnrollment>,
  verify: (req: VerifyRequest) => Promise<object> = async () => ({}),
): MfaSource & { enrollCalls: number } {
  const source = {
    enrollCalls: 0,
    async listAuthenticators() {
      return [];
    },
    async enroll() {
      source.enrollCalls++;
      return {
        type: 'otp',
        factor: 'otp',
        secret: 'JBSWY3DPEHPK3PXP',
        barcodeUri: 'otpauth://totp/ACME:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=ACME',
        ...enrollment,
      } as OtpEnrollment;
    },
    async remove() {},
    async challenge() {
      return { challengeType: 'otp' as const };
    },
    async verify(req: VerifyRequest) {
      return verify(req);
    },
  };
  return source;
}

// ------------------------------------------------------------------ tests

describe('<mfa-otp-enroll> against the emulator', () => {
  it('enrolls with the code computed from the key on screen, and fires mfa-enroll after the codes are saved', async () => {
    const { user, source } = await freshSource();
    const el = await mount(source);
    const enrolled = collect(el, 'mfa-enroll');
    expect(el.step).to.equal('scan');
    await expect(el).to.be.accessible();

    part(el, 'manual-toggle').click();
    await el.updateComplete;
    expect(part(el, 'manual').hidden).to.be.false;
    await expect(el).to.be.accessible();
    const secret = secretOnScreen(el);
    expect(secret).to.equal(source.enrollments[0]!.type === 'otp' ? source.enrollments[0]!.secret : '');
    expect(part(el, 'secret').textContent).to.match(/^([A-Z2-7]{4} )+[A-Z2-7]{1,4}$/);

    enterCode(el, await totp(secret));
    const codes = await untilRecovery(el);
    expect(el.step).to.equal('recovery');
    const shown = [...codes.shadowRoot!.querySelectorAll('[part~="code"]')].map((c) => c.textContent!.replace(/\s+/g, ''));
    expect(shown.length).to.be.greaterThan(0);
    expect(enrolled.length).to.equal(0);
    await expect(el).to.be.accessible();

    // The gate: Continue does nothing until the box is ticked, and ticking alone does not finish.
    const continueButton = codes.shadowRoot!.querySelector<HTMLButtonElement>('[part~="continue-button"]')!;
    continueButton.click();
    codes.shadowRoot!.querySelector<HTMLInputElement>('[part~="checkbox"]')!.click();
    await codes.updateComplete;
    expect(enrolled.length).to.equal(0);
    expect(el.step).to.equal('recovery');
    const fired = nextEvent(el, 'mfa-enroll');
    continueButton.click();
    const event = (await fired) as MfaEnrollEvent;
    expect(enrolled.length).to.equal(1);
    expect(event.bubbles && event.composed).to.be.true;
    expect(event.detail.factor).to.equal('otp');
    expect(event.detail.recoveryCodes).to.deep.equal(shown);
    expect(event.detail.authenticator?.authenticatorType).to.equal('otp');
    expect(event.detail.authenticator?.active).to.be.true;
    await el.updateComplete;
    expect(el.step).to.equal('done');
    expect(part(el, 'step-done').textContent).to.contain('Authenticator app added');
    await expect(el).to.be.accessible();

    const listed = await source.listAuthenticators();
    expect(listed.filter((a) => a.authenticatorType === 'otp' && a.active).map((a) => a.id)).to.deep.equal([
      event.detail.authenticator!.id,
    ]);
    expect(await associates(user)).to.equal(1);
  });

  it('reports the new authenticator in mfa-enroll when the user already has an authenticator app', async () => {
    // A signed-in user (access token) may add a second app; the MFA API lists both, in creation order,
    // without dates, so the one to report is the last active one, not the one that was there before.
    const { user, accessToken } = await emulator.freshUserWithAccessToken();
    const before = (await emulator.seed(user.id, { factor: 'otp' })).authenticators.map((a) => a.id);
    const source = new RecordingSource({ domain: env.emulatorUrl, clientId: CLIENT_ID, accessToken });
    const el = await mount(source);
    const fired = nextEvent(el, 'mfa-enroll');
    enterCode(el, await totp(secretOnScreen(el)));
    const event = (await fired) as MfaEnrollEvent;
    const active = (await source.listAuthenticators()).filter((a) => a.authenticatorType === 'otp' && a.active).map((a) => a.id);
    const added = active.filter((id) => !before.includes(id));
    expect(active, 'the old app and the new one are listed').to.have.length(2);
    expect(added).to.have.length(1);
    expect(event.detail.authenticator?.id).to.equal(added[0]);
    expect(event.detail.recoveryCodes, 'not the first enrollment').to.equal(undefined);
  });

  it('draws a QR code that zbarimg decodes to exactly the barcode_uri the server sent', async () => {
    const { source } = await freshSource();
    const el = await mount(source);
    const sent = source.enrollments[0]!.type === 'otp' ? source.enrollments[0]!.barcodeUri : '';
    expect(sent).to.match(/^otpauth:\/\/totp\//);
    const image = qr(el)!.shadowRoot!.querySelector('svg')!;
    expect(image.getAttribute('role')).to.equal('img');
    expect(image.getAttribute('aria-label')).to.contain('QR code that adds');
    expect(await executeServerCommand('decode-qr')).to.equal(sent);
    const link = part<HTMLAnchorElement>(el, 'app-link');
    expect(link.getAttribute('href')).to.equal(sent);
  });

  it('keeps the same key after a wrong code, says how many attempts are left, then accepts the right one', async () => {
    const { user, source } = await freshSource();
    const el = await mount(source);
    const errors = collect(el, 'mfa-error');
    part(el, 'manual-toggle').click();
    await el.updateComplete;
    const secret = secretOnScreen(el);

    enterCode(el, await wrongCode(secret));
    await waitUntil(() => errors.length === 1, 'no mfa-error for the wrong code', { timeout: 10_000 });
    await el.updateComplete;
    expect(errors[0]!.detail.action).to.equal('confirm');
    expect(errors[0]!.detail.error.code).to.equal('invalid_grant');
    const message = part(el, 'error').textContent!;
    expect(message).to.contain('That code is not correct');
    expect(message).to.match(/\d+ attempts? left/);
    expect(codeInput(el).invalid).to.be.true;
    expect(deepActive()).to.equal(innerInput(el));
    expect(el.step).to.equal('scan');
    expect(secretOnScreen(el)).to.equal(secret);
    await expect(el).to.be.accessible();

    enterCode(el, await totp(secret));
    await untilRecovery(el);
    expect(el.step).to.equal('recovery');
    expect(await associates(user)).to.equal(1);
    expect(source.enrollments.length).to.equal(1);
  });

  it('Enter does not send a refused code again until the code changes (each try spends a shared attempt)', async () => {
    const { user, source } = await freshSource();
    const el = await mount(source);
    const errors = collect(el, 'mfa-error');
    part(el, 'manual-toggle').click();
    await el.updateComplete;
    const secret = secretOnScreen(el);
    const tokenRequests = async () => (await emulator.requests(user.id)).filter((r) => r.method === 'POST' && r.path === '/oauth/token').length;
    const before = await tokenRequests();
    enterCode(el, await wrongCode(secret));
    await waitUntil(() => errors.length === 1, 'no mfa-error for the wrong code', { timeout: 10_000 });
    await el.updateComplete;
    expect(await tokenRequests()).to.equal(before + 1);
    innerInput(el).focus();
    await sendKeys({ press: 'Enter' });
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(await tokenRequests(), 'the same refused code is not sent again').to.equal(before + 1);
    expect(part(el, 'error').textContent).to.contain('That code is not correct');
    enterCode(el, await totp(secret));
    await untilRecovery(el);
    expect(await tokenRequests()).to.equal(before + 2);
  });

  for (const [name, format] of [
    ['123 456', (c: string) => `${c.slice(0, 3)} ${c.slice(3)}`],
    ['123-456', (c: string) => `${c.slice(0, 3)}-${c.slice(3)}`],
  ] as const) {
    it(`accepts a pasted code written as ${name}`, async () => {
      const { source } = await freshSource();
      const el = await mount(source);
      part(el, 'manual-toggle').click();
      await el.updateComplete;
      paste(el, format(await totp(secretOnScreen(el))));
      await untilRecovery(el);
      expect(el.step).to.equal('recovery');
    });
  }

  it('counts down Retry-After with Verify disabled after too many wrong codes', async () => {
    const { source } = await freshSource();
    const el = await mount(source);
    const errors = collect(el, 'mfa-error');
    part(el, 'manual-toggle').click();
    await el.updateComplete;
    const secret = secretOnScreen(el);
    const valid = await Promise.all([-30_000, 0, 30_000].map((d) => totp(secret, { time: Date.now() + d })));
    // A different wrong code each time: the same refused code is not sent twice.
    const wrongs = Array.from({ length: 20 }, (_, i) => String(900_000 + i)).filter((c) => !valid.includes(c));
    const submit = part<HTMLButtonElement>(el, 'submit-button');
    for (let attempt = 1; attempt <= 12 && el.shadowRoot!.querySelector('[part~="wait"]') === null; attempt++) {
      codeInput(el).value = wrongs[attempt]!;
      await codeInput(el).updateComplete;
      submit.click();
      await waitUntil(() => errors.length === attempt, 'no answer to the code', { timeout: 10_000 });
      await el.updateComplete;
    }
    const last = errors.at(-1)!.detail.error;
    expect(last.code).to.equal('too_many_attempts');
    expect(last.retryAfter).to.be.greaterThan(0);
    expect(part(el, 'wait').textContent).to.match(/^Try again in\u00a0\d+\u00a0seconds?\.$/);
    expect(part(el, 'error').textContent).to.contain('Too many failed attempts');
    expect(submit.disabled).to.be.true;
    expect(el.step).to.equal('scan');
    await expect(el).to.be.accessible();
  });

  it('says the session is over when the token is too old to associate', async () => {
    const { user, mfaToken } = await emulator.freshUserWithMfaToken({ mfaTokenTtl: 1 });
    const source = new MfaApiSource({ domain: env.emulatorUrl, clientId: CLIENT_ID, mfaToken });
    await emulator.waitForClockPast((await emulator.now()) + 1_000, 'the 1 s mfa_token ttl');
    const errors: MfaErrorEvent[] = [];
    const wrapper = await fixture<HTMLDivElement>(html`<div @mfa-error=${(e: MfaErrorEvent) => errors.push(e)}></div>`);
    const el = document.createElement('mfa-otp-enroll');
    el.source = source;
    wrapper.append(el);
    await waitUntil(() => el.step === 'failed', 'associate did not fail', { timeout: 10_000 });
    await el.updateComplete;
    // A bearer token past its expiry is `invalid_token` on the MFA API (Auth0 and the emulator).
    expect(errors.map((e) => [e.detail.action, e.detail.error.code])).to.deep.equal([['enroll', 'invalid_token']]);
    expect(part(el, 'step-failed').textContent).to.contain('Sign in again');
    expect(qr(el)).to.equal(null);
    expect(part(el, 'retry-button')).to.exist;
    expect(await associates(user)).to.equal(1);
    await expect(el).to.be.accessible();
  });

  it('says the session expired when the mfa_token expires before the code is confirmed, and offers to start over', async () => {
    const { source } = await freshSource({ mfaTokenTtl: 2 });
    const loggedInBy = await emulator.now();
    const el = await mount(source);
    const errors = collect(el, 'mfa-error');
    part(el, 'manual-toggle').click();
    await el.updateComplete;
    const secret = secretOnScreen(el);
    await emulator.waitForClockPast(loggedInBy + 2_000, 'the 2 s mfa_token ttl');
    enterCode(el, await totp(secret));
    await waitUntil(() => errors.length === 1, 'no mfa-error', { timeout: 10_000 });
    await el.updateComplete;
    expect(errors[0]!.detail.action).to.equal('confirm');
    expect(errors[0]!.detail.error.code).to.equal('expired_token');
    expect(part(el, 'error').textContent).to.contain('Your session has expired');
    expect(part(el, 'retry-button').textContent!.trim()).to.equal('Start over');
    expect(el.step).to.equal('scan');
    await expect(el).to.be.accessible();
  });

  it('passes a server fault on confirm to the page and lets the user try the same key again', async () => {
    const { user, source } = await freshSource();
    const el = await mount(source);
    const errors = collect(el, 'mfa-error');
    part(el, 'manual-toggle').click();
    await el.updateComplete;
    const secret = secretOnScreen(el);
    await emulator.fault({ path: '/oauth/token', method: 'POST', user_id: user.id, status: 503, body: 'html' });
    try {
      enterCode(el, await totp(secret));
      await waitUntil(() => errors.length === 1, 'no mfa-error', { timeout: 10_000 });
    } finally {
      await emulator.clearFaults();
    }
    await el.updateComplete;
    expect(errors[0]!.detail.action).to.equal('confirm');
    expect(part(el, 'error').textContent).to.contain('Try again');
    part(el, 'submit-button').click();
    await untilRecovery(el);
    expect(el.step).to.equal('recovery');
    expect(await associates(user)).to.equal(1);
  });

  it('can be completed with the keyboard alone', async () => {
    const { source } = await freshSource();
    const wrapper = await fixture<HTMLDivElement>(html`<div><button id="before">before</button></div>`);
    wrapper.querySelector<HTMLButtonElement>('#before')!.focus();
    wrapper.querySelector<HTMLButtonElement>('#before')!.remove();
    const el = document.createElement('mfa-otp-enroll');
    el.source = source;
    wrapper.append(el);
    await waitUntil(() => el.step === 'scan', 'no key', { timeout: 10_000 });
    await el.updateComplete;
    // Focus moved to the step's heading, since the user was not busy elsewhere.
    await waitUntil(() => deepActive()?.id === 'scan-title', 'focus did not move to the scan step');

    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(part(el, 'app-link'));
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(part(el, 'manual-toggle'));
    await sendKeys({ press: 'Enter' });
    await el.updateComplete;
    expect(part(el, 'manual-toggle').getAttribute('aria-expanded')).to.equal('true');
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(part(el, 'copy-button'));
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(innerInput(el));
    // One key press per digit: WebKit's WebDriver drops the second of two equal characters in one `type`.
    for (const digit of await totp(secretOnScreen(el))) await sendKeys({ press: digit });

    const codes = await untilRecovery(el);
    await waitUntil(() => deepActive()?.id === 'recovery-title', 'focus did not move to the recovery codes');
    const fired = nextEvent(el, 'mfa-enroll');
    for (let i = 0; i < 4; i++) await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(codes.shadowRoot!.querySelector('[part~="checkbox"]'));
    await sendKeys({ press: ' ' });
    await sendKeys({ press: 'Tab' });
    expect(deepActive()).to.equal(codes.shadowRoot!.querySelector('[part~="continue-button"]'));
    await sendKeys({ press: 'Enter' });
    const event = (await fired) as MfaEnrollEvent;
    expect(event.detail.recoveryCodes?.length).to.be.greaterThan(0);
    await waitUntil(() => deepActive()?.id === 'done-title', 'focus did not move to the result');
  });

  it('copies the setup key with a real button', async () => {
    const { source } = await freshSource();
    const el = await mount(source);
    part(el, 'manual-toggle').click();
    await el.updateComplete;
    let copied = '';
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: async (text: string) => void (copied = text) },
      configurable: true,
    });
    try {
      const button = part<HTMLButtonElement>(el, 'copy-button');
      expect(button.tagName).to.equal('BUTTON');
      button.click();
      await waitUntil(() => copied !== '');
      expect(copied).to.equal(secretOnScreen(el));
      await waitUntil(() => statusText(el).includes('Setup key copied'));
    } finally {
      delete (navigator as unknown as Record<string, unknown>).clipboard;
    }
  });
});

describe('<mfa-otp-enroll> with a test double', () => {
  for (const uri of [
    'https://evil.example/otp?secret=JBSWY3DPEHPK3PXP',
    'javascript:alert(1)',
    'otpauth://hotp/ACME:alice?secret=JBSWY3DPEHPK3PXP&counter=1',
    'otpauth://totp/ACME:alice?enrollment_tx_id=abc&base_url=https://evil.example',
  ]) {
    it(`refuses the barcode_uri ${uri.split('?')[0]}: no QR code, no link, mfa-error invalid_uri`, async () => {
      const source = doubleSource({ barcodeUri: uri });
      const errors: MfaErrorEvent[] = [];
      const wrapper = await fixture<HTMLDivElement>(html`<div @mfa-error=${(e: MfaErrorEvent) => errors.push(e)}></div>`);
      const el = document.createElement('mfa-otp-enroll');
      el.source = source;
      wrapper.append(el);
      await waitUntil(() => el.step === 'failed');
      await el.updateComplete;
      expect(errors.map((e) => e.detail.error.code)).to.deep.equal(['invalid_uri']);
      expect(part(el, 'step-failed').textContent).to.contain('not an authenticator-app key');
      expect(statusText(el)).to.contain('not an authenticator-app key');
      expect(qr(el)).to.equal(null);
      expect(el.shadowRoot!.querySelector('a')).to.equal(null);
      expect(el.shadowRoot!.querySelector('[part~="secret"]')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  }

  it('says why it refuses a barcode_uri in French and German', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="fr"></div>`);
    const el = document.createElement('mfa-otp-enroll');
    el.source = doubleSource({ barcodeUri: 'https://example.com/key' });
    wrapper.append(el);
    await waitUntil(() => el.step === 'failed');
    // French loads on first use (src/locales): English shows until it arrives.
    await waitUntil(() => part(el, 'step-failed').textContent!.includes('n’est pas une clé d’application d’authentification'), 'no French text');
    // Common text (the button) comes from the lazily loaded French locale module.
    await waitUntil(() => part(el, 'retry-button').textContent!.trim() === 'Réessayer', 'no French common text');
    wrapper.lang = 'de';
    await waitUntil(() => part(el, 'step-failed').textContent!.includes('kein Authenticator-App-Schlüssel'), 'no German text');
  });

  it('refuses a barcode_uri whose secret differs from the secret field', async () => {
    const source = doubleSource({ secret: 'KRSXG5CTMVRXEZLU' });
    const el = await mount(source);
    expect(el.step).to.equal('failed');
    expect(qr(el)).to.equal(null);
  });

  it('shows algorithm, digits and period only when they are not SHA1/6/30, and sizes the code input', async () => {
    const plain = await mount(doubleSource({}));
    part(plain, 'manual-toggle').click();
    await plain.updateComplete;
    const terms = (el: MfaOtpEnroll) => [...el.shadowRoot!.querySelectorAll('dt')].map((dt) => dt.textContent);
    const values = (el: MfaOtpEnroll) => [...el.shadowRoot!.querySelectorAll('dd')].map((dd) => dd.textContent);
    expect(terms(plain)).to.deep.equal(['Service', 'Account', 'Type']);
    expect(values(plain)).to.deep.equal(['ACME', 'alice@example.com', 'Time-based']);

    const custom = await mount(
      doubleSource({
        barcodeUri:
          'otpauth://totp/ACME%20Corp:alice%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=ACME%20Corp&algorithm=SHA256&digits=8&period=60',
      }),
    );
    part(custom, 'manual-toggle').click();
    await custom.updateComplete;
    expect(terms(custom)).to.deep.equal(['Service', 'Account', 'Type', 'Algorithm', 'Digits', 'Interval']);
    expect(values(custom)).to.deep.equal(['ACME Corp', 'alice@example.com', 'Time-based', 'SHA256', '8', '60\u00a0seconds']);
    expect(codeInput(custom).length).to.equal(8);
    expect(part(custom, 'secret').textContent).to.equal('JBSW Y3DP EHPK 3PXP');
    expect(custom.shadowRoot!.querySelector('.sr-only')!.textContent).to.contain('J B S W, Y 3 D P, E H P K, 3 P X P');
    await expect(custom).to.be.accessible();
  });

  it('is accessible and busy while the key is being created', async () => {
    let release!: () => void;
    const gate = new Promise<void>((resolve) => (release = resolve));
    const source = doubleSource({});
    const enroll = source.enroll.bind(source);
    source.enroll = async () => {
      await gate;
      return enroll({ factor: 'otp' });
    };
    const el = await fixture<MfaOtpEnroll>(html`<mfa-otp-enroll .source=${source}></mfa-otp-enroll>`);
    expect(el.step).to.equal('starting');
    expect(part(el, 'base').getAttribute('aria-busy')).to.equal('true');
    expect(part(el, 'status').textContent).to.contain('Creating your key');
    await expect(el).to.be.accessible();
    release();
    await waitUntil(() => el.step === 'scan');
  });

  it('reports the newest app by its date when a source lists newest first, whatever the order', async () => {
    const older = { id: 'totp|old', factor: 'otp', authenticatorType: 'otp', active: true, createdAt: '2026-01-02T03:04:05.000Z' };
    const newer = { id: 'totp|new', factor: 'otp', authenticatorType: 'otp', active: true, createdAt: '2026-06-07T08:09:10.000Z' };
    const pending = { id: 'totp|pending', factor: 'otp', authenticatorType: 'otp', active: false, createdAt: '2026-12-01T00:00:00.000Z' };
    const push = { id: 'push|phone', factor: 'push', authenticatorType: 'oob', active: true, createdAt: '2026-12-02T00:00:00.000Z' };
    for (const listed of [
      [newer, older, pending, push],
      [push, pending, older, newer],
    ]) {
      const source = Object.assign(doubleSource({}), { listAuthenticators: async () => listed as Authenticator[] });
      const el = await mount(source);
      const fired = nextEvent(el, 'mfa-enroll');
      paste(el, '123456');
      const event = (await fired) as MfaEnrollEvent;
      expect(event.detail.authenticator?.id, listed.map((a) => a.id).join(', ')).to.equal('totp|new');
    }
  });

  it('fires mfa-enroll at once when no recovery codes came with the enrollment', async () => {
    const verified: VerifyRequest[] = [];
    const source = doubleSource({}, async (req) => {
      verified.push(req);
      return {};
    });
    const el = await mount(source);
    const fired = nextEvent(el, 'mfa-enroll');
    paste(el, '123 456');
    const event = (await fired) as MfaEnrollEvent;
    expect(verified).to.deep.equal([{ type: 'otp', otp: '123456' }]);
    expect(event.detail).to.deep.equal({ factor: 'otp' });
    expect(el.step).to.equal('done');
  });

  it('shows a rate limit from fault-free sources too: the wait, and no submit until it is over', async () => {
    const source = doubleSource({}, async () => {
      throw new MfaError('too_many_attempts', { status: 429, retryAfter: 90 });
    });
    const el = await mount(source);
    const error = nextEvent(el, 'mfa-error');
    enterCode(el, '123456');
    expect(((await error) as MfaErrorEvent).detail.error.retryAfter).to.equal(90);
    await el.updateComplete;
    expect(part(el, 'wait').textContent).to.equal('Try again in\u00a090\u00a0seconds.');
    expect(part<HTMLButtonElement>(el, 'submit-button').disabled).to.be.true;
    await waitUntil(() => statusText(el).includes('Try again in\u00a090\u00a0seconds.'));
  });

  it('does not associate twice when it is moved in the page', async () => {
    const source = doubleSource({});
    const el = await mount(source);
    const parent = el.parentElement!;
    el.remove();
    parent.append(el);
    await el.updateComplete;
    expect(el.step).to.equal('scan');
    expect(source.enrollCalls).to.equal(1);
  });

  it('speaks German and French', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="de"></div>`);
    const el = document.createElement('mfa-otp-enroll');
    el.source = doubleSource({});
    wrapper.append(el);
    await waitUntil(() => el.step === 'scan');
    // German and French load lazily (src/locales): English shows until the translation arrives.
    await waitUntil(() => part(el, 'title').textContent!.trim() === 'Authenticator-App hinzufügen', 'no German title');
    expect(part(el, 'manual-toggle').textContent!.trim()).to.equal('Code lässt sich nicht scannen?');
    expect(codeInput(el).label).to.equal('6-stelliger Code aus Ihrer App');
    wrapper.lang = 'fr';
    await waitUntil(() => part(el, 'submit-button').textContent!.trim() === 'Vérifier', 'no French text');
    expect(part(el, 'copy-button').textContent!.trim()).to.equal('Copier la clé');
  });

  it('says so when there is no source', async () => {
    const el = await fixture<MfaOtpEnroll>(html`<mfa-otp-enroll></mfa-otp-enroll>`);
    expect(part(el, 'no-source').textContent).to.contain('No data source');
    await expect(el).to.be.accessible();
  });
});
