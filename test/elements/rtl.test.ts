/**
 * Right to left: in Arabic and Hebrew, or under `dir="rtl"` on an ancestor, the layout mirrors
 * (what starts a line sits at the right), while codes, the setup key, phone numbers and email
 * addresses keep their left-to-right order. Layout assertions, in every engine.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/mfa-recovery-codes.js';
import '../../src/define/mfa-code-input.js';
import type { MfaCodeInput } from '../../src/define/mfa-code-input.js';
import type { MfaRecoveryCodes } from '../../src/define/mfa-recovery-codes.js';
import { button, enrolledNames, row, setup, until } from './mfa-enrollment-helpers.js';

const box = (el: Element) => el.getBoundingClientRect();
const CODES = ['ABCD1234EFGH5678IJKL9012'];

describe('right-to-left layout', () => {
  for (const [name, attrs] of [
    ['lang="ar"', { lang: 'ar' }],
    ['lang="he"', { lang: 'he' }],
    ['dir="rtl" on an ancestor (English text)', { dir: 'rtl' }],
  ] as const) {
    it(`${name}: a factor row mirrors, its title at the right, its button at the left`, async () => {
      const { el, provider } = await setup({ seed: [{ factor: 'email', email: 'rtl@example.com' }], factors: 'otp email' });
      for (const [k, v] of Object.entries(attrs)) provider.setAttribute(k, v);
      if ('lang' in attrs) await until(el, () => !/Authenticator app/.test(row(el, 'otp').textContent!), 'translation not applied');
      await el.updateComplete;
      expect(getComputedStyle(el).direction).to.equal('rtl');
      const otp = row(el, 'otp');
      const title = box(otp.querySelector(`[part~="title"]`)!);
      const action = box(button(el, 'enroll-button', otp));
      expect(title.left, 'title should be right of the button').to.be.greaterThan(action.right - 1);
      // The address stays left to right, isolated from the text around it.
      const address = row(el, 'email').querySelector<HTMLElement>('[part~="authenticator-name"]')!;
      expect(address.getAttribute('dir')).to.equal('ltr');
      expect(getComputedStyle(address).direction).to.equal('ltr');
      expect(enrolledNames(el, 'email')[0]).to.match(/@/);
    });
  }

  it('lang="en" stays left to right: title at the left, button at the right', async () => {
    const { el } = await setup({ factors: 'otp email' });
    const otp = row(el, 'otp');
    const title = box(otp.querySelector('[part~="title"]')!);
    const action = box(button(el, 'enroll-button', otp));
    expect(getComputedStyle(el).direction).to.equal('ltr');
    expect(action.left).to.be.greaterThan(title.right - 1);
  });

  it('the code input keeps its digits in order, first cell at the left, in Arabic', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="ar"><mfa-code-input></mfa-code-input></div>`);
    const el = wrapper.querySelector<MfaCodeInput>('mfa-code-input')!;
    await el.updateComplete;
    const cells = [...el.shadowRoot!.querySelectorAll('.cell')].map(box);
    for (let i = 1; i < cells.length; i++) expect(cells[i]!.left).to.be.greaterThan(cells[i - 1]!.left);
    const input = el.shadowRoot!.querySelector('input')!;
    expect(getComputedStyle(input).direction).to.equal('ltr');
    // The label is Arabic, aligned to the right edge of the element.
    const label = el.shadowRoot!.querySelector('label')!;
    expect(getComputedStyle(label).direction).to.equal('rtl');
  });

  it('recovery codes stay left to right inside a mirrored list, in Hebrew', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="he" style="width: 360px"><mfa-recovery-codes .codes=${CODES}></mfa-recovery-codes></div>`);
    const el = wrapper.querySelector<MfaRecoveryCodes>('mfa-recovery-codes')!;
    await el.updateComplete;
    const code = el.shadowRoot!.querySelector<HTMLElement>('[part~="code"] code')!;
    expect(getComputedStyle(code).direction).to.equal('ltr');
    expect(code.textContent!.replace(/\s/g, '')).to.equal(CODES[0]);
    const intro = el.shadowRoot!.querySelector('p')!;
    expect(getComputedStyle(intro).direction).to.equal('rtl');
  });

  it('an icon that points faces the reading direction (class mirror-rtl)', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div><mfa-code-input lang="he"></mfa-code-input><mfa-code-input lang="en"></mfa-code-input><div dir="rtl"><mfa-code-input></mfa-code-input></div></div>`);
    const [he, en, rtl] = [...wrapper.querySelectorAll<MfaCodeInput>('mfa-code-input')];
    const icon = (el: MfaCodeInput) => el.shadowRoot!.appendChild(Object.assign(document.createElement('div'), { className: 'mirror-rtl' }));
    expect(getComputedStyle(icon(he!)).transform).to.equal('matrix(-1, 0, 0, 1, 0, 0)');
    expect(getComputedStyle(icon(rtl!)).transform).to.equal('matrix(-1, 0, 0, 1, 0, 0)');
    expect(getComputedStyle(icon(en!)).transform).to.equal('none');
  });
});
