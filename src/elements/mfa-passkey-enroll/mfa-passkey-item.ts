import { html, nothing, type TemplateResult } from 'lit';
import type { MfaError } from '../../core/errors.js';
import type { Authenticator } from '../../core/types.js';
import { MfaRemoveEvent } from '../shared/events.js';
import { resolveLang } from '../../i18n/localize.js';
import { MfaElement } from '../shared/mfa-element.js';
import { baseStyles } from '../shared/styles.js';
import { passkeyEnrollLocales, type PasskeyEnrollStrings } from '../../locales/en/mfa-passkey-enroll.js';
import { passkeyEnrollStyles } from './mfa-passkey-enroll.styles.js';

type Mode = 'view' | 'rename' | 'renaming' | 'confirm' | 'removing' | 'removed';

/**
 * One passkey or WebAuthn key in a list: its name, when it was added and last used, whether it is
 * synced (a multi-device credential, backed up) or bound to one device; inline rename (Enter saves,
 * Escape keeps the old name) and removal after a confirmation. Rendered by `<mfa-enrollment>` for
 * its passkey rows, and on its own by pages that list methods themselves.
 *
 * @summary A passkey / WebAuthn key row with rename and remove.
 * @tag mfa-passkey-item
 * @fires {MfaRemoveEvent} mfa-remove - The key was removed. `detail: {authenticatorId, factor, linkedIds}`.
 * @fires {CustomEvent<{authenticator: Authenticator}>} mfa-rename - The key was renamed; `detail.authenticator` is the server's answer.
 * @fires {MfaErrorEvent} mfa-error - Renaming or removing failed (`detail.action` `enroll` / `remove`).
 * @csspart name - The key's name.
 * @csspart details - Dates and kind.
 * @csspart kind - "Synced" or "This device only".
 * @csspart button - Every button; also `rename-button`, `save-button`, `cancel-button`, `remove-button`, `confirm-button`.
 * @csspart name-input - The rename field.
 * @csspart error - Error messages.
 */
export class MfaPasskeyItem extends MfaElement<PasskeyEnrollStrings> {
  static override styles = [baseStyles, passkeyEnrollStyles];
  static override locales = passkeyEnrollLocales;
  static override i18n = 'mfa-passkey-enroll';

  static override properties = {
    ...MfaElement.properties,
    authenticator: { attribute: false },
    _mode: { state: true },
    _draft: { state: true },
    _error: { state: true },
    _empty: { state: true },
  };

  /** The key shown. */
  declare authenticator?: Authenticator;
  /** @internal */
  declare _mode: Mode;
  /** @internal */
  declare _draft: string;
  /** @internal */
  declare _error?: MfaError;
  /** @internal */
  declare _empty: boolean;

  constructor() {
    super();
    this._mode = 'view';
    this._draft = '';
    this._empty = false;
  }

  #label(): string {
    const a = this.authenticator;
    return a?.name || this.t(a?.factor === 'passkey' ? 'passkey.kindPasskey' : 'passkey.kindKey');
  }

  #date(iso?: string): string | undefined {
    const date = iso ? new Date(iso) : undefined;
    if (!date || Number.isNaN(date.getTime())) return undefined;
    try {
      return new Intl.DateTimeFormat(resolveLang(this), { dateStyle: 'medium' }).format(date);
    } catch {
      return new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(date);
    }
  }

  #kind(): string | undefined {
    const p = this.authenticator?.passkey;
    if (!p || (p.deviceType === undefined && p.backedUp === undefined)) return undefined;
    return this.t(p.deviceType === 'multi_device' || p.backedUp ? 'passkey.synced' : 'passkey.deviceBound');
  }

  #renamable(): boolean {
    const source = this.activeSource;
    return Boolean(source?.rename) && this.authenticator?.renamable !== false;
  }

  async #openRename(): Promise<void> {
    this._draft = this.authenticator?.name ?? '';
    this._error = undefined;
    this._empty = false;
    this._mode = 'rename';
    await this.updateComplete;
    const input = this.shadowRoot!.querySelector<HTMLInputElement>("[part~='name-input']");
    input?.focus();
    input?.select();
  }

  async #closeTo(mode: Mode, part: string): Promise<void> {
    this._mode = mode;
    await this.focusPart(`[part~='${part}']`);
  }

  async #saveName(event: Event): Promise<void> {
    event.preventDefault();
    const a = this.authenticator;
    const source = this.activeSource;
    const name = this._draft.trim();
    if (!a || !source?.rename || this._mode !== 'rename') return;
    if (!name) {
      this._empty = true;
      return void this.focusPart("[part~='name-input']");
    }
    if (name === a.name) return this.#closeTo('view', 'rename-button');
    this._mode = 'renaming';
    try {
      const updated = await source.rename(a.id, name, { signal: this.signal });
      this.authenticator = { ...a, ...updated };
      this.dispatchEvent(new CustomEvent('mfa-rename', { bubbles: true, composed: true, detail: { authenticator: updated } }));
      this.announce(() => this.t('passkey.renamed', { name: this.#label() }));
      await this.#closeTo('view', 'rename-button');
    } catch (error) {
      this._error = this.reportError(error, 'enroll');
      await this.#closeTo('rename', 'name-input');
    }
  }

  async #remove(): Promise<void> {
    const a = this.authenticator;
    const source = this.activeSource;
    if (!a || !source || this._mode !== 'confirm') return;
    this._mode = 'removing';
    try {
      await source.remove(a.id, { signal: this.signal });
      this._mode = 'removed';
      this.announce(this.t('passkey.removed', { name: this.#label() }));
      this.dispatchEvent(new MfaRemoveEvent({ authenticatorId: a.id, factor: a.factor, linkedIds: a.linkedIds ?? [] }));
    } catch (error) {
      this._error = this.reportError(error, 'remove');
      await this.#closeTo('confirm', 'confirm-button');
    }
  }

  protected override render(): TemplateResult | typeof nothing {
    const a = this.authenticator;
    if (!a || this._mode === 'removed') return html`${this.renderLiveRegion()}`;
    return html`<div part="base">${this._mode === 'rename' || this._mode === 'renaming' ? this.#renameForm() : this.#view()}
        ${this._error ? html`<p part="error" role="alert">${this.errorText(this._error)}</p>` : nothing}
      </div>${this.renderLiveRegion()}`;
  }

  #view(): TemplateResult {
    const a = this.authenticator!;
    const created = this.#date(a.createdAt);
    const used = this.#date(a.lastAuthenticatedAt);
    const kind = this.#kind();
    const name = this.#label();
    const confirming = this._mode === 'confirm' || this._mode === 'removing';
    return html`<span id="name" part="name">${name}</span>
      <span part="details">
        ${created ? html`<span>${this.t('passkey.created', { date: created })}</span>` : nothing}
        <span>${used ? this.t('passkey.lastUsed', { date: used }) : this.t('passkey.neverUsed')}</span>
        ${kind ? html`<span part="kind">${kind}</span>` : nothing}
      </span>
      ${confirming
        ? html`<div part="actions" role="group" aria-labelledby="question" @keydown=${this.#escapeTo('view', 'remove-button')}>
            <p id="question">${this.sentences(this.t('passkey.removeQuestion', { name }), this.t('passkey.removeLoses'))}</p>
            <button part="button confirm-button" ?disabled=${this._mode === 'removing'} @click=${() => this.#remove()}>${this.t('passkey.removeConfirm')}</button>
            <button part="button cancel-button" class="secondary" @click=${() => this.#closeTo('view', 'remove-button')}>${this.t('passkey.keep')}</button>
          </div>`
        : html`<div part="actions">
            ${this.#renamable()
              ? html`<button part="button rename-button" class="secondary" aria-describedby="name" @click=${() => this.#openRename()}>${this.t('passkey.rename')}</button>`
              : nothing}
            ${a.removable === false
              ? nothing
              : html`<button part="button remove-button" class="secondary" aria-describedby="name"
                  @click=${async () => { this._error = undefined; await this.#closeTo('confirm', 'cancel-button'); }}>${this.t('passkey.remove')}</button>`}
          </div>`}`;
  }

  #escapeTo(mode: Mode, part: string) {
    return (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      event.stopPropagation();
      void this.#closeTo(mode, part);
    };
  }

  #renameForm(): TemplateResult {
    const busy = this._mode === 'renaming';
    return html`<form part="form" @submit=${(e: Event) => this.#saveName(e)} @keydown=${this.#escapeTo('view', 'rename-button')}>
      <label>${this.t('passkey.renameLabel', { name: this.#label() })}
        <input part="name-input" maxlength="64" autocomplete="off" required .value=${this._draft} ?disabled=${busy}
          aria-invalid=${this._empty ? 'true' : 'false'} aria-describedby=${this._empty ? 'empty' : nothing}
          @input=${(e: Event) => { this._draft = (e.target as HTMLInputElement).value; this._empty = false; }} />
      </label>
      ${this._empty ? html`<p id="empty" part="error">${this.t('passkey.nameEmpty')}</p>` : nothing}
      <div part="actions">
        <button part="button save-button" ?disabled=${busy}>${this.t('passkey.saveName')}</button>
        <button type="button" part="button cancel-button" class="secondary" @click=${() => this.#closeTo('view', 'rename-button')}>${this.t('cancel')}</button>
      </div>
    </form>`;
  }
}
