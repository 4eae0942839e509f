import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { MfaSource } from '../../src/core/types.js';
import { fromBase64Url, toBase64Url, type PublicKeyCredentialCreationOptionsJSON, type RegistrationResponseJSON } from '../../src/core/webauthn-json.js';
import '../../src/define/mfa-passkey-enroll.js';
import type { MfaPasskeyEnroll } from '../../src/define/mfa-passkey-enroll.js';
import { deviceParts } from '../../src/elements/mfa-passkey-enroll/device-name.js';
import type { MfaEnrollEvent } from '../../src/elements/shared/events.js';
import { waitUntil } from '../helpers/wait.js';

// The part against a source double (the e2e tests against the emulator's /me/v1 come with C17's
// source and E17's routes). In Chromium the ceremony is real: a CTAP2 virtual authenticator over
// CDP. Firefox and WebKit have no virtual authenticator to drive, so there `navigator.credentials.create`
// is replaced by one that fails with the DOMException the browser would give: that runs the
// messages, retry and focus, not the ceremony.

const chromium = /Chrome\//.test(navigator.userAgent);
// WebKitGTK's MiniBrowser has no WebAuthn at all (no PublicKeyCredential, no navigator.credentials):
// there the detection runs for real and the browser-failure tests, which need create(), do not apply.
const native = typeof PublicKeyCredential === 'function' && !!navigator.credentials;
const webauthn = (payload: object) => executeServerCommand<unknown, object>('webauthn', payload);

class PasskeySourceDouble {
  readonly verified: { credential: RegistrationResponseJSON; name?: string }[] = [];
  readonly challenges: string[] = [];
  exclude: string[] = [];
  verifyError?: Error;
  async listAuthenticators() {
    return [];
  }
  async enroll() {
    const challenge = toBase64Url(crypto.getRandomValues(new Uint8Array(32)));
    this.challenges.push(challenge);
    const publicKey: PublicKeyCredentialCreationOptionsJSON = {
      rp: { id: location.hostname, name: 'Test' },
      user: { id: 'dXNlcg', name: 'ada@example.com', displayName: 'Ada' },
      challenge,
      pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
      timeout: 60000,
      authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
      excludeCredentials: this.exclude.map((id) => ({ type: 'public-key' as const, id })),
    };
    return { type: 'passkey', factor: 'passkey', publicKey };
  }
  async verify(req: { credential: RegistrationResponseJSON; name?: string }) {
    if (this.verifyError) throw this.verifyError;
    this.verified.push({ credential: req.credential, name: req.name });
    return { authenticator: { id: 'passkey|' + req.credential.id, type: 'passkey', active: true, name: req.name } };
  }
  async remove() {}
  async challenge() {
    return {};
  }
}

const part = (el: MfaPasskeyEnroll, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~='${name}']`);
const text = (el: MfaPasskeyEnroll, name: string) => part(el, name)?.textContent?.trim() ?? '';
const focused = (el: MfaPasskeyEnroll) => el.shadowRoot!.activeElement as HTMLElement | null;

async function mount(source: PasskeySourceDouble): Promise<MfaPasskeyEnroll> {
  return fixture<MfaPasskeyEnroll>(html`<mfa-passkey-enroll .source=${source as unknown as MfaSource}></mfa-passkey-enroll>`);
}
async function stepIs(el: MfaPasskeyEnroll, step: string) {
  await waitUntil(() => el.step === step, `step stayed ${el.step}, not ${step}`);
  await el.updateComplete;
}

describe('<mfa-passkey-enroll>', () => {
  it('names the device from the user agent', () => {
    const mac = 'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/605.1.15 (KHTML, like Gecko) Version/17.0 Safari/605.1.15';
    expect(deviceParts(mac)).to.deep.equal({ browser: 'Safari', os: 'macOS' });
    expect(deviceParts('Mozilla/5.0 (X11; Linux x86_64; rv:128.0) Gecko/20100101 Firefox/128.0')).to.deep.equal({ browser: 'Firefox', os: 'Linux' });
    expect(deviceParts('Mozilla/5.0 (Windows NT 10.0) Chrome/120.0 Safari/537.36 Edg/120.0', 'Windows')).to.deep.equal({ browser: 'Edge', os: 'Windows' });
  });

  it('without WebAuthn shows only why, and is accessible', async () => {
    // Where the engine has WebAuthn, it is hidden for this test; WebKitGTK has none to hide.
    const saved = Object.getOwnPropertyDescriptor(window, 'PublicKeyCredential');
    if (saved) Object.defineProperty(window, 'PublicKeyCredential', { value: undefined, configurable: true, writable: true });
    try {
      const el = await mount(new PasskeySourceDouble());
      expect(el.step).to.equal('unsupported');
      expect(text(el, 'description')).to.equal('This browser cannot create passkeys. Use a current browser, or add another method.');
      expect(part(el, 'start-button')).to.equal(null);
      await expect(el).to.be.accessible();
    } finally {
      if (saved) Object.defineProperty(window, 'PublicKeyCredential', saved);
    }
  });

  it('speaks the page’s language: the German table loads on demand', async () => {
    const el = await fixture<MfaPasskeyEnroll>(html`<div lang="de"><mfa-passkey-enroll .source=${new PasskeySourceDouble() as unknown as MfaSource}></mfa-passkey-enroll></div>`).then((d) => d.firstElementChild as MfaPasskeyEnroll);
    const [what, german] = native ? ['start-button', 'Passkey erstellen'] : ['description', 'Dieser Browser kann keine Passkeys erstellen. Verwenden Sie einen aktuellen Browser oder fügen Sie eine andere Methode hinzu.'];
    await waitUntil(() => text(el, what) === german, `${what} says ${text(el, what)}`);
  });

  it('detects WebAuthn as the engine has it', async () => {
    expect((await mount(new PasskeySourceDouble())).step).to.equal(native ? 'idle' : 'unsupported');
  });

  if (!native) return;

  describe('failures the browser reports (replaced create(), every engine with WebAuthn)', () => {
    let original: typeof navigator.credentials.create;
    let answer: () => Promise<Credential | null>;
    before(() => {
      original = navigator.credentials.create;
      navigator.credentials.create = () => answer();
    });
    after(() => {
      navigator.credentials.create = original;
    });
    for (const [name, message] of [
      ['InvalidStateError', 'This device or security key already holds a passkey for your account. Use another one.'],
      ['NotAllowedError', 'The passkey was not created: the prompt was closed or the check did not pass.'],
      // What Chromium throws for a page on an IP address (e.g. http://127.0.0.1): not an RP ID.
      ['SecurityError', 'This page’s address cannot be used for passkeys: they need a secure site address (https or localhost).'],
      ['UnknownError', 'The passkey could not be created on this device.'],
    ] as const) {
      it(`${name}: its own message, focus on Try again, and the retry asks for fresh options`, async () => {
        answer = () => Promise.reject(new DOMException('x', name));
        const source = new PasskeySourceDouble();
        const el = await mount(source);
        part(el, 'start-button')!.click();
        await stepIs(el, 'failed');
        expect(text(el, 'error')).to.equal(message);
        await waitUntil(() => focused(el)?.matches("[part~='retry-button']"), 'focus is not on Try again');
        await expect(el).to.be.accessible();
        part(el, 'retry-button')!.click();
        await stepIs(el, 'failed');
        expect(source.challenges).to.have.length(2);
        expect(source.challenges[0]).not.to.equal(source.challenges[1]);
      });
    }
    it('the page’s clock running out is a timeout, not a refusal', async () => {
      const el = await mount(new PasskeySourceDouble());
      let fire: (() => void) | undefined;
      el.clock = { setTimeout: (fn) => (fire = fn), clearTimeout: () => {} };
      answer = () =>
        new Promise((_, reject) => {
          // The browser ends a ceremony whose signal aborted.
          const wait = () => (fire ? (fire(), reject(new DOMException('x', 'AbortError'))) : queueMicrotask(wait));
          wait();
        });
      part(el, 'start-button')!.click();
      await stepIs(el, 'failed');
      expect(text(el, 'error')).to.equal('The browser prompt timed out. Nothing was saved.');
    });
  });

  if (!chromium) return;

  describe('a real ceremony (Chromium virtual authenticator)', () => {
    let authenticatorId: string;
    beforeEach(async () => {
      authenticatorId = (await webauthn({ action: 'add' })) as string;
    });
    afterEach(async () => {
      await webauthn({ action: 'remove', authenticatorId });
    });

    it('creates, names (prefilled) and confirms a passkey, then fires mfa-enroll', async () => {
      const source = new PasskeySourceDouble();
      const el = await mount(source);
      await expect(el).to.be.accessible();
      const enrolled = new Promise<MfaEnrollEvent>((r) => el.addEventListener('mfa-enroll', r, { once: true }));
      part(el, 'start-button')!.click();
      await stepIs(el, 'name');
      const input = part(el, 'name-input') as HTMLInputElement;
      expect(input.value).to.equal('Chrome on Linux');
      await waitUntil(() => focused(el) === input, 'focus is not on the name');
      await expect(el).to.be.accessible();
      input.value = 'Work laptop';
      input.dispatchEvent(new Event('input'));
      part(el, 'save-button')!.click();
      const event = await enrolled;
      expect(event.detail.factor).to.equal('passkey');
      expect(event.detail.authenticator?.name).to.equal('Work laptop');
      const [{ credential, name }] = source.verified as [{ credential: RegistrationResponseJSON; name?: string }];
      expect(name).to.equal('Work laptop');
      const client = JSON.parse(new TextDecoder().decode(fromBase64Url(credential.response.clientDataJSON)));
      expect(client).to.include({ type: 'webauthn.create', challenge: source.challenges[0], origin: location.origin });
      // Chromium 156 has both Level 3 helpers, so the native path ran (the core one runs in Node tests).
      expect(el.conversion).to.deep.equal({ options: 'native', response: 'native' });
      await stepIs(el, 'done');
      await waitUntil(() => focused(el)?.matches("[part~='status']"), 'focus is not on the result');
      await expect(el).to.be.accessible();
    });

    it('an authenticator that already holds one: InvalidStateError, then a retry on another works', async () => {
      const source = new PasskeySourceDouble();
      const first = await mount(source);
      part(first, 'start-button')!.click();
      await stepIs(first, 'name');
      part(first, 'save-button')!.click();
      await stepIs(first, 'done');
      source.exclude = [source.verified[0]!.credential.rawId];
      const el = await mount(source);
      part(el, 'start-button')!.click();
      await stepIs(el, 'failed');
      expect(text(el, 'error')).to.equal('This device or security key already holds a passkey for your account. Use another one.');
      await webauthn({ action: 'remove', authenticatorId });
      authenticatorId = (await webauthn({ action: 'add' })) as string;
      part(el, 'retry-button')!.click();
      await stepIs(el, 'name');
    });

    it('failed user verification: NotAllowedError, and a retry without reload succeeds', async () => {
      await webauthn({ action: 'userVerified', authenticatorId, value: false });
      const el = await mount(new PasskeySourceDouble());
      part(el, 'start-button')!.click();
      await stepIs(el, 'failed');
      expect(text(el, 'error')).to.equal('The passkey was not created: the prompt was closed or the check did not pass.');
      await webauthn({ action: 'userVerified', authenticatorId, value: true });
      part(el, 'retry-button')!.click();
      await stepIs(el, 'name');
    });

    it('the user cancels while the authenticator waits for presence', async () => {
      await webauthn({ action: 'presence', authenticatorId, value: false });
      const el = await mount(new PasskeySourceDouble());
      part(el, 'start-button')!.click();
      await stepIs(el, 'ceremony');
      await waitUntil(() => focused(el)?.matches("[part~='cancel-button']"), 'focus is not on Cancel');
      await expect(el).to.be.accessible();
      part(el, 'cancel-button')!.click();
      await stepIs(el, 'failed');
      expect(text(el, 'error')).to.equal('Passkey creation was cancelled. Nothing was saved.');
    });

    it('a refused confirmation says why and starts a new ceremony on retry', async () => {
      const source = new PasskeySourceDouble();
      source.verifyError = Object.assign(new Error('bad'), { name: 'MfaError' });
      const el = await mount(source);
      part(el, 'start-button')!.click();
      await stepIs(el, 'name');
      part(el, 'save-button')!.click();
      await stepIs(el, 'failed');
      source.verifyError = undefined;
      part(el, 'retry-button')!.click();
      await stepIs(el, 'name');
      expect(source.challenges).to.have.length(2);
    });
  });
});
