import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import { MyAccountSource } from '../../src/core/my-account-source.js';
import type { MfaSource, VerifyRequest, VerifyResult } from '../../src/core/types.js';
import { fromBase64Url, toBase64Url } from '../../src/core/webauthn-json.js';
import '../../src/define/mfa-passkey-enroll.js';
import type { MfaPasskeyEnroll, MfaPasskeyItem } from '../../src/define/mfa-passkey-enroll.js';
import type { MfaEnrollEvent, MfaRemoveEvent } from '../../src/elements/shared/events.js';
import { emulator } from '../helpers/emulator.js';
import { emulatorCall } from '../helpers/emulator-call.js';
import { env } from '../helpers/env.js';
import { waitUntil } from '../helpers/wait.js';

// End to end: Chromium's virtual authenticator (CTAP2, resident key, user verification) makes the
// credential, C17's MyAccountSource carries it over HTTP, the emulator's /me/v1 verifies it with
// @simplewebauthn/server.

const chromium = /Chrome\//.test(navigator.userAgent);
const webauthn = (payload: object) => executeServerCommand<unknown, object>('webauthn', payload);

/** C17's MyAccountSource, with a switch that tampers with the credential before it is sent. */
class TamperingSource extends MyAccountSource {
  tamper = false;
  override verify(req: VerifyRequest, opts?: { signal?: AbortSignal }): Promise<VerifyResult> {
    if (!this.tamper || req.type !== 'passkey') return super.verify(req, opts);
    const credential = structuredClone(req.credential);
    const client = JSON.parse(new TextDecoder().decode(fromBase64Url(credential.response.clientDataJSON)));
    credential.response.clientDataJSON = toBase64Url(new TextEncoder().encode(JSON.stringify({ ...client, origin: 'https://evil.example' })));
    return super.verify({ ...req, credential }, opts);
  }
  async passkeys() {
    return (await this.listAuthenticators()).filter((a) => a.factor === 'passkey');
  }
}

async function meSource(): Promise<TamperingSource> {
  const user = await emulator.createUser();
  const { access_token } = await emulatorCall<{ access_token: string }>(env.emulatorUrl, 'POST', `/__emulator/users/${encodeURIComponent(user.id)}/my-account-token`, {});
  return new TamperingSource({ domain: env.emulatorUrl, accessToken: access_token });
}
const part = (el: HTMLElement, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~='${name}']`);
const stepIs = (el: MfaPasskeyEnroll, step: string) => waitUntil(() => el.step === step, `step stayed ${el.step}, not ${step}`);

describe('passkeys end to end (virtual authenticator → emulator /me/v1)', () => {
  it('has a virtual authenticator only in Chromium', async () => {
    const id = await webauthn({ action: 'add' });
    if (chromium) {
      expect(id).to.be.a('string');
      await webauthn({ action: 'remove', authenticatorId: id });
    } else expect(id).to.deep.equal({ unsupported: true });
  });

  if (!chromium) return;

  describe('in Chromium', () => {
    let authenticatorId: string;
    beforeEach(async () => {
      authenticatorId = (await webauthn({ action: 'add' })) as string;
    });
    afterEach(async () => {
      await webauthn({ action: 'remove', authenticatorId });
    });

    it('creates a passkey the emulator verifies, lists it, renames and removes it', async () => {
      const source = await meSource();
      const el = await fixture<MfaPasskeyEnroll>(html`<mfa-passkey-enroll .source=${source as unknown as MfaSource}></mfa-passkey-enroll>`);
      const enrolled = new Promise<MfaEnrollEvent>((r) => el.addEventListener('mfa-enroll', r, { once: true }));
      part(el, 'start-button')!.click();
      await stepIs(el, 'name');
      part(el, 'save-button')!.click();
      const event = await enrolled;
      expect(event.detail.factor).to.equal('passkey');
      const held = (await webauthn({ action: 'credentials', authenticatorId })) as { credentialId: string }[];
      expect(held).to.have.length(1);
      const [listed] = await source.passkeys();
      expect(listed!.id).to.equal(event.detail.authenticator!.id);
      expect(listed!.name).to.equal('Chrome on Linux');

      const item = await fixture<MfaPasskeyItem>(html`<mfa-passkey-item .source=${source as unknown as MfaSource} .authenticator=${listed}></mfa-passkey-item>`);
      expect(part(item, 'kind')!.textContent).to.equal('On one device only'); // the virtual authenticator's key is not backed up
      part(item, 'rename-button')!.click();
      await waitUntil(() => part(item, 'name-input'), 'no rename field');
      const input = part(item, 'name-input') as HTMLInputElement;
      input.value = 'Test laptop';
      input.dispatchEvent(new Event('input'));
      part(item, 'save-button')!.click();
      await waitUntil(() => part(item, 'name')?.textContent === 'Test laptop', 'not renamed');
      expect((await source.passkeys())[0]!.name).to.equal('Test laptop');

      const removed = new Promise<MfaRemoveEvent>((r) => item.addEventListener('mfa-remove', r, { once: true }));
      part(item, 'remove-button')!.click();
      await waitUntil(() => part(item, 'confirm-button'), 'no confirmation');
      part(item, 'confirm-button')!.click();
      expect((await removed).detail.authenticatorId).to.equal(listed!.id);
      expect(await source.passkeys()).to.deep.equal([]);
    });

    it('a tampered response is refused by the emulator; nothing is listed; a retry succeeds', async () => {
      const source = await meSource();
      source.tamper = true;
      const el = await fixture<MfaPasskeyEnroll>(html`<mfa-passkey-enroll .source=${source as unknown as MfaSource}></mfa-passkey-enroll>`);
      part(el, 'start-button')!.click();
      await stepIs(el, 'name');
      part(el, 'save-button')!.click();
      await stepIs(el, 'failed');
      await el.updateComplete;
      expect(part(el, 'error')!.textContent).to.equal('The request was refused. Check what you entered.');
      expect(await source.passkeys()).to.deep.equal([]);
      source.tamper = false;
      part(el, 'retry-button')!.click();
      await stepIs(el, 'name');
      part(el, 'save-button')!.click();
      await stepIs(el, 'done');
      expect(await source.passkeys()).to.have.length(1);
    });

    it('the user cancels (no presence): nothing is listed, and the retry enrolls', async () => {
      const source = await meSource();
      await webauthn({ action: 'presence', authenticatorId, value: false });
      const el = await fixture<MfaPasskeyEnroll>(html`<mfa-passkey-enroll .source=${source as unknown as MfaSource}></mfa-passkey-enroll>`);
      part(el, 'start-button')!.click();
      await stepIs(el, 'ceremony');
      part(el, 'cancel-button')!.click();
      await stepIs(el, 'failed');
      expect(await source.passkeys()).to.deep.equal([]);
      await webauthn({ action: 'presence', authenticatorId, value: true });
      part(el, 'retry-button')!.click();
      await stepIs(el, 'name');
      part(el, 'save-button')!.click();
      await stepIs(el, 'done');
      expect(await source.passkeys()).to.have.length(1);
    });
  });
});
