import { html, nothing, type PropertyValues } from 'lit';
import { digitsOnly } from '../../core/input.js';
import { MfaElement } from '../shared/mfa-element.js';
import { baseStyles } from '../shared/styles.js';
import { MfaCodeCompleteEvent } from './mfa-code-input.events.js';
import { codeInputStyles } from './mfa-code-input.styles.js';
import { codeInputLocales, type CodeInputStrings } from '../../locales/en/mfa-code-input.js';

const MIN_LENGTH = 4;
const MAX_LENGTH = 10;

/**
 * A one-time-code field: one real `<input autocomplete="one-time-code" inputmode="numeric">` with
 * a segmented look, so that SMS autofill, password managers and the keyboard all work. Pasting
 * `123 456`, `123-456` or `Code: 123456` keeps the digits only. When the last digit is entered
 * (typed, pasted or autofilled) it fires `mfa-code-complete` so that the element around it can
 * submit.
 *
 * @summary One-time-code input with a segmented look.
 * @tag mfa-code-input
 *
 * @fires {MfaCodeCompleteEvent} mfa-code-complete - The field holds `length` digits (after typing,
 *   pasting or autofill), or Enter was pressed on a complete code. Bubbles, not composed.
 * @fires {Event} input - Native, composed: the value changed through the user.
 * @fires {Event} change - The value changed and the field lost focus (re-dispatched from the host).
 *
 * @csspart base - The wrapper around the label and the field.
 * @csspart label - The visible label (visually hidden with `hide-label`).
 * @csspart field - The box holding the cells and the input.
 * @csspart cells - The row of cells drawn behind the input.
 * @csspart cell - One cell; also `cell-filled` when it holds a digit, `cell-active` at the caret,
 *   `cell-selected` when its digit is selected.
 * @csspart input - The real `<input>`.
 * @csspart description - The visually hidden description read with the field.
 *
 * @cssprop --mfa-code-cell-width - Width of a cell, in `ch` of the monospaced font (default `2.5ch`).
 * @cssprop --mfa-code-cell-gap - Space between cells (default `0.6ch`).
 * @cssprop --mfa-code-cell-height - Height of a cell (default `1.75em`).
 * @cssprop --mfa-code-cell-background - Background of a cell (default the surface colour).
 * @cssprop --mfa-code-selection-background - Background of a selected cell (default the focus colour over the surface).
 * @cssprop --mfa-code-font-size - Size of the digits (default `1.5em`).
 */
export class MfaCodeInput extends MfaElement<CodeInputStrings> {
  static override shadowRootOptions: ShadowRootInit = { ...MfaElement.shadowRootOptions, delegatesFocus: true };
  static override styles = [baseStyles, codeInputStyles];
  static override locales = codeInputLocales;
  static override i18n = 'mfa-code-input';

  static override properties = {
    ...MfaElement.properties,
    value: { type: String },
    length: { type: Number, reflect: true },
    disabled: { type: Boolean, reflect: true },
    invalid: { type: Boolean, reflect: true },
    required: { type: Boolean, reflect: true },
    label: { type: String },
    hideLabel: { type: Boolean, attribute: 'hide-label', reflect: true },
    description: { type: String },
    _selection: { state: true },
  };

  /** The digits entered so far (non-digits are dropped, at most `length`). */
  declare value: string;
  /** How many digits the code has: 4 to 10, default 6. */
  declare length: number;
  /** Disables the field: no typing, pasting or focus. */
  declare disabled: boolean;
  /** Marks the code as wrong (`aria-invalid`), e.g. after the server refused it. */
  declare invalid: boolean;
  /** Sets `required` on the digits field inside (assistive technology announces it). */
  declare required: boolean;
  /** Accessible name and visible label; defaults to the localized "6-digit code". */
  declare label?: string;
  /** Keeps the label for assistive technology only. */
  declare hideLabel: boolean;
  /**
   * Text read with the field as its description (an error or hint shown elsewhere by the host,
   * since ARIA references cannot cross shadow roots). Visually hidden.
   */
  declare description?: string;

  #lastCompleted = '';
  /** @internal The selected digits `[start, end)`, drawn on the cells (the native highlight is hidden). */
  declare _selection?: readonly [number, number];

  constructor() {
    super();
    this.value = '';
    this.length = 6;
    this.disabled = false;
    this.invalid = false;
    this.required = false;
    this.hideLabel = false;
  }

  /** The number of digits actually used (clamped to 4–10). */
  get codeLength(): number {
    const n = Math.round(Number(this.length));
    return Number.isFinite(n) ? Math.min(MAX_LENGTH, Math.max(MIN_LENGTH, n)) : 6;
  }

  /** True when the field holds exactly `length` digits. */
  get complete(): boolean {
    return this.value.length === this.codeLength;
  }

  get #input(): HTMLInputElement | null | undefined {
    return this.renderRoot?.querySelector('input');
  }

  /** Focuses the digits field inside (before the first render, the host, which delegates focus). */
  override focus(options?: FocusOptions): void {
    const input = this.#input;
    if (input) input.focus(options);
    else super.focus(options);
  }

  /** Empties the field (the `invalid` mark stays until the host clears it). */
  clear(): void {
    this.value = this.#lastCompleted = '';
    const input = this.#input;
    if (input) input.value = '';
  }

  /** Selects the digits, so that typing replaces a refused code. */
  select(): void {
    this.#input?.select();
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('value') || changed.has('length')) {
      const clean = digitsOnly(String(this.value ?? ''), this.codeLength);
      if (clean !== this.value) this.value = clean;
      if (clean.length !== this.codeLength) this.#lastCompleted = '';
    }
  }

  override render() {
    const length = this.codeLength;
    const filled = this.value.length;
    const caret = Math.min(filled, length - 1);
    return html`<div part="base" class="base">
      <label part="label" for="input" class=${this.hideLabel ? 'sr-only' : ''}>${this.label || this.t('codeInput.label', { length })}</label>
      <div part="field" class="field">
        <div part="cells" class="cells" aria-hidden="true">
          ${Array.from(
            { length },
            (_, i) =>
              html`<span class="cell ${i === caret ? 'active' : ''} ${this.#selected(i) ? 'selected' : ''}" part="cell${i < filled ? ' cell-filled' : ''}${i === caret ? ' cell-active' : ''}${this.#selected(i) ? ' cell-selected' : ''}"></span>`,
          )}
        </div>
        <input
          id="input"
          part="input"
          type="text"
          dir="ltr"
          autocomplete="one-time-code"
          inputmode="numeric"
          enterkeyhint="done"
          pattern="[0-9]{${length}}"
          autocapitalize="off"
          autocorrect="off"
          spellcheck="false"
          .value=${this.value}
          ?disabled=${this.disabled}
          ?required=${this.required}
          aria-invalid=${!!this.invalid}
          aria-describedby=${this.description ? 'description' : nothing}
          @input=${this.#onInput}
          @select=${this.#syncSelection}
          @selectionchange=${this.#syncSelection}
          @keyup=${this.#syncSelection}
          @pointerup=${this.#syncSelection}
          @focus=${this.#syncSelection}
          @blur=${this.#syncSelection}
          @paste=${this.#onPaste}
          @change=${() => this.dispatchEvent(new Event('change', { bubbles: true }))}
          @keydown=${(event: KeyboardEvent) => {
            if (event.key === 'Enter' && !event.isComposing && this.complete) {
              event.preventDefault();
              this.dispatchEvent(new MfaCodeCompleteEvent({ value: this.value, trigger: 'enter' }));
            }
          }}
        />
      </div>
      ${this.description
        ? html`<span id="description" part="description" class="sr-only">${this.description}</span>`
        : nothing}
    </div>`;
  }

  #selected(i: number): boolean {
    const range = this._selection;
    return !!range && i >= range[0] && i < range[1];
  }

  /**
   * The text's own selection highlight would span the gaps and run past the last cell (each
   * digit's advance is a whole cell pitch), so it is hidden and the selected cells are marked
   * instead: the highlight stays within the cells in every engine.
   */
  #syncSelection(event: Event): void {
    const input = event.target as HTMLInputElement;
    const start = input.selectionStart ?? 0;
    const end = input.selectionEnd ?? 0;
    const next = event.type !== 'blur' && end > start ? ([start, end] as const) : undefined;
    if (next?.[0] !== this._selection?.[0] || next?.[1] !== this._selection?.[1]) this._selection = next;
  }

  #onInput(event: Event): void {
    this.#syncSelection(event);
    const input = event.target as HTMLInputElement;
    const raw = input.value;
    const max = this.codeLength;
    const clean = digitsOnly(raw, max);
    if (clean !== raw) {
      // Keep the caret after the digits the user had typed before it.
      const before = digitsOnly(raw.slice(0, input.selectionStart ?? raw.length), max).length;
      input.value = clean;
      input.setSelectionRange(before, before);
    }
    this.value = clean;
    // Once per distinct complete code: re-firing while nothing changed would submit twice.
    if (clean.length < max) this.#lastCompleted = '';
    else if (clean !== this.#lastCompleted) {
      this.dispatchEvent(new MfaCodeCompleteEvent({ value: (this.#lastCompleted = clean), trigger: 'input' }));
    }
  }

  /**
   * A pasted complete code replaces the whole field, wherever the caret was; a shorter paste is
   * inserted at the caret like typing (then cleaned by the input handler).
   */
  #onPaste(event: ClipboardEvent): void {
    const clean = digitsOnly(event.clipboardData?.getData('text/plain') ?? '', this.codeLength);
    if (clean.length < this.codeLength) return;
    event.preventDefault();
    const input = event.target as HTMLInputElement;
    input.value = this.value = clean;
    // A native paste fires `input`; keep that contract for listeners on the page.
    input.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType: 'insertFromPaste' }));
  }
}
