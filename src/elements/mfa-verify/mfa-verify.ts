import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { isRateLimited, MfaError, toMfaError } from '../../core/errors.js';
import { isPushTwin } from '../../core/factors.js';
import { digitsOnly, normalizeRecoveryCode } from '../../core/input.js';
import { maskedName } from '../../core/mask.js';
import type { Authenticator, Challenge, MfaSource, VerifyRequest, VerifyResult } from '../../core/types.js';
import type { MfaCodeInput } from '../mfa-code-input/mfa-code-input.js';
import type { MfaCodeCompleteEvent } from '../mfa-code-input/mfa-code-input.events.js';
import { MfaVerifiedEvent, type MfaAction, type MfaVerifiedDetail, type VerifyMethod } from '../shared/events.js';
import { CountdownController } from '../shared/countdown.js';
import { factorIcon } from '../shared/icons.js';
import { nameDir } from '../../i18n/localize.js';
import { MfaElement } from '../shared/mfa-element.js';
import type { PollController } from '../shared/poll.js';
import { baseStyles, columnBaseStyles } from '../shared/styles.js';
import { verifyStyles } from './mfa-verify.styles.js';
import { loadSending } from './sending-loader.js';
import type { SendingHost } from './sending.js';
import { row, waiting } from './templates.js';
import { loadRecoveryCodes } from '../shared/recovery-codes-loader.js';
import { verifyLocales, type VerifyStrings } from '../../locales/en/mfa-verify.js';

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

/** The factors offered in the picker (a recovery code has its own button). */
const METHODS: string[] = ['otp', 'sms', 'voice', 'email', 'push'];
/** Factor problems where another authenticator may still work. */
const FACTOR_ERRORS = ['unsupported_challenge_type', 'association_required', 'invalid_authenticator'];
/** Errors that no retry inside this element can fix: the page must sign in again or enroll. */
const FATAL = [...FACTOR_ERRORS, 'expired_token', 'invalid_token', 'mfa_required', 'unsupported', 'unauthorized_client', 'invalid_client'];

/** The code-sending part, once fetched (see #send). */
let sending: Awaited<ReturnType<typeof loadSending>> | undefined;

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
 * @attr heading-level - Level of the element's heading (2 by default).
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
 * @csspart icon - The factor icon of a choice (inline SVG in `currentColor`, hidden from assistive technology).
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
 * @csspart continue-button - Goes on after the rotated code, when `<mfa-recovery-codes>` could not be
 *   fetched and the code is shown as plain text instead.
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
    headingLevel: { type: Number, attribute: 'heading-level' },
    required: { type: Boolean, reflect: true },
    disabled: { type: Boolean, reflect: true },
    value: { attribute: false },
    _step: { state: true },
    _list: { state: true },
    _recovery: { state: true },
    _current: { state: true },
    _error: { state: true },
    _ended: { state: true },
    _busy: { state: true },
    _lockUntil: { state: true },
    _resendAt: { state: true },
    _pushExpiresAt: { state: true },
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
  /** Level of the element's heading, 1–6 (2 by default): what fits the page's outline. */
  declare headingLevel?: number;
  /** Form-field mode: a complete code is required to submit the form. */
  declare required: boolean;
  /** Disables every control (also set by a disabled `<fieldset>`). */
  declare disabled: boolean;
  /** Form-field mode: the digits entered. */
  declare value: string;

  /** @internal */ declare _step: Step;
  /** @internal the authenticators of the picker */
  declare _list: Authenticator[];
  /** @internal the user's recovery-code authenticator, if any */
  declare _recovery?: Authenticator;
  /** @internal */ declare _current?: Authenticator;
  /** @internal */ declare _error?: MfaError;
  /** @internal the message key of a push or sending that ended without success */
  declare _ended?: keyof VerifyStrings;
  /** @internal */ declare _busy: boolean;
  /** @internal */ declare _lockUntil: number;
  /** @internal */ declare _resendAt: number;
  /** @internal */ declare _pushExpiresAt: number;
  /** @internal */ declare _formDisabled: boolean;

  readonly #internals: ElementInternals;
  /** Aborted when the step changes, on cancel and on disconnect. */
  #flow?: AbortController;
  /** @internal The push poll (created with its module, on demand): stopped with the flow, and when the element leaves the page. */
  declare _poll?: PollController;
  /** @internal Waits for an SMS code (WebOTP): aborted on submit and with the flow. */
  declare _webOtp?: AbortController;
  /** @internal */ _countdown = new CountdownController(this, (now) => this.#tick(now));
  /**
   * Itself, as the code-sending part (./sending.ts) sees it: MfaElement's members it calls are
   * protected. The members named `_x` rather than `#x` are those the part uses (internal; the
   * script builds give them short names, the same in the page and its parts, as they do state).
   */
  readonly #host = this as unknown as SendingHost;
  #challenge?: Challenge;
  /** A challenge sent whose part could not be fetched: "Retry" fetches the part and goes on with it. */
  #kept?: Challenge;
  /** The `mfa-verified` detail, sent once a new recovery code is acknowledged. */
  #pending?: MfaVerifiedDetail;

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
    this._busy = false;
    this._lockUntil = 0;
    this._resendAt = 0;
    this._pushExpiresAt = 0;
    this._formDisabled = false;
  }

  // ----- form-associated API -----

  /** The `<form>` this element belongs to (form-field mode), or null. */
  get form(): HTMLFormElement | null {
    return this.#internals.form;
  }
  /** The field's validity: `valueMissing` when `required` and empty, `patternMismatch` while digits are missing. */
  get validity(): ValidityState {
    return this.#internals.validity;
  }
  /** The localized message the browser shows when the field is invalid; empty when valid. */
  get validationMessage(): string {
    return this.#internals.validationMessage;
  }
  /** True unless the field is barred from constraint validation (for example, disabled). */
  get willValidate(): boolean {
    return this.#internals.willValidate;
  }
  /** True when the field is valid; otherwise fires `invalid` on the element and returns false. */
  checkValidity(): boolean {
    return this.#internals.checkValidity();
  }
  /** Like `checkValidity()`, and shows the browser's message for an invalid field. */
  reportValidity(): boolean {
    return this.#internals.reportValidity();
  }

  /** @internal */
  formResetCallback(): void {
    this.value = '';
    this._codeInput?.clear();
    this._error = undefined;
  }

  /** @internal */
  formDisabledCallback(disabled: boolean): void {
    this._formDisabled = disabled;
  }

  /** @internal */
  formStateRestoreCallback(state: unknown): void {
    if (typeof state === 'string') this.value = digitsOnly(state, this._codeLength);
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
    void this.#load();
  }

  // ----- lifecycle -----

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#stopFlow();
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

  /** @internal */
  get _codeLength(): number {
    const n = Math.round(Number(this.length));
    // NaN and ±Infinity fail the range check too.
    return n >= 4 && n <= 10 ? n : 6;
  }

  /** @internal */
  get _codeInput(): MfaCodeInput | null {
    return this.renderRoot?.querySelector('mfa-code-input') ?? null;
  }

  get #recoveryInput(): HTMLInputElement | null {
    return this.renderRoot.querySelector('#recovery');
  }

  get #inactive(): boolean {
    return this.disabled || this._formDisabled;
  }

  get #locked(): boolean {
    return this._lockUntil > this._countdown._now;
  }

  /** The server said no attempts are left: another code would only be refused (429). */
  get #spent(): boolean {
    return this._error?.attemptsLeft === 0;
  }

  /** The entry is marked wrong (not while a wait is counted down). */
  get #invalid(): boolean {
    return Boolean(this._error) && !this.#locked;
  }

  async #syncForm(): Promise<void> {
    const value = this.fieldMode ? this.value : null;
    this.#internals.setFormValue(value, value);
    if (value === null) return this.#internals.setValidity({});
    const codeInput = this._codeInput;
    await codeInput?.updateComplete;
    const anchor = codeInput?.shadowRoot?.querySelector('input') ?? codeInput ?? undefined;
    const length = this._codeLength;
    const valueMissing = this.required && !value;
    // With no flag set, the message and the anchor are dropped: the field is valid.
    this.#internals.setValidity(
      { valueMissing, patternMismatch: Boolean(value) && value.length !== length },
      valueMissing ? this.t('verify.field.valueMissing') : this.t('verify.incomplete', { length }),
      anchor,
    );
  }

  // ----- flow -----

  #newFlow(): AbortSignal {
    this.#stopFlow();
    return (this.#flow = new AbortController()).signal;
  }

  #stopFlow(): void {
    this.#flow?.abort();
    this._webOtp?.abort();
    this.#flow = this.#kept = undefined;
    this._busy = false;
    this._pushExpiresAt = 0;
    this._resendAt = 0;
  }

  /** Shows `step`, says `key` if given, and moves focus to `selector` once rendered. */
  #go(step: Step, selector?: string, key?: keyof VerifyStrings): void {
    this._step = step;
    if (key) this.announce(this.t(key));
    if (selector) void this.focusPart(selector);
  }

  /** `focus`: the user asked (Try again), so focus goes to what is shown next, not to `<body>`. */
  async #load(quiet = false, focus = false): Promise<void> {
    const source = this.activeSource;
    if (!source) return;
    const signal = this.#newFlow();
    if (!quiet) this._step = 'loading';
    try {
      const active = (await source.listAuthenticators({ signal })).filter((a) => a.active);
      if (signal.aborted) return;
      this._recovery = active.find((a) => a.factor === 'recovery-code');
      const pushOff = source.capabilities?.push === false;
      // Push's one-time-code twin is the same app on the same device: one choice, not two. Where
      // push cannot be verified, the twin is that app's only choice, so it stays.
      const offered = (a: Authenticator) => (pushOff ? a.factor !== 'push' : !isPushTwin(a, active));
      this._list = active.filter((a) => METHODS.includes(a.factor) && offered(a));
      if (!quiet) this.#choose(focus);
    } catch (error) {
      if (!signal.aborted && this._fail(error, 'load')) {
        this._step = 'load-error';
        if (focus) void this.focusPart('[part~="retry-button"]');
      }
    }
  }

  /** Goes to the authenticator the attributes ask for, the only one there is, or the picker. */
  #choose(userAction = true): void {
    const { authenticatorId: id, method, _list: list } = this;
    this._error = undefined;
    if (!id && method === 'recovery-code') return this.#show(true, userAction);
    const target = id || method ? list.find((a) => (id ? a.id === id : a.factor === method)) : list[1] ? undefined : list[0];
    if (target) this.#start(target, userAction);
    else if (list.length || this._recovery) this.#show(!list.length, userAction);
    else {
      this._step = 'fatal';
      this._error = this.reportError(new MfaError('association_required'), 'load');
    }
  }

  /** The recovery-code step, or else the picker. */
  #show(recovery: boolean, focus: boolean): void {
    this.#stopFlow();
    this._current = recovery ? this._recovery : undefined;
    this._error = undefined;
    if (recovery) void loadRecoveryCodes();
    this.#go(recovery ? 'recovery' : 'pick', focus ? (recovery ? '#recovery' : '[part~="authenticator"]') : undefined);
  }

  /** "Use another method": the picker, or the only authenticator there is. */
  #other = (): void => (this._list.length === 1 ? this.#start(this._list[0]!, true) : this.#show(false, true));

  #useRecovery = (): void => this.#show(true, true);

  #start(authenticator: Authenticator, focus: boolean): void {
    this.#stopFlow();
    this._current = authenticator;
    this._error = undefined;
    this._ended = undefined;
    if (authenticator.factor !== 'otp') return void this._send(authenticator, focus);
    this.#challenge = undefined;
    this._step = 'code';
    this.announce(this.t('verify.otp.prompt'));
    if (focus) void this._focusField();
  }

  /**
   * @internal Challenges an SMS, voice, email or push authenticator: the server sends a code or a
   * push (unless `kept`, one already sent).
   */
  async _send(authenticator: Authenticator, focus: boolean, again = false, kept?: Challenge): Promise<void> {
    const source = this.activeSource;
    if (!source) return;
    const signal = this.#newFlow();
    const push = authenticator.factor === 'push';
    if (!again) this._step = 'sending';
    this._busy = !push;
    this.announce(this.t('verify.sending'));
    let challenge = kept;
    try {
      // The sending part is fetched beside the request: a failed fetch fails like the request.
      [, sending] = await Promise.all([challenge ?? source.challenge({ authenticatorId: authenticator.id, challengeType: 'oob' }, { signal }).then((c) => (challenge = c)), loadSending()]);
      // The flow may have ended while the part was still loading (disconnect, restart, new source).
      if (signal.aborted) return;
      if (!challenge!.oobCode) throw new MfaError('bad_response', { description: 'challenge without oob_code' });
    } catch (error) {
      if (signal.aborted) return;
      if (!sending) {
        // Only the part failed: a challenge still under way is dropped, one answered (a code or a
        // push sent) is kept for "Retry".
        this.#stopFlow();
        this.#kept = challenge;
      }
      this._busy = false;
      // After "Send again", the code sent before is still valid: only sending waits.
      const mfaError = this._fail(error, 'challenge', !again);
      if (!again) {
        if (mfaError) this._end();
      } else if (mfaError?.retryAfter) this._resendAt = this._countdown._deadline(mfaError.retryAfter);
      return;
    }
    this._busy = false;
    if (!push) this.#challenge = challenge;
    void sending!.sent(this.#host, source, authenticator, challenge!, signal, focus, again);
  }

  /** @internal The step with "Retry": `key` says why a push or sending ended, else the error is shown. */
  _end(key?: keyof VerifyStrings): void {
    if (key) {
      this.#stopFlow();
      this._error = undefined;
    }
    this._ended = key;
    this.#go('ended', '[part~="retry-button"]', key);
  }

  #retry = (): void => (this.#kept ? void this._send(this._current!, true, false, this.#kept) : this._current ? this.#start(this._current, true) : void this.#load(false, true));

  /** Submits the code or the recovery code of the step. */
  #onSubmit = (event: Event): void => {
    event.preventDefault();
    if (this._step === 'code') return void this._verifyCode(this._codeInput?.value ?? '');
    if (this._busy || this.#locked || this.#inactive || this.#spent) return;
    const recoveryCode = normalizeRecoveryCode(this.#recoveryInput?.value ?? '');
    if (recoveryCode) void this.#verify({ type: 'recovery-code', recoveryCode });
    else this.#refuse();
  };

  #onCodeComplete = (event: MfaCodeCompleteEvent): void => {
    if (!this.fieldMode) return void this._verifyCode(event.detail.value);
    if (event.detail.trigger === 'enter') this.form?.requestSubmit();
  };

  #onCodeKeydown = (event: KeyboardEvent): void => {
    // A complete code is submitted by the input's own `mfa-code-complete`; say what is missing.
    const input = this._codeInput;
    if (event.key !== 'Enter' || event.isComposing || !input || input.complete) return;
    event.preventDefault();
    if (this.fieldMode) this.form?.requestSubmit();
    else void this._verifyCode(input.value);
  };

  /** Typing in the code or recovery-code input. */
  #onInput = (): void => {
    if (this.fieldMode) this.value = this._codeInput?.value ?? '';
    if (this.#invalid && !this.#spent) this._error = undefined;
  };

  /** A code refused before any request (incomplete code, not a recovery code). */
  #refuse(): void {
    this._error = new MfaError('invalid_input');
    this.announce(this.#invalidText());
    void this._focusField();
  }

  /** @internal */
  async _verifyCode(raw: string): Promise<void> {
    if (this._busy || this.#locked || this.#inactive || this._step !== 'code') return;
    if (this.#spent) return this.announce(this.#errorMessage());
    const code = digitsOnly(raw, this._codeLength);
    if (code.length !== this._codeLength) return this.#refuse();
    // A typed code ends the wait for an SMS.
    this._webOtp?.abort();
    // Only a code sent by the server has an oob_code (a one-time password has none).
    const oobCode = this.#challenge?.oobCode;
    await this.#verify(oobCode ? { type: 'oob', oobCode, bindingCode: code } : { type: 'otp', otp: code });
  }

  async #verify(request: VerifyRequest): Promise<void> {
    const source = this.activeSource;
    if (!source) return;
    const signal = (this.#flow ??= new AbortController()).signal;
    this._busy = true;
    this._error = undefined;
    this.announce(this.t('verify.verifying'));
    try {
      const result = await source.verify(request, { signal });
      if (result.recoveryCode) await loadRecoveryCodes();
      if (!signal.aborted) this._succeed(result, this._current);
    } catch (error) {
      if (signal.aborted) return;
      this._busy = false;
      const mfaError = toMfaError(error);
      if (!(request.type === 'oob' && sending!.codeExpired(this.#host, mfaError)) && this._fail(mfaError, 'verify')) {
        if (request.type === 'recovery-code') this.#recoveryInput?.select();
        else this._codeInput?.clear();
        void this._focusField();
      }
    }
  }

  /** @internal */
  _succeed(result: VerifyResult, authenticator: Authenticator | undefined): void {
    this.#stopFlow();
    this.#challenge = undefined;
    this._error = undefined;
    // Without a recovery-code authenticator, the recovery step has no current one.
    this.#pending = { authenticator, method: (authenticator?.factor ?? 'recovery-code') as VerifyMethod, result };
    if (result.recoveryCode) this.#go('new-code', '#new-code', 'verify.recovery.newDescription');
    else this.#finish();
  }

  #onCodeSaved = (): void => {
    if (this._step === 'new-code') this.#finish();
  };

  #finish(): void {
    const pending = this.#pending;
    this.#pending = undefined;
    this.#go('done', '[part~="success"]', 'verify.verified');
    // A literal detail: the manifest analyzer would take a bare variable for the event's name.
    if (pending) this.dispatchEvent(new MfaVerifiedEvent({ ...pending }));
  }

  /**
   * @internal
   * Reports an error (`mfa-error`, announced) and sets the step's state: fatal errors end the flow,
   * waits start a countdown. Returns the error when the step goes on (undefined after an abort or
   * a fatal error).
   */
  _fail(error: unknown, action: MfaAction, lock = true): MfaError | undefined {
    const mfaError = this.reportError(error, action);
    const code = mfaError.code;
    if (code === 'aborted') return;
    this._error = mfaError;
    if (FATAL.includes(code)) {
      this.#stopFlow();
      this.#go('fatal', '[part~="error"]');
      return;
    }
    if (lock && isRateLimited(mfaError) && mfaError.retryAfter) {
      this._lockUntil = this._countdown._deadline(mfaError.retryAfter);
      this.announce(this.#lockedText());
    } else if (mfaError.attemptsLeft !== undefined) {
      this.announce(this.#describe(mfaError));
    }
    return mfaError;
  }

  /** @internal Focus into the code or recovery-code input once rendered. */
  async _focusField(): Promise<void> {
    await this.updateComplete;
    const input = this._step === 'recovery' ? this.#recoveryInput : this._codeInput;
    await (input as MfaCodeInput | null)?.updateComplete;
    input?.focus();
  }

  // ----- countdowns -----

  /** Ends the countdowns that are due; true while one is still running. Countdowns started before a move in the DOM go on. */
  #tick(now: number): boolean {
    if (this._lockUntil && this._lockUntil <= now) {
      this._lockUntil = 0;
      if (isRateLimited(this._error)) this._error = undefined;
      this.announce(this.t('verify.unlocked'));
    }
    // A resend wait is only ever started by the sending part.
    if (this._resendAt) sending!.resendTick(this.#host, now);
    return !!(this._lockUntil || this._resendAt || this._pushExpiresAt);
  }

  // ----- text -----

  #lockedText(): string {
    return this.t('verify.locked', { seconds: this._countdown._left(this._lockUntil) });
  }

  #invalidText(): string {
    return this._step === 'recovery' ? this.t('verify.recovery.invalid') : this.t('verify.incomplete', { length: this._codeLength });
  }

  /** The error's sentence, with the attempts left when the server said. */
  #describe(error: MfaError): string {
    const text = this.errorText(error);
    return this.sentences(text, error.attemptsLeft !== undefined && this.t('attemptsLeft', { count: error.attemptsLeft }));
  }

  #errorMessage(): string {
    const error = this._error;
    if (!error) return '';
    if (this.#locked) return this.#lockedText();
    return sending?.expiredText(this.#host, error) ?? (error.code === 'invalid_input' ? this.#invalidText() : this.#describe(error));
  }

  // ----- rendering -----

  override render(): TemplateResult {
    const live = this.renderLiveRegion();
    if (this.fieldMode) return html`<div part="base" class="base">${this.#renderCodeInput()}${live}</div>`;
    if (!this.activeSource) return html`${this.renderNoSource()}${live}`;
    const step = this._step;
    return html`<section part="base" class="base" aria-labelledby="title" aria-busy=${String(this._busy || step === 'loading')}>
      <div part="title" class="title" id="title" role="heading" aria-level=${Math.min(6, Math.max(1, Math.round(Number(this.headingLevel)) || 2))}>
        ${this.t(step === 'new-code' ? 'verify.recovery.newTitle' : 'verify.title')}
      </div>
      ${this.#renderStep(step)}${live}
    </section>`;
  }

  #renderCodeInput(): TemplateResult {
    const field = this.fieldMode;
    return html`<mfa-code-input part="code-input" exportparts="input, label: code-label, field: code-field, cell: code-cell"
      .value=${field ? this.value : ''} length=${this._codeLength} label=${this.t('verify.codeLabel')} .description=${this.#errorMessage()}
      ?required=${field && this.required} ?invalid=${this.#invalid} ?disabled=${this.#inactive || this._busy}
      @input=${this.#onInput} @keydown=${this.#onCodeKeydown} @mfa-code-complete=${this.#onCodeComplete}></mfa-code-input>`;
  }

  /** @internal A button of a step, disabled with the element or when `off`. */
  _button(name: string, label: string, onClick: () => void, cls?: string, off?: boolean): TemplateResult {
    return html`<button part="button ${name}" class=${cls ?? nothing} ?disabled=${this.#inactive || off} @click=${onClick}>${label}</button>`;
  }

  #renderStep(step: Step): unknown {
    switch (step) {
      case 'idle':
      case 'loading':
        return html`<p part="status">${this.t('loading')}</p>`;
      case 'sending':
        return waiting(this.t('verify.sending'));
      case 'pick':
        return html`<p part="description" id="description">${this.t('verify.pick')}</p>
          <ul part="authenticators" aria-labelledby="description">
            ${this._list.map(
              (a) => html`<li><button part="button authenticator" class="option secondary" data-id=${a.id} ?disabled=${this.#inactive} @click=${() => this.#start(a, true)}>
                ${factorIcon(a.factor)}<span part="authenticator-label">${this.t(`verify.factor.${a.factor as 'otp'}`)}</span>
                ${a.name ? html`<span part="authenticator-name" class="option-name" dir=${nameDir(a)}>${maskedName(a)}</span>` : nothing}
              </button></li>`,
            )}
          </ul>
          ${this._renderSwitch(false)}`;
      case 'code':
      case 'recovery':
        return this.#renderForm(step === 'recovery');
      case 'push':
        return sending!.renderPush(this.#host);
      case 'new-code':
        return html`<p part="description" id="new-code" tabindex="-1">${this.t('verify.recovery.newDescription')}</p>
          ${customElements.get('mfa-recovery-codes')
            ? html`<mfa-recovery-codes part="recovery-codes" .codes=${[this.#pending?.result.recoveryCode ?? '']} @mfa-recovery-codes-saved=${this.#onCodeSaved}></mfa-recovery-codes>`
            : // It could not be fetched: the code as plain text still must not be lost.
              html`<p part="recovery-codes"><code>${this.#pending?.result.recoveryCode}</code></p>${row(this._button('continue-button', this.t('continue'), this.#onCodeSaved))}`}`;
      case 'done':
        return html`<p part="status success" tabindex="-1">${this.t('verify.verified')}</p>`;
      case 'fatal':
        return [this.#renderError(), FACTOR_ERRORS.includes(this._error?.code as string) ? this._renderSwitch() : nothing];
    }
    // 'ended' and 'load-error'
    const ended = step === 'ended';
    const key = ended && this._ended;
    // A push already sent (only the part failed) is not sent again: plain "Try again".
    const retry = this.t(ended && !this.#kept && this._current?.factor === 'push' ? 'verify.push.retry' : 'retry');
    return [
      key ? html`<p part="error" tabindex="-1">${this.t(key)}</p>` : this.#renderError(),
      row(this._button('retry-button', retry, this.#retry, undefined, this.#locked)),
      ended ? this._renderSwitch() : nothing,
    ];
  }

  /** The code or recovery-code step. */
  #renderForm(recovery: boolean): TemplateResult {
    const current = this._current;
    const oob = !recovery && current && current.factor !== 'otp';
    const off = this.#inactive || this._busy;
    return html`<p part="description" id="hint">
        ${recovery
          ? this.t('verify.recovery.prompt')
          : oob
            ? sending!.sentText(this.#host, current)
            : this.t('verify.otp.prompt')}
      </p>
      <form part="form" novalidate @submit=${this.#onSubmit}>
        ${recovery
          ? html`<div class="stack">
              <label part="label" for="recovery">${this.t('verify.recovery.label')}</label>
              <input part="input recovery-input" id="recovery" name="recovery-code" autocomplete="off" autocapitalize="characters"
                autocorrect="off" spellcheck="false" enterkeyhint="done" aria-describedby=${this._error ? 'hint error' : 'hint'}
                aria-invalid=${String(this.#invalid)} ?disabled=${off} @input=${this.#onInput} />
            </div>`
          : this.#renderCodeInput()}
        <button part="button submit-button" type="submit" ?disabled=${off || this.#locked || this.#spent}>${this.t(this._busy ? 'verify.verifying' : 'verify.submit')}</button>
      </form>
      ${this.#renderError()}
      ${oob ? sending!.renderResend(this.#host) : nothing}
      ${this._renderSwitch(undefined, !recovery && this._recovery)}`;
  }

  /** @internal "Use another method" (when there is one) and "Use a recovery code" (when there is one). */
  _renderSwitch(others = this._list.some((a) => a !== this._current), recovery: unknown = this._recovery): unknown {
    return others || recovery
      ? row(
          others ? this._button('switch-button', this.t('verify.useAnother'), this.#other, 'link') : nothing,
          recovery ? this._button('switch-button', this.t('verify.useRecovery'), this.#useRecovery, 'link') : nothing,
        )
      : nothing;
  }

  #renderError(): unknown {
    const text = this.#errorMessage();
    return text && html`<p part=${this.#locked ? 'error countdown' : 'error'} id="error" tabindex="-1">${text}</p>`;
  }
}
