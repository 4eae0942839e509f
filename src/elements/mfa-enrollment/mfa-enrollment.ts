import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { MfaError, toMfaError } from '../../core/errors.js';
import { FACTORS, isFactorName } from '../../core/factors.js';
import { maskEmail, maskPhone, normalizeEmail, normalizeOtp, normalizePhone } from '../../core/input.js';
import { checkServerUrl } from '../../core/origin.js';
import { pollOob } from '../../core/poller.js';
import { SharedSource } from '../../core/shared-source.js';
import type {
  Authenticator,
  EnrollRequest,
  Enrollment,
  FactorInfo,
  FactorName,
  MfaSource,
  OobEnrollment,
} from '../../core/types.js';
import { MfaEnrollEvent, MfaErrorEvent, MfaRemoveEvent, type MfaAction } from '../shared/events.js';
import { MfaElement } from '../shared/mfa-element.js';
import { baseStyles, columnBaseStyles } from '../shared/styles.js';
import { enrollmentLocales, type EnrollmentStrings } from './mfa-enrollment.strings.js';
import { enrollmentStyles } from './mfa-enrollment.styles.js';

type EnrollFactor = Exclude<FactorName, 'recovery-code'>;

/** Shown when neither the `factors` attribute nor the source says which factors to offer. */
const DEFAULT_FACTORS: readonly EnrollFactor[] = ['push', 'otp', 'sms', 'voice', 'email'];

/** The hosted page's window: the size Auth0's Guardian pages are laid out for. */
export const POPUP_WIDTH = 450;
export const POPUP_HEIGHT = 720;
/** How often the closed popup is looked for: never faster than 250 ms (the seed polled at 0 ms). */
export const POPUP_POLL_MS = 500;

/** An error on screen, with the moment a `Retry-After` wait ends. */
interface ShownError {
  error: MfaError;
  until?: number;
  /** Shown instead of the generic sentence for the error's code. */
  messageKey?: 'notRemovable';
}

type FlowStep =
  /** Waiting for the first answer (OTP secret, push QR, ticket). */
  | 'starting'
  /** Phone number or email address. */
  | 'address'
  /** The code that was sent, or the app's TOTP code. */
  | 'code'
  /** OTP: `<mfa-otp-enroll>` runs the whole enrollment. */
  | 'otp'
  /** Push: QR shown, polling. */
  | 'qr'
  /** Push: declined, expired, or failed; offers to start again. */
  | 'failed'
  /** Ticket: popup open, watching for it to close. */
  | 'popup'
  /** Ticket: popup blocked; a link instead. */
  | 'blocked';

interface Flow {
  id: number;
  factor: EnrollFactor;
  step: FlowStep;
  controller: AbortController;
  /** Authenticator ids before the flow started, to find the new one afterwards. */
  knownIds: ReadonlySet<string>;
  /** The phone number or email typed (normalized once accepted). */
  address?: string;
  enrollment?: OobEnrollment;
  /** OTP: the source handed to `<mfa-otp-enroll>` (ticket answers are redirected to this element). */
  childSource?: MfaSource;
  /** Digits of the expected code. */
  digits: number;
  busy?: 'send' | 'resend' | 'verify';
  /** What is wrong with the field (format), shown under it; a key, translated when rendered. */
  fieldError?: FieldError;
  error?: ShownError;
  /** Push: why it stopped. */
  outcome?: 'rejected' | 'expired';
  ticketUrl?: string;
  popup?: Window | null;
}

type FieldError = 'phone.invalid' | 'email.invalid' | 'code.incomplete';

let flowIds = 0;

/**
 * Lists, enrolls and removes every MFA factor of the signed-in user from one element: the Auth0 Lab
 * enrollment card done right. Each factor is a row (title, description, the enrolled
 * authenticators with their masked names, an Enrolled badge, Enroll and Remove with busy states).
 *
 * Enrolling runs inline when the source can associate: an authenticator app (through
 * `<mfa-otp-enroll>`: QR, setup key, code, its own recovery-code step), SMS and voice (an E.164 phone number, then the code that was sent, with "send again"), email
 * (address, then code), Guardian push (QR, then polling until the user approves). Otherwise, and
 * for anything the source answers with a ticket, the hosted enrollment page opens in a centered
 * 450×720 popup whose closing is checked every 500 ms, after which the list is refreshed; a
 * blocked popup becomes a link. Removing asks for confirmation and names what goes with it (a
 * phone's voice twin, push's codes). The recovery code from a first SMS, voice, email or push
 * enrollment is shown once through `<mfa-recovery-codes>` (copy, download, print, and an "I have
 * saved them" acknowledgement).
 *
 * Data comes from the nearest `<mfa-provider>` or the `source` property; without either it says
 * so instead of failing.
 *
 * @summary Manage every MFA factor from one element.
 * @tag mfa-enrollment
 *
 * @attr factors - Space-separated factor names (`push otp sms voice email recovery-code`) choosing
 *   and ordering the rows. Without it: the factors the source reports as enabled, else all.
 * @attr heading-level - Level of the element's heading (2 by default; rows use the next one).
 *
 * @fires {MfaEnrollEvent} mfa-enroll - An authenticator was enrolled and confirmed:
 *   `{authenticator, factor, recoveryCodes?}`.
 * @fires {MfaRemoveEvent} mfa-remove - An authenticator and its linked twin were removed:
 *   `{authenticatorId, factor, linkedIds}`.
 * @fires {MfaErrorEvent} mfa-error - Loading, enrolling, confirming or removing failed:
 *   `{error, action}` (`load`, `enroll`, `confirm`, `remove`).
 *
 * @csspart base - The element's box.
 * @csspart heading - The element's heading.
 * @csspart intro - The sentence under the heading.
 * @csspart status - Progress text (loading, code sent, waiting for the app or the window).
 * @csspart loading - The loading state.
 * @csspart empty - The text shown when no factor is offered.
 * @csspart error - Error text (also `no-source` when there is no data source).
 * @csspart wait - The `Retry-After` countdown under an error.
 * @csspart load-error - The block around a failed load (error, wait, Try again).
 * @csspart retry-button - Loads the list again after an error.
 * @csspart list - The list of factor rows.
 * @csspart factor - One factor row (`data-factor` names it).
 * @csspart factor-enrolled - A factor row with an active authenticator.
 * @csspart title - A row's title.
 * @csspart description - A row's description.
 * @csspart badge - The Enrolled badge.
 * @csspart authenticators - The list of a row's enrolled authenticators.
 * @csspart authenticator - One enrolled authenticator.
 * @csspart authenticator-name - Its masked phone number, email address or device name (text).
 * @csspart note - Short remarks (cannot be removed, created automatically, unavailable).
 * @csspart actions - A row's buttons.
 * @csspart button - Every button.
 * @csspart enroll-button - A row's Enroll button.
 * @csspart remove-button - An authenticator's Remove button.
 * @csspart confirm - The removal confirmation.
 * @csspart confirm-title - Its question.
 * @csspart confirm-button - Confirms the removal.
 * @csspart cancel-button - Cancels an enrollment or a removal.
 * @csspart flow - The inline enrollment under a row.
 * @csspart flow-title - Its heading.
 * @csspart label - A field's label.
 * @csspart hint - A field's hint.
 * @csspart input - The phone number or email field.
 * @csspart submit-button - Sends the address or verifies the code.
 * @csspart resend-button - Sends the code again.
 * @csspart change-button - Goes back to change the phone number or email address.
 * @csspart code-input - The `<mfa-code-input>` for a sent code; its parts are exported as
 *   `code-input__base`, `code-input__label`, `code-input__field`, `code-input__cells`,
 *   `code-input__cell`, `code-input__cell-filled`, `code-input__cell-active`, `code-input__input`.
 * @csspart otp-enroll - The `<mfa-otp-enroll>` of the authenticator-app flow; its parts are exported
 *   as `otp__qr`, `secret`, `otp__copy-button`, `otp__code-input`, `otp__input`,
 *   `otp__submit-button`, `otp__error`, `otp__recovery-codes`.
 * @csspart qr - The push flow's `<mfa-qr-code>`; its parts are exported as `qr__base`, `qr__svg`, `qr__error`.
 * @csspart secret - The setup key for manual entry (from `<mfa-otp-enroll>`).
 * @csspart link - Links (open in Guardian on this device, the enrollment page).
 * @csspart restart-button - Starts a declined or expired push enrollment again.
 * @csspart ticket-link - The enrollment page's link when the popup was blocked.
 * @csspart done-button - "I have finished": refreshes after the hosted enrollment.
 * @csspart recovery-codes - The recovery-code panel after a first enrollment.
 * @csspart recovery-title - Its heading.
 * @csspart code - One recovery code (from `<mfa-recovery-codes>`, like the next five).
 * @csspart copy-button - Copies the recovery codes.
 * @csspart download-button - Downloads them as a `.txt` file.
 * @csspart print-button - Prints them.
 * @csspart ack-button - Continue, after "I have saved them" is ticked.
 * @csspart recovery__description - The "shown once" text.
 * @csspart recovery__list - The list of codes.
 * @csspart recovery__checkbox - The "I have saved them" checkbox.
 *
 * @cssprop --mfa-enrollment-gap - Space between rows.
 * @cssprop --mfa-enrollment-row-padding - Padding inside a row.
 * @cssprop --mfa-enrollment-max-width - Maximum width.
 * @cssprop --mfa-badge-background - Enrolled badge background.
 * @cssprop --mfa-badge-color - Enrolled badge text.
 */
export class MfaEnrollment extends MfaElement<EnrollmentStrings> {
  static override styles = [baseStyles, columnBaseStyles, enrollmentStyles];
  static override locales = enrollmentLocales;
  static override i18n = 'mfa-enrollment';

  static override properties = {
    ...MfaElement.properties,
    factors: { type: String },
    headingLevel: { type: Number, attribute: 'heading-level' },
    _authenticators: { state: true },
    _factorInfo: { state: true },
    _loading: { state: true },
    _loadError: { state: true },
    _flow: { state: true },
    _busyFactor: { state: true },
    _confirmId: { state: true },
    _removingId: { state: true },
    _rowError: { state: true },
    _recovery: { state: true },
    _now: { state: true },
  };

  /** Space-separated factor names choosing and ordering the rows. */
  declare factors?: string;
  /** Level of the heading (rows use the next level). */
  declare headingLevel: number;

  /** @internal */ declare _authenticators?: Authenticator[];
  /** @internal */ declare _factorInfo?: FactorInfo[];
  /** @internal */ declare _loading: boolean;
  /** @internal */ declare _loadError?: ShownError;
  /** @internal */ declare _flow?: Flow;
  /** @internal */ declare _busyFactor?: EnrollFactor;
  /** @internal */ declare _confirmId?: string;
  /** @internal */ declare _removingId?: string;
  /** @internal */ declare _rowError?: { factor: FactorName; shown: ShownError };
  /** @internal */ declare _recovery?: { codes: string[]; factor: FactorName };
  /** @internal */ declare _now: number;

  #loadSeq = 0;
  #loadPromise: Promise<void> = Promise.resolve();
  #announceNextLoad = true;
  #ticker?: ReturnType<typeof setInterval>;
  #popupTimer?: ReturnType<typeof setInterval>;

  constructor() {
    super();
    this.headingLevel = 2;
    this._loading = false;
    this._now = Date.now();
  }

  // ─── lifecycle ────────────────────────────────────────────────────────────────────────────────

  override disconnectedCallback(): void {
    this.#endFlow();
    this.#stopTicker();
    super.disconnectedCallback();
  }

  protected override sourceChanged(source: MfaSource | undefined): void {
    this.#endFlow();
    this._authenticators = undefined;
    this._factorInfo = undefined;
    this._loadError = undefined;
    this._confirmId = undefined;
    this._removingId = undefined;
    this._rowError = undefined;
    this._busyFactor = undefined;
    this.#announceNextLoad = true;
    if (source) this.#reload();
  }

  protected override sourceUpdated(): void {
    this.#reload();
  }

  /** Loads the list again (the page may call it, e.g. after enrolling elsewhere). */
  refresh(): Promise<void> {
    const source = this.activeSource;
    if (source instanceof SharedSource) source.invalidate();
    else this.#reload();
    return this.#loadPromise;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.#hasPendingWait()) this.#startTicker();
  }

  // ─── loading ──────────────────────────────────────────────────────────────────────────────────

  #reload(): void {
    this.#loadPromise = this.#load();
  }

  async #load(): Promise<void> {
    const source = this.activeSource;
    if (!source) return;
    const seq = ++this.#loadSeq;
    this._loading = true;
    if (!this._authenticators) this.announce(this.t('loadingList'));
    const signal = this.signal;
    const caps = source.capabilities;
    const factorsCall =
      source.listFactors && caps?.factors !== false
        ? source.listFactors({ signal }).catch((error: unknown) => {
            // The authenticator list is what matters; a missing or failing factor list only
            // means the rows come from the attribute or the defaults.
            if (MfaError.is(error, 'aborted')) throw error;
            return undefined;
          })
        : Promise.resolve(undefined);
    try {
      const [authenticators, factorInfo] = await Promise.all([source.listAuthenticators({ signal }), factorsCall]);
      if (seq !== this.#loadSeq || source !== this.activeSource) return;
      this._authenticators = authenticators;
      this._factorInfo = factorInfo;
      this._loadError = undefined;
      if (this.#announceNextLoad) {
        this.#announceNextLoad = false;
        const shown = this.#shownFactors().filter((f) => f !== 'recovery-code');
        const enrolled = shown.filter((f) => this.#authenticatorsFor(f).length > 0).length;
        this.announce(shown.length === 0 ? this.t('empty') : this.t('loaded', { enrolled, total: shown.length }));
      }
    } catch (error) {
      if (seq !== this.#loadSeq || source !== this.activeSource) return;
      const mfaError = toMfaError(error);
      if (mfaError.code === 'aborted') return;
      this.#dispatchError(mfaError, 'load', `${this.t(this._authenticators ? 'refreshFailed' : 'loadFailed')} ${this.errorText(mfaError)}`);
      this._loadError = this.#show(mfaError);
      this.#announceNextLoad = true;
    } finally {
      if (seq === this.#loadSeq) this._loading = false;
    }
  }

  #retry(): void {
    if (this.#waitLeft(this._loadError) > 0) return;
    this.#announceNextLoad = true;
    this.refresh().then(() => {
      if (!this._loadError) this.focusPart('[part~="heading"]');
    });
  }

  // ─── what to show ─────────────────────────────────────────────────────────────────────────────

  /** The `factors` attribute as factor names (unknown names dropped), or undefined when absent. */
  #requestedFactors(): FactorName[] | undefined {
    if (this.factors === undefined || this.factors === null) return undefined;
    const names = this.factors.split(/[\s,]+/).filter(isFactorName);
    return [...new Set(names)];
  }

  #shownFactors(): FactorName[] {
    const requested = this.#requestedFactors();
    const info = this._factorInfo;
    if (requested) {
      // The tenant's word wins where it has one: the attribute cannot turn on a disabled factor.
      return requested.filter((factor) => info?.find((i) => i.factor === factor)?.enabled !== false);
    }
    if (info && info.length > 0) {
      return [...new Set(info.filter((i) => i.enabled).map((i) => i.factor))];
    }
    const defaults: FactorName[] = [...DEFAULT_FACTORS];
    if (this._authenticators?.some((a) => a.active && a.factor === 'recovery-code')) defaults.push('recovery-code');
    return defaults;
  }

  /** Active authenticators of a row. Push's TOTP twin is shown with push when push has a row. */
  #authenticatorsFor(factor: FactorName, shown: readonly FactorName[] = this.#shownFactors()): Authenticator[] {
    const all = this._authenticators ?? [];
    const byId = new Map(all.map((a) => [a.id, a]));
    return all.filter((a) => {
      if (!a.active || a.factor !== factor) return false;
      if (factor === 'otp' && shown.includes('push')) {
        return !a.linkedIds.some((id) => byId.get(id)?.factor === 'push');
      }
      return true;
    });
  }

  #enrollMode(factor: FactorName): 'inline' | 'ticket' | undefined {
    if (factor === 'recovery-code') return undefined;
    const caps = this.activeSource?.capabilities;
    if (caps?.associate !== false && FACTORS[factor].inlineEnroll) return 'inline';
    if (caps?.ticket && FACTORS[factor].ticketFactor) return 'ticket';
    return undefined;
  }

  #factorTitle(factor: FactorName): string {
    return this.t(`factor.${factor}.title` as keyof EnrollmentStrings & string);
  }

  #nameOf(a: Authenticator): string {
    if (a.name) return a.name;
    if (a.factor === 'otp' || a.factor === 'push' || a.factor === 'recovery-code') return this.t(`name.${a.factor}`);
    return this.t('name.generic');
  }

  // ─── errors and waits ─────────────────────────────────────────────────────────────────────────

  #show(error: MfaError): ShownError {
    const shown: ShownError = { error };
    if (error.retryAfter && error.retryAfter > 0) {
      this._now = Date.now();
      shown.until = this._now + error.retryAfter * 1000;
    }
    return shown;
  }

  /** Seconds left of a `Retry-After` wait. */
  #waitLeft(shown: ShownError | undefined): number {
    if (!shown?.until) return 0;
    return Math.max(0, Math.ceil((shown.until - this._now) / 1000));
  }

  #hasPendingWait(): boolean {
    return [this._loadError, this._flow?.error, this._rowError?.shown].some((s) => this.#waitLeft(s) > 0);
  }

  #startTicker(): void {
    if (this.#ticker) return;
    this.#ticker = setInterval(() => {
      this._now = Date.now();
      if (!this.#hasPendingWait()) this.#stopTicker();
    }, 1000);
  }

  #stopTicker(): void {
    clearInterval(this.#ticker);
    this.#ticker = undefined;
  }

  /** Tells the page (`mfa-error`) and the user (live region) without the generic error sentence. */
  #dispatchError(error: MfaError, action: MfaAction, message = this.errorText(error)): void {
    if (error.code === 'aborted') return;
    const wait = error.retryAfter ? ` ${this.t('waitSeconds', { seconds: error.retryAfter })}` : '';
    this.announce(message + wait);
    this.dispatchEvent(new MfaErrorEvent({ error, action }));
  }

  // ─── enrollment flows ─────────────────────────────────────────────────────────────────────────

  #patch(flow: Flow, patch: Partial<Flow>): Flow | undefined {
    if (this._flow?.id !== flow.id) return undefined;
    this._flow = { ...this._flow, ...patch };
    return this._flow;
  }

  #current(flow: Flow): Flow | undefined {
    return this._flow?.id === flow.id ? this._flow : undefined;
  }

  /** Ends the open flow: aborts its requests and polling, closes its popup. */
  #endFlow(): void {
    const flow = this._flow;
    if (!flow) return;
    flow.controller.abort();
    clearInterval(this.#popupTimer);
    this.#popupTimer = undefined;
    try {
      if (flow.popup && !flow.popup.closed) flow.popup.close();
    } catch {
      // A cross-origin window may refuse; it is the user's now.
    }
    this._flow = undefined;
  }

  #newFlow(factor: EnrollFactor, step: FlowStep): Flow {
    this.#endFlow();
    this._rowError = undefined;
    this._confirmId = undefined;
    const controller = new AbortController();
    this.signal.addEventListener('abort', () => controller.abort(), { once: true });
    const flow: Flow = {
      id: ++flowIds,
      factor,
      step,
      controller,
      knownIds: new Set((this._authenticators ?? []).map((a) => a.id)),
      digits: 6,
    };
    this._flow = flow;
    return flow;
  }

  #startEnroll(factor: EnrollFactor): void {
    const mode = this.#enrollMode(factor);
    if (!mode || this._busyFactor) return;
    if (mode === 'ticket') {
      // Opened now, while the click still counts as a user gesture, so that popup blockers let it
      // through; it is pointed at the ticket once the server has answered.
      const flow = this.#newFlow(factor, 'starting');
      this.#startTicket(flow, openCenteredPopup('about:blank', flow.id));
      return;
    }
    if (factor === 'sms' || factor === 'voice' || factor === 'email') {
      this.#newFlow(factor, 'address');
      this.announce(this.t('flow.title', { factor: this.#factorTitle(factor) }));
      this.focusPart('#address');
      return;
    }
    if (factor === 'otp') {
      const flow = this.#newFlow('otp', 'otp');
      this.#patch(flow, { childSource: this.#childSource(flow) });
      return;
    }
    this.#startAppFlow(this.#newFlow(factor, 'starting'));
  }

  /**
   * The source `<mfa-otp-enroll>` gets: the shared one, except that an enrollment answered with a
   * hosted ticket (a proxy without `associate`) is taken over by this element's popup flow.
   */
  #childSource(flow: Flow): MfaSource {
    const source = this.activeSource!;
    return {
      get capabilities() {
        return source.capabilities;
      },
      listAuthenticators: (opts) => source.listAuthenticators(opts),
      ...(source.listFactors && { listFactors: (opts) => source.listFactors!(opts) }),
      enroll: async (req, opts) => {
        const enrollment = await source.enroll(req, opts);
        if (enrollment.type === 'ticket') {
          this.#openTicket(flow, enrollment.ticketUrl, openCenteredPopup('about:blank', flow.id));
          throw new MfaError('aborted', { description: 'continued as a hosted ticket' });
        }
        return enrollment;
      },
      remove: (id, opts) => source.remove(id, opts),
      challenge: (req, opts) => source.challenge(req, opts),
      verify: (req, opts) => source.verify(req, opts),
    };
  }

  /** `<mfa-otp-enroll>` finished (after its recovery codes were saved): it has told the page. */
  async #onOtpEnrolled(event: MfaEnrollEvent): Promise<void> {
    const flow = this._flow;
    if (!flow || flow.step !== 'otp') return;
    this.#endFlow();
    const source = this.activeSource;
    if (!(source instanceof SharedSource)) this.#reload();
    await this.#loadPromise;
    this.announce(this.t('flow.done', { factor: this.#factorTitle(event.detail.factor) }));
    this.#focusRowAction('otp');
  }

  /** Push: one associate call, then a QR. */
  async #startAppFlow(flow: Flow): Promise<void> {
    const source = this.activeSource;
    if (!source) return;
    this._busyFactor = flow.factor;
    this.announce(this.t('enrolling'));
    let enrollment: Enrollment;
    try {
      enrollment = await source.enroll({ factor: flow.factor } as EnrollRequest, { signal: flow.controller.signal });
    } catch (error) {
      this.#failStart(flow, error);
      return;
    } finally {
      if (this._busyFactor === flow.factor) this._busyFactor = undefined;
    }
    if (!this.#current(flow)) return;
    if (enrollment.type === 'ticket') {
      this.#openTicket(flow, enrollment.ticketUrl, openCenteredPopup('about:blank', flow.id));
      return;
    }
    if (enrollment.type !== 'oob') {
      this.#failStart(flow, new MfaError('bad_response', { description: 'expected a push enrollment' }));
      return;
    }
    this.#patch(flow, { step: 'qr', enrollment });
    this.announce(this.t('push.scan'));
    this.focusPart('[part~="flow-title"]');
    this.#pollPush(flow, enrollment, source);
  }

  /** A flow that failed before showing anything: the error goes under the row. */
  #failStart(flow: Flow, error: unknown): void {
    const mfaError = toMfaError(error);
    if (mfaError.code === 'aborted' || !this.#current(flow)) return;
    this.#dispatchError(mfaError, 'enroll');
    this._flow = undefined;
    this._rowError = { factor: flow.factor, shown: this.#show(mfaError) };
    this.#focusRowAction(flow.factor);
  }

  #pollPush(flow: Flow, enrollment: OobEnrollment, source: MfaSource): void {
    pollOob(source, {
      oobCode: enrollment.oobCode,
      interval: enrollment.interval,
      expiresIn: enrollment.expiresIn,
      signal: flow.controller.signal,
    }).then(
      () => this.#completed(flow, enrollment.recoveryCodes, true),
      (error: unknown) => {
        const mfaError = toMfaError(error);
        if (mfaError.code === 'aborted' || !this.#current(flow)) return;
        const outcome = MfaError.is(mfaError, 'expired_token') ? 'expired' : MfaError.is(mfaError, 'invalid_grant', 'access_denied') ? 'rejected' : undefined;
        this.#dispatchError(mfaError, 'confirm', outcome ? this.t(outcome === 'expired' ? 'push.expired' : 'push.rejected') : undefined);
        this.#patch(flow, { step: 'failed', outcome, error: outcome ? undefined : this.#show(mfaError) });
        this.focusPart('[part~="restart-button"]');
      },
    );
  }

  #restartPush(): void {
    const flow = this._flow;
    if (!flow || flow.factor !== 'push') return;
    this.#startAppFlow(this.#newFlow('push', 'starting'));
  }

  #onAddressSubmit(event: SubmitEvent): void {
    event.preventDefault();
    const flow = this._flow;
    if (!flow || flow.busy) return;
    const input = this.renderRoot.querySelector<HTMLInputElement>('#address');
    this.#send(input?.value ?? flow.address ?? '', false);
  }

  /** Sends (or sends again) the code to the typed phone number or email address. */
  async #send(raw: string, resend: boolean): Promise<void> {
    const source = this.activeSource;
    const flow = this._flow;
    if (!source || !flow || flow.busy) return;
    if (resend && this.#waitLeft(flow.error) > 0) return;
    const isEmail = flow.factor === 'email';
    const address = isEmail ? normalizeEmail(raw) : normalizePhone(raw);
    if (!address) {
      const fieldError: FieldError = isEmail ? 'email.invalid' : 'phone.invalid';
      this.#patch(flow, { step: 'address', address: raw, fieldError, error: undefined });
      this.announce(this.t(fieldError));
      this.focusPart('#address');
      return;
    }
    this.#patch(flow, { address, busy: resend ? 'resend' : 'send', fieldError: undefined, error: undefined });
    this.announce(this.t('sending'));
    const request: EnrollRequest = isEmail
      ? { factor: 'email', email: address }
      : { factor: flow.factor as 'sms' | 'voice', phoneNumber: address };
    try {
      const enrollment = await source.enroll(request, { signal: flow.controller.signal });
      if (!this.#current(flow)) return;
      if (enrollment.type === 'ticket') {
        this.#openTicket(flow, enrollment.ticketUrl, openCenteredPopup('about:blank', flow.id));
        return;
      }
      if (enrollment.type !== 'oob') throw new MfaError('bad_response', { description: 'expected an oob enrollment' });
      const updated = this.#patch(flow, { step: 'code', enrollment, busy: undefined });
      if (!updated) return;
      const to = isEmail ? maskEmail(address) : maskPhone(address);
      this.announce(resend ? this.t('code.resent') : this.t(`code.sent.${flow.factor as 'sms' | 'voice' | 'email'}`, { to }));
      await this.updateComplete;
      const codeInput = this.#codeInput();
      codeInput?.clear();
      codeInput?.focus();
    } catch (error) {
      const mfaError = toMfaError(error);
      if (mfaError.code === 'aborted' || !this.#current(flow)) return;
      this.#dispatchError(mfaError, 'enroll');
      const fieldError: FieldError | undefined =
        MfaError.is(mfaError, 'invalid_input', 'invalid_request') && !resend ? (isEmail ? 'email.invalid' : 'phone.invalid') : undefined;
      const current = this.#patch(flow, { busy: undefined, error: fieldError ? undefined : this.#show(mfaError), fieldError });
      this.focusPart(current?.step === 'code' ? '[part~="resend-button"]' : '#address');
    }
  }

  #changeAddress(): void {
    const flow = this._flow;
    if (!flow) return;
    this.#patch(flow, { step: 'address', enrollment: undefined, error: undefined, fieldError: undefined, busy: undefined });
    this.focusPart('#address');
  }

  #codeInput(): (HTMLElement & { value: string; clear(): void; select(): void }) | null {
    return this.renderRoot.querySelector('mfa-code-input');
  }

  #onCodeSubmit(event: Event): void {
    event.preventDefault();
    const flow = this._flow;
    if (!flow) return;
    this.#verify(this.#codeInput()?.value ?? '');
  }

  /** Confirms the enrollment with the code the user typed. */
  async #verify(raw: string): Promise<void> {
    const source = this.activeSource;
    const flow = this._flow;
    const enrollment = flow?.enrollment;
    if (!source || !flow || !enrollment || flow.busy) return;
    const code = normalizeOtp(raw, flow.digits);
    if (!code) {
      this.#patch(flow, { fieldError: 'code.incomplete', error: undefined });
      this.announce(this.t('code.incomplete', { length: flow.digits }));
      this.#codeInput()?.focus();
      return;
    }
    this.#patch(flow, { busy: 'verify', fieldError: undefined, error: undefined });
    this.announce(this.t('verifying'));
    try {
      await source.verify({ type: 'oob', oobCode: enrollment.oobCode, bindingCode: code }, { signal: flow.controller.signal });
    } catch (error) {
      const mfaError = toMfaError(error);
      if (mfaError.code === 'aborted' || !this.#current(flow)) return;
      this.#dispatchError(mfaError, 'confirm');
      this.#patch(flow, { busy: undefined, error: this.#show(mfaError) });
      await this.updateComplete;
      const input = this.#codeInput();
      input?.focus();
      input?.select();
      return;
    }
    await this.#completed(flow, enrollment.recoveryCodes, true);
  }

  /**
   * The enrollment is active: refresh (once, shared), find the new authenticator, tell the page,
   * show the recovery code of a first enrollment.
   */
  async #completed(flow: Flow, recoveryCodes: string[] | undefined, sourceInvalidated: boolean): Promise<void> {
    if (!this.#current(flow)) return;
    this.#endFlow();
    const source = this.activeSource;
    if (!(source instanceof SharedSource)) this.#reload();
    else if (!sourceInvalidated) source.invalidate();
    await this.#loadPromise;
    const fresh = (this._authenticators ?? []).filter((a) => a.active && !flow.knownIds.has(a.id));
    const twin = FACTORS[flow.factor].twin;
    const authenticator = fresh.find((a) => a.factor === flow.factor) ?? fresh.find((a) => a.factor === twin);
    if (flow.ticketUrl) {
      if (!authenticator) {
        this.announce(this.t('ticket.notCompleted'));
        this.#focusRowAction(flow.factor);
        return;
      }
    }
    const codes = recoveryCodes && recoveryCodes.length > 0 ? recoveryCodes : undefined;
    this.dispatchEvent(new MfaEnrollEvent({ authenticator, factor: flow.factor, ...(codes && { recoveryCodes: codes }) }));
    this.announce(this.t('flow.done', { factor: this.#factorTitle(flow.factor) }));
    if (codes) {
      this._recovery = { codes, factor: flow.factor };
      this.focusPart('[part~="recovery-title"]');
    } else {
      this.#focusRowAction(flow.factor);
    }
  }

  #cancelFlow(): void {
    const flow = this._flow;
    if (!flow) return;
    this.#endFlow();
    this.announce(this.t('flow.cancelled'));
    this.#focusRowAction(flow.factor);
  }

  /** After a flow or removal: the row's Enroll button, else its first Remove button, else its title. */
  async #focusRowAction(factor: FactorName): Promise<void> {
    await this.updateComplete;
    const row = this.renderRoot.querySelector(`[data-factor="${factor}"]`);
    const target =
      row?.querySelector<HTMLElement>('[part~="enroll-button"]') ??
      row?.querySelector<HTMLElement>('[part~="remove-button"]') ??
      row?.querySelector<HTMLElement>('[part~="title"]');
    target?.focus();
  }

  // ─── hosted ticket ────────────────────────────────────────────────────────────────────────────

  async #startTicket(flow: Flow, popup: Window | null): Promise<void> {
    const source = this.activeSource;
    if (!source) return;
    this._busyFactor = flow.factor;
    this.announce(this.t('enrolling'));
    let url: string;
    try {
      const enrollment = await source.enroll({ factor: flow.factor, mode: 'ticket' }, { signal: flow.controller.signal });
      if (enrollment.type !== 'ticket') throw new MfaError('bad_response', { description: 'expected a ticket' });
      url = enrollment.ticketUrl;
    } catch (error) {
      closeQuietly(popup);
      this.#failStart(flow, error);
      return;
    } finally {
      if (this._busyFactor === flow.factor) this._busyFactor = undefined;
    }
    this.#openTicket(flow, url, popup);
  }

  /** Points the popup at the ticket (or shows the link when there is no popup) and watches it. */
  #openTicket(flow: Flow, rawUrl: string, popup: Window | null): void {
    let url: string;
    try {
      url = checkServerUrl(rawUrl);
    } catch (error) {
      closeQuietly(popup);
      this.#failStart(flow, error);
      return;
    }
    const current = this.#patch(flow, { ticketUrl: url, busy: undefined, popup });
    if (!current) {
      closeQuietly(popup);
      return;
    }
    if (!popup || popup.closed) {
      this.#patch(current, { step: 'blocked', popup: undefined });
      this.#dispatchError(new MfaError('popup_blocked'), 'enroll', `${this.t('ticket.blocked')} ${this.errorText(new MfaError('popup_blocked'))}`);
      this.focusPart('[part~="ticket-link"]');
      return;
    }
    // The opener is left in place: cutting it (`popup.opener = null`) lets Chromium move the
    // cross-site page into another browsing context group, after which this handle never reports
    // `closed`. The URL was checked above (https:, or http: on loopback only).
    popup.location.replace(url);
    this.#patch(current, { step: 'popup' });
    this.announce(this.t('ticket.opened'));
    this.focusPart('[part~="flow-title"]');
    this.#watchPopup(current, popup);
  }

  #watchPopup(flow: Flow, popup: Window): void {
    clearInterval(this.#popupTimer);
    this.#popupTimer = setInterval(() => {
      if (!this.#current(flow)) {
        clearInterval(this.#popupTimer);
        return;
      }
      if (popup.closed) {
        clearInterval(this.#popupTimer);
        this.#popupTimer = undefined;
        this.#completed(flow, undefined, false);
      }
    }, POPUP_POLL_MS);
  }

  /** The blocked-popup link: try a popup again (now with a fresh click); else let the link open a tab. */
  #onTicketLink(event: MouseEvent): void {
    const flow = this._flow;
    if (!flow?.ticketUrl) return;
    const popup = openCenteredPopup(flow.ticketUrl, flow.id);
    if (!popup) return;
    event.preventDefault();
    const current = this.#patch(flow, { step: 'popup', popup });
    if (!current) return;
    this.announce(this.t('ticket.opened'));
    this.#watchPopup(current, popup);
  }

  #ticketDone(): void {
    const flow = this._flow;
    if (!flow) return;
    clearInterval(this.#popupTimer);
    this.#popupTimer = undefined;
    this.#completed(flow, undefined, false);
  }

  // ─── removal ──────────────────────────────────────────────────────────────────────────────────

  #askRemove(authenticator: Authenticator): void {
    if (this._removingId) return;
    this._confirmId = authenticator.id;
    this._rowError = undefined;
    this.focusPart('[part~="confirm"]');
  }

  #cancelRemove(): void {
    const id = this._confirmId;
    this._confirmId = undefined;
    if (id) this.focusPart(`[part~="remove-button"][data-id="${CSS.escape(id)}"]`);
  }

  async #remove(authenticator: Authenticator): Promise<void> {
    const source = this.activeSource;
    if (!source || this._removingId) return;
    this._removingId = authenticator.id;
    this._confirmId = undefined;
    this.announce(this.t('removing'));
    await this.focusPart(`[part~="remove-button"][data-id="${CSS.escape(authenticator.id)}"]`);
    const name = this.#nameOf(authenticator);
    try {
      await source.remove(authenticator.id, { signal: this.signal });
    } catch (error) {
      this._removingId = undefined;
      const mfaError = toMfaError(error);
      if (mfaError.code === 'aborted') return;
      // A 400 here means this one cannot go (a verified email that was never enrolled, which the
      // MFA API lists like any other): say that rather than "check what you entered".
      const refused = MfaError.is(mfaError, 'invalid_request');
      this.#dispatchError(mfaError, 'remove', refused ? this.t('notRemovable') : undefined);
      this._rowError = {
        factor: authenticator.factor,
        shown: { ...this.#show(mfaError), ...(refused && { messageKey: 'notRemovable' as const }) },
      };
      this.focusPart(`[part~="remove-button"][data-id="${CSS.escape(authenticator.id)}"]`);
      return;
    }
    if (!(source instanceof SharedSource)) this.#reload();
    await this.#loadPromise;
    this._removingId = undefined;
    this.dispatchEvent(
      new MfaRemoveEvent({ authenticatorId: authenticator.id, factor: authenticator.factor, linkedIds: [...authenticator.linkedIds] }),
    );
    this.announce(this.t('removed', { name }));
    this.#focusRowAction(authenticator.factor);
  }

  /** What else goes when this one is removed, and whether it is the last one. */
  #consequences(authenticator: Authenticator): string[] {
    const all = this._authenticators ?? [];
    const linked = all.filter((a) => authenticator.linkedIds.includes(a.id));
    const lines = [this.t('confirm.body')];
    if (linked.length > 0) {
      const key = `confirm.linked.${authenticator.factor}` as keyof EnrollmentStrings & string;
      if (key in enrollmentLocales.en) lines.push(this.t(key));
    }
    const gone = new Set([authenticator.id, ...authenticator.linkedIds]);
    const left = all.filter((a) => a.active && a.factor !== 'recovery-code' && !gone.has(a.id));
    if (left.length === 0) lines.push(this.t('confirm.last'));
    return lines;
  }

  // ─── recovery codes ───────────────────────────────────────────────────────────────────────────

  #acknowledgeCodes(): void {
    const factor = this._recovery?.factor;
    this._recovery = undefined;
    if (factor) this.#focusRowAction(factor);
  }

  // ─── rendering ────────────────────────────────────────────────────────────────────────────────

  #level(offset: number): string {
    const base = Number.isInteger(this.headingLevel) && this.headingLevel >= 1 && this.headingLevel <= 6 ? this.headingLevel : 2;
    return String(Math.min(6, base + offset));
  }

  override render(): TemplateResult {
    const source = this.activeSource;
    return html`<section part="base" class="base" aria-labelledby="heading">
      <div class="header">
        <div part="heading" class="heading" id="heading" role="heading" aria-level=${this.#level(0)} tabindex="-1">
          ${this.t('heading')}
        </div>
        <p part="intro" class="intro">${this.t('intro')}</p>
      </div>
      ${this.renderLiveRegion()}
      ${source ? this.#renderBody() : this.renderNoSource()}
    </section>`;
  }

  #renderBody(): TemplateResult {
    const list = this._authenticators;
    if (!list) {
      if (this._loadError) return this.#renderLoadError(this.t('loadFailed'));
      return html`<p part="status loading" class="status"><span class="spinner" aria-hidden="true"></span>${this.t('loadingList')}</p>`;
    }
    const shown = this.#shownFactors();
    return html`
      ${this._recovery ? this.#renderRecovery(this._recovery.codes) : nothing}
      ${this._loadError ? this.#renderLoadError(this.t('refreshFailed')) : nothing}
      ${shown.length === 0
        ? html`<p part="empty" class="note">${this.t('empty')}</p>`
        : html`<ul part="list" class="list" aria-busy=${this._loading ? 'true' : 'false'}>
            ${shown.map((factor) => this.#renderFactor(factor, shown))}
          </ul>`}
    `;
  }

  #renderLoadError(lead: string): TemplateResult {
    const shown = this._loadError!;
    const waiting = this.#waitLeft(shown) > 0;
    return html`<div class="state" part="load-error">
      <p part="error">${lead} ${this.errorText(shown.error)}</p>
      ${this.#renderWait(shown)}
      <div class="buttons">
        <button
          type="button"
          part="button retry-button"
          aria-disabled=${waiting || this._loading ? 'true' : 'false'}
          @click=${this.#retry}
        >
          ${this.t('retry')}
        </button>
      </div>
    </div>`;
  }

  #renderWait(shown: ShownError | undefined): TemplateResult | typeof nothing {
    const seconds = this.#waitLeft(shown);
    return seconds > 0 ? html`<p part="wait" class="note">${this.t('waitSeconds', { seconds })}</p>` : nothing;
  }

  #renderErrorText(shown: ShownError, id?: string): TemplateResult {
    const { error } = shown;
    const attempts =
      error.attemptsLeft !== undefined && MfaError.is(error, 'invalid_grant')
        ? ` ${this.t('attemptsLeft', { count: error.attemptsLeft })}`
        : '';
    const text = shown.messageKey ? this.t(shown.messageKey) : this.errorText(error);
    return html`<p part="error" id=${id ?? nothing}>${text}${attempts}</p>${this.#renderWait(shown)}`;
  }

  #renderFactor(factor: FactorName, shown: readonly FactorName[]): TemplateResult {
    const authenticators = this.#authenticatorsFor(factor, shown);
    const enrolled = authenticators.length > 0;
    const title = this.#factorTitle(factor);
    const flow = this._flow?.factor === factor ? this._flow : undefined;
    const mode = this.#enrollMode(factor);
    const busy = this._busyFactor === factor;
    const rowError = this._rowError?.factor === factor ? this._rowError.shown : undefined;
    let action: TemplateResult | typeof nothing = nothing;
    if (!enrolled && mode && !(flow && flow.step !== 'starting')) {
      action = html`<button
        type="button"
        part="button enroll-button"
        aria-label=${busy ? nothing : this.t('enrollLabel', { factor: title })}
        aria-disabled=${busy ? 'true' : 'false'}
        @click=${() => this.#startEnroll(factor as EnrollFactor)}
      >
        ${busy ? html`<span class="spinner" aria-hidden="true"></span>${this.t('enrolling')}` : this.t('enroll')}
      </button>`;
    } else if (!enrolled && factor === 'recovery-code') {
      action = html`<p part="note" class="note">${this.t('recoveryAutomatic')}</p>`;
    } else if (!enrolled && !mode) {
      action = html`<p part="note" class="note">${this.t('enrollUnavailable')}</p>`;
    }
    return html`<li part=${enrolled ? 'factor factor-enrolled' : 'factor'} class="factor" data-factor=${factor}>
      <div class="factor-main">
        <div class="factor-text">
          <div class="title-line">
            <div part="title" class="title" id=${`title-${factor}`} role="heading" aria-level=${this.#level(1)} tabindex="-1">
              ${title}
            </div>
            ${enrolled ? html`<span part="badge" class="badge">${this.t('enrolled')}</span>` : nothing}
          </div>
          <p part="description" class="description">${this.t(`factor.${factor}.description` as keyof EnrollmentStrings & string)}</p>
        </div>
        <div part="actions" class="actions">${action}</div>
      </div>
      ${enrolled
        ? html`<ul part="authenticators" class="authenticators" aria-label=${this.t('enrolledList', { factor: title })}>
            ${authenticators.map((a) => this.#renderAuthenticator(a))}
          </ul>`
        : nothing}
      ${rowError ? html`<div class="state">${this.#renderErrorText(rowError)}</div>` : nothing}
      ${flow && flow.step !== 'starting' ? this.#renderFlow(flow) : nothing}
    </li>`;
  }

  #renderAuthenticator(a: Authenticator): TemplateResult {
    const name = this.#nameOf(a);
    const removing = this._removingId === a.id;
    const removable = a.removable && this.activeSource?.capabilities?.remove !== false;
    return html`<li part="authenticator" class="authenticator">
      <span part="authenticator-name" class="authenticator-name">${name}</span>
      ${removable
        ? html`<button
            type="button"
            class="secondary"
            part="button remove-button"
            data-id=${a.id}
            aria-label=${removing ? nothing : this.t('removeLabel', { name })}
            aria-disabled=${removing || this._removingId ? 'true' : 'false'}
            aria-expanded=${this._confirmId === a.id ? 'true' : 'false'}
            @click=${() => (this._confirmId === a.id ? this.#cancelRemove() : this.#askRemove(a))}
          >
            ${removing ? html`<span class="spinner" aria-hidden="true"></span>${this.t('removing')}` : this.t('remove')}
          </button>`
        : a.factor === 'recovery-code'
          ? nothing
          : html`<span part="note" class="note">${this.t('notRemovable')}</span>`}
      ${this._confirmId === a.id ? this.#renderConfirm(a, name) : nothing}
    </li>`;
  }

  #renderConfirm(a: Authenticator, name: string): TemplateResult {
    const lines = this.#consequences(a);
    return html`<div
      part="confirm"
      class="confirm"
      role="group"
      tabindex="-1"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      @keydown=${(event: KeyboardEvent) => {
        if (event.key === 'Escape') {
          event.stopPropagation();
          this.#cancelRemove();
        }
      }}
    >
      <p part="confirm-title" class="confirm-title" id="confirm-title">${this.t('confirm.title', { name })}</p>
      <div id="confirm-body">${lines.map((line) => html`<p>${line}</p>`)}</div>
      <div class="buttons">
        <button type="button" class="danger" part="button confirm-button" @click=${() => this.#remove(a)}>
          ${this.t('confirm.yes')}
        </button>
        <button type="button" class="secondary" part="button cancel-button" @click=${this.#cancelRemove}>
          ${this.t('cancel')}
        </button>
      </div>
    </div>`;
  }

  #renderFlow(flow: Flow): TemplateResult {
    const title = this.t('flow.title', { factor: this.#factorTitle(flow.factor) });
    return html`<div
      part="flow"
      class="flow"
      role="group"
      aria-labelledby="flow-title"
      @keydown=${(event: KeyboardEvent) => {
        if (event.key === 'Escape' && !event.defaultPrevented) {
          event.stopPropagation();
          this.#cancelFlow();
        }
      }}
    >
      <div part="flow-title" class="flow-title" id="flow-title" role="heading" aria-level=${this.#level(2)} tabindex="-1">
        ${title}
      </div>
      ${this.#renderStep(flow)}
    </div>`;
  }

  #cancelButton(): TemplateResult {
    return html`<button type="button" class="secondary" part="button cancel-button" @click=${this.#cancelFlow}>
      ${this.t('flow.cancel')}
    </button>`;
  }

  #renderStep(flow: Flow): TemplateResult {
    switch (flow.step) {
      case 'address':
        return this.#renderAddress(flow);
      case 'code':
        return this.#renderCode(flow);
      case 'otp':
        return this.#renderOtp(flow);
      case 'qr':
      case 'failed':
        return this.#renderPush(flow);
      case 'popup':
      case 'blocked':
        return this.#renderTicket(flow);
      default:
        return html``;
    }
  }

  #renderAddress(flow: Flow): TemplateResult {
    const isEmail = flow.factor === 'email';
    const busy = flow.busy === 'send';
    const describedBy = ['address-hint', flow.fieldError ? 'address-error' : '', flow.error ? 'flow-error' : '']
      .filter(Boolean)
      .join(' ');
    return html`<form novalidate @submit=${this.#onAddressSubmit}>
      <label part="label" for="address">${this.t(isEmail ? 'email.label' : 'phone.label')}</label>
      <p part="hint" class="hint" id="address-hint">${this.t(isEmail ? 'email.hint' : 'phone.hint')}</p>
      <input
        part="input"
        id="address"
        name=${isEmail ? 'email' : 'phone'}
        type=${isEmail ? 'email' : 'tel'}
        autocomplete=${isEmail ? 'email' : 'tel'}
        inputmode=${isEmail ? 'email' : 'tel'}
        dir="ltr"
        spellcheck="false"
        required
        .value=${flow.address ?? ''}
        aria-invalid=${flow.fieldError ? 'true' : 'false'}
        aria-describedby=${describedBy}
      />
      ${flow.fieldError ? html`<p part="error" id="address-error">${this.t(flow.fieldError)}</p>` : nothing}
      ${flow.error ? this.#renderErrorText(flow.error, 'flow-error') : nothing}
      <div class="buttons">
        <button type="submit" part="button submit-button" aria-disabled=${busy ? 'true' : 'false'}>
          ${busy
            ? html`<span class="spinner" aria-hidden="true"></span>${this.t('sending')}`
            : this.t(isEmail ? 'email.submit' : flow.factor === 'voice' ? 'phone.submit.voice' : 'phone.submit.sms')}
        </button>
        ${this.#cancelButton()}
      </div>
    </form>`;
  }

  #renderCodeEntry(flow: Flow): TemplateResult {
    const busy = flow.busy === 'verify';
    const fieldError = flow.fieldError ? this.t(flow.fieldError, { length: flow.digits }) : undefined;
    const problem = fieldError ?? (flow.error ? this.errorText(flow.error.error) : undefined);
    return html`<mfa-code-input
        part="code-input"
        exportparts="base:code-input__base, label:code-input__label, field:code-input__field, cells:code-input__cells, cell:code-input__cell, cell-filled:code-input__cell-filled, cell-active:code-input__cell-active, input:code-input__input"
        .length=${flow.digits}
        label=${this.t('code.label')}
        description=${problem ?? ''}
        ?invalid=${Boolean(problem)}
        @mfa-code-complete=${(event: CustomEvent<{ value: string }>) => this.#verify(event.detail.value)}
      ></mfa-code-input>
      ${fieldError ? html`<p part="error">${fieldError}</p>` : nothing}
      ${flow.error ? this.#renderErrorText(flow.error) : nothing}
      <button type="submit" part="button submit-button" aria-disabled=${busy ? 'true' : 'false'}>
        ${busy ? html`<span class="spinner" aria-hidden="true"></span>${this.t('verifying')}` : this.t('code.submit')}
      </button>`;
  }

  #renderCode(flow: Flow): TemplateResult {
    const isEmail = flow.factor === 'email';
    const to = flow.address ? (isEmail ? maskEmail(flow.address) : maskPhone(flow.address)) : '';
    const resending = flow.busy === 'resend';
    const waiting = this.#waitLeft(flow.error) > 0;
    return html`<form novalidate @submit=${this.#onCodeSubmit}>
      <p part="status" class="status">${this.t(`code.sent.${flow.factor as 'sms' | 'voice' | 'email'}`, { to })}</p>
      ${this.#renderCodeEntry(flow)}
      <div class="buttons">
        <button
          type="button"
          class="secondary"
          part="button resend-button"
          aria-disabled=${resending || waiting ? 'true' : 'false'}
          @click=${() => this.#send(this._flow?.address ?? '', true)}
        >
          ${resending ? html`<span class="spinner" aria-hidden="true"></span>${this.t('sending')}` : this.t('code.resend')}
        </button>
        <button type="button" class="link" part="button change-button" @click=${this.#changeAddress}>
          ${this.t(isEmail ? 'code.change.email' : 'code.change.phone')}
        </button>
        ${this.#cancelButton()}
      </div>
    </form>`;
  }

  #renderOtp(flow: Flow): TemplateResult {
    return html`<mfa-otp-enroll
        part="otp-enroll"
        exportparts="qr:otp__qr, secret:secret, copy-button:otp__copy-button, code-input:otp__code-input, input:otp__input, submit-button:otp__submit-button, error:otp__error, recovery-codes:otp__recovery-codes"
        heading-level=${this.#level(3)}
        .source=${flow.childSource}
        @mfa-enroll=${this.#onOtpEnrolled}
      ></mfa-otp-enroll>
      <div class="buttons">${this.#cancelButton()}</div>`;
  }

  #renderPush(flow: Flow): TemplateResult {
    const enrollment = flow.enrollment as OobEnrollment | undefined;
    const link = enrollment?.barcodeUri ? safeOtpauth(enrollment.barcodeUri) : undefined;
    if (flow.step === 'failed') {
      return html`${flow.outcome
          ? html`<p part="error">${this.t(flow.outcome === 'expired' ? 'push.expired' : 'push.rejected')}</p>`
          : flow.error
            ? this.#renderErrorText(flow.error)
            : nothing}
        <div class="buttons">
          <button type="button" part="button restart-button" @click=${this.#restartPush}>${this.t('push.restart')}</button>
          ${this.#cancelButton()}
        </div>`;
    }
    return html`<p part="status" class="status">${this.t('push.scan')}</p>
      ${link ? this.#renderQr(link, this.t('push.qrLabel')) : nothing}
      ${link ? html`<a part="link" href=${link}>${this.t('push.openApp')}</a>` : nothing}
      <p part="status" class="status"><span class="spinner" aria-hidden="true"></span>${this.t('push.waiting')}</p>
      <div class="buttons">${this.#cancelButton()}</div>`;
  }

  #renderTicket(flow: Flow): TemplateResult {
    const blocked = flow.step === 'blocked';
    return html`${blocked
        ? html`<p part="error">${this.t('ticket.blocked')} ${this.errorText(new MfaError('popup_blocked'))}</p>
            <a
              part="link ticket-link"
              href=${flow.ticketUrl ?? nothing}
              target="_blank"
              rel="noopener noreferrer"
              @click=${this.#onTicketLink}
              >${this.t('ticket.link')}</a
            >`
        : html`<p part="status" class="status"><span class="spinner" aria-hidden="true"></span>${this.t('ticket.opened')}</p>`}
      <div class="buttons">
        <button type="button" class="secondary" part="button done-button" @click=${this.#ticketDone}>${this.t('ticket.done')}</button>
        ${this.#cancelButton()}
      </div>`;
  }

  #renderQr(uri: string, label: string): TemplateResult {
    return html`<mfa-qr-code
      part="qr"
      exportparts="base:qr__base, qr:qr__svg, error:qr__error"
      .value=${uri}
      label=${label}
    ></mfa-qr-code>`;
  }

  #renderRecovery(codes: string[]): TemplateResult {
    const many = codes.length > 1;
    return html`<section part="recovery-codes" class="recovery" aria-labelledby="recovery-title">
      <div part="recovery-title" class="recovery-title" id="recovery-title" role="heading" aria-level=${this.#level(1)} tabindex="-1">
        ${this.t(many ? 'recovery.titleMany' : 'recovery.title')}
      </div>
      <mfa-recovery-codes
        exportparts="description:recovery__description, recovery-codes:recovery__list, code:code, button:button, copy-button:copy-button, download-button:download-button, print-button:print-button, continue-button:ack-button, checkbox:recovery__checkbox"
        .codes=${codes}
        @mfa-recovery-codes-saved=${this.#acknowledgeCodes}
      ></mfa-recovery-codes>
    </section>`;
  }
}

/** `otpauth:` only: the one scheme an authenticator app registers for. */
function safeOtpauth(uri: string): string | undefined {
  return /^otpauth:\/\//i.test(uri) ? uri : undefined;
}

/**
 * A centered 450×720 window (the seed's geometry), or null when the browser blocked it. Named per
 * flow: a shared name would hand back a window that is still closing from an earlier flow.
 */
function openCenteredPopup(url: string, flowId: number): Window | null {
  const left = Math.max(0, Math.round(window.screenX + (window.outerWidth - POPUP_WIDTH) / 2));
  const top = Math.max(0, Math.round(window.screenY + (window.outerHeight - POPUP_HEIGHT) / 2));
  const features = `popup=yes,width=${POPUP_WIDTH},height=${POPUP_HEIGHT},left=${left},top=${top},scrollbars=yes,resizable=yes`;
  try {
    return window.open(url, `mfa-enrollment-${flowId}`, features);
  } catch {
    return null;
  }
}

function closeQuietly(popup: Window | null | undefined): void {
  try {
    if (popup && !popup.closed) popup.close();
  } catch {
    // Nothing to do.
  }
}
