import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { toMfaError } from '../../core/errors.js';
import { isOtpauthUri } from '../../core/otpauth.js';
import type { OobEnrollment } from '../../core/types.js';
import { FlowPart, renderError, spin } from '../shared/flow-part.js';
import { PollController } from '../shared/poll.js';
import { pushEnrollLocales, type PushEnrollStrings } from '../../locales/en/mfa-push-enroll.js';
import * as steps from './mfa-push-enroll.steps.js';

/**
 * The Guardian push enrollment of `<mfa-enrollment>`: the QR code of an enrollment the host has
 * started (and a link to open it on this device), then a wait for the app's approval; declined,
 * expired or failed, it offers to start again. Fetched when the push row's Enroll is pressed; it
 * renders into `<mfa-enrollment>`'s shadow tree, whose parts, styles and live region it uses
 * (see `FlowPart`). The poll stops when it leaves the page.
 *
 * @summary Part of `<mfa-enrollment>`: the Guardian QR code, then waiting for the app.
 * @tag mfa-push-enroll
 *
 * @fires {MfaErrorEvent} mfa-error - The enrollment was not confirmed: `{error, action: 'confirm'}`.
 * @fires mfa-flow-done - The app approved: `detail` is the recovery codes of a first enrollment, if any (inside `<mfa-enrollment>` only).
 * @fires mfa-flow-restart - Start again was pressed (inside `<mfa-enrollment>` only).
 * @fires mfa-flow-say - Text for the host's live region (inside `<mfa-enrollment>` only).
 * @fires mfa-flow-cancel - Cancel was pressed (inside `<mfa-enrollment>` only).
 */
export class MfaPushEnroll extends FlowPart<PushEnrollStrings> {
  static override locales = pushEnrollLocales;

  static override properties = {
    ...FlowPart.properties,
    enrollment: { attribute: false },
    _state: { state: true },
  };

  /** The push enrollment the host started (its QR code and the code to poll with). */
  declare enrollment?: OobEnrollment;
  /** @internal */ declare _state: steps.PushState;

  #poll = new PollController(this);

  constructor() {
    super();
    this._state = steps.waiting();
  }

  protected override hasPendingWait(): boolean {
    return this._state.step === 'failed' && 'error' in this._state && this.view.left(this._state.error) > 0;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('enrollment') && this.enrollment) void this.#wait(this.enrollment);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    // Put back in the page (moved): the poll the disconnect stopped starts again.
    if (this.hasUpdated && this.enrollment && this._state.step === 'waiting' && !this.#poll.running) void this.#wait(this.enrollment);
  }

  async #wait(enrollment: OobEnrollment): Promise<void> {
    const source = this.activeSource;
    if (!source) return;
    this._state = steps.waiting();
    this.announce(() => this.t('push.scan'));
    try {
      await this.#poll.run(source, { ...enrollment, signal: this.signal });
    } catch (error) {
      const mfaError = toMfaError(error);
      const state = steps.pollFailed(mfaError.code, () => this.show(mfaError));
      if (!this.fail(mfaError, 'confirm', 'outcome' in state ? this.t(`push.${state.outcome}`) : undefined)) return;
      this._state = state;
      void this.focusPart('[part~="restart-button"]');
      return;
    }
    this.tell('mfa-flow-done', enrollment.recoveryCodes);
  }

  override render(): TemplateResult {
    const state = this._state;
    if (state.step === 'failed') {
      return html`${'outcome' in state ? html`<p part="error">${this.t(`push.${state.outcome}`)}</p>` : renderError(this.view, state.error)}
        <div class="buttons">
          <button type="button" part="button restart-button" @click=${() => this.tell('mfa-flow-restart')}>${this.t('push.restart')}</button>
          ${this.renderCancel()}
        </div>`;
    }
    const uri = this.enrollment?.barcodeUri;
    // `otpauth:` only: the one scheme an authenticator app registers for.
    const link = uri && isOtpauthUri(uri) ? uri : undefined;
    return html`<p part="status" class="status">${this.t('push.scan')}</p>
      ${link
        ? html`<mfa-qr-code
              part="qr"
              exportparts="base:qr__base, qr:qr__svg, error:qr__error"
              .value=${link}
              label=${this.t('push.qrLabel')}
            ></mfa-qr-code>
            <a part="link" href=${link}>${this.t('push.openApp')}</a>`
        : nothing}
      <p part="status" class="status">${spin(this.t('push.waiting'))}</p>
      <div class="buttons">${this.renderCancel()}</div>`;
  }
}
