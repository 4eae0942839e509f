import { expect } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { MfaEnrollment } from '../../src/define/mfa-enrollment.js';
import { regionOf } from '../../src/core/phone.js';
import { emulator } from '../helpers/emulator.js';
import { $, button, codeField, isEnrolled, row, setup, type, until } from './mfa-enrollment-helpers.js';

// Issue 16, phone entry: a country chooser (localized names, calling codes, preselected from the
// language), national numbers sent as E.164, the chooser's data fetched only when a phone flow opens.

const countryModuleFetched = () =>
  performance.getEntriesByType('resource').some((entry) => /\/phone-countries\.(js|ts)\b/.test(entry.name));
const select = (el: MfaEnrollment) => $<HTMLSelectElement>(el, '#country');

async function openPhoneFlow(el: MfaEnrollment, factor = 'sms'): Promise<HTMLSelectElement> {
  button(el, 'enroll-button', row(el, factor)).click();
  await until(el, () => select(el), 'the country chooser');
  return select(el)!;
}

function choose(chooser: HTMLSelectElement, region: string): void {
  chooser.value = region;
  chooser.dispatchEvent(new Event('change', { bubbles: true }));
}

describe('<mfa-enrollment> phone entry', () => {
  // First in this file: the module is fetched once per page.
  it('fetches the country data only when a phone flow opens', async () => {
    const { el } = await setup({ factors: 'sms email' });
    expect(countryModuleFetched(), 'no country data with the list').to.equal(false);
    button(el, 'enroll-button', row(el, 'email')).click();
    await until(el, () => $(el, '#address'), 'email form');
    expect(countryModuleFetched(), 'no country data for email').to.equal(false);
    await openPhoneFlow(el);
    expect(countryModuleFetched(), 'country data fetched for the phone flow').to.equal(true);
  });

  it('names the countries in the element language with their calling codes, preselecting its region', async () => {
    const { el, provider } = await setup({ factors: 'sms' });
    provider.setAttribute('lang', 'de-CH');
    const chooser = await openPhoneFlow(el);
    await until(el, () => chooser.labels[0]?.textContent === 'Land oder Region', 'the German label');
    expect(chooser.value).to.equal('CH');
    const label = (region: string) => [...chooser.options].find((o) => o.value === region)!.textContent!;
    expect(label('DE')).to.contain('Deutschland').and.to.contain('+49');
    expect(label('US')).to.contain('Vereinigte Staaten').and.to.contain('+1');
    // Sorted by the localized name.
    const names = [...chooser.options].map((o) => o.textContent!);
    expect(names).to.deep.equal([...names].sort(new Intl.Collator('de-CH').compare));
    await expect(el).to.be.accessible();
  });

  it('defaults to the US without a region in the language or the browser', async () => {
    const { el, provider } = await setup({ factors: 'sms' });
    provider.setAttribute('lang', 'fr');
    const chooser = await openPhoneFlow(el);
    const region = regionOf(navigator.language);
    expect(chooser.value).to.equal(region && [...chooser.options].some((o) => o.value === region) ? region : 'US');
  });

  it('sends a national number with the chosen country as E.164 (keyboard only)', async () => {
    const { el, user } = await setup({ factors: 'sms' });
    const chooser = await openPhoneFlow(el);
    choose(chooser, 'DE');
    await el.updateComplete;
    const field = $<HTMLInputElement>(el, '#address')!;
    field.focus();
    await sendKeys({ type: '030 1234567' });
    await sendKeys({ press: 'Enter' });
    await until(el, () => $(el, 'mfa-code-input'), 'code step');
    const [message] = await emulator.outbox({ userId: user.id, channel: 'sms' });
    expect(message?.to).to.equal('+49301234567');
    type(codeField(el), message!.code);
    await until(el, () => isEnrolled(el, 'sms'), 'sms enrolled');
  });

  it('chooses the country and types the number with the keyboard only', async () => {
    const { el, user } = await setup({ factors: 'voice' });
    const chooser = await openPhoneFlow(el, 'voice');
    chooser.focus();
    // A closed native select jumps to the first option whose name starts with the typed letter
    // (one letter: WebKit's type-ahead forgets earlier keys at the driver's typing pace).
    await sendKeys({ type: 'Z' });
    await until(el, () => chooser.value === 'ZM', `Zambia chosen by typing (${chooser.value})`);
    await sendKeys({ press: 'Tab' });
    expect(el.shadowRoot!.activeElement?.id, 'Tab goes from the chooser to the number').to.equal('address');
    await sendKeys({ type: '097 1234567' });
    await sendKeys({ press: 'Enter' });
    await until(el, () => $(el, 'mfa-code-input'), 'code step');
    const [message] = await emulator.outbox({ userId: user.id, channel: 'voice' });
    expect(message?.to).to.equal('+260971234567');
  });

  it('still takes a full +… number, whatever country is chosen', async () => {
    const { el, user } = await setup({ factors: 'sms' });
    choose(await openPhoneFlow(el), 'DE');
    type($<HTMLInputElement>(el, '#address')!, '+1 415 555 0123');
    button(el, 'submit-button').click();
    await until(el, () => $(el, 'mfa-code-input'), 'code step');
    const [message] = await emulator.outbox({ userId: user.id, channel: 'sms' });
    expect(message?.to).to.equal('+14155550123');
  });

  it('says clearly, in the element language, when the input cannot be a number; a corrected one is sent', async () => {
    const { el, provider, user } = await setup({ factors: 'sms' });
    provider.setAttribute('lang', 'de-DE');
    const chooser = await openPhoneFlow(el);
    expect(chooser.value).to.equal('DE');
    const field = $<HTMLInputElement>(el, '#address')!;
    type(field, '030 12x');
    button(el, 'submit-button').click();
    await until(el, () => $(el, '#address-error'), 'the field error');
    expect($(el, '#address-error')!.textContent).to.contain('keine Telefonnummer für das gewählte Land');
    expect(field.getAttribute('aria-invalid')).to.equal('true');
    expect(el.shadowRoot!.activeElement).to.equal(field);
    expect(await emulator.outbox({ userId: user.id })).to.have.length(0);
    await expect(el).to.be.accessible();
    type(field, '0151 2345 6789');
    button(el, 'submit-button').click();
    await until(el, () => $(el, 'mfa-code-input'), 'code step');
    const [message] = await emulator.outbox({ userId: user.id, channel: 'sms' });
    expect(message?.to).to.equal('+4915123456789');
  });
});
