/**
 * Definition order: this page loads the element classes without registering `<mfa-provider>`, so
 * that the consumers exist (and have asked for a source) before the provider is defined. Own file:
 * a custom element can be defined only once per page.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { waitUntil } from '../helpers/wait.js';
import { MfaEnrollment } from '../../src/elements/mfa-enrollment/mfa-enrollment.js';
import { MfaProvider } from '../../src/elements/mfa-provider/mfa-provider.js';
import '../../src/define/mfa-code-input.js';
import '../../src/define/mfa-qr-code.js';
import { CLIENT_ID, emulator } from '../helpers/emulator.js';
import { env } from '../helpers/env.js';

function badge(el: Element, factor: string): Element | null | undefined {
  return el.shadowRoot?.querySelector(`[data-factor="${factor}"] [part~="badge"]`);
}

describe('<mfa-provider> defined after its consumers', () => {
  it('a consumer that asked before the provider existed gets the source once it is defined', async () => {
    MfaEnrollment.define('mfa-enrollment');
    const user = await emulator.createUser();
    await emulator.seed(user.id, { factor: 'otp' });
    const { accessToken } = await emulator.tokens(user.id);
    const wrapper = await fixture(html`<div>
      <mfa-provider domain=${env.emulatorUrl} client-id=${CLIENT_ID} .accessToken=${accessToken}>
        <mfa-enrollment factors="otp sms"></mfa-enrollment>
      </mfa-provider>
    </div>`);
    const el = wrapper.querySelector('mfa-enrollment') as MfaEnrollment;
    await el.updateComplete;
    expect(customElements.get('mfa-provider')).to.equal(undefined);
    expect(el.shadowRoot!.querySelector('[part~="no-source"]'), 'no provider yet').to.exist;

    MfaProvider.define('mfa-provider');
    await waitUntil(() => badge(el, 'otp'), 'listed through the late provider', { timeout: 10_000 });
    expect(el.shadowRoot!.querySelector('[part~="no-source"]')).to.equal(null);
  });

  it('a consumer class defined after the provider, inside it, finds it too', async () => {
    const user = await emulator.createUser();
    await emulator.seed(user.id, { factor: 'email', email: 'late@example.com' });
    const { accessToken } = await emulator.tokens(user.id);
    const wrapper = await fixture(html`<div>
      <mfa-provider domain=${env.emulatorUrl} client-id=${CLIENT_ID} .accessToken=${accessToken}>
        <mfa-enrollment-late factors="email"></mfa-enrollment-late>
      </mfa-provider>
    </div>`);
    customElements.define('mfa-enrollment-late', class extends MfaEnrollment {});
    const el = wrapper.querySelector('mfa-enrollment-late') as MfaEnrollment;
    await waitUntil(() => badge(el, 'email'), 'listed', { timeout: 10_000 });
    const provider = wrapper.querySelector('mfa-provider') as MfaProvider;
    expect(el.activeSource).to.equal(provider.providedSource);
  });

  it('a provider inserted around existing consumers provides to them', async () => {
    const user = await emulator.createUser();
    await emulator.seed(user.id, { factor: 'sms', phoneNumber: '+15555550111' });
    const { accessToken } = await emulator.tokens(user.id);
    const wrapper = await fixture(html`<div><mfa-enrollment factors="sms"></mfa-enrollment></div>`);
    const el = wrapper.querySelector('mfa-enrollment') as MfaEnrollment;
    await el.updateComplete;
    expect(el.shadowRoot!.querySelector('[part~="no-source"]')).to.exist;
    const provider = document.createElement('mfa-provider') as MfaProvider;
    provider.setAttribute('domain', env.emulatorUrl);
    provider.setAttribute('client-id', CLIENT_ID);
    provider.accessToken = accessToken;
    wrapper.append(provider);
    provider.append(el);
    await waitUntil(() => badge(el, 'sms'), 'listed after the move', { timeout: 10_000 });
  });
});
