import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { executeServerCommand } from '@web/test-runner-commands';
import '../../src/define/mfa-qr-code.js';
import { MfaQrCode } from '../../src/define/mfa-qr-code.js';
import { qrMatrix } from '../../src/elements/mfa-qr-code/mfa-qr-code.js';

const URI =
  'otpauth://totp/ACME:alice%40example.com?secret=JBSWY3DPEHPK3PXPJBSWY3DPEHPK3PXP&issuer=ACME&algorithm=SHA1&digits=6&period=30';

async function qr(value: string, label?: string): Promise<MfaQrCode> {
  const el = await fixture<MfaQrCode>(html`<mfa-qr-code .value=${value} label=${label ?? ''}></mfa-qr-code>`);
  await el.updateComplete;
  return el;
}

/** Whether the page has fetched the qrcode module (served prebundled by the test server). */
function qrcodeFetched(): boolean {
  return performance.getEntriesByType('resource').some((entry) => /qrcode/.test(entry.name));
}

describe('<mfa-qr-code>', () => {
  // First in the file: each test file is its own page, so nothing has drawn a code yet.
  it('loads the qrcode module only when a code is drawn', async () => {
    const el = await fixture<MfaQrCode>(html`<mfa-qr-code label="QR"></mfa-qr-code>`);
    el.value = 'https://example.com/not-drawn';
    await el.updateComplete;
    expect(qrcodeFetched()).to.be.false;
    el.value = URI;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('svg')).to.exist;
    expect(qrcodeFetched()).to.be.true;
  });

  it('draws an inline SVG image with a label, one path, and no data: URL', async () => {
    const el = await qr(URI, 'QR code for ACME');
    const svgEl = el.shadowRoot!.querySelector('svg')!;
    expect(svgEl.getAttribute('role')).to.equal('img');
    expect(svgEl.getAttribute('aria-label')).to.equal('QR code for ACME');
    expect(svgEl.querySelectorAll('path').length).to.equal(1);
    expect(el.shadowRoot!.innerHTML).not.to.contain('data:');
    expect(el.shadowRoot!.querySelector('img')).to.equal(null);
    expect(el.hasAttribute('value')).to.be.false;
    await expect(el).to.be.accessible();
  });

  it('keeps a four-module light quiet zone around the symbol', async () => {
    const matrix = await qrMatrix(URI);
    const el = await qr(URI);
    const svgEl = el.shadowRoot!.querySelector('svg')!;
    expect(svgEl.getAttribute('viewBox')).to.equal(`0 0 ${matrix.size} ${matrix.size}`);
    const path = svgEl.querySelector('path')!.getAttribute('d')!;
    const coords = [...path.matchAll(/M(\d+) (\d+)h(\d+)/g)].map((m) => m.slice(1).map(Number) as [number, number, number]);
    const minX = Math.min(...coords.map(([x]) => x));
    const minY = Math.min(...coords.map(([, y]) => y));
    const maxX = Math.max(...coords.map(([x, , w]) => x + w));
    const maxY = Math.max(...coords.map(([, y]) => y + 1));
    expect([minX, minY, matrix.size - maxX, matrix.size - maxY]).to.deep.equal([4, 4, 4, 4]);
    const rect = svgEl.querySelector('rect')!;
    expect(rect.getAttribute('fill')).to.equal('#ffffff');
    expect(Number(rect.getAttribute('width'))).to.equal(matrix.size);
  });

  it('scans (zbarimg on a screenshot) to exactly the URI', async () => {
    await qr(URI);
    expect(await executeServerCommand('decode-qr')).to.equal(URI);
  });

  it('stays dark on light in a dark colour scheme', async () => {
    const wrapper = await fixture<HTMLDivElement>(
      html`<div class="dark"><mfa-qr-code .value=${URI}></mfa-qr-code></div>`,
    );
    const el = wrapper.querySelector('mfa-qr-code')!;
    el.style.setProperty('--mfa-color-surface', '#000000');
    el.style.setProperty('--mfa-color-text', '#ffffff');
    el.style.setProperty('color', '#ffffff');
    await el.updateComplete;
    const svgEl = el.shadowRoot!.querySelector('svg')!;
    expect(getComputedStyle(el.shadowRoot!.querySelector('.frame')!).backgroundColor).to.equal('rgb(255, 255, 255)');
    expect(getComputedStyle(svgEl.querySelector('path')!).fill).to.equal('rgb(0, 0, 0)');
    // Forced colours must not repaint it either: set on the frame, inherited by the svg (WebKit has
    // no forced-colors mode nor the property, so there only the rule itself can be checked).
    if (CSS.supports('forced-color-adjust', 'none')) {
      expect(getComputedStyle(svgEl).getPropertyValue('forced-color-adjust').trim()).to.equal('none');
    } else {
      const css = MfaQrCode.elementStyles.map((s) => (s instanceof CSSStyleSheet ? '' : s.cssText)).join('');
      expect(css).to.match(/\.frame\s*\{[^}]*forced-color-adjust:\s*none/);
    }
    expect(await executeServerCommand('decode-qr')).to.equal(URI);
  });

  for (const value of ['https://evil.example/otp', 'javascript:alert(1)', 'not a uri']) {
    it(`refuses ${value} with a message and no image`, async () => {
      const el = await qr(value);
      expect(el.valid).to.be.false;
      expect(el.shadowRoot!.querySelector('svg')).to.equal(null);
      expect(el.shadowRoot!.querySelector('[part~="error"]')!.textContent).to.contain('not an authenticator key');
      await expect(el).to.be.accessible();
    });
  }

  it('redraws when the value changes', async () => {
    const el = await qr(URI);
    const first = el.shadowRoot!.querySelector('path')!.getAttribute('d');
    el.value = URI.replace('alice', 'bob');
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('path')!.getAttribute('d')).not.to.equal(first);
    expect(await executeServerCommand('decode-qr')).to.equal(URI.replace('alice', 'bob'));
  });

  it('localizes its default label and messages', async () => {
    const wrapper = await fixture<HTMLDivElement>(html`<div lang="de"><mfa-qr-code .value=${URI}></mfa-qr-code></div>`);
    const el = wrapper.querySelector('mfa-qr-code')!;
    // German and French load lazily (src/locales): English shows until the translation arrives.
    await waitUntil(() => el.shadowRoot!.querySelector('svg')?.getAttribute('aria-label') === 'QR-Code', 'no German label');
    wrapper.lang = 'fr';
    el.value = 'https://example.com';
    await waitUntil(() => el.shadowRoot!.querySelector('[part~="error"]')?.textContent?.includes('clé'), 'no French message');
  });
});
