import { html, nothing, type TemplateResult } from 'lit';
import { MfaError } from '../../core/errors.js';
import { normalizeEmail, normalizeOtp, normalizePhone } from '../../core/input.js';
import { maskEmail, maskPhone } from '../../core/mask.js';
import type { EnrollRequest } from '../../core/types.js';
import { FlowPart, isSessionError, renderError } from '../shared/flow-part.js';
import { loadRecoveryCodes } from '../shared/recovery-codes-loader.js';
import { resolveLang } from '../../i18n/localize.js';
import { contactEnrollLocales, type ContactEnrollStrings } from '../../locales/en/mfa-contact-enroll.js';
import * as steps from './mfa-contact-enroll.steps.js';
import { loadPhoneChooser, type PhoneChooser } from './phone-country.js';

export type ContactFactor = 'sms' | 'voice' | 'email';

/** Digits of a code sent by SMS, voice or email. */
const DIGITS = 6;

/**
 * The phone (SMS, voice) and email enrollment of `<mfa-enrollment>`: the number (with a country
 * chooser) or address, then the code that was sent, with "send again" and "use a different
 * number". Fetched when such a row's Enroll is pressed; it renders into `<mfa-enrollment>`'s
 * shadow tree, whose parts, styles and live region it uses (see `FlowPart`).
 *
 * @summary Part of `<mfa-enrollment>`: a phone number or email address, then the code sent to it.
 * @tag mfa-contact-enroll
 *
 * @attr factor - `sms`, `voice` or `email`.
 *
 * @fires {MfaErrorEvent} mfa-error - Sending or confirming failed: `{error, action}` (`enroll`, `confirm`).
 * @fires mfa-flow-done - The code was confirmed: `detail` is the recovery codes of a first enrollment, if any (inside `<mfa-enrollment>` only).
 * @fires mfa-flow-say - Text for the host's live region (inside `<mfa-enrollment>` only).
 * @fires mfa-flow-cancel - Cancel was pressed (inside `<mfa-enrollment>` only).
 */
export class MfaContactEnroll extends FlowPart<ContactEnrollStrings> {
  static override locales = contactEnrollLocales;

  static override properties = {
    ...FlowPart.properties,
    factor: { type: String },
    _state: { state: true },
    _phone: { state: true },
    _region: { state: true },
  };

  /** Which factor is enrolled: `sms`, `voice` or `email`. */
  declare factor: ContactFactor;
  /** @internal */ declare _state: steps.ContactState;
  /** @internal The phone chooser, once fetched. */
  declare _phone?: PhoneChooser;
  /** @internal The country chosen for a national phone number (preselected from the language). */
  declare _region?: string;

  constructor() {
    super();
    this.factor = 'email';
    this._state = steps.start();
  }

  protected override firstUpdated(): void {
    if (this.factor !== 'email') void this.#loadPhone();
    void this.focusPart('#address');
  }

  protected override hasPendingWait(): boolean {
    return this.view.left(this._state.error) > 0;
  }

  protected override sourceUpdated(): void {
    // Another element verified (or changed the session): "verify first" and the like no longer hold.
    if (isSessionError(this._state.error)) this._state = steps.withoutError(this._state);
  }

  async #loadPhone(): Promise<void> {
    try {
      this._phone ??= await loadPhoneChooser();
    } catch {
      // Offline for a moment: `+…` numbers still work, and the next phone flow fetches again.
    }
  }

  #country(phone: PhoneChooser) {
    return phone.countryFor(this._region, resolveLang(this), globalThis.navigator?.language);
  }

  #codeInput(): (HTMLElement & { value: string; clear(): void; select(): void }) | null {
    return this.renderRoot.querySelector('mfa-code-input');
  }

  /** The address form sends the code; the code form verifies it. */
  #onSubmit(event: Event): void {
    event.preventDefault();
    if (this._state.step === 'code') void this.#verify(this.#codeInput()?.value ?? '');
    else void this.#send(false);
  }

  /** Sends (or sends again) the code to the typed phone number or email address. */
  async #send(resend: boolean): Promise<void> {
    const source = this.activeSource;
    const state = this._state;
    // Nothing is sent while a Retry-After wait runs: the button says so (aria-disabled).
    if (!source || state.busy || this.view.left(state.error) > 0) return;
    const raw = (resend ? undefined : this.renderRoot.querySelector<HTMLInputElement>('#address')?.value) ?? state.address;
    const isEmail = this.factor === 'email';
    const phone = this._phone;
    const address = isEmail ? normalizeEmail(raw) : phone ? phone.toE164(raw, this.#country(phone)) : normalizePhone(raw);
    const invalid = isEmail ? 'email.invalid' : 'phone.invalid';
    if (!address) {
      this._state = steps.rejectAddress(raw, invalid);
      this.announce(() => this.t(invalid));
      void this.focusPart('#address');
      return;
    }
    const out = (this._state = steps.sending(state, address));
    this.announce(() => this.t('sending'));
    const request = (isEmail ? { factor: 'email', email: address } : { factor: this.factor, phoneNumber: address }) as EnrollRequest;
    try {
      const enrollment = await source.enroll(request, { signal: this.signal });
      if (enrollment.type !== 'oob') throw new MfaError('bad_response', { description: 'expected an oob enrollment' });
      this._state = steps.sent(out, enrollment);
      // Shown by <mfa-recovery-codes> once confirmed, which a page file may fetch on demand.
      if (enrollment.recoveryCodes?.length) void loadRecoveryCodes();
      this.announce(resend ? this.t('code.resent') : this.#sentText(address));
      await this.updateComplete;
      const codeInput = this.#codeInput();
      codeInput?.clear();
      codeInput?.focus();
    } catch (error) {
      const mfaError = this.fail(error, 'enroll');
      if (!mfaError) return;
      const fieldError = MfaError.is(mfaError, 'invalid_input', 'invalid_request') && !resend ? invalid : undefined;
      this._state = steps.sendFailed(out, fieldError ? { fieldError } : { error: this.show(mfaError, true) });
      void this.focusPart(this._state.step === 'code' ? '[part~="resend-button"]' : '#address');
    }
  }

  /** "We sent a code to …", with the address masked. */
  #sentText(address?: string): string {
    const to = address ? (this.factor === 'email' ? maskEmail : maskPhone)(address) : '';
    return this.t(`code.sent.${this.factor}`, { to });
  }

  #changeAddress(): void {
    this._state = steps.changeAddress(this._state);
    void this.focusPart('#address');
  }

  /** Confirms the enrollment with the code the user typed. */
  async #verify(raw: string): Promise<void> {
    const source = this.activeSource;
    const state = this._state;
    if (!source || state.step !== 'code' || state.busy) return;
    const code = normalizeOtp(raw, DIGITS);
    if (!code) {
      this._state = steps.incompleteCode(state);
      this.announce(() => this.t('code.incomplete', { length: DIGITS }));
      this.#codeInput()?.focus();
      return;
    }
    const checking = (this._state = steps.verifying(state));
    this.announce(() => this.t('verifying'));
    try {
      await source.verify({ type: 'oob', oobCode: state.enrollment.oobCode, bindingCode: code }, { signal: this.signal });
    } catch (error) {
      const mfaError = this.fail(error, 'confirm');
      if (!mfaError) return;
      this._state = steps.verifyFailed(checking, this.show(mfaError));
      await this.updateComplete;
      const input = this.#codeInput();
      input?.focus();
      input?.select();
      return;
    }
    this.tell('mfa-flow-done', state.enrollment.recoveryCodes);
  }

  override render(): TemplateResult {
    return this._state.step === 'code' ? this.#renderCode(this._state) : this.#renderAddress(this._state);
  }

  #renderAddress(state: steps.AddressStep): TemplateResult {
    const { fieldError, error } = state;
    const factor = this.factor;
    const kind = factor === 'email' ? 'email' : 'phone';
    const type = factor === 'email' ? 'email' : 'tel';
    return html`<form novalidate @submit=${this.#onSubmit}>
      ${kind === 'phone' ? this.#renderCountry() : nothing}
      <label part="label" for="address">${this.t(`${kind}.label`)}</label>
      <p part="hint" class="hint" id="address-hint">${this.t(`${kind}.hint`)}</p>
      <input
        part="input"
        id="address"
        name=${kind}
        type=${type}
        autocomplete=${type}
        inputmode=${type}
        dir="ltr"
        spellcheck="false"
        required
        .value=${state.address}
        aria-invalid=${!!fieldError}
        aria-describedby="address-hint${fieldError ? ' address-error' : ''}${error ? ' flow-error' : ''}"
      />
      ${fieldError ? html`<p part="error" id="address-error">${this.t(fieldError)}</p>` : nothing}
      ${renderError(this.view, error, 'flow-error')}
      <div class="buttons">
        <button type="submit" part="button submit-button" aria-disabled=${state.busy === 'send' || this.view.left(error) > 0}>
          ${this.busyLabel(state.busy === 'send', this.t('sending'), this.t(factor === 'email' ? 'email.submit' : `phone.submit.${factor}`))}
        </button>
        ${this.renderCancel()}
      </div>
    </form>`;
  }

  /**
   * The country a national number is read in: a native select (keyboard, screen readers and
   * mobile pickers for free). Until its data has arrived (or if it cannot), only `+…` numbers work.
   */
  #renderCountry(): TemplateResult | typeof nothing {
    const phone = this._phone;
    if (!phone) return nothing;
    const chosen = this.#country(phone).region;
    return html`<label part="label" for="country">${this.t('phone.country')}</label>
      <select part="country-select" id="country" autocomplete="country" @change=${(event: Event) => (this._region = (event.target as HTMLSelectElement).value)}>
        ${phone.countryOptions(resolveLang(this)).map(
          (c) => html`<option value=${c.region} ?selected=${c.region === chosen}>${c.label}</option>`,
        )}
      </select>`;
  }

  #renderCode(state: steps.CodeStep): TemplateResult {
    const { busy, error } = state;
    const fieldError = state.fieldError ? this.t(state.fieldError, { length: DIGITS }) : undefined;
    const problem = fieldError ?? (error ? this.errorText(error.error) : undefined);
    return html`<form novalidate @submit=${this.#onSubmit}>
      <p part="status" class="status">${this.#sentText(state.address)}</p>
      <!-- The same layout as <mfa-verify> and <mfa-otp-enroll>: Verify beside the cells. -->
      <div class="code-row">
      <mfa-code-input
        part="code-input"
        exportparts="base:code-input__base, label:code-input__label, field:code-input__field, cells:code-input__cells, cell:code-input__cell, cell-filled:code-input__cell-filled, cell-active:code-input__cell-active, input:code-input__input"
        .length=${DIGITS}
        label=${this.t('code.label')}
        description=${problem ?? ''}
        ?invalid=${Boolean(problem)}
        @mfa-code-complete=${(event: CustomEvent<{ value: string }>) => this.#verify(event.detail.value)}
      ></mfa-code-input>
      <button type="submit" part="button submit-button" aria-disabled=${busy === 'verify'}>
        ${this.busyLabel(busy === 'verify', this.t('verifying'), this.t('code.submit'))}
      </button>
      </div>
      ${fieldError ? html`<p part="error">${fieldError}</p>` : nothing}
      ${renderError(this.view, error)}
      <div class="buttons">
        <button
          type="button"
          class="secondary"
          part="button resend-button"
          aria-disabled=${busy === 'resend' || this.view.left(error) > 0}
          @click=${() => this.#send(true)}
        >
          ${this.busyLabel(busy === 'resend', this.t('sending'), this.t('code.resend'))}
        </button>
        <button type="button" class="link" part="button change-button" @click=${this.#changeAddress}>
          ${this.t(this.factor === 'email' ? 'code.change.email' : 'code.change.phone')}
        </button>
        ${this.renderCancel()}
      </div>
    </form>`;
  }
}
