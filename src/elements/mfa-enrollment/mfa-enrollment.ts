import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { MfaError, networkError, toMfaError } from '../../core/errors.js';
import { activeByFactor, FACTORS, isFactorName } from '../../core/factors.js';
import { maskedName } from '../../core/mask.js';
import { checkServerUrl } from '../../core/origin.js';
import { SharedSource } from '../../core/shared-source.js';
import type { Authenticator, EnrollRequest, Enrollment, FactorInfo, FactorName, MfaSource, OobEnrollment } from '../../core/types.js';
import { CountdownController } from '../shared/countdown.js';
import { MfaEnrollEvent, MfaErrorEvent, MfaRemoveEvent, type MfaAction } from '../shared/events.js';
import { factorIcon } from '../shared/icons.js';
import { type ShownError, isSessionError, renderError, renderWait, spin, type ErrorView } from '../shared/flow-part.js';
import { nameDir, resolveLang } from '../../i18n/localize.js';
import { MfaElement } from '../shared/mfa-element.js';
import { closeQuietly, PopupController } from '../shared/popup.js';
import { loadRecoveryCodes } from '../shared/recovery-codes-loader.js';
import { baseStyles, columnBaseStyles } from '../shared/styles.js';
import { isPasskeyRow, passkeyEnrollable, renderPasskeyFlow, renderPasskeyRow } from '../mfa-passkey-enroll/enrollment-hooks.js';
import { enrollmentLocales, type EnrollmentStrings } from '../../locales/en/mfa-enrollment.js';
import * as steps from './mfa-enrollment.steps.js';
import type { EnrollFactor, Flow, FlowBase } from './mfa-enrollment.steps.js';
import { enrollmentStyles } from './mfa-enrollment.styles.js';
import { loadContactEnroll } from './contact-enroll-loader.js';
import { loadOtpEnroll } from './otp-enroll-loader.js';
import { loadPushEnroll } from './push-enroll-loader.js';

type Key = keyof EnrollmentStrings & string;

/** Shown when neither the `factors` attribute nor the source says which factors to offer. */
const DEFAULT_FACTORS: readonly FactorName[] = ['push', 'otp', 'sms', 'voice', 'email'];

// The geometry and the watch of the hosted page's window are the popup controller's.
export { POPUP_HEIGHT, POPUP_POLL_MS, POPUP_WIDTH } from '../shared/popup.js';

/** The actions with their own sentence when the server lacks the route. */
type Unsupported = 'enroll' | 'remove' | 'regenerate';

let flowIds = 0;

/** A keydown handler running `action` on an Escape nobody handled, and keeping it from going further. */
const onEscape = (action: () => void) => (event: KeyboardEvent) => {
  if (event.key === 'Escape' && !event.defaultPrevented) {
    event.stopPropagation();
    action();
  }
};

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
 * @attr issuer - The service's name in the downloaded recovery-code file (default: the page's host name).
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
 * @csspart icon - A row's factor icon (inline SVG in `currentColor`, hidden from assistive technology).
 * @csspart title - A row's title.
 * @csspart description - A row's description.
 * @csspart badge - The Enrolled badge.
 * @csspart authenticators - The list of a row's enrolled authenticators.
 * @csspart authenticator - One enrolled authenticator.
 * @csspart date - When it was added, where the source says (inside `authenticator-name`).
 * @csspart authenticator-name - Its masked phone number, email address or device name (text).
 * @csspart regenerate-button - Makes a new recovery code (where the source can), after a confirmation
 *   (`regenerate-confirm`); the new code is shown once like after a first enrollment.
 * @csspart regenerate-confirm - The question before a new recovery code replaces the current one.
 * @csspart success - "… is set up." in the row just set up; focus moves there.
 * @csspart locked - Why adding and removing wait until the user has verified (direct mode).
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
 * @csspart country-select - The phone flow's country chooser (a native select, shown once its data has arrived).
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
 * @csspart ack-button - Continue, after "I have saved them" is ticked (or under the codes as text, when `<mfa-recovery-codes>` could not be fetched).
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
    issuer: { type: String },
    headingLevel: { type: Number, attribute: 'heading-level' },
    _authenticators: { state: true },
    _factorInfo: { state: true },
    _loading: { state: true },
    _loadError: { state: true },
    _flow: { state: true },
    _confirmId: { state: true },
    _removingId: { state: true },
    _rowError: { state: true },
    _recovery: { state: true },
    _added: { state: true },
    _regenerating: { state: true },
  };

  /** Space-separated factor names choosing and ordering the rows. */
  declare factors?: string;
  /**
   * The service's name, written into the downloaded recovery-code file (the codes of an
   * authenticator app take the app's issuer instead). Without it the page's host name is used: it
   * names the service the way the browser's address bar does, where a page title may be anything.
   */
  declare issuer?: string;
  /** Level of the heading (rows use the next level). */
  declare headingLevel: number;

  /** @internal */ declare _authenticators?: Authenticator[];
  /** @internal */ declare _factorInfo?: FactorInfo[];
  /** @internal */ declare _loading?: boolean;
  /** @internal */ declare _loadError?: ShownError;
  /** @internal */ declare _flow?: Flow;
  /** @internal */ declare _confirmId?: string;
  /** @internal */ declare _removingId?: string;
  /** @internal */ declare _rowError?: { factor: FactorName; shown: ShownError };
  /** @internal */ declare _recovery?: { codes: string[]; factor: FactorName };
  /** @internal The "new recovery code" question is open (`ask`) or its request is out (`busy`). */
  declare _regenerating?: 'ask' | 'busy';
  /** @internal The factor just set up: its row says so (and focus goes there) until the next action. */
  declare _added?: FactorName;

  #loadSeq = 0;
  #loadPromise: Promise<void> = Promise.resolve();
  #announceNextLoad = true;
  #countdown = new CountdownController(this, () => this.#hasPendingWait());
  #popup = new PopupController(this);

  constructor() {
    super();
    this.headingLevel = 2;
  }

  // ─── lifecycle ────────────────────────────────────────────────────────────────────────────────

  override disconnectedCallback(): void {
    this.#endFlow();
    super.disconnectedCallback();
  }

  protected override sourceChanged(source: MfaSource | undefined): void {
    this.#endFlow();
    this._authenticators = this._factorInfo = this._loadError = this._confirmId = this._removingId = this._rowError = undefined;
    this.#announceNextLoad = true;
    if (source) this.#reload();
  }

  protected override sourceUpdated(): void {
    // Another element verified (or changed the session): "verify first" and the like no longer hold.
    if (isSessionError(this._rowError?.shown)) this._rowError = undefined;
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
    if (this.#hasPendingWait()) this.#countdown._start();
  }

  // ─── loading ──────────────────────────────────────────────────────────────────────────────────

  #reload(): void {
    this.#loadPromise = this.#load();
  }

  /** After a change this element made: a shared source has reloaded itself, unless `stale` (then it is told to). */
  #reloadAfter(stale?: boolean): Promise<void> {
    return stale || !(this.activeSource instanceof SharedSource) ? this.refresh() : this.#loadPromise;
  }

  async #load(): Promise<void> {
    const source = this.activeSource;
    if (!source) return;
    const seq = ++this.#loadSeq;
    const over = () => seq !== this.#loadSeq || source !== this.activeSource;
    this._loading = true;
    if (!this._authenticators) this.#say('loadingList');
    const signal = this.signal;
    // The authenticator list is what matters; a missing or failing factor list only means the
    // rows come from the attribute or the defaults.
    const factorsCall =
      source.capabilities?.factors !== false
        ? source.listFactors?.({ signal }).catch((error: unknown): undefined => {
            if (MfaError.is(error, 'aborted')) throw error;
          })
        : undefined;
    try {
      const [authenticators, factorInfo] = await Promise.all([source.listAuthenticators({ signal }), factorsCall]);
      if (over()) return;
      this._authenticators = authenticators;
      this._factorInfo = factorInfo;
      this._loadError = undefined;
      if (this.#announceNextLoad) {
        this.#announceNextLoad = false;
        const shown = this.#shownFactors().filter((f) => f !== 'recovery-code');
        const enrolled = shown.filter((f) => this.#authenticatorsFor(f).length).length;
        this.announce(() => (shown.length ? this.t('loaded', { enrolled, total: shown.length }) : this.t('empty')));
      }
    } catch (error) {
      if (over()) return;
      const mfaError = toMfaError(error);
      if (this.#fail(mfaError, 'load', undefined, this.sentences(this.t(this._authenticators ? 'refreshFailed' : 'loadFailed'), this.errorText(mfaError)))) {
        this._loadError = this.#show(mfaError);
        this.#announceNextLoad = true;
      }
    } finally {
      if (seq === this.#loadSeq) this._loading = false;
    }
  }

  #retry(): void {
    if (this.#waitLeft(this._loadError) > 0) return;
    this.#announceNextLoad = true;
    this.refresh().then(() => {
      if (!this._loadError) this.#focus('heading');
    });
  }

  // ─── what to show ─────────────────────────────────────────────────────────────────────────────

  #shownFactors(): readonly FactorName[] {
    // A source that cannot complete a push (nextjs-auth0's routes) must not offer one to start.
    if (this.activeSource?.capabilities?.push === false) return this.#listedFactors().filter((f) => f !== 'push');
    return this.#listedFactors();
  }

  #listedFactors(): readonly FactorName[] {
    const info = this._factorInfo;
    const requested = this.factors?.split(/[\s,]+/).filter(isFactorName);
    // The tenant's word wins where it has one: the attribute cannot turn on a disabled factor.
    if (requested) return [...new Set(requested)].filter((factor) => info?.find((i) => i.factor === factor)?.enabled !== false);
    if (info?.length) return [...new Set(info.filter((i) => i.enabled).map((i) => i.factor))];
    return this._authenticators?.some((a) => a.active && a.factor === 'recovery-code') ? [...DEFAULT_FACTORS, 'recovery-code'] : DEFAULT_FACTORS;
  }

  /** Active authenticators of a row. Push's TOTP twin is shown with push when push has a row. */
  #authenticatorsFor(factor: FactorName, shown = this.#shownFactors()): Authenticator[] {
    // Grouped once per list (and per whether push has a row), not filtered again for every row.
    const all = this._authenticators ?? [];
    const push = shown.includes('push');
    if (this.#rows?.all !== all || this.#rows.push !== push) this.#rows = { all, push, byFactor: activeByFactor(all, push) };
    return this.#rows.byFactor.get(factor) ?? [];
  }
  #rows?: { all: readonly Authenticator[]; push: boolean; byFactor: Map<FactorName, Authenticator[]> };

  #enrollMode(factor: FactorName): 'inline' | 'ticket' | undefined {
    const caps = this.activeSource?.capabilities;
    const spec = FACTORS[factor];
    if (factor === 'passkey') return passkeyEnrollable(caps) ? 'inline' : undefined;
    return caps?.associate !== false && spec.inlineEnroll ? 'inline' : caps?.ticket && spec.ticketFactor ? 'ticket' : undefined;
  }

  #factorTitle(factor: FactorName): string {
    return this.t(`factor.${factor}.title` as Key);
  }

  #nameOf(a: Authenticator): string {
    const key = `name.${a.factor}`;
    return maskedName(a) || this.t(key in enrollmentLocales.en ? (key as Key) : 'name.generic');
  }

  /** "Added 7 Dec 2026" when the source says when (the Management API does; the MFA API does not). */
  #added(a: Authenticator): string | undefined {
    const time = Date.parse(a.createdAt ?? '');
    if (!Number.isFinite(time)) return undefined;
    return this.t('addedOn', { date: new Intl.DateTimeFormat(resolveLang(this), { dateStyle: 'medium' }).format(time) });
  }

  /** The factor and, when it says more, the authenticator's name: "Text message (+•••••••0123)". */
  #labelOf(a: Authenticator, factor = this.#factorTitle(a.factor)): string {
    const name = maskedName(a);
    return name && name !== factor ? this.t('namedMethod', { factor, name }) : factor;
  }

  /**
   * Direct mode before the user has verified: only an `mfa_token` is held, with which the MFA API
   * neither removes nor adds a second method. Said once, before anyone types, instead of offering them.
   */
  #locked(): boolean {
    return this.activeSource?.hasAccessToken === false && !!this._authenticators?.some((a) => a.active && a.factor !== 'recovery-code');
  }

  /** What to show for a failure: the generic sentence, or a specific one when the server lacks the route. */
  #shownFor(error: MfaError, action: Unsupported): ShownError {
    const shown = this.#show(error);
    return MfaError.is(error, 'unsupported') ? { ...shown, messageKey: `unsupported.${action}` } : shown;
  }

  // ─── errors and waits ─────────────────────────────────────────────────────────────────────────

  #show(error: MfaError): ShownError {
    const shown: ShownError = { error };
    if (error.retryAfter && error.retryAfter > 0) shown.until = this.#countdown._deadline(error.retryAfter);
    return shown;
  }

  /** Seconds left of a `Retry-After` wait. */
  #waitLeft(shown: ShownError | undefined): number {
    return this.#countdown._left(shown?.until);
  }

  #hasPendingWait(): boolean {
    return [this._loadError, this._rowError?.shown].some((s) => this.#waitLeft(s) > 0);
  }

  /**
   * `error` as an `MfaError`, told to the page (`mfa-error`) and the user (live region, `message`
   * instead of the generic sentence); undefined, and nothing said, when it is an abort or `flow`
   * is over.
   */
  #fail(error: unknown, action: MfaAction, flow?: FlowBase, message?: string, what = action as Unsupported): MfaError | undefined {
    const mfaError = toMfaError(error);
    if (mfaError.code === 'aborted' || (flow && !this.#current(flow))) return undefined;
    // A route the server lacks: say which action, not "not available here".
    if (mfaError.code === 'unsupported' && !message && ['enroll', 'remove', 'regenerate'].includes(what)) message = this.t(`unsupported.${what}`);
    const seconds = mfaError.retryAfter;
    this.announce(this.sentences(message ?? this.errorText(mfaError), !!seconds && this.t('waitSeconds', { seconds })));
    this.dispatchEvent(new MfaErrorEvent({ error: mfaError, action }));
    return mfaError;
  }

  // ─── enrollment flows ─────────────────────────────────────────────────────────────────────────

  /** Says localized text through the live region. */
  #say(...args: Parameters<MfaEnrollment['t']>): void {
    this.announce(() => this.t(...args));
  }

  #current(flow: FlowBase): Flow | undefined {
    return this._flow?.id === flow.id ? this._flow : undefined;
  }

  /** The open flow moved on, if `flow` is still the open one. */
  #move<F extends Flow>(flow: FlowBase, to: (current: Flow) => F): F | undefined {
    const current = this.#current(flow);
    return current && (this._flow = to(current)) as F;
  }

  /** Ends the open flow: aborts its requests and polling, closes its popup. */
  #endFlow(): void {
    const flow = this._flow;
    if (!flow) return;
    flow.controller.abort();
    this.#popup.stop();
    this._flow = undefined;
  }

  #newFlow<F extends Flow>(factor: EnrollFactor, first: (flow: FlowBase) => F): F {
    this.#endFlow();
    this._rowError = this._confirmId = this._added = undefined;
    const controller = new AbortController();
    this.signal.addEventListener('abort', () => controller.abort(), { once: true });
    const flow = first({ id: ++flowIds, factor, controller, knownIds: new Set(this._authenticators?.map((a) => a.id)) });
    this._flow = flow;
    return flow;
  }

  #startEnroll(factor: EnrollFactor): void {
    const mode = this.#enrollMode(factor);
    // Not while a first request is out (the row's Enroll button shows it).
    if (!mode || this._flow?.step === 'starting' || this.#locked()) return;
    if (mode === 'ticket') {
      // Opened now, while the click still counts as a user gesture, so that popup blockers let it
      // through; it is pointed at the ticket once the server has answered.
      const flow = this.#newFlow(factor, steps.starting);
      this.#enrollRemote(flow, this.#popupFor(flow));
    } else if (factor === 'passkey') {
      this.#newFlow(factor, steps.passkey);
    } else if (factor === 'otp') {
      const flow = this.#newFlow(factor, (base) => steps.child(base, 'otp', this.#childSource(base)));
      // Rendered at once (it upgrades when its module has come); a failed fetch ends the flow
      // with the error under the row, and the next click fetches again.
      loadOtpEnroll().catch((error: unknown) => this.#failStart(flow, networkError(error)));
    } else if (factor === 'push') {
      this.#startPush();
    } else {
      const flow = this.#newFlow(factor, (base) => steps.child(base, 'contact', this.#childSource(base)));
      loadContactEnroll().catch((error: unknown) => this.#failStart(flow, networkError(error)));
      // It focuses its field once it has rendered.
      this.#say('flow.title', { factor: this.#factorTitle(factor) });
    }
  }

  /**
   * The source `<mfa-otp-enroll>` gets: the shared one, except that an enrollment answered with a
   * hosted ticket (a proxy without `associate`) is taken over by this element's popup flow.
   */
  #childSource(flow: FlowBase): MfaSource {
    const source = this.activeSource!;
    const child: Record<string, unknown> = {
      get capabilities() {
        return source.capabilities;
      },
      enroll: async (...args: Parameters<MfaSource['enroll']>) => {
        const enrollment = await source.enroll(...args);
        if (enrollment.type === 'ticket') {
          this.#openTicket(flow, enrollment.ticketUrl);
          throw new MfaError('aborted', { description: 'continued as a hosted ticket' });
        }
        return enrollment;
      },
    };
    // `subscribe`: a verification elsewhere on the page makes its "verify first" error stale.
    const from = source as unknown as Record<string, ((...args: unknown[]) => unknown) | undefined>;
    for (const key of ['listAuthenticators', 'listFactors', 'remove', 'challenge', 'verify', 'subscribe']) {
      const method = from[key];
      if (method) child[key] = method.bind(source);
    }
    return child as unknown as MfaSource;
  }

  /** `<mfa-otp-enroll>` finished (after its recovery codes were saved): it has told the page. */
  #onOtpEnrolled(): void {
    const flow = this._flow;
    if (flow?.step === 'otp') this.#completed(flow, undefined, true);
  }

  /** A push flow: the enrollment request and, in parallel, the element that shows its QR code. */
  #startPush(): void {
    const flow = this.#newFlow('push', steps.starting);
    void this.#enrollRemote(flow);
    loadPushEnroll().catch((error: unknown) => this.#failStart(flow, networkError(error)));
  }

  /**
   * The first request of a push flow (one associate call, then a QR) or, with `popup` (null when
   * it was blocked), of a hosted ticket.
   */
  async #enrollRemote(flow: FlowBase, popup?: Window | null): Promise<void> {
    const source = this.activeSource;
    if (!source) return;
    const { factor } = flow;
    const ticket = popup !== undefined;
    this.#say('enrolling');
    let enrollment: Enrollment;
    try {
      enrollment = await source.enroll((ticket ? { factor, mode: 'ticket' } : { factor }) as EnrollRequest, { signal: flow.controller.signal });
    } catch (error) {
      closeQuietly(popup);
      return this.#failStart(flow, error);
    }
    if (!this.#current(flow)) return closeQuietly(popup);
    if (enrollment.type === 'ticket') return this.#openTicket(flow, enrollment.ticketUrl, popup);
    if (ticket || enrollment.type !== 'oob') {
      closeQuietly(popup);
      return this.#failStart(flow, new MfaError('bad_response', { description: ticket ? 'expected a ticket' : 'expected a push enrollment' }));
    }
    this.#move(flow, (current) => steps.pushShown(current, enrollment));
    this.#prefetchCodes(enrollment);
    this.#focus('flow-title');
  }

  /** A flow that failed before showing anything: the error goes under the row. */
  #failStart(flow: FlowBase, error: unknown): void {
    const mfaError = this.#fail(error, 'enroll', flow);
    if (!mfaError) return;
    this._flow = undefined;
    this._rowError = { factor: flow.factor, shown: this.#shownFor(mfaError, 'enroll') };
    this.#focusRowAction(flow.factor);
  }

  /**
   * The enrollment is active (or, for a hosted ticket, the window is closed): refresh (once,
   * shared), find the new authenticator, tell the page (unless `told`), show the recovery code of a
   * first enrollment.
   */
  async #completed(flow: FlowBase, recoveryCodes?: string[], told?: boolean): Promise<void> {
    const current = this.#current(flow);
    if (!current) return;
    this.#endFlow();
    const { factor } = current;
    const ticketUrl = steps.ticketUrlOf(current);
    // A source shared with the page has not heard of what happened in the hosted window.
    await this.#reloadAfter(!!ticketUrl);
    const authenticator = steps.added(current, this._authenticators);
    if (ticketUrl && !authenticator) {
      this.#say('ticket.notCompleted');
      return this.#focusRowAction(factor);
    }
    const codes = recoveryCodes?.length ? recoveryCodes : undefined;
    // Shown by <mfa-recovery-codes>, which a page file may fetch on demand (see #prefetchCodes).
    if (codes) await loadRecoveryCodes();
    if (!told) this.dispatchEvent(new MfaEnrollEvent({ authenticator, factor, ...(codes && { recoveryCodes: codes }) }));
    this.#say('flow.done', { factor: this.#factorTitle(factor) });
    this._added = factor;
    if (codes) {
      this._recovery = { codes, factor };
      this.#focus('recovery-title');
    } else {
      void this.#focusAdded(factor);
    }
  }

  /** A first enrollment's codes are shown once it is confirmed: <mfa-recovery-codes> is fetched meanwhile. */
  #prefetchCodes(enrollment: OobEnrollment): void {
    if (enrollment.recoveryCodes?.length) void loadRecoveryCodes();
  }

  /** After a setup: the row's "is set up" line, not its (destructive) Remove button. */
  async #focusAdded(factor: FactorName): Promise<void> {
    await this.updateComplete;
    const success = this.renderRoot.querySelector<HTMLElement>(`[data-factor="${factor}"] [part~="success"]`);
    if (success) success.focus();
    else void this.#focusRowAction(factor);
  }

  #cancelFlow(): void {
    const flow = this._flow;
    // The codes are shown once: the saved-gate is the only way out of that step.
    if (!flow || !steps.cancellable(flow)) return;
    this.#endFlow();
    this.#say('flow.cancelled');
    this.#focusRowAction(flow.factor);
  }

  #focus(part: string): Promise<void> {
    return this.focusPart(`[part~="${part}"]`);
  }

  /** After a flow or removal: the row's Enroll button, else its first Remove button, else its title. */
  async #focusRowAction(factor: FactorName): Promise<void> {
    await this.updateComplete;
    const row = this.renderRoot.querySelector(`[data-factor="${factor}"]`);
    const find = (part: string) => row?.querySelector<HTMLElement>(`[part~="${part}"]`);
    (find('enroll-button') ?? find('remove-button') ?? find('title'))?.focus();
  }

  // ─── hosted ticket ────────────────────────────────────────────────────────────────────────────

  /**
   * Points the popup (by default a new one) at the ticket, or shows the link when there is no
   * popup, and watches it.
   */
  #openTicket(flow: FlowBase, rawUrl: string, popup: Window | null = this.#popupFor(flow)): void {
    let url: string;
    try {
      url = checkServerUrl(rawUrl);
    } catch (error) {
      closeQuietly(popup);
      return this.#failStart(flow, error);
    }
    const blocked = !popup || popup.closed;
    const current = this.#move(flow, (open) => steps.ticket(open, url, blocked));
    if (!current) return closeQuietly(popup);
    if (!popup || blocked) {
      const error = new MfaError('popup_blocked');
      this.#fail(error, 'enroll', undefined, this.sentences(this.t('ticket.blocked'), this.errorText(error)));
      this.#focus('ticket-link');
      return;
    }
    // The URL was checked above (https:, or http: on loopback only).
    this.#watchPopup(current, popup);
    this.#focus('flow-title');
  }

  /** Named per flow: a shared name would hand back a window still closing from an earlier flow. */
  #popupFor(flow: FlowBase): Window | null {
    return this.#popup.open(`mfa-enrollment-${flow.id}`);
  }

  /** Shows the popup state and refreshes once the popup is closed. */
  #watchPopup(flow: steps.TicketFlow, popup: Window): void {
    const current = this.#move(flow, (open) => steps.ticket(open, flow.ticketUrl, false));
    if (!current) return;
    this.#say('ticket.opened');
    this.#popup.watch(popup, current.ticketUrl, () => void this.#completed(current));
  }

  /** The blocked-popup link: try a popup again (now with a fresh click); else let the link open a tab. */
  #onTicketLink(event: MouseEvent): void {
    const flow = this._flow;
    const popup = flow?.step === 'blocked' && this.#popupFor(flow);
    if (!popup) return;
    event.preventDefault();
    this.#watchPopup(flow as steps.TicketFlow, popup);
  }

  #ticketDone(): void {
    if (this._flow) this.#completed(this._flow);
  }

  // ─── removal ──────────────────────────────────────────────────────────────────────────────────

  #focusRemove(id: string): Promise<void> {
    return this.focusPart(`[part~="remove-button"][data-id="${CSS.escape(id)}"]`);
  }

  /** Every Remove of a list has one listener, on the list (one per row was a part per row, issue 15); only they carry `data-id`. */
  #onRemoveClick(event: Event): void {
    const id = (event.target as Element).closest('[data-id]')?.getAttribute('data-id');
    const a = this._authenticators?.find((b) => b.id === id);
    if (a) this.#toggleConfirm(a);
  }

  /** Remove: asks for confirmation, or takes the question back when it is open. */
  #toggleConfirm(a: Authenticator): void {
    if (this._confirmId === a.id) {
      this.#cancelRemove();
    } else if (!this._removingId) {
      this._confirmId = a.id;
      this._rowError = this._added = undefined;
      this.#focus('confirm');
    }
  }

  #cancelRemove(): void {
    const id = this._confirmId;
    this._confirmId = undefined;
    if (id) this.#focusRemove(id);
  }

  async #remove(a: Authenticator): Promise<void> {
    const source = this.activeSource;
    if (!source || this._removingId) return;
    const { id, factor } = a;
    this._removingId = id;
    this._confirmId = undefined;
    this.#say('removing');
    await this.#focusRemove(id);
    const name = this.#labelOf(a);
    try {
      await source.remove(id, { signal: this.signal });
    } catch (error) {
      this._removingId = undefined;
      // A 400 here means this one cannot go (a verified email that was never enrolled, which the
      // MFA API lists like any other): say that rather than "check what you entered".
      const refused = MfaError.is(error, 'invalid_request');
      const mfaError = this.#fail(error, 'remove', undefined, refused ? this.t('notRemovable') : undefined);
      if (!mfaError) return;
      const shown = this.#shownFor(mfaError, 'remove');
      this._rowError = { factor, shown: refused ? { ...shown, messageKey: 'notRemovable' } : shown };
      this.#focusRemove(id);
      return;
    }
    await this.#reloadAfter();
    this._removingId = undefined;
    this.dispatchEvent(new MfaRemoveEvent({ authenticatorId: id, factor, linkedIds: [...a.linkedIds] }));
    this.#say('removed', { name });
    this.#focusRowAction(factor);
  }

  // ─── recovery codes ───────────────────────────────────────────────────────────────────────────

  /** Whether the source can replace the recovery code (and the user may, now). */
  #canRegenerate(): boolean {
    const source = this.activeSource;
    return !!source?.regenerateRecoveryCode && source.capabilities?.regenerate !== false && !this.#locked();
  }

  #askRegenerate(): void {
    if (this._regenerating === 'busy') return;
    this._regenerating = this._regenerating === 'ask' ? undefined : 'ask';
    this._rowError = this._added = undefined;
    if (this._regenerating) this.#focus('regenerate-confirm');
    else void this.#focus('regenerate-button');
  }

  /** A new recovery code, shown once in its row with the same saved-gate as after a first enrollment. */
  async #regenerate(): Promise<void> {
    const source = this.activeSource;
    if (!source?.regenerateRecoveryCode || this._regenerating === 'busy') return;
    this._regenerating = 'busy';
    this.#say('recovery.regenerating');
    // Fetched with the request (a page file may have it on demand), awaited before the code shows.
    const shown = loadRecoveryCodes();
    await this.#focus('regenerate-button');
    try {
      const code = await source.regenerateRecoveryCode({ signal: this.signal });
      await shown;
      this._regenerating = undefined;
      this._recovery = { codes: [code], factor: 'recovery-code' };
      this.#say('recovery.regenerated');
      this.#focus('recovery-title');
    } catch (error) {
      this._regenerating = undefined;
      const mfaError = this.#fail(error, 'enroll', undefined, undefined, 'regenerate');
      if (!mfaError) return;
      this._rowError = { factor: 'recovery-code', shown: this.#shownFor(mfaError, 'regenerate') };
      void this.#focus('regenerate-button');
    }
  }

  #renderRegenerate(): TemplateResult {
    const state = this._regenerating;
    return html`<button
        type="button"
        class="secondary"
        part="button regenerate-button"
        aria-expanded=${state === 'ask'}
        aria-disabled=${state === 'busy'}
        @click=${this.#askRegenerate}
      >
        ${this.#busyLabel(state === 'busy', 'recovery.regenerating', 'recovery.regenerate')}
      </button>`;
  }

  #renderRegenerateConfirm(): TemplateResult {
    const lines = [this.t('recovery.regenerateLoses')];
    return this.#confirmBox('confirm regenerate-confirm', this.t('recovery.regenerateQuestion'), lines, this.t('recovery.regenerate'), () => this.#regenerate(), () => this.#askRegenerate());
  }


  #acknowledgeCodes(): void {
    const factor = this._recovery?.factor;
    this._recovery = undefined;
    if (factor) void this.#focusAdded(factor);
  }

  // ─── rendering ────────────────────────────────────────────────────────────────────────────────

  #level(offset: number): number {
    const level = this.headingLevel;
    return Math.min(6, (Number.isInteger(level) && level >= 1 && level <= 6 ? level : 2) + offset);
  }

  #heading(part: string, offset: number, text: string, id = part): TemplateResult {
    return html`<div part=${part} class=${part} id=${id} role="heading" aria-level=${this.#level(offset)} tabindex="-1">${text}</div>`;
  }

  /** A button showing a spinner and `busyKey` while `busy`. */
  #busyLabel(busy: boolean, busyKey: Key, key: Key): string | TemplateResult {
    return busy ? spin(this.t(busyKey)) : this.t(key);
  }

  override render(): TemplateResult {
    return html`<section part="base" class="base" aria-labelledby="heading">
      <div class="header">
        ${this.#heading('heading', 0, this.t('heading'))}
        <p part="intro" class="intro">${this.t('intro')}</p>
      </div>
      ${this.renderLiveRegion()} ${this.activeSource ? this.#renderBody() : this.renderNoSource()}
    </section>`;
  }

  #renderBody(): TemplateResult {
    const loadError = this._loadError;
    const recovery = this._recovery;
    if (!this._authenticators) {
      return loadError
        ? this.#renderLoadError('loadFailed', loadError)
        : html`<p part="status loading" class="status">${spin(this.t('loadingList'))}</p>`;
    }
    const shown = this.#shownFactors();
    // In the row where the flow happened; above the list only when that row is not shown.
    const recoveryHere = recovery && !shown.includes(recovery.factor);
    return html`${recoveryHere ? this.#renderRecovery(recovery.codes, 1) : nothing}
    ${this.#locked() ? html`<p part="note locked" class="note locked">${this.t('locked')}</p>` : nothing}
    ${loadError ? this.#renderLoadError('refreshFailed', loadError) : nothing}
    ${shown.length
      ? html`<ul part="list" class="list" aria-busy=${!!this._loading}>
          ${shown.map((factor) => this.#renderFactor(factor, shown))}
        </ul>`
      : html`<p part="empty" class="note">${this.t('empty')}</p>`}`;
  }

  #renderLoadError(lead: Key, shown: ShownError): TemplateResult {
    return html`<div class="state" part="load-error">
      <p part="error">${this.t(lead)} ${this.errorText(shown.error)}</p>
      ${this.#renderWait(shown)}
      <div class="buttons">
        <button
          type="button"
          part="button retry-button"
          aria-disabled=${this.#waitLeft(shown) > 0 || !!this._loading}
          @click=${this.#retry}
        >
          ${this.t('retry')}
        </button>
      </div>
    </div>`;
  }

  #view: ErrorView = {
    t: (key, vars) => this.t(key, vars),
    errorText: (error) => this.errorText(error),
    left: (shown) => this.#waitLeft(shown),
  };

  #renderWait(shown: ShownError | undefined): TemplateResult | typeof nothing {
    return renderWait(this.#view, shown);
  }

  #renderError(shown: ShownError | undefined, id?: string): TemplateResult | typeof nothing {
    return renderError(this.#view, shown, id);
  }

  #renderFactor(factor: FactorName, shown: readonly FactorName[]): TemplateResult {
    const authenticators = this.#authenticatorsFor(factor, shown);
    const enrolled = authenticators.length > 0;
    const title = this.#factorTitle(factor);
    const open = this._flow;
    const flow = open?.factor === factor && open.step !== 'starting' ? open : undefined;
    const busy = open?.factor === factor && open.step === 'starting';
    const rowError = this._rowError?.factor === factor ? this._rowError.shown : undefined;
    const action = factor === 'recovery-code' && enrolled && this.#canRegenerate()
      ? this.#renderRegenerate()
      : enrolled || this.#locked()
      ? nothing
      : !this.#enrollMode(factor)
        ? html`<p part="note" class="note">${this.t(factor === 'recovery-code' ? 'recoveryAutomatic' : 'enrollUnavailable')}</p>`
        : flow
          ? nothing
          : html`<button
              type="button"
              part="button enroll-button"
              aria-label=${busy ? nothing : this.t('enrollLabel', { factor: title })}
              aria-disabled=${busy}
              @click=${() => this.#startEnroll(factor as EnrollFactor)}
            >${this.#busyLabel(busy, 'enrolling', 'enroll')}</button>`;
    return html`<li part="factor${enrolled ? ' factor-enrolled' : ''}" class="factor" data-factor=${factor}>
      <div class="factor-main">
        <div class="factor-text">
          <div class="title-line">${factorIcon(factor)}${this.#heading('title', 1, title, `title-${factor}`)}${enrolled
            ? html`<span part="badge" class="badge">${this.t('enrolled')}</span>`
            : nothing}</div>
          <p part="description" class="description">${this.t(`factor.${factor}.description` as Key)}</p>
        </div>
        <div part="actions" class="actions">${action}</div>
      </div>${
        // Before the list: Tab from it reaches the new entry's Remove next.
        this._added === factor
          ? html`<p part="success" class="success" tabindex="-1"><span class="check" aria-hidden="true">✓</span> ${this.t('flow.done', { factor: title })}</p>`
          : nothing}${enrolled
        ? html`<ul part="authenticators" class="authenticators" aria-label=${this.t('enrolledList', { factor: title })} @click=${this.#onRemoveClick}>${authenticators.map((a) =>
            this.#renderAuthenticator(a, title))}</ul>`
        : nothing}${
        // The rest, one part: what is open under the row (rarely anything while the list renders).
        rowError || (factor === 'recovery-code' && this._regenerating === 'ask') || this._recovery?.factor === factor || flow
          ? html`${rowError ? html`<div class="state">${this.#renderError(rowError)}</div>` : nothing}${factor === 'recovery-code' && this._regenerating === 'ask' ? this.#renderRegenerateConfirm() : nothing}${this._recovery?.factor === factor ? this.#renderRecovery(this._recovery.codes) : nothing}${flow ? this.#renderFlow(flow) : nothing}`
          : nothing}</li>`;
  }

  #renderAuthenticator(a: Authenticator, title: string): TemplateResult {
    if (isPasskeyRow(a)) return renderPasskeyRow(this.activeSource, a, () => (this._authenticators = this._authenticators?.filter((b) => b.id !== a.id)));
    const name = this.#nameOf(a);
    const label = this.#labelOf(a, title);
    const removing = this._removingId === a.id;
    const confirming = this._confirmId === a.id;
    const added = this.#added(a);
    const removable = a.removable && this.activeSource?.capabilities?.remove !== false && !this.#locked();
    // The usual row (no date, nothing open, not being removed), as few nodes as the hand-written
    // list: texts set as properties have no marker comments (issue 15). The row's other states
    // render the template below; each of them moves focus itself (confirm, Remove again).
    if (removable && !added && !removing && !confirming) {
      return html`<li part="authenticator" class="authenticator"><span part="authenticator-name" class="authenticator-name" dir=${nameDir(a)} .textContent=${name}></span><button type="button" class="secondary" part="button remove-button" data-id=${a.id} aria-label=${this.t('removeLabel', { name: label })} aria-disabled=${!!this._removingId} aria-expanded="false" .textContent=${this.t('remove')}></button></li>`;
    }
    // No whitespace beside the parts: in this flex row it would only be empty text nodes.
    return html`<li part="authenticator" class="authenticator"><span part="authenticator-name" class="authenticator-name" dir=${nameDir(a)}>${name}</span>${added ? html`<span part="date" class="date">${added}</span>` : nothing}${removable
        ? html`<button
            type="button"
            class="secondary"
            part="button remove-button"
            data-id=${a.id}
            aria-label=${removing ? nothing : this.t('removeLabel', { name: label })}
            aria-disabled=${!!this._removingId}
            aria-expanded=${confirming}>${this.#busyLabel(removing, 'removing', 'remove')}</button>`
        : a.factor === 'recovery-code'
          ? nothing
          : html`<span part="note" class="note">${this.t('notRemovable')}</span>`}${confirming ? this.#renderConfirm(a, label) : nothing}</li>`;
  }

  #renderConfirm(a: Authenticator, name: string): TemplateResult {
    // What else goes with this one, and whether it is the last one.
    const all = this._authenticators ?? [];
    const linkedKey = `confirm.linked.${a.factor}`;
    const gone = [a.id, ...a.linkedIds];
    const lines = [this.t('confirm.body')];
    if (all.some((b) => a.linkedIds.includes(b.id)) && linkedKey in enrollmentLocales.en) lines.push(this.t(linkedKey as Key));
    if (!all.some((b) => b.active && b.factor !== 'recovery-code' && !gone.includes(b.id))) lines.push(this.t('confirm.last'));
    return this.#confirmBox('confirm', this.t('confirm.title', { name }), lines, this.t('confirm.yes'), () => this.#remove(a), () => this.#cancelRemove());
  }

  /** A question with its consequences, a danger-styled yes and Cancel (also on Escape). */
  #confirmBox(part: string, title: string, lines: string[], yes: string, onYes: () => void, onCancel: () => void): TemplateResult {
    return html`<div
      part=${part}
      class="confirm"
      role="group"
      tabindex="-1"
      aria-labelledby="confirm-title"
      aria-describedby="confirm-body"
      @keydown=${onEscape(onCancel)}
    >
      <p part="confirm-title" class="confirm-title" id="confirm-title">${title}</p>
      <div id="confirm-body">${lines.map((line) => html`<p>${line}</p>`)}</div>
      <div class="buttons">
        <button type="button" class="danger" part="button confirm-button" @click=${onYes}>${yes}</button>
        <button type="button" class="secondary" part="button cancel-button" @click=${onCancel}>${this.t('cancel')}</button>
      </div>
    </div>`;
  }

  #renderFlow(flow: Flow): TemplateResult {
    // The flows rendered by their own elements speak and end through events (see FlowPart).
    return html`<div
      part="flow"
      class="flow"
      role="group"
      aria-labelledby="flow-title"
      @keydown=${onEscape(() => this.#cancelFlow())}
      @mfa-flow-say=${(event: CustomEvent<string | (() => string)>) => this.announce(event.detail)}
      @mfa-flow-cancel=${this.#cancelFlow}
    >
      ${this.#heading('flow-title', 2, this.t('flow.title', { factor: this.#factorTitle(flow.factor) }))}
      ${flow.step === 'contact'
        ? html`<mfa-contact-enroll
            factor=${flow.factor}
            .source=${flow.childSource}
            .strings=${this.strings}
            @mfa-flow-done=${(event: CustomEvent<string[] | undefined>) => this.#completed(flow, event.detail)}
          ></mfa-contact-enroll>`
        : flow.step === 'otp'
            ? this.#renderOtp(flow)
            : flow.step === 'passkey'
            ? renderPasskeyFlow(this.activeSource, this.#level(2), () => this.#completed(flow, undefined, true), this.#cancelButton())
            : flow.step === 'push'
              ? html`<mfa-push-enroll
                  .source=${this.activeSource}
                  .enrollment=${flow.enrollment}
                  .strings=${this.strings}
                  @mfa-flow-done=${(event: CustomEvent<string[] | undefined>) => this.#completed(flow, event.detail)}
                  @mfa-flow-restart=${this.#startPush}
                ></mfa-push-enroll>`
              : flow.step === 'starting'
                ? nothing
                : this.#renderTicket(flow)}
    </div>`;
  }

  #cancelButton(): TemplateResult {
    return html`<button type="button" class="secondary" part="button cancel-button" @click=${this.#cancelFlow}>
      ${this.t('flow.cancel')}
    </button>`;
  }

  #renderOtp(flow: steps.OtpFlow): TemplateResult {
    return html`<mfa-otp-enroll
        part="otp-enroll"
        exportparts="qr:otp__qr, secret:secret, copy-button:otp__copy-button, code-input:otp__code-input, input:otp__input, submit-button:otp__submit-button, error:otp__error, recovery-codes:otp__recovery-codes"
        heading-level=${this.#level(2)}
        .source=${flow.childSource}
        @mfa-enroll=${this.#onOtpEnrolled}
        @mfa-otp-step=${(event: CustomEvent<{ step: string }>) => this.#move(flow, (current) => steps.childMoved(current, event.detail.step))}
      ></mfa-otp-enroll>
      ${flow.childStep === 'recovery' || flow.childStep === 'done' ? nothing : html`<div class="buttons">${this.#cancelButton()}</div>`}`;
  }

  #renderTicket(flow: steps.TicketFlow): TemplateResult {
    return html`${flow.step === 'blocked'
        ? html`<p part="error">${this.t('ticket.blocked')} ${this.t('error.popup_blocked')}</p>
            <a
              part="link ticket-link"
              href=${flow.ticketUrl}
              target="_blank"
              rel="noopener noreferrer"
              @click=${this.#onTicketLink}
              >${this.t('ticket.link')}</a
            >`
        : html`<p part="status" class="status">${spin(this.t('ticket.opened'))}</p>`}
      <div class="buttons">
        <button type="button" class="secondary" part="button done-button" @click=${this.#ticketDone}>${this.t('ticket.done')}</button>
        ${this.#cancelButton()}
      </div>`;
  }

  #renderRecovery(codes: string[], offset = 2): TemplateResult {
    return html`<section part="recovery-codes" class="recovery" aria-labelledby="recovery-title">
      ${this.#heading('recovery-title', offset, this.t(codes.length > 1 ? 'recovery.titleMany' : 'recovery.title'))}
      ${customElements.get('mfa-recovery-codes')
        ? html`<mfa-recovery-codes
            exportparts="description:recovery__description, recovery-codes:recovery__list, code:code, button:button, copy-button:copy-button, download-button:download-button, print-button:print-button, continue-button:ack-button, checkbox:recovery__checkbox"
            .codes=${codes}
            issuer=${this.issuer || location.hostname}
            @mfa-recovery-codes-saved=${this.#acknowledgeCodes}
          ></mfa-recovery-codes>`
        : // It could not be fetched (see #prefetchCodes): the codes as plain text still must not be lost.
          html`<p part="recovery__list">${codes.map((code) => html`<code part="code">${code}</code> `)}</p>
            <div class="buttons"><button type="button" part="button ack-button" @click=${this.#acknowledgeCodes}>${this.t('continue')}</button></div>`}
    </section>`;
  }
}
