import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { MfaError, toMfaError } from '../../core/errors.js';
import { digitsOnly, normalizeRecoveryCode } from '../../core/input.js';
import { pollOob } from '../../core/poller.js';
import type { Authenticator, Challenge, MfaSource, VerifyRequest, VerifyResult } from '../../core/types.js';
import type { MfaCodeInput } from '../mfa-code-input/mfa-code-input.js';
import type { MfaCodeCompleteEvent } from '../mfa-code-input/mfa-code-input.events.js';
import { MfaVerifiedEvent, type MfaAction, type VerifyMethod } from '../shared/events.js';
import { MfaElement } from '../shared/mfa-element.js';
import { baseStyles, columnBaseStyles } from '../shared/styles.js';
import { verifyStyles } from './mfa-verify.styles.js';
import { verifyLocales, type VerifyStrings } from './mfa-verify.strings.js';

type Step =
  /** No source yet, or a form field (see `fieldMode`). */
  | 'idle'
  | 'loading'
  | 'pick'
  /** Asking the server to send a code or a push. */
  | 'sending'
  | 'code'
  | 'push'
  /** A push was rejected, expired or cancelled, or sending failed: retry or pick another. */
  | 'ended'
  | 'recovery'
  /** The rotated recovery code is shown until the user says it is saved. */
  | 'new-code'
  | 'done'
  /** Nothing to verify with, or an error no retry here can fix (session expired, not enrolled). */
  | 'fatal'
  /** The list could not be loaded: retry. */
  | 'load-error';

const METHODS: readonly VerifyMethod[] = ['otp', 'sms', 'voice', 'email', 'push', 'recovery-code'];
/** Errors that no retry inside this element can fix: the page must sign in again or enroll. */
const FATAL = ['expired_token', 'invalid_token', 'mfa_required', 'unsupported_challenge_type', 'association_required', 'invalid_authenticator', 'unsupported', 'unauthorized_client', 'invalid_client'];
/** Errors that come with a wait (`retryAfter`) before the next attempt. */
const LIMITED = ['too_many_attempts', 'too_many_requests', 'rate_limited', 'slow_down'];
/** Factor problems where another authenticator may still work. */
const FACTOR_ERRORS = ['unsupported_challenge_type', 'association_required', 'invalid_authenticator'];

const OTP_CREDENTIAL = 'OTPCredential';

/**
 * Proves the second factor with any of the user's active authenticators: a code from an
 * authenticator app, a code sent by SMS, voice call or email, a push approval in Guardian, or a
 * recovery code (whose replacement is then shown once). Counts down `Retry-After` when the server
 * says to wait.
 *
 * Inside a `<form>`, with a `name` and no data source, it is a validated code field instead: its
 * digits are submitted with the form, it takes part in reset, `required` and `disabled`.
 *
 * @summary Verify a second factor (code, push or recovery code).
 * @tag mfa-verify
 *
 * @attr authenticator-id - Verify with this authenticator (skips the picker).
 * @attr method - Verify with the first active authenticator of this kind:
 *   `otp`, `sms`, `voice`, `email`, `push` or `recovery-code`.
 * @attr length - Digits in a code (default 6).
 * @attr resend-after - Seconds before a code can be sent again (default 30).
 * @attr name - Form-field name: with no data source the element is a code field of its form.
 * @attr required - Form-field mode: the form cannot be submitted without a complete code.
 * @attr disabled - Disables every control (also set by a disabled `<fieldset>`).
 *
 * @fires {MfaVerifiedEvent} mfa-verified - Verification succeeded: `{authenticator, method, result}`;
 *   after a recovery code, `result.recoveryCode` is the new code (already shown and acknowledged).
 * @fires {MfaErrorEvent} mfa-error - A request failed: `{error, action}`. Branch on `error.code`:
 *   `expired_token`/`invalid_token` (sign in again), `unsupported_challenge_type`/`association_required`
 *   (send the user to enrollment), `too_many_attempts` (with `retryAfter`), `invalid_grant` (wrong code
 *   or a push denied on the phone). A push that expires unanswered is shown here, not reported.
 *
 * @csspart base - The wrapper of every step.
 * @csspart title - The heading text.
 * @csspart description - What to do in this step (also names where the code was sent).
 * @csspart authenticators - The list of authenticators to pick from.
 * @csspart authenticator - One authenticator button in the picker.
 * @csspart authenticator-label - The kind of authenticator (Authenticator app, Text message, …).
 * @csspart authenticator-name - Its masked phone number, email address or device name.
 * @csspart form - The form of a code or recovery-code step.
 * @csspart code-input - The `<mfa-code-input>`; its parts are exported as `input`, `code-label`,
 *   `code-field`, `code-cell`.
 * @csspart input - The real input (code or recovery code).
 * @csspart recovery-input - The recovery-code input.
 * @csspart label - The recovery-code label.
 * @csspart button - Every button.
 * @csspart submit-button - Verify.
 * @csspart resend-button - Send the code again.
 * @csspart cancel-button - Cancels a push request.
 * @csspart retry-button - Sends a new push, or retries sending or loading.
 * @csspart switch-button - "Use another method" and "Use a recovery code".
 * @csspart status - Progress (loading, sending, waiting for a push, verified).
 * @csspart success - The verified message.
 * @csspart error - The error message.
 * @csspart countdown - A visible countdown (wait after too many attempts, resend, push expiry).
 * @csspart recovery-codes - The `<mfa-recovery-codes>` showing the rotated recovery code.
 *
 * @cssprop --mfa-verify-gap - Space between the pieces of a step (default twice `--mfa-space`).
 * @cssprop --mfa-verify-max-width - Widest the element grows (default `28rem`).
 */
export class MfaVerify extends MfaElement<VerifyStrings> {
  static formAssociated = true;
  static override shadowRootOptions: ShadowRootInit = { ...MfaElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [baseStyles, columnBaseStyles, verifyStyles];
  static override locales = verifyLocales;
  static override i18n = 'mfa-verify';

  static override properties = {
    ...MfaElement.properties,
    authenticatorId: { type: String, attribute: 'authenticator-id' },
    method: { type: String },
    length: { type: Number },
    resendAfter: { type: Number, attribute: 'resend-after' },
    name: { type: String, reflect: true },
    required: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    value: { attribute: false },
    _step: { state: true },
    _list: { state: true },
    _hasRecovery: { state: true },
    _current: { state: true },
    _error: { state: true },
    _ended: { state: true },
    _busy: { state: true },
    _now: { state: true },
    _lockUntil: { state: true },
    _resendAt: { state: true },
    _pushExpiresAt: { state: true },
    _newCode: { state: true },
    _formDisabled: { state: true },
  };

  /** Verify with this authenticator, skipping the picker. */
  declare authenticatorId?: string;
  /** Verify with the first active authenticator of this kind (`recovery-code` opens that path). */
  declare method?: VerifyMethod;
  /** Digits in a code (one-time password, SMS, voice or email code). */
  declare length: number;
  /** Seconds before "Send again" is enabled after a code was sent. */
  declare resendAfter: number;
  /** Form-field name. */
  declare name?: string;
  /** Form-field mode: a complete code is required to submit the form. */
  declare required: boolean;
  declare disabled: boolean;
  /** Form-field mode: the digits entered. */
  declare value: string;

  /** @internal */ declare _step: Step;
  /** @internal */ declare _list: Authenticator[];
  /** @internal */ declare _hasRecovery: boolean;
  /** @internal */ declare _current?: Authenticator;
  /** @internal */ declare _error?: MfaError;
  /** @internal the message key of a push or sending that ended without success */
  declare _ended?: keyof VerifyStrings;
  /** @internal */ declare _busy: boolean;
  /** @internal */ declare _now: number;
  /** @internal */ declare _lockUntil: number;
  /** @internal */ declare _resendAt: number;
  /** @internal */ declare _pushExpiresAt: number;
  /** @internal */ declare _newCode?: string;
  /** @internal */ declare _formDisabled: boolean;

  readonly #internals: ElementInternals;
  /** Aborted when the step changes, on cancel and on disconnect. */
  #flow?: AbortController;
  #webOtp?: AbortController;
  #timer?: ReturnType<typeof setInterval>;
  #challenge?: Challenge;
  #recoveryAuthenticator?: Authenticator;
  #pending?: { authenticator?: Authenticator; method: VerifyMethod; result: VerifyResult };

  constructor() {
    super();
    this.#internals = this.attachInternals();
    this.length = 6;
    this.resendAfter = 30;
    this.required = false;
    this.disabled = false;
    this.value = '';
    this._step = 'idle';
    this._list = [];
    this._hasRecovery = false;
    this._busy = false;
    this._now = Date.now();
    this._lockUntil = 0;
    this._resendAt = 0;
    this._pushExpiresAt = 0;
    this._formDisabled = false;
  }

  // ----- form-associated API -----

  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }
  get validity(): ValidityState {
    return this.#internals.validity;
  }
  get validationMessage(): string {
    return this.#internals.validationMessage;
  }
  get willValidate(): boolean {
    return this.#internals.willValidate;
  }
  checkValidity(): boolean {
    return this.#internals.checkValidity();
  }
  reportValidity(): boolean {
    return this.#internals.reportValidity();
  }

  /** @internal */
  formResetCallback(): void {
    this.value = '';
    this.#codeInput?.clear();
    this._error = undefined;
  }

  /** @internal */
  formDisabledCallback(disabled: boolean): void {
    this._formDisabled = disabled;
  }

  /** @internal */
  formStateRestoreCallback(state: unknown): void {
    if (typeof state === 'string') this.value = digitsOnly(state, this.#codeLength);
  }

  /** True without a data source and with a `name`: the element is a code field of its form. */
  get fieldMode(): boolean {
    return !this.activeSource && Boolean(this.name);
  }

  /** Starts over: lists the authenticators again and forgets the current step. */
  restart(): void {
    this.#stopFlow();
    this._error = undefined;
    this._lockUntil = 0;
    if (this.activeSource) void this.#load();
  }

  // ----- lifecycle -----

  override connectedCallback(): void {
    super.connectedCallback();
    // Countdowns started before a move in the DOM go on.
    if (this._lockUntil || this._resendAt) this.#timer ??= setInterval(() => this.#tick(), 1000);
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopFlow();
    this.#stopTimer();
  }

  protected override sourceChanged(source: MfaSource | undefined): void {
    this.#stopFlow();
    this._error = undefined;
    if (source) void this.#load();
    else this._step = 'idle';
  }

  protected override sourceUpdated(): void {
    // Our own verification also invalidates the shared list: only a picker on screen refreshes.
    if (this._step === 'pick') void this.#load(true);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    // A new `authenticator-id` or `method` once the list is known: go there.
    const picked = changed.has('authenticatorId') || changed.has('method');
    if (picked && ['pick', 'code', 'recovery', 'ended'].includes(this._step)) this.#choose();
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    void this.#syncForm();
  }

  get #codeLength(): number {
    const n = Math.round(Number(this.length));
    return Number.isFinite(n) && n >= 4 && n <= 10 ? n : 6;
  }

  get #codeInput(): MfaCodeInput | null {
    return this.renderRoot?.querySelector('mfa-code-input') ?? null;
  }

  get #inactive(): boolean {
    return this.disabled || this._formDisabled;
  }

  get #locked(): boolean {
    return this._lockUntil > this._now;
  }

  async #syncForm(): Promise<void> {
    if (!this.fieldMode) {
      this.#internals.setFormValue(null);
      this.#internals.setValidity({});
      return;
    }
    const value = this.value;
    this.#internals.setFormValue(value, value);
    const codeInput = this.#codeInput;
    await codeInput?.updateComplete;
    const anchor = codeInput?.shadowRoot?.querySelector('input') ?? codeInput ?? undefined;
    const length = this.#codeLength;
    if (this.required && !value) {
      this.#internals.setValidity({ valueMissing: true }, this.t('verify.field.valueMissing'), anchor);
    } else if (value && value.length !== length) {
      this.#internals.setValidity({ patternMismatch: true }, this.t('verify.incomplete', { length }), anchor);
    } else {
      this.#internals.setValidity({});
    }
  }

  // ----- flow -----

  #newFlow(): AbortSignal {
    this.#stopFlow();
    this.#flow = new AbortController();
    return this.#flow.signal;
  }

  #stopFlow(): void {
    this.#flow?.abort();
    this.#flow = undefined;
    this.#webOtp?.abort();
    this.#webOtp = undefined;
    this._busy = false;
    this._pushExpiresAt = 0;
    this._resendAt = 0;
  }

  async #load(quiet = false): Promise<void> {
    const source = this.activeSource;
    if (!source) return;
    const signal = this.#newFlow();
    if (!quiet) this._step = 'loading';
    try {
      const list = await source.listAuthenticators({ signal });
      if (signal.aborted) return;
      const active = list.filter((a) => a.active);
      this.#recoveryAuthenticator = active.find((a) => a.factor === 'recovery-code');
      this._hasRecovery = Boolean(this.#recoveryAuthenticator);
      this._list = active.filter((a) => a.factor !== 'recovery-code' && METHODS.includes(a.factor));
      if (!quiet) this.#choose(false);
    } catch (error) {
      if (signal.aborted) return;
      if (this.#fail(error, 'load')) this._step = 'load-error';
    }
  }

  /** Goes to the authenticator the attributes ask for, the only one there is, or the picker. */
  #choose(userAction = true): void {
    const { authenticatorId, method } = this;
    const list = this._list;
    this._error = undefined;
    if (!authenticatorId && method === 'recovery-code') return this.#showRecovery(userAction);
    let target = authenticatorId
      ? list.find((a) => a.id === authenticatorId)
      : method
        ? list.find((a) => a.factor === method)
        : undefined;
    if (!target && list.length === 1 && !(authenticatorId || method)) target = list[0];
    if (target) return void this.#start(target, userAction);
    if (list.length === 0) {
      if (this._hasRecovery) return this.#showRecovery(userAction);
      this._step = 'fatal';
      this._error = this.reportError(new MfaError('association_required'), 'load');
      return;
    }
    this.#showPicker(userAction);
  }

  #showPicker(focus: boolean): void {
    this.#stopFlow();
    this._step = 'pick';
    this._current = undefined;
    this._error = undefined;
    if (focus) void this.focusPart('[part~="authenticator"]');
  }

  /** "Use another method": the picker, or the only authenticator there is. */
  #other = (): void => {
    if (this._list.length === 1) void this.#start(this._list[0]!, true);
    else this.#showPicker(true);
  };

  #useRecovery = (): void => this.#showRecovery(true);

  #showRecovery(focus: boolean): void {
    this.#stopFlow();
    this._current = this.#recoveryAuthenticator;
    this._error = undefined;
    this._step = 'recovery';
    if (focus) void this.focusPart('#recovery');
  }

  async #start(authenticator: Authenticator, focus: boolean): Promise<void> {
    this.#stopFlow();
    this._current = authenticator;
    this._error = undefined;
    this._ended = undefined;
    if (authenticator.factor === 'otp') {
      this.#challenge = undefined;
      this._step = 'code';
      this.announce(this.t('verify.otp.prompt'));
      if (focus) void this.#focusCode();
      return;
    }
    if (authenticator.factor === 'push') return this.#push(authenticator, focus);
    await this.#send(authenticator, focus);
  }

  /** Challenges an SMS, voice or email authenticator: the server sends a code. */
  async #send(authenticator: Authenticator, focus: boolean, again = false): Promise<void> {
    const source = this.activeSource;
    if (!source) return;
    const signal = this.#newFlow();
    if (!again) this._step = 'sending';
    this._busy = true;
    this.announce(this.t('verify.sending'));
    try {
      const challenge = await source.challenge({ authenticatorId: authenticator.id, challengeType: 'oob' }, { signal });
      if (!challenge.oobCode) throw new MfaError('bad_response', { description: 'challenge without oob_code' });
      this.#challenge = challenge;
      this._busy = false;
      this._error = undefined;
      this._step = 'code';
      const wait = Math.max(0, Number(this.resendAfter) || 0);
      if (wait) this.#startCountdown('_resendAt', wait);
      const sent = again ? this.t('verify.resent') : this.#sentText(authenticator);
      this.announce(wait ? `${sent} ${this.t('verify.resendIn', { seconds: wait })}` : sent);
      if (authenticator.factor === 'sms') this.#listenWebOtp(signal);
      if (focus || again) void this.#focusCode();
    } catch (error) {
      if (signal.aborted) return;
      this._busy = false;
      // After "Send again", the code sent before is still valid: only sending waits.
      const mfaError = this.#fail(error, 'challenge', !again);
      if (!mfaError) return;
      if (again) {
        if (mfaError.retryAfter) this.#startCountdown('_resendAt', mfaError.retryAfter);
        return;
      }
      this._step = 'ended';
      void this.focusPart('[part~="retry-button"]');
    }
  }

  #sentText(authenticator: Authenticator): string {
    if (!authenticator.name) return this.t('verify.sent');
    const key = `verify.${authenticator.factor}.sent` as keyof VerifyStrings;
    return this.t(key in verifyLocales.en ? key : 'verify.sent', { name: authenticator.name });
  }

  #resend = (): void => {
    if (this._current && !this._busy && this._resendAt <= this._now) void this.#send(this._current, true, true);
  };

  async #push(authenticator: Authenticator, focus: boolean): Promise<void> {
    const source = this.activeSource;
    if (!source) return;
    const signal = this.#newFlow();
    this._step = 'sending';
    this._ended = undefined;
    this.announce(this.t('verify.sending'));
    let challenge: Challenge;
    try {
      challenge = await source.challenge({ authenticatorId: authenticator.id, challengeType: 'oob' }, { signal });
      if (!challenge.oobCode) throw new MfaError('bad_response', { description: 'challenge without oob_code' });
    } catch (error) {
      if (signal.aborted) return;
      if (this.#fail(error, 'challenge')) {
        this._step = 'ended';
        void this.focusPart('[part~="retry-button"]');
      }
      return;
    }
    this._step = 'push';
    const prompt = authenticator.name
      ? this.t('verify.push.prompt', { name: authenticator.name })
      : this.t('verify.push.promptNoName');
    this.announce(`${prompt} ${this.t('verify.push.waiting')}`);
    if (focus) void this.focusPart('[part~="cancel-button"]');
    try {
      const result = await pollOob(source, {
        oobCode: challenge.oobCode!,
        interval: challenge.interval,
        expiresIn: challenge.expiresIn,
        signal,
        onPending: (state) => {
          if (!this._pushExpiresAt) this.#startCountdown('_pushExpiresAt', state.remainingMs / 1000);
        },
      });
      if (signal.aborted) return;
      this.#succeed(result, authenticator, 'push');
    } catch (error) {
      if (signal.aborted) return;
      const mfaError = toMfaError(error);
      this._pushExpiresAt = 0;
      if (mfaError.code === 'expired_token') {
        // The push expired unanswered (locally or on the server): not a session problem to report.
        this.#end('verify.push.expired');
      } else if (mfaError.code === 'invalid_grant' || mfaError.code === 'access_denied') {
        this.reportError(mfaError, 'verify');
        this.#end('verify.push.rejected');
      } else if (this.#fail(mfaError, 'verify')) {
        this._step = 'ended';
        void this.focusPart('[part~="retry-button"]');
      }
    }
  }

  #end(key: keyof VerifyStrings): void {
    this.#stopFlow();
    this._error = undefined;
    this._ended = key;
    this._step = 'ended';
    this.announce(this.t(key));
    void this.focusPart('[part~="retry-button"]');
  }

  #cancelPush = (): void => this.#end('verify.push.cancelled');

  #retry = (): void => {
    if (this._current) void this.#start(this._current, true);
    else void this.#load();
  };

  /** Fills the code from an SMS where the browser supports WebOTP; aborted on submit and disconnect. */
  #listenWebOtp(flow: AbortSignal): void {
    const credentials = typeof navigator !== 'undefined' ? navigator.credentials : undefined;
    if (!(OTP_CREDENTIAL in window) || !credentials?.get) return;
    const controller = new AbortController();
    this.#webOtp = controller;
    flow.addEventListener('abort', () => controller.abort(), { once: true });
    credentials
      .get({ otp: { transport: ['sms'] }, signal: controller.signal } as CredentialRequestOptions)
      .then((credential) => {
        const code = digitsOnly((credential as { code?: string } | null)?.code ?? '', this.#codeLength);
        if (controller.signal.aborted || this._step !== 'code' || code.length !== this.#codeLength) return;
        const input = this.#codeInput;
        if (input) input.value = code;
        void this.#verifyCode(code);
      })
      .catch(() => {});
  }

  #onCodeSubmit = (event: Event): void => {
    event.preventDefault();
    void this.#verifyCode(this.#codeInput?.value ?? '');
  };

  #onCodeComplete = (event: MfaCodeCompleteEvent): void => {
    if (this.fieldMode) {
      if (event.detail.trigger === 'enter') this.form?.requestSubmit();
      return;
    }
    void this.#verifyCode(event.detail.value);
  };

  #onCodeKeydown = (event: KeyboardEvent): void => {
    // A complete code is submitted by the input's own `mfa-code-complete`; say what is missing.
    const input = this.#codeInput;
    if (event.key !== 'Enter' || event.isComposing || !input || input.complete) return;
    event.preventDefault();
    if (this.fieldMode) this.form?.requestSubmit();
    else void this.#verifyCode(input.value);
  };

  #onCodeInput = (): void => {
    const input = this.#codeInput;
    if (this.fieldMode) this.value = input?.value ?? '';
    if (this._error && !this.#locked) this._error = undefined;
  };

  async #verifyCode(raw: string): Promise<void> {
    if (this._busy || this.#locked || this.#inactive || this._step !== 'code') return;
    const authenticator = this._current;
    const code = digitsOnly(raw, this.#codeLength);
    if (code.length !== this.#codeLength) {
      this._error = new MfaError('invalid_input', { description: 'incomplete code' });
      this.announce(this.t('verify.incomplete', { length: this.#codeLength }));
      void this.#focusCode();
      return;
    }
    // A typed code ends the wait for an SMS.
    this.#webOtp?.abort();
    const challenge = this.#challenge;
    const request: VerifyRequest =
      authenticator?.factor === 'otp' || !challenge?.oobCode
        ? { type: 'otp', otp: code }
        : { type: 'oob', oobCode: challenge.oobCode, bindingCode: code };
    await this.#verify(request, authenticator, (authenticator?.factor ?? 'otp') as VerifyMethod);
  }

  #onRecoverySubmit = (event: Event): void => {
    event.preventDefault();
    if (this._busy || this.#locked || this.#inactive) return;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#recovery');
    const code = normalizeRecoveryCode(input?.value ?? '');
    if (!code) {
      this._error = new MfaError('invalid_input', { description: 'not a recovery code' });
      this.announce(this.t('verify.recovery.invalid'));
      input?.focus();
      return;
    }
    void this.#verify({ type: 'recovery-code', recoveryCode: code }, this.#recoveryAuthenticator, 'recovery-code');
  };

  async #verify(request: VerifyRequest, authenticator: Authenticator | undefined, method: VerifyMethod): Promise<void> {
    const source = this.activeSource;
    if (!source) return;
    const flow = this.#flow ?? (this.#flow = new AbortController());
    const signal = flow.signal;
    this._busy = true;
    this._error = undefined;
    this.announce(this.t('verify.verifying'));
    try {
      const result = await source.verify(request, { signal });
      if (signal.aborted) return;
      this._busy = false;
      this.#succeed(result, authenticator, method);
    } catch (error) {
      if (signal.aborted) return;
      this._busy = false;
      // An oob_code that expired is not the session: "Send again" gets a new one (and a session
      // that really expired fails there, with an `mfa-error`).
      const mfaError = toMfaError(error);
      if (request.type === 'oob' && mfaError.code === 'expired_token') {
        this._error = mfaError;
        this.announce(this.errorText(mfaError));
        this._resendAt = 0;
        return;
      }
      if (!this.#fail(mfaError, 'verify')) return;
      if (request.type === 'recovery-code') {
        const input = this.renderRoot.querySelector<HTMLInputElement>('#recovery');
        input?.select();
        input?.focus();
      } else {
        this.#codeInput?.clear();
        void this.#focusCode();
      }
    }
  }

  #succeed(result: VerifyResult, authenticator: Authenticator | undefined, method: VerifyMethod): void {
    this.#stopFlow();
    this.#challenge = undefined;
    this._error = undefined;
    this.#pending = { authenticator, method, result };
    if (result.recoveryCode) {
      this._newCode = result.recoveryCode;
      this._step = 'new-code';
      this.announce(this.t('verify.recovery.newDescription'));
      void this.focusPart('#new-code');
      return;
    }
    this.#finish();
  }

  #onCodeSaved = (): void => {
    if (this._step === 'new-code') this.#finish();
  };

  #finish(): void {
    const pending = this.#pending;
    this.#pending = undefined;
    this._newCode = undefined;
    this._step = 'done';
    this.announce(this.t('verify.verified'));
    void this.focusPart('[part~="success"]');
    if (pending) {
      this.dispatchEvent(new MfaVerifiedEvent({ authenticator: pending.authenticator, method: pending.method, result: pending.result }));
    }
  }

  /**
   * Reports an error (`mfa-error`, announced) and sets the step's state: fatal errors end the flow,
   * waits start a countdown. Returns the error when the step goes on (undefined after an abort or
   * a fatal error).
   */
  #fail(error: unknown, action: MfaAction, lock = true): MfaError | undefined {
    const mfaError = this.reportError(error, action);
    if (mfaError.code === 'aborted') return undefined;
    this._error = mfaError;
    if (FATAL.includes(mfaError.code)) {
      this.#stopFlow();
      this._step = 'fatal';
      void this.focusPart('[part~="error"]');
      return undefined;
    }
    if (lock && LIMITED.includes(mfaError.code) && mfaError.retryAfter) {
      this.#startCountdown('_lockUntil', mfaError.retryAfter);
      this.announce(this.t('verify.locked', { seconds: this.#secondsLeft(this._lockUntil) }));
    } else if (mfaError.attemptsLeft !== undefined) {
      this.announce(`${this.errorText(mfaError)} ${this.t('attemptsLeft', { count: mfaError.attemptsLeft })}`);
    }
    return mfaError;
  }

  async #focusCode(): Promise<void> {
    await this.updateComplete;
    const input = this.#codeInput;
    await input?.updateComplete;
    input?.focus();
  }

  // ----- countdowns -----

  #startCountdown(field: '_lockUntil' | '_resendAt' | '_pushExpiresAt', seconds: number): void {
    const now = Date.now();
    this._now = now;
    this[field] = now + Math.ceil(seconds) * 1000;
    this.#timer ??= setInterval(() => this.#tick(), 1000);
  }

  #tick(): void {
    const now = Date.now();
    this._now = now;
    if (this._lockUntil && this._lockUntil <= now) {
      this._lockUntil = 0;
      if (this._error && LIMITED.includes(this._error.code)) this._error = undefined;
      this.announce(this.t('verify.unlocked'));
    }
    if (this._resendAt && this._resendAt <= now) {
      this._resendAt = 0;
      if (this._step === 'code') this.announce(this.t('verify.resendReady'));
    }
    if (!this._lockUntil && !this._resendAt && !this._pushExpiresAt) this.#stopTimer();
  }

  #stopTimer(): void {
    if (this.#timer !== undefined) clearInterval(this.#timer);
    this.#timer = undefined;
  }

  #secondsLeft(until: number): number {
    return Math.max(0, Math.ceil((until - this._now) / 1000));
  }

  // ----- rendering -----

  override render(): TemplateResult {
    if (this.fieldMode) return this.#renderField();
    if (!this.activeSource) return html`${this.renderNoSource()}${this.renderLiveRegion()}`;
    return html`<section part="base" class="base" aria-labelledby="title" aria-busy=${this._busy || this._step === 'loading' ? 'true' : 'false'}>
      <p part="title" class="title" id="title">${this.t(this._step === 'new-code' ? 'verify.recovery.newTitle' : 'verify.title')}</p>
      ${this.#renderStep()}
      ${this.renderLiveRegion()}
    </section>`;
  }

  #renderField(): TemplateResult {
    return html`<div part="base" class="base"><mfa-code-input
        part="code-input"
        exportparts="input, label: code-label, field: code-field, cell: code-cell"
        .value=${this.value}
        length=${this.#codeLength}
        label=${this.t('verify.codeLabel')}
        ?required=${this.required}
        ?disabled=${this.#inactive}
        @input=${this.#onCodeInput}
        @keydown=${this.#onCodeKeydown}
        @mfa-code-complete=${this.#onCodeComplete}
      ></mfa-code-input>
      ${this.renderLiveRegion()}</div>`;
  }

  #renderStep(): TemplateResult | typeof nothing {
    switch (this._step) {
      case 'idle':
      case 'loading':
        return html`<p part="status">${this.t('loading')}</p>`;
      case 'sending':
        return html`<p part="status" class="waiting"><span class="spinner" aria-hidden="true"></span>${this.t('verify.sending')}</p>`;
      case 'pick':
        return this.#renderPicker();
      case 'code':
        return this.#renderCode();
      case 'push':
        return this.#renderPush();
      case 'ended':
        return this.#renderEnded();
      case 'recovery':
        return this.#renderRecovery();
      case 'new-code':
        return html`<p part="description" id="new-code" tabindex="-1">${this.t('verify.recovery.newDescription')}</p>
          <mfa-recovery-codes part="recovery-codes" .codes=${[this._newCode ?? '']} @mfa-recovery-codes-saved=${this.#onCodeSaved}></mfa-recovery-codes>`;
      case 'done':
        return html`<p part="status success" tabindex="-1">${this.t('verify.verified')}</p>`;
      case 'load-error':
        return html`${this.#renderError()}
          <div class="row">
            <button part="button retry-button" ?disabled=${this.#inactive || this.#locked} @click=${this.#retry}>${this.t('retry')}</button>
          </div>`;
      case 'fatal': {
        const factorProblem = this._error && FACTOR_ERRORS.includes(this._error.code);
        return html`${this.#renderError()}${factorProblem ? this.#renderSwitch() : nothing}`;
      }
    }
  }

  #renderPicker(): TemplateResult {
    return html`<p part="description" id="description">${this.t('verify.pick')}</p>
      <ul part="authenticators" aria-labelledby="description">
        ${this._list.map(
          (a) => html`<li>
            <button
              part="button authenticator"
              class="option secondary"
              data-id=${a.id}
              ?disabled=${this.#inactive}
              @click=${() => void this.#start(a, true)}
            >
              <span part="authenticator-label">${this.t(`verify.factor.${a.factor as Exclude<VerifyMethod, 'recovery-code'>}`)}</span>
              ${a.name ? html`<span part="authenticator-name" class="option-name">${a.name}</span>` : nothing}
            </button>
          </li>`,
        )}
      </ul>
      ${this._hasRecovery
        ? html`<div class="row">
            <button part="button switch-button" class="link" ?disabled=${this.#inactive} @click=${this.#useRecovery}>
              ${this.t('verify.useRecovery')}
            </button>
          </div>`
        : nothing}`;
  }

  #renderCode(): TemplateResult {
    const current = this._current;
    const oob = current && current.factor !== 'otp';
    const length = this.#codeLength;
    const locked = this.#locked;
    const errorText = this.#errorMessage();
    const resendIn = this.#secondsLeft(this._resendAt);
    return html`<p part="description">${oob ? this.#sentText(current) : this.t('verify.otp.prompt')}</p>
      <form part="form" novalidate @submit=${this.#onCodeSubmit}>
        <mfa-code-input
          part="code-input"
          exportparts="input, label: code-label, field: code-field, cell: code-cell"
          length=${length}
          label=${this.t('verify.codeLabel')}
          .description=${errorText}
          ?invalid=${Boolean(this._error) && !locked}
          ?disabled=${this.#inactive || this._busy}
          @input=${this.#onCodeInput}
          @keydown=${this.#onCodeKeydown}
          @mfa-code-complete=${this.#onCodeComplete}
        ></mfa-code-input>
        <button part="button submit-button" type="submit" ?disabled=${this.#inactive || this._busy || locked}>
          ${this._busy ? this.t('verify.verifying') : this.t('verify.submit')}
        </button>
      </form>
      ${this.#renderError()}
      ${oob
        ? html`<div class="row">
            <button
              part="button resend-button"
              class="secondary"
              ?disabled=${this.#inactive || this._busy || resendIn > 0}
              @click=${this.#resend}
            >
              ${this.t('verify.resend')}
            </button>
            ${resendIn > 0 ? html`<span part="countdown">${this.t('verify.resendIn', { seconds: resendIn })}</span>` : nothing}
          </div>`
        : nothing}
      ${this.#renderSwitch()}`;
  }

  #renderPush(): TemplateResult {
    const name = this._current?.name;
    const remaining = this.#secondsLeft(this._pushExpiresAt);
    const time = `${Math.floor(remaining / 60)}:${String(remaining % 60).padStart(2, '0')}`;
    return html`<p part="description">
        ${name ? this.t('verify.push.prompt', { name }) : this.t('verify.push.promptNoName')}
      </p>
      <p part="status" class="waiting"><span class="spinner" aria-hidden="true"></span>${this.t('verify.push.waiting')}</p>
      ${this._pushExpiresAt ? html`<p part="countdown">${this.t('verify.push.expiresIn', { time })}</p>` : nothing}
      <div class="row">
        <button part="button cancel-button" class="secondary" ?disabled=${this.#inactive} @click=${this.#cancelPush}>
          ${this.t('cancel')}
        </button>
      </div>
      ${this.#renderSwitch()}`;
  }

  #renderEnded(): TemplateResult {
    const push = this._current?.factor === 'push';
    return html`${this._ended ? html`<p part="error" tabindex="-1">${this.t(this._ended)}</p>` : this.#renderError()}
      <div class="row">
        <button part="button retry-button" ?disabled=${this.#inactive || this.#locked} @click=${this.#retry}>
          ${push ? this.t('verify.push.retry') : this.t('retry')}
        </button>
      </div>
      ${this.#renderSwitch()}`;
  }

  #renderRecovery(): TemplateResult {
    const locked = this.#locked;
    const invalid = Boolean(this._error) && !locked;
    return html`<p part="description" id="recovery-hint">${this.t('verify.recovery.prompt')}</p>
      <form part="form" novalidate @submit=${this.#onRecoverySubmit}>
        <div class="stack">
          <label part="label" for="recovery">${this.t('verify.recovery.label')}</label>
          <input
            part="input recovery-input"
            class="recovery"
            id="recovery"
            name="recovery-code"
            autocomplete="off"
            autocapitalize="characters"
            autocorrect="off"
            spellcheck="false"
            enterkeyhint="done"
            aria-describedby=${this._error ? 'recovery-hint error' : 'recovery-hint'}
            aria-invalid=${invalid ? 'true' : 'false'}
            ?disabled=${this.#inactive || this._busy}
            @input=${() => {
              if (this._error && !this.#locked) this._error = undefined;
            }}
          />
        </div>
        <button part="button submit-button" type="submit" ?disabled=${this.#inactive || this._busy || locked}>
          ${this._busy ? this.t('verify.verifying') : this.t('verify.submit')}
        </button>
      </form>
      ${this.#renderError()}
      ${this._list.length > 0
        ? html`<div class="row">
            <button part="button switch-button" class="link" ?disabled=${this.#inactive} @click=${this.#other}>
              ${this.t('verify.useAnother')}
            </button>
          </div>`
        : nothing}`;
  }

  /** "Use another method" (when there is one) and "Use a recovery code" (when there is one). */
  #renderSwitch(): TemplateResult | typeof nothing {
    const others = this._list.some((a) => a !== this._current);
    if (!others && !this._hasRecovery) return nothing;
    return html`<div class="row">
      ${others
        ? html`<button part="button switch-button" class="link" ?disabled=${this.#inactive} @click=${this.#other}>
            ${this.t('verify.useAnother')}
          </button>`
        : nothing}
      ${this._hasRecovery
        ? html`<button part="button switch-button" class="link" ?disabled=${this.#inactive} @click=${this.#useRecovery}>
            ${this.t('verify.useRecovery')}
          </button>`
        : nothing}
    </div>`;
  }

  #errorMessage(): string {
    const error = this._error;
    if (!error) return '';
    if (this.#locked) return this.t('verify.locked', { seconds: this.#secondsLeft(this._lockUntil) });
    if (error.code === 'invalid_input') {
      return this._step === 'recovery' ? this.t('verify.recovery.invalid') : this.t('verify.incomplete', { length: this.#codeLength });
    }
    const text = this.errorText(error);
    return error.attemptsLeft !== undefined ? `${text} ${this.t('attemptsLeft', { count: error.attemptsLeft })}` : text;
  }

  #renderError(): TemplateResult | typeof nothing {
    const text = this.#errorMessage();
    if (!text) return nothing;
    return html`<p part=${this.#locked ? 'error countdown' : 'error'} id="error" tabindex="-1">${text}</p>`;
  }
}
