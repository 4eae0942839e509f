/**
 * `defineOnUse`: how the all-in-one script file (scripts/cdn-pages.mjs) defines `<mfa-otp-enroll>`
 * and `<mfa-recovery-codes>`, which it leaves to part files, for a page that uses one on its own.
 * With the loaders those pages use: the part is fetched when such an element is in the document or
 * enters it; when it cannot be fetched the element reports `mfa-error` (and the console says
 * why), and putting an element back fetches it again, after which `whenDefined` resolves. The test
 * server refuses the module while a cookie names it (scripts/wtr/refuse-on-cookie.js). Its own
 * file (and <mfa-recovery-codes> in define-on-use-codes-offline.test.ts): a browser may remember a
 * failed module fetch, and a tag is defined once per page.
 */
import { expect } from '@open-wc/testing';
import { MfaApiSource } from '../../src/core/api-source.js';
import { defineOnUse } from '../../src/elements/shared/define-on-use.js';
import type { MfaErrorEvent } from '../../src/elements/shared/events.js';
import { loadOtpEnroll } from '../../src/elements/mfa-enrollment/otp-enroll-loader.js';
import { CLIENT_ID, emulator } from '../helpers/emulator.js';
import { env } from '../helpers/env.js';
import { consoleErrors } from '../helpers/console.js';
import { refusal } from '../helpers/refusal.js';
import { waitUntil } from '../helpers/wait.js';
import { nextEvent } from '../helpers/within.js';

const otp = refusal('src/define/mfa-otp-enroll');

describe('defineOnUse (the all-in-one file’s elements defined on first use)', () => {
  afterEach(() => {
    otp.allow();
    document.querySelectorAll('mfa-otp-enroll').forEach((el) => el.remove());
  });

  it('<mfa-otp-enroll> already in the page: an mfa-error when its part cannot be fetched; put back, it is fetched, defined and runs', async () => {
    const { mfaToken } = await emulator.freshUserWithMfaToken();
    const el = Object.assign(document.createElement('mfa-otp-enroll'), { source: new MfaApiSource({ domain: env.emulatorUrl, clientId: CLIENT_ID, mfaToken }) });
    document.body.append(el);
    otp.refuse();
    const errors = await consoleErrors(async () => {
      const failed = nextEvent(el, 'mfa-error') as Promise<MfaErrorEvent>;
      defineOnUse('mfa-otp-enroll', loadOtpEnroll);
      const { detail } = await failed;
      expect(detail.error.code).to.equal('network_error');
      expect(detail.action).to.equal('load');
    });
    expect(errors.join('\n')).to.contain('<mfa-otp-enroll> could not be fetched');
    expect(customElements.get('mfa-otp-enroll'), 'the refused module was loaded after all').to.equal(undefined);

    otp.allow();
    let defined = false;
    void customElements.whenDefined('mfa-otp-enroll').then(() => (defined = true));
    el.remove();
    document.body.append(el);
    await waitUntil(() => defined, 'whenDefined did not resolve once the element was put back');
    await waitUntil(() => el.shadowRoot?.querySelector('mfa-qr-code')?.shadowRoot?.querySelector('svg'), 'the authenticator-app flow did not draw its QR code', { timeout: 10_000 });
    await expect(el).to.be.accessible();
  });
});
