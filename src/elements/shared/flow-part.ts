import { html, nothing, type PropertyValues, type TemplateResult } from 'lit';
import { isRateLimited, MfaError, toMfaError } from '../../core/errors.js';
import { CountdownController } from './countdown.js';
import { MfaErrorEvent, type MfaAction } from './events.js';
import type { StringTable } from '../../i18n/localize.js';
import { MfaElement } from './mfa-element.js';
// A value import, though only its type is used: bundles then place the shared English beside this
// module, as before it moved below the elements (13–22 B gzip less on the all-in-one files).
import { flowStrings } from '../../locales/en/flow.js';

/** An error on screen, with the moment a `Retry-After` wait ends. */
export interface ShownError {
  error: MfaError;
  until?: number;
  /** Shown instead of the generic sentence for the error's code. */
  messageKey?: 'notRemovable' | 'unsupported.remove' | 'unsupported.enroll' | 'unsupported.regenerate';
}

type FlowKey = keyof typeof flowStrings | 'unsupported.remove' | 'unsupported.regenerate' | 'notRemovable' | 'waitSeconds' | 'attemptsLeft';

/** Errors about what the session may do, which a verification elsewhere on the page can make stale. */
const SESSION_ERRORS = ['already_enrolled', 'access_denied', 'mfa_required', 'unsupported', 'invalid_token', 'expired_token'];
export const isSessionError = (shown?: ShownError): boolean => !!shown && SESSION_ERRORS.includes(shown.error.code);

/** A spinner before `text` (busy buttons, waiting states). */
export const spin = (text: string): TemplateResult => html`<span class="spinner" aria-hidden="true"></span>${text}`;

/** What renders an error needs of its element. */
export interface ErrorView {
  t(key: FlowKey, vars?: Record<string, string | number>): string;
  errorText(error: MfaError): string;
  left(shown: ShownError | undefined): number;
}

export function renderWait(view: ErrorView, shown: ShownError | undefined): TemplateResult | typeof nothing {
  const seconds = view.left(shown);
  return seconds > 0 ? html`<p part="wait" class="note">${view.t('waitSeconds', { seconds })}</p>` : nothing;
}

export function renderError(view: ErrorView, shown: ShownError | undefined, id?: string): TemplateResult | typeof nothing {
  if (!shown) return nothing;
  const { error, messageKey } = shown;
  // During the countdown one sentence: "Too many requests. Try again in 38 seconds."
  if (!messageKey && isRateLimited(error) && view.left(shown) > 0) {
    const lead = view.t(error.code === 'too_many_attempts' ? 'limited.attempts' : 'limited.requests');
    return html`<p part="error" id=${id ?? nothing}>${lead}</p>${renderWait(view, shown)}`;
  }
  const attempts =
    error.attemptsLeft !== undefined && MfaError.is(error, 'invalid_grant') ? ` ${view.t('attemptsLeft', { count: error.attemptsLeft })}` : '';
  return html`<p part="error" id=${id ?? nothing}>${messageKey ? view.t(messageKey) : view.errorText(error)}${attempts}</p>${renderWait(view, shown)}`;
}

/** What a flow tells `<mfa-enrollment>`: said (`mfa-flow-say`), done (`mfa-flow-done`), cancelled, restarted. */
export type FlowEventName = 'mfa-flow-say' | 'mfa-flow-done' | 'mfa-flow-cancel' | 'mfa-flow-restart';

/**
 * A step `<mfa-enrollment>` opens under a row, as its own element (fetched when the row's Enroll
 * is pressed). It renders into the host's tree, not a shadow root of its own: the host's parts,
 * ids, styles, focus order and single live region stay one tree, so `<mfa-enrollment>`'s
 * contracts (`::part(input)`, `aria-describedby`, what is announced) are the same as before the split.
 * Announcements and the end of the flow go to the host as events that do not leave its shadow root.
 */
export class FlowPart<S extends StringTable = StringTable> extends MfaElement<S> {
  static override i18n = 'mfa-enrollment';

  protected readonly countdown = new CountdownController(this, () => this.hasPendingWait());
  protected readonly view: ErrorView = {
    t: (key, vars) => this.t(key as never, vars),
    errorText: (error) => this.errorText(error),
    left: (shown) => this.countdown._left(shown?.until),
  };

  protected override createRenderRoot(): HTMLElement {
    return this;
  }

  protected tell(name: FlowEventName, detail?: unknown): void {
    // Not composed: these stop at the host's shadow root (each subclass documents its own).
    const event = new CustomEvent(name, { bubbles: true, detail });
    this.dispatchEvent(event);
  }

  /** Said by the host's live region. */
  protected override announce(message: string | (() => string)): void {
    this.tell('mfa-flow-say', message);
  }

  /** Whether a `Retry-After` wait shown by this flow is still running. */
  protected hasPendingWait(): boolean {
    return false;
  }

  protected override updated(changed: PropertyValues): void {
    super.updated(changed);
    if (this.hasPendingWait()) this.countdown._start();
  }

  protected show(error: MfaError, unsupported?: boolean): ShownError {
    const shown: ShownError = { error };
    if (error.retryAfter && error.retryAfter > 0) shown.until = this.countdown._deadline(error.retryAfter);
    if (unsupported && MfaError.is(error, 'unsupported')) shown.messageKey = 'unsupported.enroll';
    return shown;
  }

  /**
   * `error` as an `MfaError`, told to the page (`mfa-error`) and the user (`message` instead of
   * the generic sentence); undefined, and nothing said, when it is an abort.
   */
  protected fail(error: unknown, action: MfaAction, message?: string): MfaError | undefined {
    const mfaError = toMfaError(error);
    if (mfaError.code === 'aborted') return undefined;
    if (mfaError.code === 'unsupported' && !message && action === 'enroll') message = this.view.t('unsupported.enroll');
    const seconds = mfaError.retryAfter;
    const text = this.sentences(message ?? this.errorText(mfaError), !!seconds && this.view.t('waitSeconds', { seconds }));
    this.announce(text);
    this.dispatchEvent(new MfaErrorEvent({ error: mfaError, action }));
    return mfaError;
  }

  protected renderCancel(): TemplateResult {
    return html`<button type="button" class="secondary" part="button cancel-button" @click=${() => this.tell('mfa-flow-cancel')}>
      ${this.view.t('flow.cancel')}
    </button>`;
  }

  /** A button showing a spinner and `busyText` while `busy`. */
  protected busyLabel(busy: boolean, busyText: string, text: string): string | TemplateResult {
    return busy ? spin(busyText) : text;
  }
}
