/**
 * What the live region says follows the language: a sentence announced before its language's table
 * arrived (or before `lang` changed) is said again in that language, not left in English.
 * Its own file, so that the French table is not already loaded by an earlier test.
 */
import { expect } from '@open-wc/testing';
import { liveText, setup, until } from './mfa-enrollment-helpers.js';

const SEED = [{ factor: 'otp' as const }, { factor: 'email' as const, email: 'live@example.com' }];

describe('live-region announcements and the page language', () => {
  const original = document.documentElement.getAttribute('lang');
  afterEach(() => {
    if (original === null) document.documentElement.removeAttribute('lang');
    else document.documentElement.setAttribute('lang', original);
  });

  it('the list summary is said in French when the page is French from the start', async () => {
    document.documentElement.lang = 'fr';
    const { el } = await setup({ seed: SEED });
    await until(el, () => /^\d méthodes? configurées? sur 5\.$/.test(liveText(el)), `summary not in French: “${liveText(el)}”`);
  });

  it('the list summary is said again in German after lang changes, with the same numbers', async () => {
    document.documentElement.lang = 'en';
    const { el } = await setup({ seed: SEED });
    await until(el, () => /^\d of 5 methods set up\.$/.test(liveText(el)), `no English summary: “${liveText(el)}”`);
    const enrolled = liveText(el).split(' ')[0];
    el.setAttribute('lang', 'de');
    await until(el, () => liveText(el) === `${enrolled} von 5 Methoden eingerichtet.`, `summary stayed “${liveText(el)}”`);
    expect(liveText(el)).not.to.match(/methods/);
  });
});
