/**
 * A translation table that cannot be fetched (offline, a deploy that removed it): the element keeps
 * English and works, and no error escapes. The test server refuses the German table while a cookie
 * names it (scripts/wtr/refuse-on-cookie.js). Its own file: a browser may remember a failed module fetch.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/mfa-code-input.js';
import type { MfaCodeInput } from '../../src/define/mfa-code-input.js';
import { waitUntil } from '../helpers/wait.js';
import { refusal } from '../helpers/refusal.js';

const network = refusal('src/locales/tables/de');
const label = (el: MfaCodeInput) => el.shadowRoot!.querySelector('input')!.labels![0]!.textContent!.trim();

describe('a translation that cannot be fetched', () => {
  const unhandled: unknown[] = [];
  const onUnhandled = (event: PromiseRejectionEvent) => unhandled.push(event.reason);
  before(() => {
    network.refuse();
    window.addEventListener('unhandledrejection', onUnhandled);
  });
  after(() => {
    network.allow();
    window.removeEventListener('unhandledrejection', onUnhandled);
  });

  it('leaves the element in English and working, with no unhandled error', async () => {
    const requested = () => performance.getEntriesByType('resource').some((e) => /\/src\/locales\/tables\/de\.(js|ts)/.test(e.name));
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="de"><mfa-code-input></mfa-code-input></div>`);
    const el = wrapper.querySelector<MfaCodeInput>('mfa-code-input')!;
    await waitUntil(requested, 'the German table was never requested');
    // Long enough for a loaded table to have been applied (the French one is, in the same way).
    const fr = await fixture<HTMLDivElement>(html`<div lang="fr"><mfa-code-input></mfa-code-input></div>`);
    await waitUntil(() => label(fr.querySelector('mfa-code-input')!) === 'Code à 6 chiffres', 'French never arrived');
    await el.updateComplete;
    expect(label(el)).to.equal('6-digit code');
    expect(unhandled, 'an unhandled rejection escaped').to.deep.equal([]);
    await expect(el).to.be.accessible();
  });

  it('fetches the table again for the next element once it can be fetched, in every engine', async () => {
    network.allow();
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="de"><mfa-code-input></mfa-code-input></div>`);
    const el = wrapper.querySelector<MfaCodeInput>('mfa-code-input')!;
    // Firefox and Chromium 150 remember the failed import(): only a fresh URL reaches the server.
    await waitUntil(() => label(el) === '6-stelliger Code', `German never arrived after the failed fetch (label: ${label(el)})`);
    expect(unhandled, 'an unhandled rejection escaped').to.deep.equal([]);
  });
});
