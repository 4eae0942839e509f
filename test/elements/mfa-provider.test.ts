import { expect, fixture, html } from '@open-wc/testing';
import { nextEvent } from '../helpers/within.js';
import { MfaApiSource } from '../../src/core/api-source.js';
import { MyAccountSource } from '../../src/core/my-account-source.js';
import { ProxySource } from '../../src/core/proxy-source.js';
import { SharedSource } from '../../src/core/shared-source.js';
import type { Authenticator, MfaSource } from '../../src/core/types.js';
import type { MfaEnrollment } from '../../src/define/mfa-enrollment.js';
import type { MfaProvider } from '../../src/define/mfa-provider.js';
import type { MfaEnrollEvent, MfaErrorEvent } from '../../src/elements/shared/events.js';
import { CLIENT_ID, emulator } from '../helpers/emulator.js';
import { env } from '../helpers/env.js';
import {
  $,
  button,
  codeField,
  freshUser,
  isEnrolled,
  listRequests,
  loaded,
  MODES,
  proxyUrl,
  row,
  setup,
  type,
  until,
  acknowledgeRecovery,
} from './mfa-enrollment-helpers.js';

/** A source that answers from memory and counts its calls: for what the provider does, not HTTP. */
function memorySource(list: Authenticator[] = []): MfaSource & { calls: number } {
  const source = {
    calls: 0,
    async listAuthenticators() {
      source.calls++;
      return list;
    },
    enroll: () => Promise.reject(new Error('not used')),
    remove: () => Promise.reject(new Error('not used')),
    challenge: () => Promise.reject(new Error('not used')),
    verify: () => Promise.reject(new Error('not used')),
  };
  return source;
}

describe('<mfa-provider>', () => {
  it('has no UI of its own and shows its children', async () => {
    const provider = await fixture<MfaProvider>(html`<mfa-provider><p>child</p></mfa-provider>`);
    expect(getComputedStyle(provider).display).to.equal('contents');
    expect(provider.shadowRoot!.querySelector('slot')).to.exist;
    expect(provider.querySelector('p')!.getBoundingClientRect().height).to.be.greaterThan(0);
  });

  it('builds an MfaApiSource for domain + client-id, wrapped in one SharedSource', async () => {
    const { provider } = await setup();
    const shared = provider.providedSource!;
    expect(shared).to.be.instanceOf(SharedSource);
    expect(shared.inner).to.be.instanceOf(MfaApiSource);
    expect((shared.inner as MfaApiSource).origin).to.equal(env.emulatorUrl);
  });

  it('builds a ProxySource for proxy-url, and prefers a source property over both', async () => {
    const provider = await fixture<MfaProvider>(html`<mfa-provider proxy-url="/api/auth/mfa"></mfa-provider>`);
    expect(provider.providedSource!.inner).to.be.instanceOf(ProxySource);
    const mine = memorySource();
    provider.source = mine;
    await provider.updateComplete;
    expect(provider.providedSource!.inner).to.equal(mine);
    const shared = new SharedSource(memorySource());
    provider.source = shared;
    await provider.updateComplete;
    expect(provider.providedSource).to.equal(shared, 'a SharedSource is provided as it is');
  });

  it('api="my-account" builds a MyAccountSource (domain: direct with the token property; proxy-url: the proxy), listing over real HTTP', async () => {
    const user = await emulator.createUser();
    await emulator.seed(user.id, { factor: 'email', email: 'me@example.com' });
    const minted = await fetch(`${env.emulatorUrl}/__emulator/users/${encodeURIComponent(user.id)}/my-account-token`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: '{}',
    }).then((r) => r.json() as Promise<{ access_token: string }>);
    const provider = await fixture<MfaProvider>(
      html`<mfa-provider api="my-account" domain=${env.emulatorUrl} .accessToken=${minted.access_token}></mfa-provider>`,
    );
    const inner = provider.providedSource!.inner as MyAccountSource;
    expect(inner).to.be.instanceOf(MyAccountSource);
    expect(inner.baseUrl).to.equal(`${env.emulatorUrl}/me/v1`);
    expect(provider.providedSource!.capabilities?.relist).to.equal(false);
    const list = await provider.providedSource!.listAuthenticators();
    // Seeding the first method gave the user a recovery code too.
    expect(list.map((a) => [a.factor, a.name ?? null])).to.deep.equal([['email', 'me@example.com'], ['recovery-code', null]]);
    expect(provider.outerHTML).not.to.contain(minted.access_token);
    provider.setAttribute('proxy-url', '/api/auth/mfa/me');
    await provider.updateComplete;
    expect((provider.providedSource!.inner as MyAccountSource).baseUrl).to.equal('/api/auth/mfa/me');
    provider.removeAttribute('api');
    await provider.updateComplete;
    expect(provider.providedSource!.inner).to.be.instanceOf(ProxySource);
  });

  it('keeps tokens out of attributes and markup', async () => {
    const { provider, accessToken } = await setup();
    provider.mfaToken = 'mfa-token-secret-value';
    await provider.updateComplete;
    expect(provider.outerHTML).not.to.contain(accessToken);
    expect(provider.outerHTML).not.to.contain('mfa-token-secret-value');
    expect(provider.getAttributeNames().sort()).to.deep.equal(['client-id', 'domain']);
    expect(JSON.stringify(provider.providedSource)).not.to.contain(accessToken);
  });

  it('a token set later updates the source in place and the elements load again', async () => {
    const user = await emulator.createUser();
    await emulator.seed(user.id, { factor: 'email', email: 'later@example.com' });
    const provider = await fixture<MfaProvider>(html`<mfa-provider domain=${env.emulatorUrl} client-id=${CLIENT_ID}>
      <mfa-enrollment factors="email otp"></mfa-enrollment>
    </mfa-provider>`);
    const el = provider.querySelector('mfa-enrollment')!;
    await until(el, () => $(el, '[part~="retry-button"]'), 'no token: an error with retry');
    const before = provider.providedSource;
    const { accessToken } = await emulator.tokens(user.id);
    provider.accessToken = accessToken;
    await provider.updateComplete;
    expect(provider.providedSource).to.equal(before, 'same source, no re-provide');
    await until(el, () => $(el, '[part~="list"]') && isEnrolled(el, 'email'), 'listed with the new token');
  });

  it('a changed domain builds and provides a new source', async () => {
    const { provider, el } = await setup();
    const before = provider.providedSource;
    provider.setAttribute('domain', env.emulatorUrl.replace('127.0.0.1', 'localhost'));
    await provider.updateComplete;
    expect(provider.providedSource).not.to.equal(before);
    expect((provider.providedSource!.inner as MfaApiSource).origin).to.contain('localhost');
    expect(el.activeSource).to.equal(provider.providedSource);
  });

  it('an unusable configuration fires mfa-error and the elements show it instead of throwing', async () => {
    const provider = document.createElement('mfa-provider');
    provider.setAttribute('domain', 'http://tenant.example.com');
    provider.setAttribute('client-id', CLIENT_ID);
    provider.append(document.createElement('mfa-enrollment'));
    const failed = nextEvent(provider, 'mfa-error') as Promise<MfaErrorEvent>;
    const wrapper = await fixture(html`<div></div>`);
    wrapper.append(provider);
    const event = await failed;
    expect(event.detail.error.code).to.equal('no_source');
    expect(event.detail.error.description).to.contain('https');
    const el = provider.querySelector('mfa-enrollment')!;
    await until(el, () => $(el, '[part~="error"]'), 'error shown');
    expect($(el, '[part~="error"]')!.textContent).to.contain('No data source is configured.');
  });

  it('without attributes or source it provides nothing: the element says there is no data source', async () => {
    const provider = await fixture<MfaProvider>(html`<mfa-provider><mfa-enrollment></mfa-enrollment></mfa-provider>`);
    const el = provider.querySelector('mfa-enrollment')!;
    await el.updateComplete;
    expect(provider.providedSource).to.equal(undefined);
    expect($(el, '[part~="no-source"]')).to.exist;
  });

  it('an element inserted later under the provider gets the same source', async () => {
    const { provider, el } = await setup();
    const late = document.createElement('mfa-enrollment');
    late.factors = 'sms';
    provider.append(late);
    await loaded(late);
    expect(late.activeSource).to.equal(el.activeSource);
  });
});

for (const mode of MODES) {
  describe(`<mfa-provider> shared state (${mode})`, () => {
    it('two elements: one list request, and an enroll in one refreshes both with one more request', async () => {
      const { user, accessToken } = await freshUser(mode);
      const provider = await fixture<MfaProvider>(
        mode === 'direct'
          ? html`<mfa-provider domain=${env.emulatorUrl} client-id=${CLIENT_ID} .accessToken=${accessToken}>
              <mfa-enrollment id="a" factors="email sms"></mfa-enrollment>
              <section><mfa-enrollment id="b" factors="sms email"></mfa-enrollment></section>
            </mfa-provider>`
          : html`<mfa-provider proxy-url=${proxyUrl()!}>
              <mfa-enrollment id="a" factors="email sms"></mfa-enrollment>
              <section><mfa-enrollment id="b" factors="sms email"></mfa-enrollment></section>
            </mfa-provider>`,
      );
      const a = provider.querySelector<MfaEnrollment>('#a')!;
      const b = provider.querySelector<MfaEnrollment>('#b')!;
      await loaded(a);
      await loaded(b);
      // Through the proxy, a load reads the user's methods twice from the Management API: for the factor
      // list, and for the WebAuthn and Duo methods the MFA API does not list (GET {base}/authenticators).
      const perLoad = mode === 'direct' ? { mfa: 1, management: 0 } : { mfa: 1, management: 2 };
      expect(await listRequests(user.id)).to.deep.equal(perLoad);

      button(a, 'enroll-button', row(a, 'email')).click();
      await until(a, () => $(a, '#address'), 'email form');
      type($<HTMLInputElement>(a, '#address')!, 'both@example.com');
      button(a, 'submit-button').click();
      await until(a, () => $(a, 'mfa-code-input'), 'code step');
      const enrolled = nextEvent(a, 'mfa-enroll') as Promise<MfaEnrollEvent>;
      type(codeField(a), await emulator.lastCode(user.id, 'email'));
      await enrolled;
      await until(b, () => isEnrolled(b, 'email'), 'the other element shows it');
      expect(isEnrolled(a, 'email')).to.equal(true);
      expect(await listRequests(user.id)).to.deep.equal({ mfa: 2 * perLoad.mfa, management: 2 * perLoad.management });

      await acknowledgeRecovery(a);
      button(b, 'remove-button', row(b, 'email')).click();
      await until(b, () => $(b, '[part~="confirm-button"]'), 'confirm');
      button(b, 'confirm-button').click();
      await until(a, () => !isEnrolled(a, 'email'), 'removal reaches the first element');
      // (The proxy's removal also reads the user's methods to check ownership: count the lists only.)
      expect((await listRequests(user.id)).mfa).to.equal(3 * perLoad.mfa);
    });
  });
}
