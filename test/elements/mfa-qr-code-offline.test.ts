/**
 * `<mfa-qr-code>` when the QR library cannot be fetched (offline, a deploy that removed it): it says
 * so, and the next code drawn tries the fetch again. The test server refuses the module while a
 * cookie names it (scripts/wtr/refuse-on-cookie.js). Its own file: the library is fetched once a page.
 */
import { expect, fixture, html } from '@open-wc/testing';
import '../../src/define/mfa-qr-code.js';
import type { MfaQrCode } from '../../src/define/mfa-qr-code.js';
import { refusal } from '../helpers/refusal.js';

const network = refusal('__prebundled__/qrcode');
const uri = (secret: string) => `otpauth://totp/ACME:alice?secret=${secret}&issuer=ACME`;
// Text and flags, not elements: a failing assertion must not have to serialize a DOM node.
const error = (el: MfaQrCode) => el.shadowRoot!.querySelector('[part~="error"]');
const drawn = (el: MfaQrCode) => Boolean(el.shadowRoot!.querySelector('svg[part="qr"] path'));

describe('<mfa-qr-code> when the QR library cannot be fetched', () => {
  afterEach(() => {
    network.allow();
  });

  it('shows why there is no code, and draws the next one once the library can be fetched', async () => {
    network.refuse();
    const el = await fixture<MfaQrCode>(html`<mfa-qr-code .value=${uri('JBSWY3DPEHPK3PXP')}></mfa-qr-code>`);
    await el.updateComplete;
    expect(drawn(el)).to.equal(false);
    expect(error(el)?.getAttribute('role')).to.equal('alert');
    expect(error(el)?.textContent?.trim()).to.equal('The QR code could not be drawn.');
    await expect(el).to.be.accessible();

    network.allow();
    el.value = uri('KRSXG5CTMVRXEZLU');
    await el.updateComplete;
    // Every engine: Firefox and Chromium 150 keep a failed import() for the life of the page, so
    // the element must ask for the module under a fresh URL; WebKit and Chromium 156 fetch it anew.
    expect(error(el)?.textContent ?? 'no error', 'the failed fetch was not tried again').to.equal('no error');
    expect(drawn(el)).to.equal(true);
    await expect(el).to.be.accessible();
  });
});
