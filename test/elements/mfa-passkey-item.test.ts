import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { MfaError } from '../../src/core/errors.js';
import type { Authenticator, MfaSource } from '../../src/core/types.js';
import '../../src/define/mfa-passkey-enroll.js';
import type { MfaPasskeyItem } from '../../src/define/mfa-passkey-enroll.js';
import type { MfaRemoveEvent } from '../../src/elements/shared/events.js';
import { waitUntil } from '../helpers/wait.js';

// Pure rendering and the rename / remove interactions against a source double, in every engine
// (nothing here depends on an authenticator). The e2e versions run against the emulator's /me/v1.

class Double {
  renamed: [string, string][] = [];
  removed: string[] = [];
  fail?: MfaError;
  async listAuthenticators() {
    return [];
  }
  async rename(id: string, name: string): Promise<Authenticator> {
    if (this.fail) throw this.fail;
    this.renamed.push([id, name]);
    return { ...key, name };
  }
  async remove(id: string) {
    if (this.fail) throw this.fail;
    this.removed.push(id);
  }
}
const key: Authenticator = {
  id: 'passkey|abc',
  authenticatorType: 'oob' as Authenticator['authenticatorType'],
  factor: 'passkey',
  active: true,
  name: 'MacBook',
  createdAt: '2026-03-04T10:00:00Z',
  lastAuthenticatedAt: '2026-11-20T08:00:00Z',
  linkedIds: [],
  removable: true,
  passkey: { deviceType: 'multi_device', backedUp: true },
};

const part = (el: MfaPasskeyItem, name: string) => el.shadowRoot!.querySelector<HTMLElement>(`[part~='${name}']`);
const text = (el: MfaPasskeyItem, name: string) => part(el, name)?.textContent?.replace(/\s+/g, ' ').trim() ?? '';
const focusedPart = (el: MfaPasskeyItem) => el.shadowRoot!.activeElement?.getAttribute('part') ?? '';
const mount = (source: Double, authenticator: Authenticator = key, lang = 'en') =>
  fixture<HTMLDivElement>(html`<div lang=${lang}><mfa-passkey-item .source=${source as unknown as MfaSource} .authenticator=${authenticator}></mfa-passkey-item></div>`).then(
    (d) => d.firstElementChild as MfaPasskeyItem,
  );

describe('<mfa-passkey-item>', () => {
  it('shows name, dates and synced / device-bound, and is accessible', async () => {
    const el = await mount(new Double());
    expect(text(el, 'name')).to.equal('MacBook');
    expect(text(el, 'details')).to.equal('Added Mar 4, 2026 Last used Nov 20, 2026 Synced across your devices');
    await expect(el).to.be.accessible();
    el.authenticator = { ...key, name: undefined, factor: 'webauthn-roaming', lastAuthenticatedAt: undefined, passkey: { deviceType: 'single_device', backedUp: false } };
    await el.updateComplete;
    expect(text(el, 'name')).to.equal('Security key');
    expect(text(el, 'details')).to.equal('Added Mar 4, 2026 Not used yet On one device only');
  });

  it('formats the dates in the page’s language', async () => {
    const el = await mount(new Double(), key, 'de');
    await waitUntil(() => text(el, 'kind') === 'Auf Ihren Geräten synchronisiert', `kind: ${text(el, 'kind')}`);
    expect(text(el, 'details')).to.contain('Hinzugefügt am 04.03.2026');
  });

  it('renames inline by keyboard: Enter saves, focus returns, the change is announced and told', async () => {
    const source = new Double();
    const el = await mount(source);
    const renamed = new Promise<CustomEvent>((r) => el.addEventListener('mfa-rename', r as EventListener, { once: true }));
    part(el, 'rename-button')!.focus();
    await sendKeys({ press: 'Enter' });
    await waitUntil(() => focusedPart(el) === 'name-input', `focus on ${focusedPart(el)}`);
    await expect(el).to.be.accessible();
    await sendKeys({ type: 'Work laptop' }); // the old name was selected, so typing replaces it
    await sendKeys({ press: 'Enter' });
    const event = await renamed;
    expect(event.detail.authenticator.name).to.equal('Work laptop');
    expect(source.renamed).to.deep.equal([['passkey|abc', 'Work laptop']]);
    await waitUntil(() => focusedPart(el).includes('rename-button'), `focus on ${focusedPart(el)}`);
    expect(text(el, 'name')).to.equal('Work laptop');
    await waitUntil(() => el.shadowRoot!.textContent!.includes('Renamed to Work laptop.'), 'not announced');
  });

  it('Escape keeps the old name; an empty name is refused in the field', async () => {
    const source = new Double();
    const el = await mount(source);
    part(el, 'rename-button')!.click();
    await waitUntil(() => focusedPart(el) === 'name-input', 'no field');
    const input = part(el, 'name-input') as HTMLInputElement;
    input.value = '   ';
    input.dispatchEvent(new Event('input'));
    part(el, 'save-button')!.click();
    await waitUntil(() => text(el, 'error') === 'Enter a name.', 'no message');
    expect(input.getAttribute('aria-invalid')).to.equal('true');
    await sendKeys({ press: 'Escape' });
    await waitUntil(() => focusedPart(el).includes('rename-button'), `focus on ${focusedPart(el)}`);
    expect(text(el, 'name')).to.equal('MacBook');
    expect(source.renamed).to.deep.equal([]);
  });

  it('a refused rename says why and can be saved again', async () => {
    const source = new Double();
    source.fail = new MfaError('too_many_requests');
    const el = await mount(source);
    part(el, 'rename-button')!.click();
    await waitUntil(() => focusedPart(el) === 'name-input', 'no field');
    (part(el, 'name-input') as HTMLInputElement).value = 'Phone';
    part(el, 'name-input')!.dispatchEvent(new Event('input'));
    part(el, 'save-button')!.click();
    await waitUntil(() => text(el, 'error') === 'Too many requests. Wait a moment and try again.', `error: ${text(el, 'error')}`);
    source.fail = undefined;
    part(el, 'save-button')!.click();
    await waitUntil(() => source.renamed.length === 1, 'not saved on retry');
  });

  it('removes only after a confirmation; Keep it cancels with focus back on Remove', async () => {
    const source = new Double();
    const el = await mount(source);
    part(el, 'remove-button')!.click();
    await waitUntil(() => focusedPart(el).includes('cancel-button'), 'focus not on Keep it');
    expect(el.shadowRoot!.querySelector('#question')!.textContent).to.equal('Remove MacBook? You will no longer be able to sign in with it.');
    await expect(el).to.be.accessible();
    await sendKeys({ press: 'Enter' }); // Keep it
    await waitUntil(() => focusedPart(el).includes('remove-button'), 'focus not back on Remove');
    expect(source.removed).to.deep.equal([]);
    const removed = new Promise<MfaRemoveEvent>((r) => el.addEventListener('mfa-remove', r, { once: true }));
    part(el, 'remove-button')!.click();
    await waitUntil(() => part(el, 'confirm-button'), 'no confirmation');
    part(el, 'confirm-button')!.click();
    const event = await removed;
    expect(event.detail).to.deep.equal({ authenticatorId: 'passkey|abc', factor: 'passkey', linkedIds: [] });
    expect(source.removed).to.deep.equal(['passkey|abc']);
  });

  it('a failed removal keeps the row and the confirmation, for a retry', async () => {
    const source = new Double();
    source.fail = new MfaError('network_error');
    const el = await mount(source);
    part(el, 'remove-button')!.click();
    await waitUntil(() => part(el, 'confirm-button'), 'no confirmation');
    part(el, 'confirm-button')!.click();
    await waitUntil(() => text(el, 'error').startsWith('The server could not be reached'), `error: ${text(el, 'error')}`);
    expect(text(el, 'name')).to.equal('MacBook');
    source.fail = undefined;
    part(el, 'confirm-button')!.click();
    await waitUntil(() => source.removed.length === 1, 'not removed on retry');
  });

  it('offers no rename where the source cannot, nor remove where the server refuses it', async () => {
    const source = new Double() as Partial<Double>;
    delete (source as { rename?: unknown }).rename;
    Object.setPrototypeOf(source, { listAuthenticators: Double.prototype.listAuthenticators, remove: Double.prototype.remove });
    const el = await mount(source as Double, { ...key, removable: false });
    expect(part(el, 'rename-button')).to.equal(null);
    expect(part(el, 'remove-button')).to.equal(null);
  });
});
