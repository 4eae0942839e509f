import { expect, fixture, html } from '@open-wc/testing';
import { executeServerCommand } from '@web/test-runner-commands';
import type { Authenticator, MfaSource } from '../../src/core/types.js';
import { toBase64Url } from '../../src/core/webauthn-json.js';
import '../../src/define/mfa-enrollment.js';
import type { MfaEnrollment } from '../../src/define/mfa-enrollment.js';
import type { MfaEnrollEvent, MfaRemoveEvent } from '../../src/elements/shared/events.js';
import { waitUntil } from '../helpers/wait.js';

// <mfa-enrollment>'s passkey hooks: the row's Enroll opens the on-demand <mfa-passkey-enroll>,
// passkey rows are <mfa-passkey-item>s. Source double; the ceremony is real in Chromium only.

const chromium = /Chrome\//.test(navigator.userAgent);
const passkey: Authenticator = {
  id: 'passkey|one', authenticatorType: 'passkey', factor: 'passkey', active: true, name: 'Phone',
  createdAt: '2026-01-02T00:00:00Z', linkedIds: [], removable: true, renamable: true,
  passkey: { deviceType: 'multi_device', backedUp: true },
} as Authenticator;

class Double {
  list: Authenticator[] = [passkey];
  removed: string[] = [];
  readonly capabilities = { passkey: true, rename: true };
  async listAuthenticators() {
    return this.list;
  }
  async enroll() {
    return {
      type: 'passkey', factor: 'passkey',
      publicKey: {
        rp: { id: location.hostname, name: 'Test' }, user: { id: 'dXNlcg', name: 'a@example.com', displayName: 'A' },
        challenge: toBase64Url(crypto.getRandomValues(new Uint8Array(32))), pubKeyCredParams: [{ type: 'public-key', alg: -7 }],
        authenticatorSelection: { residentKey: 'required', userVerification: 'required' },
      },
    };
  }
  async verify() {
    const added = { ...passkey, id: 'passkey|two', name: 'Chrome on Linux' };
    this.list = [...this.list, added];
    return { authenticator: added };
  }
  async rename(_id: string, name: string) {
    return { ...passkey, name };
  }
  async remove(id: string) {
    this.removed.push(id);
    this.list = this.list.filter((a) => a.id !== id);
  }
  async challenge() {
    return {};
  }
}

const q = <T extends Element>(root: ParentNode | null | undefined, sel: string) => root?.querySelector<T>(sel) ?? null;

describe('<mfa-enrollment> passkey hooks', () => {
  it('lists a passkey as an <mfa-passkey-item> (loaded on demand) and removes it from the list', async () => {
    const source = new Double();
    const el = await fixture<MfaEnrollment>(html`<mfa-enrollment factors="passkey" .source=${source as unknown as MfaSource}></mfa-enrollment>`);
    await waitUntil(() => q(el.shadowRoot, 'mfa-passkey-item')?.shadowRoot?.querySelector("[part~='name']"), 'no passkey item');
    const item = q<HTMLElement>(el.shadowRoot, 'mfa-passkey-item')!;
    expect(customElements.get('mfa-passkey-item'), 'defined on demand').to.exist;
    expect(q(item.shadowRoot, "[part~='kind']")!.textContent).to.equal('Synced across your devices');
    await expect(el).to.be.accessible();
    const removed = new Promise<MfaRemoveEvent>((r) => el.addEventListener('mfa-remove', r, { once: true }));
    q<HTMLElement>(item.shadowRoot, "[part~='remove-button']")!.click();
    await waitUntil(() => q(item.shadowRoot, "[part~='confirm-button']"), 'no confirmation');
    q<HTMLElement>(item.shadowRoot, "[part~='confirm-button']")!.click();
    expect((await removed).detail.authenticatorId).to.equal('passkey|one');
    await waitUntil(() => !q(el.shadowRoot, 'mfa-passkey-item'), 'the row stayed');
  });

  if (!chromium) return;

  it('Enroll opens <mfa-passkey-enroll>; a real ceremony ends in mfa-enroll and the new row', async () => {
    const id = (await executeServerCommand('webauthn', { action: 'add' })) as string;
    try {
      const source = new Double();
      source.list = [];
      const el = await fixture<MfaEnrollment>(html`<mfa-enrollment factors="passkey" .source=${source as unknown as MfaSource}></mfa-enrollment>`);
      await waitUntil(() => q(el.shadowRoot, "[part~='enroll-button']"), 'no Enroll');
      q<HTMLElement>(el.shadowRoot, "[part~='enroll-button']")!.click();
      await waitUntil(() => q(q(el.shadowRoot, 'mfa-passkey-enroll')?.shadowRoot, "[part~='start-button']"), 'no passkey part');
      const part = q<HTMLElement>(el.shadowRoot, 'mfa-passkey-enroll')!;
      const enrolled = new Promise<MfaEnrollEvent>((r) => el.addEventListener('mfa-enroll', r, { once: true }));
      q<HTMLElement>(part.shadowRoot, "[part~='start-button']")!.click();
      await waitUntil(() => q(part.shadowRoot, "[part~='save-button']"), 'no name step');
      q<HTMLElement>(part.shadowRoot, "[part~='save-button']")!.click();
      expect((await enrolled).detail.factor).to.equal('passkey');
      await waitUntil(() => q(el.shadowRoot, 'mfa-passkey-item'), 'the new passkey is not listed');
      await expect(el).to.be.accessible();
    } finally {
      await executeServerCommand('webauthn', { action: 'remove', authenticatorId: id });
    }
  });
});
