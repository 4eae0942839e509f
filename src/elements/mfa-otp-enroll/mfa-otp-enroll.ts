import { html, nothing, type TemplateResult } from 'lit';
import { MfaError } from '../../core/errors.js';
import { normalizeOtp } from '../../core/input.js';
import { formatSecret, normalizeBase32, parseOtpauthUri, type TotpKeyUri } from '../../core/otpauth.js';
import type { Authenticator, MfaSource, OtpEnrollment } from '../../core/types.js';
import type { MfaCodeCompleteEvent } from '../mfa-code-input/mfa-code-input.events.js';
import type { MfaCodeInput } from '../mfa-code-input/mfa-code-input.js';
import { isOtpauthUri } from '../mfa-qr-code/mfa-qr-code.js';
import { copyText } from '../mfa-recovery-codes/clipboard.js';
import { MfaEnrollEvent } from '../shared/events.js';
import { MfaElement } from '../shared/mfa-element.js';
import { baseStyles } from '../shared/styles.js';
import { otpEnrollLocales, type OtpEnrollStrings } from './mfa-otp-enroll.strings.js';
import { otpEnrollStyles } from './mfa-otp-enroll.styles.js';

/** Where the enrollment stands. */
export type OtpEnrollStep = 'idle' | 'starting' | 'scan' | 'recovery' | 'done' | 'failed';

/** Errors after which the same key can be tried again once the wait is over. */
const RATE_LIMITED = ['too_many_attempts', 'too_many_requests', 'rate_limited'];
/** Errors that end the session: the page has to sign the user in again (or give a new token). */
const SESSION_ENDED = ['expired_token', 'invalid_token', 'mfa_required', 'association_required', 'invalid_authenticator'];

/**
 * Checks what the server sent before anything is drawn or linked: the `barcode_uri` must be an
 * `otpauth://totp/` key (not a Guardian push enrollment, not another scheme) and carry the same
 * secret as the `secret` field.
 */
export function otpKeyOf(enrollment: OtpEnrollment): TotpKeyUri {
  if (!isOtpauthUri(enrollment.barcodeUri)) {
    throw new MfaError('invalid_uri', { description: 'barcode_uri is not an otpauth: URI' });
  }
  const key = parseOtpauthUri(enrollment.barcodeUri);
  if (key.kind !== 'totp') throw new MfaError('invalid_uri', { description: 'barcode_uri is not a TOTP key' });
  if (enrollment.secret && normalizeBase32(enrollment.secret) !== key.secret) {
    throw new MfaError('invalid_uri', { description: 'barcode_uri and secret disagree' });
  }
  return key;
}

/** `JBSWY3DP` → `J B S W, Y 3 D P`: read one character at a time, groups separated by a pause. */
function spell(secret: string): string {
  return formatSecret(secret)
    .split(' ')
    .map((group) => group.split('').join(' '))
    .join(', ');
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
 * @csspart recovery-codes - The `<mfa-recovery-codes>`.
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
    _codeError: { state: true },
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
  /** @internal Why associating failed. */
  declare _error?: MfaError;
  /** @internal Why the last code was refused. */
  declare _codeError?: MfaError;
  /** @internal */
  declare _verifying: boolean;
  /** @internal */
  declare _manualOpen: boolean;
  /** @internal Seconds left before another code may be tried. */
  declare _waitLeft: number;
  /** @internal */
  declare _copyStatus: string;

  #enrollment?: OtpEnrollment;
  #authenticator?: Authenticator;
  /** The source the current enrollment belongs to: the same source never associates twice. */
  #startedWith?: MfaSource;
  #run = 0;
  #waitTimer?: ReturnType<typeof setInterval>;
  #waitUntil = 0;

  constructor() {
    super();
    this.headingLevel = 2;
    this.step = 'idle';
    this._verifying = false;
    this._manualOpen = false;
    this._waitLeft = 0;
    this._copyStatus = '';
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

  protected override sourceChanged(source: MfaSource | undefined): void {
    if (!source || source === this.#startedWith) return;
    if (this.step === 'done') return;
    void this.#start(source);
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
    this.#enrollment = undefined;
    this.#authenticator = undefined;
    this._key = undefined;
    this._error = undefined;
    this._codeError = undefined;
    this._verifying = false;
    this._manualOpen = false;
    this._copyStatus = '';
    this.#stopWait();
    this.step = 'starting';
    if (source.capabilities && !source.capabilities.associate) {
      this.#fail(new MfaError('unsupported', { description: 'the source cannot associate' }), run);
      return;
    }
    const moveFocus = this.#focusIsOurs();
    try {
      const enrollment = await source.enroll({ factor: 'otp' }, { signal: this.signal });
      if (run !== this.#run) return;
      if (enrollment.type !== 'otp') throw new MfaError('bad_response', { description: 'not an OTP enrollment' });
      const key = otpKeyOf(enrollment);
      this.#enrollment = enrollment;
      this._key = key;
      this.step = 'scan';
      this.announce(`${this.t('otp.scanTitle')}. ${this.t('otp.scanText')}`);
      if (moveFocus || this.#focusIsOurs()) void this.focusPart('#scan-title');
    } catch (error) {
      if (run !== this.#run) return;
      this.#fail(error, run);
    }
  }

  #fail(error: unknown, run: number): void {
    const mfaError = this.reportError(error, 'enroll');
    if (run !== this.#run) return;
    if (mfaError.code === 'aborted') {
      this.#startedWith = undefined;
      this.step = 'idle';
      return;
    }
    this._error = mfaError;
    this.step = 'failed';
    this.announce(this.#failureText(mfaError));
    if (this.#focusIsOurs()) void this.focusPart('#failed-title');
  }

  async #submit(raw: string): Promise<void> {
    const source = this.#startedWith;
    const key = this._key;
    if (this.step !== 'scan' || !source || !key || this._verifying) return;
    const input = this.#codeInput;
    if (this._waitLeft > 0) {
      this.announce(this.#waitText());
      return;
    }
    const otp = normalizeOtp(raw, key.digits);
    if (!otp) {
      this._codeError = new MfaError('invalid_input', { description: 'incomplete code' });
      this.announce(this.t('otp.incomplete', { digits: key.digits }));
      input?.focus();
      return;
    }
    const run = this.#run;
    this._verifying = true;
    this._codeError = undefined;
    this.announce(this.t('otp.verifying'));
    try {
      await source.verify({ type: 'otp', otp }, { signal: this.signal });
      if (run !== this.#run) return;
      this.#authenticator = await this.#findAuthenticator(source);
      if (run !== this.#run) return;
      const codes = this.#enrollment?.recoveryCodes ?? [];
      if (codes.length > 0) {
        this.step = 'recovery';
        this.announce(this.t('otp.codeAccepted', { count: codes.length }));
        void this.focusPart('#recovery-title');
      } else {
        this.#finish();
      }
    } catch (error) {
      if (run !== this.#run) return;
      const mfaError = this.reportError(error, 'confirm');
      if (mfaError.code === 'aborted') return;
      this._codeError = mfaError;
      if (RATE_LIMITED.includes(mfaError.code)) this.#startWait(mfaError.retryAfter);
      this.announce(this.#codeErrorText(mfaError));
      await this.updateComplete;
      const field = this.#codeInput;
      field?.focus();
      field?.select();
    } finally {
      if (run === this.#run) this._verifying = false;
    }
  }

  /** The authenticator just confirmed: the newest active OTP one (Auth0 lists in creation order). */
  async #findAuthenticator(source: MfaSource): Promise<Authenticator | undefined> {
    if (source.capabilities && !source.capabilities.list) return undefined;
    try {
      const list = await source.listAuthenticators({ signal: this.signal });
      const otp = list.filter((a) => a.factor === 'otp' && a.authenticatorType === 'otp' && a.active);
      const time = (a: Authenticator): number => (a.createdAt ? Date.parse(a.createdAt) || 0 : 0);
      return otp.reduce<Authenticator | undefined>((newest, a) => (!newest || time(a) >= time(newest) ? a : newest), undefined);
    } catch {
      // The enrollment itself succeeded; the page can list again if it needs the authenticator.
      return undefined;
    }
  }

  #onRecoverySaved(event: Event): void {
    event.stopPropagation();
    if (this.step === 'recovery') this.#finish();
  }

  #finish(): void {
    this.step = 'done';
    this.announce(`${this.t('otp.doneTitle')}. ${this.t('otp.doneText')}`);
    void this.focusPart('#done-title');
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
    this.#waitUntil = Date.now() + seconds * 1000;
    this._waitLeft = Math.ceil(seconds);
    this.#waitTimer = setInterval(() => {
      const left = Math.max(0, Math.ceil((this.#waitUntil - Date.now()) / 1000));
      this._waitLeft = left;
      if (left === 0) {
        this.#stopWait();
        this.announce(this.t('otp.canRetry'));
      }
    }, 1000);
  }

  #stopWait(): void {
    if (this.#waitTimer !== undefined) clearInterval(this.#waitTimer);
    this.#waitTimer = undefined;
    this._waitLeft = 0;
  }

  #waitText(): string {
    return this.t('waitSeconds', { seconds: this._waitLeft });
  }

  // ---------------------------------------------------------------- helpers

  get #codeInput(): MfaCodeInput | null {
    return this.renderRoot?.querySelector<MfaCodeInput>('mfa-code-input') ?? null;
  }

  /** Focus moves only when the user is working in this element (or nowhere): never stolen from the page. */
  #focusIsOurs(): boolean {
    const active = document.activeElement;
    return !active || active === document.body || this.matches(':focus-within');
  }

  /** Why there is no key to show. */
  #failureText(error: MfaError): string {
    if (error.code === 'unsupported') return this.t('otp.unsupported');
    if (error.code === 'invalid_uri') return this.t('otp.invalidUri');
    return this.errorText(error);
  }

  /** What is said about a refused code: the reason, the attempts left when known, and the wait. */
  #codeErrorText(error: MfaError, withWait = true): string {
    if (error.code === 'invalid_input') return this.t('otp.incomplete', { digits: this._key?.digits ?? 6 });
    const main = error.code === 'invalid_grant' ? this.t('otp.wrongCode') : this.errorText(error);
    const attempts =
      error.attemptsLeft !== undefined && error.code === 'invalid_grant'
        ? ` ${this.t('attemptsLeft', { count: error.attemptsLeft })}`
        : '';
    const wait = withWait && this._waitLeft > 0 ? ` ${this.#waitText()}` : '';
    return main + attempts + wait;
  }

  async #copySecret(): Promise<void> {
    const key = this._key;
    if (!key) return;
    const outcome = await copyText(key.secret, this.renderRoot.querySelector('.secret'));
    this._copyStatus =
      outcome === 'copied' ? this.t('otp.keyCopied') : outcome === 'selected' ? this.t('otp.keySelected') : this.t('otp.copyFailed');
    this.announce(this._copyStatus);
  }

  #toggleManual(): void {
    this._manualOpen = !this._manualOpen;
  }

  #onCodeComplete(event: MfaCodeCompleteEvent): void {
    event.stopPropagation();
    void this.#submit(event.detail.value);
  }

  #onSubmit(event: SubmitEvent): void {
    event.preventDefault();
    void this.#submit(this.#codeInput?.value ?? '');
  }

  #onCodeInput(): void {
    // Typing again clears the "wrong code" mark, but not a running wait.
    if (this._codeError && this._waitLeft === 0) this._codeError = undefined;
  }

  // ---------------------------------------------------------------- rendering

  #heading(id: string, text: string, level: number, className: string, part: string): TemplateResult {
    return html`<div id=${id} role="heading" aria-level=${Math.min(6, Math.max(1, level))} class=${className} part=${part} tabindex="-1">
      ${text}
    </div>`;
  }

  override render() {
    const source = this.activeSource;
    const level = Math.round(Number(this.headingLevel)) || 2;
    // The live region stays outside the aria-busy block: some screen readers hold back what a busy region says.
    return html`<div part="base" class="base" aria-busy=${this.step === 'starting' || this._verifying ? 'true' : 'false'}>
      ${this.#heading('title', this.t('otp.title'), level, 'title', 'title')}
      ${!source && this.step === 'idle' ? this.renderNoSource() : this.#renderStep(level + 1)}
    </div>
    ${this.renderLiveRegion()}`;
  }

  #renderStep(level: number): TemplateResult | typeof nothing {
    switch (this.step) {
      case 'idle':
      case 'starting':
        return html`<p part="status">${this.t('otp.starting')}</p>`;
      case 'failed':
        return this.#renderFailed(level);
      case 'scan':
        return this.#renderScan(level);
      case 'recovery':
        return this.#renderRecovery(level);
      case 'done':
        return html`<section part="step step-done">
          ${this.#heading('done-title', this.t('otp.doneTitle'), level, 'step-title', 'step-title status')}
          <p part="description">${this.t('otp.doneText')}</p>
        </section>`;
    }
  }

  #renderFailed(level: number): TemplateResult {
    const error = this._error ?? new MfaError('generic');
    const message = this.#failureText(error);
    return html`<section part="step step-failed">
      ${this.#heading('failed-title', message, level, 'step-title', 'step-title error')}
      ${error.code === 'unsupported'
        ? nothing
        : html`<div>
            <button type="button" part="button retry-button" @click=${() => this.restart()}>${this.t('retry')}</button>
          </div>`}
    </section>`;
  }

  #renderScan(level: number): TemplateResult {
    const key = this._key!;
    const name = [key.issuer, key.account].filter(Boolean).join(': ') || this.t('otp.secretLabel');
    return html`<section part="step step-scan" aria-labelledby="scan-title">
        ${this.#heading('scan-title', this.t('otp.scanTitle'), level, 'step-title', 'step-title')}
        <p part="description">${this.t('otp.scanText')}</p>
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
                aria-expanded=${this._manualOpen ? 'true' : 'false'}
                aria-controls="manual"
                @click=${this.#toggleManual}
              >
                ${this.t('otp.cantScan')}
              </button>
            </div>
            ${this.#renderManual(key)}
          </div>
        </div>
      </section>
      ${this.#renderCode(level, key)}`;
  }

  #renderManual(key: TotpKeyUri): TemplateResult {
    const rows: Array<[string, string]> = [];
    if (key.issuer) rows.push([this.t('otp.issuer'), key.issuer]);
    if (key.account) rows.push([this.t('otp.account'), key.account]);
    rows.push([this.t('otp.type'), this.t('otp.typeTotp')]);
    if (key.nonDefault.algorithm) rows.push([this.t('otp.algorithm'), key.algorithm]);
    if (key.nonDefault.digits) rows.push([this.t('otp.digits'), String(key.digits)]);
    if (key.nonDefault.period) rows.push([this.t('otp.period'), this.t('otp.periodValue', { seconds: key.period })]);
    return html`<div id="manual" part="manual" class="manual" ?hidden=${!this._manualOpen}>
      <p>${this.t('otp.manualText')}</p>
      <div class="secret-row">
        <span class="sr-only">${this.t('otp.secretSpelled', { spelled: spell(key.secret) })}</span>
        <code part="secret" class="secret" aria-hidden="true" translate="no">${formatSecret(key.secret)}</code>
        <button type="button" class="secondary" part="button copy-button" @click=${this.#copySecret}>
          ${this.t('otp.copyKey')}
        </button>
      </div>
      ${this._copyStatus ? html`<p class="muted" part="status">${this._copyStatus}</p>` : nothing}
      <p class="muted">${this.t('otp.appShows')}:</p>
      <dl part="details">${rows.map(([term, value]) => html`<dt>${term}</dt><dd translate="no">${value}</dd>`)}</dl>
    </div>`;
  }

  #renderCode(level: number, key: TotpKeyUri): TemplateResult {
    const error = this._codeError;
    const errorText = error ? this.#codeErrorText(error, false) : '';
    const waiting = this._waitLeft > 0;
    const sessionEnded = error && SESSION_ENDED.includes(error.code);
    return html`<section part="step step-code" aria-labelledby="code-title">
      ${this.#heading('code-title', this.t('otp.codeTitle'), level, 'step-title', 'step-title')}
      <p part="description">${this.t('otp.codeText', { digits: key.digits })}</p>
      <form part="form" novalidate @submit=${this.#onSubmit}>
        <mfa-code-input
          part="code-input"
          exportparts="input,cell,label:code-label"
          length=${key.digits}
          .label=${this.t('otp.codeLabel', { digits: key.digits })}
          .strings=${this.strings}
          ?invalid=${Boolean(error)}
          .description=${error ? this.#codeErrorText(error) : ''}
          @mfa-code-complete=${this.#onCodeComplete}
          @input=${this.#onCodeInput}
        ></mfa-code-input>
        <button type="submit" part="button submit-button" ?disabled=${waiting} aria-disabled=${this._verifying ? 'true' : 'false'}>
          ${this._verifying ? this.t('otp.verifying') : this.t('otp.verify')}
        </button>
        ${error ? html`<p part="error" id="code-error">${errorText}</p>` : nothing}
        ${waiting ? html`<p part="wait" class="wait" role="timer" aria-live="off">${this.#waitText()}</p>` : nothing}
        ${sessionEnded
          ? html`<div><button type="button" class="secondary" part="button retry-button" @click=${() => this.restart()}>
              ${this.t('otp.startOver')}
            </button></div>`
          : nothing}
      </form>
    </section>`;
  }

  #renderRecovery(level: number): TemplateResult {
    const codes = this.#enrollment?.recoveryCodes ?? [];
    const key = this._key;
    return html`<section part="step step-recovery" aria-labelledby="recovery-title">
      ${this.#heading('recovery-title', this.t('otp.recoveryTitle', { count: codes.length }), level, 'step-title', 'step-title')}
      <mfa-recovery-codes
        part="recovery-codes"
        .codes=${codes}
        .strings=${this.strings}
        issuer=${key?.issuer ?? ''}
        account=${key?.account ?? ''}
        @mfa-recovery-codes-saved=${this.#onRecoverySaved}
      ></mfa-recovery-codes>
    </section>`;
  }
}
