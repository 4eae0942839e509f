/**
 * Nothing English escapes: every element, through its states, under a pseudo-locale in which every
 * table string is accented, lengthened by 40 % and bracketed (test/helpers/pseudo.ts). Any visible
 * text, accessible name, tooltip, live-region sentence or downloaded text left outside the brackets
 * did not go through the tables. At 360 px, the longer text must neither stick out nor be clipped.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import '../../src/define/mfa-code-input.js';
import '../../src/define/mfa-qr-code.js';
import '../../src/define/mfa-recovery-codes.js';
import '../../src/define/mfa-otp-enroll.js';
import '../../src/define/mfa-verify.js';
import '../../src/define/mfa-enrollment.js';
import '../../src/define/mfa-provider.js';
import type { MfaOtpEnroll } from '../../src/define/mfa-otp-enroll.js';
import type { MfaRecoveryCodes } from '../../src/define/mfa-recovery-codes.js';
import type { MfaEnrollment } from '../../src/define/mfa-enrollment.js';
import { MfaApiSource } from '../../src/core/api-source.js';
import { CLIENT_ID, emulator } from '../helpers/emulator.js';
import { env } from '../helpers/env.js';
import { totp } from '../helpers/totp.js';
import { leftover, overflows, PSEUDO, recordLive, registerPseudo, texts } from '../helpers/pseudo.js';
import { enterCode, mount, part, seeded, waitForPart } from './mfa-verify-helpers.js';
import { $, acknowledgeRecovery, button, codeField, loaded, row, setup, type, until } from './mfa-enrollment-helpers.js';

const URI = 'otpauth://totp/Pseudo:me%40example.com?secret=JBSWY3DPEHPK3PXP&issuer=Pseudo';

/** Fails with every untranslated text and every overflow of `el` in its current state. */
async function check(el: Element, state: string, data: string[] = []): Promise<void> {
  await (el as Element & { updateComplete?: Promise<unknown> }).updateComplete;
  const leaks = texts(el.shadowRoot!)
    .map((f) => ({ ...f, rest: leftover(f.text, data) }))
    .filter((f) => f.rest)
    .map((f) => `${f.where}: “${f.text}” (left: ${f.rest})`);
  expect(leaks, `${state}: text that did not go through the tables`).to.deep.equal([]);
  expect(overflows(el), `${state}: overflow at 360 px`).to.deep.equal([]);
}

function checkSaid(said: string[], state: string, data: string[] = []): void {
  expect(said.length, `${state}: nothing was announced`).to.be.greaterThan(0);
  expect(said.filter((s) => leftover(s, data)), `${state}: announced outside the tables`).to.deep.equal([]);
}

describe('pseudo-locale: nothing English escapes, nothing overflows at 360 px', () => {
  const original = document.documentElement.getAttribute('lang');
  before(() => {
    registerPseudo();
    document.documentElement.lang = PSEUDO;
    document.body.style.width = '360px';
  });
  after(() => {
    if (original === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.setAttribute('lang', original);
    document.body.style.width = '';
  });

  it('the checker itself sees English (a string that bypasses the tables)', async () => {
    const el = await fixture(html`<mfa-code-input label="Six digits"></mfa-code-input>`);
    const found = texts(el.shadowRoot!).map((f) => leftover(f.text)).filter(Boolean);
    expect(found).to.include('Six digits');
  });

  it('<mfa-code-input>, <mfa-qr-code> (drawn and refused)', async () => {
    await check(await fixture(html`<mfa-code-input></mfa-code-input>`), 'code input');
    const qr = await fixture(html`<mfa-qr-code .value=${URI}></mfa-qr-code>`);
    await waitUntil(() => qr.shadowRoot!.querySelector('svg'), 'no QR code drawn');
    await check(qr, 'QR code');
    const bad = await fixture(html`<mfa-qr-code value="https://evil.example/"></mfa-qr-code>`);
    await check(bad, 'refused QR code');
  });

  it('<mfa-recovery-codes>: many, one, after copying, and the downloaded file', async () => {
    const codes = ['ABCD1234EFGH5678IJKL9012', 'MNOP3456QRST7890UVWX1234'];
    const many = await fixture<MfaRecoveryCodes>(html`<mfa-recovery-codes issuer="Pseudo" account="me@example.com" .codes=${codes}></mfa-recovery-codes>`);
    const said = recordLive(many);
    await check(many, 'recovery codes', ['Pseudo']);
    many.shadowRoot!.querySelector<HTMLButtonElement>('[part~="copy-button"]')!.click();
    await waitUntil(() => said.length > 0, 'copying said nothing');
    await check(many, 'recovery codes, copied', ['Pseudo']);
    checkSaid(said, 'recovery codes');
    const file = many.fileText().split('\n').filter((line) => line && !codes.some((c) => line.replace(/\s/g, '') === c));
    expect(file.filter((line) => leftover(line, ['Pseudo'])), 'the .txt file').to.deep.equal([]);
    await check(await fixture(html`<mfa-recovery-codes .codes=${codes.slice(0, 1)}></mfa-recovery-codes>`), 'one recovery code');
  });

  it('<mfa-otp-enroll>: scan, setup key, a wrong code, the recovery codes', async () => {
    const { mfaToken } = await emulator.freshUserWithMfaToken();
    const source = new MfaApiSource({ domain: env.emulatorUrl, clientId: CLIENT_ID, mfaToken });
    const el = await fixture<MfaOtpEnroll>(html`<mfa-otp-enroll .source=${source}></mfa-otp-enroll>`);
    const said = recordLive(el);
    await waitUntil(() => el.step !== 'starting' && el.step !== 'idle', 'no key', { timeout: 10_000 });
    await check(el, 'scan');
    part(el, 'manual-toggle')!.click();
    await check(el, 'setup key shown');
    const secret = part(el, 'secret')!.textContent!.replace(/\s+/g, '');
    const valid = await Promise.all([-30_000, 0, 30_000].map((d) => totp(secret, { time: Date.now() + d })));
    const wrong = ['000000', '111111', '222222'].find((c) => !valid.includes(c))!;
    await enterCode(el as never, wrong);
    part<HTMLButtonElement>(el, 'submit-button')!.click();
    await waitForPart(el, 'error');
    await check(el, 'wrong code');
    await enterCode(el as never, await totp(secret));
    part<HTMLButtonElement>(el, 'submit-button')!.click();
    await waitUntil(() => el.step === 'recovery' || el.step === 'done', 'code not accepted', { timeout: 10_000 });
    await el.updateComplete;
    await check(el, `after the code (${el.step})`);
    checkSaid(said, 'otp enroll');
  });

  it('<mfa-verify>: the picker, a code step, a wrong code, the recovery step', async () => {
    const s = await seeded([{ factor: 'otp' }, { factor: 'email', email: 'pseudo@example.com' }]);
    const el = await mount(s.source);
    const said = recordLive(el);
    await waitForPart(el, 'authenticator');
    await check(el, 'picker');
    el.shadowRoot!.querySelector<HTMLButtonElement>(`[part~="authenticator"][data-id="${s.idOf('otp')}"]`)!.click();
    await waitForPart(el, 'submit-button');
    await check(el, 'otp code');
    await enterCode(el, '000000');
    part<HTMLButtonElement>(el, 'submit-button')!.click();
    await waitForPart(el, 'error');
    await check(el, 'wrong code');
    const switches = [...el.shadowRoot!.querySelectorAll<HTMLButtonElement>('[part~="switch-button"]')];
    switches.at(-1)!.click();
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="recovery-input"], input[name="recovery"], [part~="description"]'), 'no recovery step');
    await el.updateComplete;
    await check(el, 'recovery step');
    checkSaid(said, 'verify');
  });

  it('<mfa-verify>: a text message with its resend countdown, a push waiting with its expiry', async () => {
    const s = await seeded([{ factor: 'sms', phoneNumber: '+15555550142' }, { factor: 'push', deviceName: 'Pixel 9' }], { pushInterval: 1 });
    const sms = await mount(s.source, { method: 'sms' });
    const said = recordLive(sms);
    await waitForPart(sms, 'countdown');
    await check(sms, 'sms sent, resend countdown', [s.nameOf('sms')]);
    checkSaid(said, 'verify sms', [s.nameOf('sms')]);
    const push = await mount(s.source, { method: 'push' });
    const pushSaid = recordLive(push);
    await waitForPart(push, 'countdown');
    await check(push, 'push waiting', ['Pixel 9']);
    checkSaid(pushSaid, 'verify push', ['Pixel 9']);
  });

  it('<mfa-enrollment>: the authenticator-app and email flows inside the list', async () => {
    const { el } = await setup();
    button(el, 'enroll-button', row(el, 'otp')).click();
    await until(el, () => $(el, 'mfa-otp-enroll')?.shadowRoot?.querySelector('[part~="manual-toggle"]'), 'otp flow');
    await check(el, 'otp flow in the list');
    button(el, 'cancel-button').click();
    await until(el, () => !$(el, 'mfa-otp-enroll'), 'otp flow closed');
    button(el, 'enroll-button', row(el, 'email')).click();
    await until(el, () => $(el, '#address'), 'email form');
    type($<HTMLInputElement>(el, '#address')!, 'flow@example.com');
    button(el, 'submit-button').click();
    await until(el, () => $(el, 'mfa-code-input'), 'email code step');
    await check(el, 'email code step');
  });

  it('<mfa-enrollment>: the list, a phone form refused, the code step, a removal to confirm', async () => {
    const { el } = await setup({ seed: [{ factor: 'email', email: 'list@example.com' }] });
    const said = recordLive(el as MfaEnrollment);
    await check(el, 'list');
    button(el, 'enroll-button', row(el, 'sms')).click();
    await until(el, () => $(el, '#country'), 'phone form with its country chooser');
    // The chooser's country names come from Intl.DisplayNames (data, not table text).
    const countries = [...$<HTMLSelectElement>(el, '#country')!.options].map((option) => option.textContent!);
    expect(countries.length, 'the country chooser is filled').to.be.greaterThan(100);
    await check(el, 'phone form', countries);
    type($<HTMLInputElement>(el, '#address')!, '12345');
    button(el, 'submit-button').click();
    await until(el, () => $(el, '#address-error'), 'field error');
    await check(el, 'phone refused', countries);
    type($<HTMLInputElement>(el, '#address')!, '+14155550123');
    button(el, 'submit-button').click();
    await until(el, () => $(el, 'mfa-code-input'), 'code step');
    await check(el, 'code step');
    button(el, 'cancel-button').click();
    await until(el, () => !$(el, 'mfa-code-input'), 'flow closed');
    button(el, 'remove-button', row(el, 'email')).click();
    await until(el, () => $(el, '[part~="confirm-button"]'), 'confirmation');
    await check(el, 'confirm removal');
    checkSaid(said, 'enrollment');
  });

  it('<mfa-enrollment>: the lines of issue 16 (copy status, the "set up" line, the note before verifying)', async () => {
    const { el, user } = await setup();
    button(el, 'enroll-button', row(el, 'email')).click();
    await until(el, () => $(el, '#address'), 'email form');
    type($<HTMLInputElement>(el, '#address')!, 'added@example.com');
    button(el, 'submit-button').click();
    await until(el, () => $(el, 'mfa-code-input'), 'code step');
    type(codeField(el), await emulator.lastCode(user.id, 'email'));
    await until(el, () => $(el, 'mfa-recovery-codes'), 'recovery panel');
    const codes = $(el, 'mfa-recovery-codes')!;
    const recovery = [...(codes as unknown as MfaRecoveryCodes).codes];
    codes.shadowRoot!.querySelector<HTMLButtonElement>('[part~="copy-button"]')!.click();
    await until(el, () => codes.shadowRoot!.querySelector('[part~="copy-status"]'), 'copy status');
    await check(el, 'recovery panel, after Copy', recovery);
    await acknowledgeRecovery(el);
    await until(el, () => $(el, '[part~="success"]'), 'success line');
    await check(el, 'set up');

    const other = await emulator.createUser();
    await emulator.seed(other.id, { factor: 'otp' });
    const provider = await fixture(html`<mfa-provider domain=${env.emulatorUrl} client-id=${CLIENT_ID} .mfaToken=${await emulator.login(other)}>
      <mfa-enrollment factors="otp email"></mfa-enrollment>
    </mfa-provider>`);
    const locked = provider.querySelector<MfaEnrollment>('mfa-enrollment')!;
    await loaded(locked);
    await until(locked, () => $(locked, '[part~="locked"]'), 'locked note');
    await check(locked, 'before verifying');
  });

  it('an element without a data source', async () => {
    await check(await fixture(html`<mfa-enrollment></mfa-enrollment>`), 'enrollment, no source');
    await check(await fixture(html`<mfa-verify></mfa-verify>`), 'verify, no source');
  });
});
