import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { isRateLimited, MfaError } from '../../core/errors.js';
import { normalizeOtp } from '../../core/input.js';
import { formatSecret, isOtpauthUri, normalizeBase32, parseOtpauthUri, type TotpKeyUri } from '../../core/otpauth.js';
import type { Authenticator, MfaSource, OtpEnrollment } from '../../core/types.js';
import type { MfaCodeCompleteEvent } from '../mfa-code-input/mfa-code-input.events.js';
import type { MfaCodeInput } from '../mfa-code-input/mfa-code-input.js';
import { copyText } from '../shared/clipboard.js';
import { CountdownController } from '../shared/countdown.js';
import { MfaEnrollEvent } from '../shared/events.js';
import { MfaElement } from '../shared/mfa-element.js';
import { loadRecoveryCodes } from '../shared/recovery-codes-loader.js';
import { baseStyles } from '../shared/styles.js';
import { otpEnrollLocales, type OtpEnrollStrings } from '../../locales/en/mfa-otp-enroll.js';
import { otpEnrollStyles } from './mfa-otp-enroll.styles.js';

/** Where the enrollment stands. */
export type OtpEnrollStep = 'idle' | 'starting' | 'scan' | 'recovery' | 'done' | 'failed';

/** Errors after which the same key can be tried again once the wait is over. */
/** Errors that end the session: the page has to sign the user in again (or give a new token). */
const SESSION_ENDED = ['expired_token', 'invalid_token', 'mfa_required', 'association_required', 'invalid_authenticator'];

/**
 * Checks what the server sent before anything is drawn or linked: the `barcode_uri` must be an
 * `otpauth://totp/` key (not a Guardian push enrollment, not another scheme) and carry the same
 * secret as the `secret` field.
 */
export function otpKeyOf(enrollment: OtpEnrollment): TotpKeyUri {
  const refuse = (description: string) => new MfaError('invalid_uri', { description });
  if (!isOtpauthUri(enrollment.barcodeUri)) throw refuse('barcode_uri is not an otpauth: URI');
  const key = parseOtpauthUri(enrollment.barcodeUri);
  if (key.kind !== 'totp') throw refuse('barcode_uri is not a TOTP key');
  if (enrollment.secret && normalizeBase32(enrollment.secret) !== key.secret) throw refuse('barcode_uri and secret disagree');
  return key;
}

/**
 * Enrolls an authenticator app (TOTP) that every phone can scan: associate → QR code (inline SVG,
 * dark on light with a quiet zone) → "can't scan?" setup key in groups of four with a Copy button,
 * the issuer and account the app will show and the settings when they are not the defaults, and an
 * "Open in authenticator app" link → the code from the app → confirm → recovery codes when the
 * server sent them ("I have saved them" gate) → `mfa-enroll`.
 *
 * A wrong code keeps the same key (no new associate) and says how many attempts are left when the
 * server tells; a rate limit counts down `Retry-After` with Verify disabled. A `barcode_uri` that is
 * not an `otpauth:` TOTP key is refused: no QR code, no link.
 *
 * Starts as soon as it has a source (its `source` property or the nearest `<mfa-provider>`).
 *
 * @summary Authenticator-app (TOTP) enrollment with QR code, setup key, code and recovery codes.
 * @tag mfa-otp-enroll
 *
 * @fires {MfaEnrollEvent} mfa-enroll - The app is enrolled and confirmed (after the recovery codes
 *   were saved, when there were any). `detail: {authenticator?, factor: 'otp', recoveryCodes?}`.
 * @fires {CustomEvent<{step: string}>} mfa-otp-step - The step changed (`detail.step`); does not bubble. A
 *   wrapper uses it to keep its own Cancel away from the shown-once recovery step.
 * @fires {MfaErrorEvent} mfa-error - Associating or confirming failed (`detail.action` is
 *   `enroll` or `confirm`): expired session, rate limit, refused `barcode_uri`, network, ….
 *
 * @csspart base - The wrapper of every step.
 * @csspart title - The element's heading.
 * @csspart step - Each step's section; also `step-scan`, `step-code`, `step-recovery`, `step-done`,
 *   `step-failed`.
 * @csspart step-title - A step's heading.
 * @csspart description - Explanatory text.
 * @csspart status - Progress and success text.
 * @csspart qr - The `<mfa-qr-code>` (its frame is exported as `qr-frame`, its image as `qr-image`).
 * @csspart app-link - The "Open in authenticator app" `otpauth:` link.
 * @csspart manual-toggle - The "Can't scan the code?" button.
 * @csspart manual - The setup-key panel.
 * @csspart secret - The setup key, in groups of four.
 * @csspart copy-button - Copies the setup key.
 * @csspart details - The list of what the app will show (service, account, settings).
 * @csspart form - The code form.
 * @csspart code-input - The `<mfa-code-input>` (its parts are exported as `input`, `cell`, `code-label`).
 * @csspart button - Every button; also `submit-button`, `retry-button`, `copy-button`, `manual-toggle`.
 * @csspart error - Error messages.
 * @csspart wait - The rate-limit countdown.
 * @csspart recovery-codes - The `<mfa-recovery-codes>` (when it could not be fetched: the codes as text).
 * @csspart continue-button - Goes on after the recovery codes, when `<mfa-recovery-codes>` could not be fetched.
 *
 * @cssprop --mfa-otp-enroll-gap - Space between the blocks of a step.
 * @cssprop --mfa-otp-enroll-padding - Padding around the element's content.
 * @cssprop --mfa-otp-enroll-background - Background of the element.
 * @cssprop --mfa-qr-size - Size of the QR code (default `13rem`).
 */
export class MfaOtpEnroll extends MfaElement<OtpEnrollStrings> {
  static override shadowRootOptions: ShadowRootInit = { ...MfaElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [baseStyles, otpEnrollStyles];
  static override locales = otpEnrollLocales;
  static override i18n = 'mfa-otp-enroll';

  static override properties = {
    ...MfaElement.properties,
    headingLevel: { type: Number, attribute: 'heading-level' },
    step: { state: true },
    _key: { state: true },
    _error: { state: true },
    _verifying: { state: true },
    _manualOpen: { state: true },
    _waitLeft: { state: true },
    _copyStatus: { state: true },
  };

  /** Level of the element's heading (its steps' headings are one below); default 2. */
  declare headingLevel: number;
  /** The current step (read-only from outside). */
  declare step: OtpEnrollStep;
  /** @internal */
  declare _key?: TotpKeyUri;
  /** @internal Why associating failed (failed step) or why the last code was refused (scan step). */
  declare _error?: MfaError;
  /** @internal */
  declare _verifying: boolean;
  /** @internal */
  declare _manualOpen: boolean;
  /** @internal Seconds left before another code may be tried. */
  declare _waitLeft: number;
  /** @internal */
  declare _copyStatus?: string;

  #enrollment?: OtpEnrollment;
  #authenticator?: Authenticator;
  /** The source the current enrollment belongs to: the same source never associates twice. */
  #startedWith?: MfaSource;
  #run = 0;
  #waitUntil = 0;
  #countdown = new CountdownController(this, () => {
    if (!this.#waitUntil) return false;
    if ((this._waitLeft = this.#countdown._left(this.#waitUntil))) return true;
    this.#stopWait();
    this.announce(this.t('otp.canRetry'));
    return false;
  });
  /** The code the server last refused: Enter does not spend another of the user's attempts on it. */
  #refused?: string;

  constructor() {
    super();
    this.headingLevel = 2;
    this.step = 'idle';
    this._verifying = this._manualOpen = false;
    this._waitLeft = 0;
  }

  /** The setup key (base32, no spaces) once the server sent one; for tests and custom UIs. */
  get secret(): string | undefined {
    return this._key?.secret;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopWait();
    // An associate cut short by the disconnect is started again on reconnection.
    if (this.step === 'starting') this.#startedWith = undefined;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (changed.has('step')) this.dispatchEvent(new CustomEvent('mfa-otp-step', { detail: { step: this.step } }));
  }

  protected override sourceChanged(source: MfaSource | undefined): void {
    if (source && source !== this.#startedWith && this.step !== 'done') void this.#start(source);
  }

  /** Throws the current key away and associates again (a new secret). */
  restart(): void {
    const source = this.activeSource;
    if (source) void this.#start(source);
  }

  // ---------------------------------------------------------------- flow

  async #start(source: MfaSource): Promise<void> {
    const run = ++this.#run;
    this.#startedWith = source;
    this.#enrollment = this.#authenticator = this._key = this._error = this._copyStatus = this.#refused = undefined;
    this._verifying = this._manualOpen = false;
    this.#stopWait();
    this.step = 'starting';
    const moveFocus = this.#focusIsOurs();
    try {
      if (source.capabilities && !source.capabilities.associate) throw new MfaError('unsupported', { description: 'the source cannot associate' });
      const enrollment = await source.enroll({ factor: 'otp' }, { signal: this.signal });
      if (run !== this.#run) return;
      if (enrollment.type !== 'otp') throw new MfaError('bad_response', { description: 'not an OTP enrollment' });
      this._key = otpKeyOf(enrollment);
      this.#enrollment = enrollment;
      // Shown after the confirmation: fetched while the user scans (a page file may have it on demand).
      if (enrollment.recoveryCodes?.length) void loadRecoveryCodes();
      this.#go('scan', undefined, moveFocus || this.#focusIsOurs());
    } catch (error) {
      if (run !== this.#run) return;
      const mfaError = this.reportError(error, 'enroll');
      // A listener of mfa-error may have restarted already.
      if (run !== this.#run) return;
      if (mfaError.code === 'aborted') {
        this.#startedWith = undefined;
        this.step = 'idle';
        return;
      }
      this._error = mfaError;
      this.#go('failed', this.#failureText(mfaError), this.#focusIsOurs());
    }
  }

  /** Shows `step`, says `message` (by default the step's title and text) and moves focus to its heading. */
  #go(
    step: OtpEnrollStep,
    message: string | (() => string) = () =>
      this.t('headingAndText', { heading: this.t(`otp.${step}Title` as 'otp.scanTitle'), text: this.t(`otp.${step}Text` as 'otp.scanText') }),
    focus = true,
  ): void {
    this.step = step;
    this.announce(message);
    if (focus) void this.focusPart(`#${step}-title`);
  }

  async #submit(raw: string): Promise<void> {
    if (this.step !== 'scan' || this._verifying) return;
    // In the scan step both are set.
    const source = this.#startedWith!;
    const digits = this._key!.digits;
    if (this._waitLeft > 0) return this.announce(this.#waitText());
    const otp = normalizeOtp(raw, digits);
    if (!otp) {
      this.announce(this.#codeErrorText((this._error = new MfaError('invalid_input', { description: 'incomplete code' }))));
      this.#codeInput?.focus();
      return;
    }
    if (otp === this.#refused && this._error) {
      this.announce(this.#codeErrorText(this._error));
      this.#codeInput?.select();
      return;
    }
    const run = this.#run;
    this._verifying = true;
    this._error = undefined;
    this.announce(this.t('otp.verifying'));
    try {
      await source.verify({ type: 'otp', otp }, { signal: this.signal });
      if (run !== this.#run) return;
      // The authenticator just confirmed: the newest active OTP one (Auth0 lists in creation order).
      let newest: Authenticator | undefined;
      if (!source.capabilities || source.capabilities.list) {
        const time = (a: Authenticator): number => Date.parse(a.createdAt ?? '') || 0;
        try {
          for (const a of await source.listAuthenticators({ signal: this.signal })) {
            if (a.factor === 'otp' && a.authenticatorType === 'otp' && a.active && (!newest || time(a) >= time(newest))) newest = a;
          }
        } catch {
          // The enrollment itself succeeded; the page can list again if it needs the authenticator.
        }
      }
      if (run !== this.#run) return;
      this.#authenticator = newest;
      const count = this.#enrollment!.recoveryCodes?.length;
      // Fetched since the enrollment came with codes (a page file may have it on demand).
      if (count) await loadRecoveryCodes();
      if (run !== this.#run) return;
      if (count) this.#go('recovery', this.t('otp.codeAccepted', { count }));
      else this.#finish();
    } catch (error) {
      if (run !== this.#run) return;
      const mfaError = this.reportError(error, 'confirm');
      if (mfaError.code === 'aborted') return;
      this._error = mfaError;
      if (mfaError.code === 'invalid_grant') this.#refused = otp;
      if (isRateLimited(mfaError)) this.#startWait(mfaError.retryAfter);
      this.announce(this.#codeErrorText(mfaError));
      await this.updateComplete;
      const field = this.#codeInput;
      field?.focus();
      field?.select();
    } finally {
      if (run === this.#run) this._verifying = false;
    }
  }

  #finish(): void {
    this.#go('done');
    const recoveryCodes = this.#enrollment?.recoveryCodes;
    this.dispatchEvent(
      new MfaEnrollEvent({
        ...(this.#authenticator && { authenticator: this.#authenticator }),
        factor: 'otp',
        ...(recoveryCodes?.length && { recoveryCodes: [...recoveryCodes] }),
      }),
    );
  }

  // ---------------------------------------------------------------- rate-limit wait

  #startWait(seconds: number | undefined): void {
    this.#stopWait();
    if (!seconds || seconds <= 0) return;
    this.#waitUntil = this.#countdown._deadline(seconds);
    this._waitLeft = Math.ceil(seconds);
  }

  #stopWait(): void {
    this.#countdown._stop();
    this.#waitUntil = this._waitLeft = 0;
  }

  #waitText(): string {
    return this.t('waitSeconds', { seconds: this._waitLeft });
  }

  // ---------------------------------------------------------------- helpers

  get #codeInput(): MfaCodeInput | null {
    return this.renderRoot.querySelector('mfa-code-input');
  }

  /** Focus moves only when the user is working in this element (or nowhere): never stolen from the page. */
  #focusIsOurs(): boolean {
    const active = document.activeElement;
    return !active || active === document.body || this.matches(':focus-within');
  }

  /** Why there is no key to show. */
  #failureText(error: MfaError): string {
    const code = error.code;
    return code === 'unsupported' ? this.t('otp.unsupported') : code === 'invalid_uri' ? this.t('otp.invalidUri') : this.errorText(error);
  }

  /** What is said about a refused code: the reason, the attempts left when known, and the wait. */
  #codeErrorText(error: MfaError, withWait = true): string {
    const { code, attemptsLeft } = error;
    if (code === 'invalid_input') return this.t('otp.incomplete', { digits: this._key!.digits });
    const wrong = code === 'invalid_grant';
    return (
      (wrong ? this.t('otp.wrongCode') : this.errorText(error)) +
      (wrong && attemptsLeft !== undefined ? ` ${this.t('attemptsLeft', { count: attemptsLeft })}` : '') +
      (withWait && this._waitLeft > 0 ? ` ${this.#waitText()}` : '')
    );
  }

  async #copySecret(): Promise<void> {
    const outcome = await copyText(this._key!.secret, this.renderRoot.querySelector('.secret'));
    this.announce(
      (this._copyStatus = this.t(outcome === 'copied' ? 'otp.keyCopied' : outcome === 'selected' ? 'otp.keySelected' : 'otp.copyFailed')),
    );
  }

  // ---------------------------------------------------------------- rendering

  #heading(id: string, text: string, level: number, className = 'step-title', part = className): TemplateResult {
    return html`<div id=${id} role="heading" aria-level=${Math.min(6, Math.max(1, level))} class=${className} part=${part} tabindex="-1">${text}</div>`;
  }

  /** A step's section and heading; the done and failed steps have an extra heading part and no label. */
  #section(step: string, level: number, title: string, content: unknown, headingPart?: string): TemplateResult {
    return html`<section part="step step-${step}" aria-labelledby=${headingPart ? nothing : `${step}-title`}>
      ${this.#heading(`${step}-title`, title, level, 'step-title', headingPart)}${content}
    </section>`;
  }

  #button(text: string, onClick: () => void, part: string, className?: string): TemplateResult {
    return html`<button type="button" class=${className ?? nothing} part="button ${part}" @click=${onClick}>${text}</button>`;
  }

  override render() {
    const level = Math.round(Number(this.headingLevel)) || 2;
    // The live region stays outside the aria-busy block: some screen readers hold back what a busy region says.
    return html`<div part="base" class="base" aria-busy=${this.step === 'starting' || this._verifying}>
      ${this.#heading('title', this.t('otp.title'), level, 'title')}
      ${!this.activeSource && this.step === 'idle' ? this.renderNoSource() : this.#renderStep(level + 1)}
    </div>
    ${this.renderLiveRegion()}`;
  }

  #renderStep(level: number): TemplateResult {
    const step = this.step;
    const key = this._key!;
    if (step === 'scan') return this.#renderScan(level, key);
    if (step === 'recovery') {
      const codes = this.#enrollment!.recoveryCodes!;
      return this.#section(
        'recovery',
        level,
        this.t('otp.recoveryTitle', { count: codes.length }),
        customElements.get('mfa-recovery-codes')
          ? html`<mfa-recovery-codes
              part="recovery-codes"
              .codes=${codes}
              .strings=${this.strings}
              issuer=${key.issuer ?? ''}
              account=${key.account ?? ''}
              @mfa-recovery-codes-saved=${(event: Event) => {
                event.stopPropagation();
                if (this.step === 'recovery') this.#finish();
              }}
            ></mfa-recovery-codes>`
          : // It could not be fetched: the codes as plain text still must not be lost.
            html`<p part="recovery-codes">${codes.map((code) => html`<code>${code}</code> `)}</p>
              <button type="button" part="button continue-button" @click=${() => this.step === 'recovery' && this.#finish()}>${this.t('continue')}</button>`,
      );
    }
    if (step === 'done') {
      return this.#section('done', level, this.t('otp.doneTitle'), html`<p part="description">${this.t('otp.doneText')}</p>`, 'step-title status');
    }
    if (step === 'failed') {
      const error = this._error!;
      return this.#section(
        'failed',
        level,
        this.#failureText(error),
        error.code === 'unsupported' ? nothing : html`<div>${this.#button(this.t('retry'), this.restart, 'retry-button')}</div>`,
        'step-title error',
      );
    }
    return html`<p part="status">${this.t('otp.starting')}</p>`;
  }

  #renderScan(level: number, key: TotpKeyUri): TemplateResult {
    const { issuer, account, digits, nonDefault } = key;
    const name = this.issuerAccount(issuer, account) || this.t('otp.secretLabel');
    const grouped = formatSecret(key.secret);
    // What the app will show: [key, value], the settings only when they are not the defaults.
    const rows = (
      [
        ['issuer', issuer],
        ['account', account],
        ['type', this.t('otp.typeTotp')],
        ['algorithm', nonDefault.algorithm && key.algorithm],
        ['digits', nonDefault.digits && String(digits)],
        ['period', nonDefault.period && this.t('otp.periodValue', { seconds: key.period })],
      ] as const
    ).filter(([, value]) => value);
    const error = this._error;
    const waiting = this._waitLeft > 0;
    return html`${this.#section(
        'scan',
        level,
        this.t('otp.scanTitle'),
        html`<p part="description">${this.t('otp.scanText')}</p>
          <div class="scan">
            <mfa-qr-code
              part="qr"
              exportparts="base:qr-frame,qr:qr-image"
              .value=${key.uri}
              .strings=${this.strings}
              label=${this.t('otp.qrLabel', { name })}
            ></mfa-qr-code>
            <div class="alternatives">
              <p>
                <a part="app-link" href=${key.uri}>${this.t('otp.openInApp')}</a>
                <br /><span class="muted">${this.t('otp.openInAppHint')}</span>
              </p>
              <div>
                <button
                  type="button"
                  class="link"
                  part="button manual-toggle"
                  aria-expanded=${this._manualOpen}
                  aria-controls="manual"
                  @click=${() => (this._manualOpen = !this._manualOpen)}
                >${this.t('otp.cantScan')}</button>
              </div>
              <div id="manual" part="manual" class="manual" ?hidden=${!this._manualOpen}>
                <p>${this.t('otp.manualText')}</p>
                <div class="secret-row">
                  <span class="sr-only">${this.t('otp.secretSpelled', { spelled: [...grouped].join(' ').replace(/   /g, ', ') })}</span>
                  <code part="secret" class="secret" aria-hidden="true" translate="no" dir="ltr">${grouped}</code>
                  ${this.#button(this.t('otp.copyKey'), this.#copySecret, 'copy-button', 'secondary')}
                </div>
                ${this._copyStatus ? html`<p class="muted" part="status">${this._copyStatus}</p>` : nothing}
                <p class="muted">${this.t('otp.appShows')}</p>
                <dl part="details">${rows.map(([term, value]) => html`<dt>${this.t(`otp.${term}`)}</dt><dd translate="no" dir="auto">${value}</dd>`)}</dl>
              </div>
            </div>
          </div>`,
      )}
      ${this.#section(
        'code',
        level,
        this.t('otp.codeTitle'),
        html`<p part="description">${this.t('otp.codeText', { digits })}</p>
          <form
            part="form"
            novalidate
            @submit=${(event: SubmitEvent) => {
              event.preventDefault();
              void this.#submit(this.#codeInput?.value ?? '');
            }}
          >
            <mfa-code-input
              part="code-input"
              exportparts="input,cell,label:code-label"
              length=${digits}
              .label=${this.t('otp.codeLabel', { digits })}
              .strings=${this.strings}
              ?invalid=${error}
              .description=${error ? this.#codeErrorText(error) : ''}
              @mfa-code-complete=${(event: MfaCodeCompleteEvent) => {
                event.stopPropagation();
                void this.#submit(event.detail.value);
              }}
              @input=${() => {
                // Typing again clears the "wrong code" mark, but not a running wait.
                if (!this._waitLeft) this._error = undefined;
              }}
            ></mfa-code-input>
            <button type="submit" part="button submit-button" ?disabled=${waiting} aria-disabled=${this._verifying}>
              ${this.t(this._verifying ? 'otp.verifying' : 'otp.verify')}
            </button>
            ${error ? html`<p part="error" id="code-error">${this.#codeErrorText(error, false)}</p>` : nothing}
            ${waiting ? html`<p part="wait" class="wait" role="timer" aria-live="off">${this.#waitText()}</p>` : nothing}
            ${error && SESSION_ENDED.includes(error.code)
              ? html`<div>${this.#button(this.t('otp.startOver'), this.restart, 'retry-button', 'secondary')}</div>`
              : nothing}
          </form>`,
      )}`;
  }
}
