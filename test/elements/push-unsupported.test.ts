/**
 * A source that reports `capabilities.push === false` (ProxySource behind nextjs-auth0, whose
 * verify route cannot carry a push): neither element offers push, so no user can start one.
 */
import { expect, fixture, html } from '@open-wc/testing';
import { MfaApiSource } from '../../src/core/api-source.js';
import type { MfaProvider } from '../../src/define/mfa-provider.js';
import { CLIENT_ID, emulator } from '../helpers/emulator.js';
import { env } from '../helpers/env.js';
import { $, $$, loaded } from './mfa-enrollment-helpers.js';
import { mount, parts, seeded, text, waitForPart } from './mfa-verify-helpers.js';

class NoPushSource extends MfaApiSource {
  override readonly capabilities = Object.freeze({
    list: true,
    factors: false,
    associate: true,
    ticket: false,
    challenge: true,
    verify: true,
    remove: true,
    push: false,
  });
}

describe('capabilities.push === false', () => {
  it('<mfa-enrollment> has no push row, the other factors stay', async () => {
    const user = await emulator.createUser();
    const { accessToken } = await emulator.tokens(user.id);
    const source = new NoPushSource({ domain: env.emulatorUrl, clientId: CLIENT_ID, accessToken });
    const provider = await fixture<MfaProvider>(html`<mfa-provider .source=${source}>
      <mfa-enrollment factors="push otp sms"></mfa-enrollment>
    </mfa-provider>`);
    const el = provider.querySelector('mfa-enrollment')!;
    await loaded(el);
    expect($$(el, '[part~="factor"]').map((row) => row.dataset.factor)).to.deep.equal(['otp', 'sms']);
    expect($(el, '[part~="factor"][data-factor="push"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });

  it('<mfa-verify> does not list an enrolled push', async () => {
    const s = await seeded([{ factor: 'push', deviceName: 'Phone' }, { factor: 'sms', phoneNumber: '+15555550177' }]);
    const source = new NoPushSource({ domain: env.emulatorUrl, clientId: CLIENT_ID, mfaToken: await emulator.login(s.user) });
    const el = await mount(source);
    await waitForPart(el, 'authenticators');
    const labels = parts(el, 'authenticator').map((o) => text(o.querySelector('[part~="authenticator-label"]')));
    // Push's TOTP twin stays: it is a code, which the source can verify.
    expect(labels).to.have.members(['Authenticator app', 'Text message', 'Voice call']);
    expect(el.shadowRoot!.querySelector('[data-id^="push"]')).to.equal(null);
    await expect(el).to.be.accessible();
  });
});
