import { html, nothing, type TemplateResult } from 'lit';
import { MfaError } from '../../core/errors.js';
import {
  ceremonyFailure,
  creationOptionsFromJSON,
  registrationToJSON,
  type CeremonyFailure,
  type CreatedCredential,
  type PublicKeyCredentialCreationOptionsJSON,
  type RegistrationResponseJSON,
} from '../../core/webauthn-json.js';
import type { MfaSource } from '../../core/types.js';
import { MfaEnrollEvent } from '../shared/events.js';
import { MfaElement } from '../shared/mfa-element.js';
import { baseStyles } from '../shared/styles.js';
import { deviceParts } from './device-name.js';
import { passkeyEnrollLocales, type PasskeyEnrollStrings } from '../../locales/en/mfa-passkey-enroll.js';
import { passkeyEnrollStyles } from './mfa-passkey-enroll.styles.js';

export type PasskeyEnrollStep = 'unsupported' | 'idle' | 'starting' | 'ceremony' | 'name' | 'saving' | 'done' | 'failed';

/** Timers, injectable so that a test decides when the ceremony's time runs out. */
export interface CeremonyClock {
  setTimeout(fn: () => void, ms: number): unknown;
  clearTimeout(handle: unknown): void;
}

const failureKey: Record<CeremonyFailure, keyof PasskeyEnrollStrings> = {
  cancelled: 'passkey.cancelled',
  timeout: 'passkey.timeout',
  already_registered: 'passkey.alreadyRegistered',
  not_allowed: 'passkey.notAllowed',
  // The page's address cannot be an RP ID (an IP address, http off localhost, a mismatched rp.id).
  security: 'passkey.insecureAddress',
  unsupported: 'passkey.unsupported',
  unknown: 'passkey.failed',
};

type NativeStatics = {
  parseCreationOptionsFromJSON?: (json: PublicKeyCredentialCreationOptionsJSON) => PublicKeyCredentialCreationOptions;
};

/** WebAuthn in this browser (a secure context with `PublicKeyCredential` and `credentials.create`). */
export function hasWebAuthn(): boolean {
  return typeof PublicKeyCredential === 'function' && typeof navigator.credentials?.create === 'function';
}

/**
 * Creates a passkey: asks the source for creation options → `navigator.credentials.create()`
 * (converted with the browser's own `parseCreationOptionsFromJSON` / `toJSON()` where it has them,
 * else with `src/core/webauthn-json.ts`) → the user names it (prefilled with browser and system)
 * → the source verifies it → `mfa-enroll`. Cancel, a lapsed timeout, an authenticator that
 * already holds one (`InvalidStateError`) and a refused prompt (`NotAllowedError`) each say so and
 * offer a retry with fresh options; nothing is listed until the server confirmed it. Without
 * WebAuthn it shows only why.
 *
 * Loaded on demand by `<mfa-enrollment>` when the user picks a passkey.
 *
 * @summary Passkey (WebAuthn) enrollment.
 * @tag mfa-passkey-enroll
 * @fires {MfaEnrollEvent} mfa-enroll - The passkey is confirmed. `detail: {authenticator?, factor: 'passkey'}`.
 * @fires {MfaErrorEvent} mfa-error - The source refused (`detail.action` `enroll` or `confirm`).
 * @csspart base - The wrapper.
 * @csspart title - The heading.
 * @csspart description - Explanatory text.
 * @csspart status - Progress and success text.
 * @csspart error - Error messages.
 * @csspart button - Every button; also `start-button`, `cancel-button`, `retry-button`, `save-button`.
 * @csspart name-input - The passkey's name.
 */
export class MfaPasskeyEnroll extends MfaElement<PasskeyEnrollStrings> {
  static override shadowRootOptions: ShadowRootInit = { ...MfaElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [baseStyles, passkeyEnrollStyles];
  static override locales = passkeyEnrollLocales;
  static override i18n = 'mfa-passkey-enroll';

  static override properties = {
    ...MfaElement.properties,
    headingLevel: { type: Number, attribute: 'heading-level' },
    step: { state: true },
    _failure: { state: true },
    _error: { state: true },
    _name: { state: true },
  };

  /** Level of the element's heading (its steps' headings are one below); default 2. */
  declare headingLevel: number;
  /** The current step (read-only from outside). */
  declare step: PasskeyEnrollStep;
  /** @internal */
  declare _failure?: CeremonyFailure;
  /** @internal */
  declare _error?: MfaError;
  /** @internal */
  declare _name: string;
  /** @internal Which conversion ran for the last ceremony (for tests and diagnostics). */
  conversion?: { options: 'native' | 'core'; response: 'native' | 'core' };
  /** @internal */
  clock: CeremonyClock = { setTimeout: (fn, ms) => setTimeout(fn, ms), clearTimeout: (h) => clearTimeout(h as number) };

  #ceremony?: AbortController;
  #credential?: RegistrationResponseJSON;

  constructor() {
    super();
    this.headingLevel = 2;
    this.step = hasWebAuthn() ? 'idle' : 'unsupported';
    this._name = '';
  }

  override disconnectedCallback(): void {
    this.#ceremony?.abort();
    super.disconnectedCallback();
  }

  /** Asks for fresh options and runs the browser's ceremony (the Retry does the same). */
  async start(): Promise<void> {
    const source: MfaSource | undefined = this.activeSource;
    if (!source || this.step === 'unsupported' || this.step === 'starting' || this.step === 'ceremony') return;
    this._failure = this._error = undefined;
    this.step = 'starting';
    this.announce(this.t('passkey.starting'));
    let publicKey: PublicKeyCredentialCreationOptionsJSON;
    try {
      const enrollment = await source.enroll({ factor: 'passkey' }, { signal: this.signal });
      if (enrollment.type !== 'passkey') throw new MfaError('bad_response', { description: 'no passkey creation options' });
      ({ publicKey } = enrollment);
    } catch (error) {
      return this.#fail(undefined, this.reportError(error, 'enroll'));
    }
    const ceremony = (this.#ceremony = new AbortController());
    const state = { timedOut: false, cancelled: false };
    const timer = this.clock.setTimeout(() => {
      state.timedOut = true;
      ceremony.abort();
    }, publicKey.timeout ?? 300_000);
    ceremony.signal.addEventListener('abort', () => (state.cancelled ||= !state.timedOut), { once: true });
    this.step = 'ceremony';
    this.announce(this.t('passkey.ceremony'));
    await this.#focus('cancel-button');
    try {
      const created = await navigator.credentials.create({ publicKey: this.#options(publicKey), signal: ceremony.signal });
      if (ceremony.signal.aborted) return this.#fail(ceremonyFailure(null, state));
      this.#credential = this.#toJSON(created as unknown as CreatedCredential);
      this._name = this.#defaultName();
      this.step = 'name';
      this.announce(this.t('passkey.nameTitle'));
      await this.#focus('name-input');
    } catch (error) {
      this.#fail(ceremonyFailure(error, state));
    } finally {
      this.clock.clearTimeout(timer);
      this.#ceremony = undefined;
    }
  }

  /** Ends a running ceremony, as the Cancel button does. */
  cancel(): void {
    this.#ceremony?.abort();
  }

  async #save(event: Event): Promise<void> {
    event.preventDefault();
    const source: MfaSource | undefined = this.activeSource;
    const credential = this.#credential;
    if (!source || !credential || this.step !== 'name') return;
    const name = this._name.trim() || this.#defaultName();
    this.step = 'saving';
    this.announce(this.t('passkey.saving'));
    try {
      const result = await source.verify({ type: 'passkey', credential, name }, { signal: this.signal });
      this.#credential = undefined;
      this.step = 'done';
      this.announce(() => this.sentences(this.t('passkey.doneTitle'), this.t('passkey.doneText')));
      this.dispatchEvent(new MfaEnrollEvent({ factor: 'passkey', ...(result.authenticator ? { authenticator: result.authenticator } : {}) }));
      await this.#focus('status');
    } catch (error) {
      // A refused response cannot be sent again: the retry starts a new ceremony.
      this.#credential = undefined;
      this.#fail(undefined, this.reportError(error, 'confirm'));
    }
  }

  #options(json: PublicKeyCredentialCreationOptionsJSON): PublicKeyCredentialCreationOptions {
    const native = (PublicKeyCredential as unknown as NativeStatics).parseCreationOptionsFromJSON;
    this.conversion = { options: native ? 'native' : 'core', response: 'core' };
    return native ? native.call(PublicKeyCredential, json) : (creationOptionsFromJSON(json) as unknown as PublicKeyCredentialCreationOptions);
  }

  #toJSON(credential: CreatedCredential): RegistrationResponseJSON {
    const native = (credential as unknown as { toJSON?: () => RegistrationResponseJSON }).toJSON;
    if (this.conversion) this.conversion.response = native ? 'native' : 'core';
    return native ? native.call(credential) : registrationToJSON(credential);
  }

  #defaultName(): string {
    const nav = navigator as Navigator & { userAgentData?: { platform?: string } };
    const { browser, os } = deviceParts(nav.userAgent, nav.userAgentData?.platform);
    return browser && os ? this.t('passkey.deviceName', { browser, os }) : browser || os || this.t('passkey.title');
  }

  #fail(failure?: CeremonyFailure, error?: MfaError): void {
    this._failure = failure;
    this._error = error;
    this.step = 'failed';
    this.announce(() => this.#failureText());
    void this.#focus('retry-button');
  }

  #failureText(): string {
    if (this._failure) return this.t(failureKey[this._failure]);
    return this._error ? this.errorText(this._error) : this.t('passkey.failed');
  }

  async #focus(part: string): Promise<void> {
    await this.focusPart(`[part~='${part}']`);
  }

  #heading(text: string): TemplateResult {
    const level = Math.min(Math.max(this.headingLevel || 2, 1), 6);
    return html`<div part="title" role="heading" aria-level=${level}>${text}</div>`;
  }

  protected override render(): TemplateResult {
    if (!this.activeSource && this.step !== 'unsupported') return this.renderNoSource();
    return html`<div part="base">${this.#heading(this.t('passkey.title'))}${this.#step()}</div>${this.renderLiveRegion()}`;
  }

  #step(): TemplateResult | typeof nothing {
    switch (this.step) {
      case 'unsupported':
        return html`<p part="description">${this.t('passkey.unsupported')}</p>`;
      case 'idle':
        return html`<p part="description">${this.t('passkey.intro')}</p>
          <div part="actions"><button part="button start-button" @click=${() => this.start()}>${this.t('passkey.start')}</button></div>`;
      case 'starting':
        return html`<p part="status">${this.t('passkey.starting')}</p>`;
      case 'ceremony':
        return html`<p part="status">${this.t('passkey.ceremony')}</p>
          <div part="actions"><button part="button cancel-button" @click=${() => this.cancel()}>${this.t('cancel')}</button></div>`;
      case 'name':
      case 'saving':
        return html`<form part="form" @submit=${(e: Event) => this.#save(e)}>
          ${this.#heading2(this.t('passkey.nameTitle'))}
          <label>${this.t('passkey.nameLabel')}
            <input part="name-input" name="name" maxlength="64" autocomplete="off" aria-describedby="name-hint"
              .value=${this._name} ?disabled=${this.step === 'saving'}
              @input=${(e: Event) => (this._name = (e.target as HTMLInputElement).value)} />
          </label>
          <p id="name-hint" part="description">${this.t('passkey.nameHint')}</p>
          <div part="actions"><button part="button save-button" ?disabled=${this.step === 'saving'}>${this.step === 'saving' ? this.t('passkey.saving') : this.t('passkey.save')}</button></div>
        </form>`;
      case 'done':
        return html`<p part="status" tabindex="-1">${this.sentences(this.t('passkey.doneTitle'), this.t('passkey.doneText'))}</p>`;
      case 'failed':
        return html`<p part="error" role="alert">${this.#failureText()}</p>
          <div part="actions"><button part="button retry-button" @click=${() => this.start()}>${this.t('retry')}</button></div>`;
      default:
        return nothing;
    }
  }

  #heading2(text: string): TemplateResult {
    const level = Math.min(Math.max((this.headingLevel || 2) + 1, 1), 6);
    return html`<div part="step-title" role="heading" aria-level=${level}>${text}</div>`;
  }
}
