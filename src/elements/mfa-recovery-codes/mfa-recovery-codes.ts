import { html, nothing } from 'lit';
import { groupCode } from '../../core/input.js';
import { copyText } from '../shared/clipboard.js';
import { resolveLang } from '../../i18n/localize.js';
import { MfaElement } from '../shared/mfa-element.js';
import { baseStyles } from '../shared/styles.js';
import { MfaRecoveryCodesSavedEvent } from './mfa-recovery-codes.events.js';
import { recoveryLocales, type RecoveryStrings } from '../../locales/en/mfa-recovery-codes.js';
import { printSheet, recoveryStyles } from './mfa-recovery-codes.styles.js';

/** How long a download's object URL stays valid after the click (browsers start reading at once). */
const REVOKE_AFTER_MS = 1000;

/**
 * Recovery codes shown once: grouped and monospaced, with Copy, Download (`.txt`) and Print (only
 * the codes, from a separate frame), and an "I have saved them" checkbox that must be ticked
 * before Continue is enabled. The element keeps the codes in memory only.
 *
 * @summary Show-once recovery codes with copy, download, print and a saved gate.
 * @tag mfa-recovery-codes
 *
 * @fires {MfaRecoveryCodesSavedEvent} mfa-recovery-codes-saved - Continue was pressed after the
 *   box was ticked. Bubbles, not composed.
 *
 * @csspart base - The wrapper.
 * @csspart description - The "save these, shown once" text.
 * @csspart recovery-codes - The list of codes.
 * @csspart code - One code.
 * @csspart actions - The row of Copy, Download and Print.
 * @csspart button - Every button; also `copy-button`, `download-button`, `print-button`, `continue-button`.
 * @csspart confirm - The checkbox and its label.
 * @csspart checkbox - The "I have saved them" checkbox.
 *
 * @csspart copy-status - What Copy did ("Recovery codes copied."), shown under the buttons.
 * @cssprop --mfa-recovery-codes-background - Background of the list of codes.
 */
export class MfaRecoveryCodes extends MfaElement<RecoveryStrings> {
  static override styles = [baseStyles, recoveryStyles];
  static override locales = recoveryLocales;
  static override i18n = 'mfa-recovery-codes';

  static override properties = {
    ...MfaElement.properties,
    codes: { attribute: false },
    issuer: { type: String },
    account: { type: String },
    filename: { type: String },
    _saved: { state: true },
    _copyStatus: { state: true },
  };

  /** The codes, as the server sent them. A property only: never an attribute. */
  declare codes: string[];
  /** Who the codes are for, written in the file and on paper (e.g. the app or company name). */
  declare issuer?: string;
  /** The user's account name, written in the file and on paper. */
  declare account?: string;
  /** Name of the downloaded file; defaults to a localized `recovery-codes.txt` (with the issuer). */
  declare filename?: string;
  /** @internal */
  declare _saved: boolean;
  /** @internal What the last Copy did, shown under the buttons (copying the setup key shows it too). */
  declare _copyStatus?: string;

  #frame?: HTMLIFrameElement;

  constructor() {
    super();
    this.codes = [];
    this._saved = false;
  }

  /** Whether the "I have saved them" box is ticked. */
  get saved(): boolean {
    return this._saved;
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.#frame?.remove();
  }

  /** The file name actually used for Download. */
  get downloadName(): string {
    if (this.filename) return this.filename;
    const slug = (this.issuer ?? '')
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .replace(/[^A-Za-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .toLowerCase();
    return `${slug ? `${slug}-` : ''}${this.t('recovery.filename')}.txt`;
  }

  /** The lines of the `.txt` file (and of the printout): a title, who and when, a note, the codes. */
  fileLines(now: Date = new Date()): { title: string; meta: string[]; note: string; codes: string[] } {
    const name = this.issuerAccount(this.issuer, this.account);
    const date = new Intl.DateTimeFormat(resolveLang(this), { dateStyle: 'long' }).format(now);
    return {
      title: this.t('recovery.fileTitle', { count: this.codes.length }),
      meta: [...(name ? [this.t('recovery.fileFor', { name })] : []), this.t('recovery.fileCreated', { date })],
      note: this.t('recovery.fileNote'),
      codes: [...this.codes],
    };
  }

  /**
   * The `.txt` file's text, as `fileLines` gives it: the title, "For {issuer – account}" when either
   * is set, "Created {date}", the note, a blank line, then the codes one per line (ungrouped: what a
   * recovery-code field accepts).
   */
  fileText(now?: Date): string {
    const { title, meta, note, codes } = this.fileLines(now);
    return [title, ...meta, note, '', ...codes, ''].join('\n');
  }

  /** Copies the codes (one per line); falls back to selecting them. */
  async copy(): Promise<void> {
    const outcome = await copyText(this.codes.join('\n'), this.renderRoot.querySelector('.codes'));
    this.announce(
      (this._copyStatus = this.t(outcome === 'copied' ? 'recovery.copied' : outcome === 'selected' ? 'recovery.selected' : 'recovery.copyFailed', {
        count: this.codes.length,
      })),
    );
  }

  /** Downloads the codes as a `.txt` file through a temporary object URL, revoked afterwards. */
  download(): void {
    const filename = this.downloadName;
    const url = URL.createObjectURL(new Blob([this.fileText()], { type: 'text/plain;charset=utf-8' }));
    const link = Object.assign(document.createElement('a'), { href: url, download: filename, rel: 'noopener', hidden: true });
    this.renderRoot.appendChild(link);
    try {
      link.click();
    } finally {
      link.remove();
      setTimeout(() => URL.revokeObjectURL(url), REVOKE_AFTER_MS);
    }
    this.announce(this.t('recovery.downloaded', { filename }));
  }

  /**
   * Prints only the codes: they are written (as text, through the DOM) into a hidden same-origin
   * frame with its own print stylesheet, and that frame is printed. The page is left alone.
   */
  print(): void {
    this.#frame?.remove();
    const frame = (this.#frame = Object.assign(document.createElement('iframe'), { className: 'print-frame', tabIndex: -1 }));
    frame.setAttribute('aria-hidden', 'true');
    this.renderRoot.appendChild(frame);
    const win = frame.contentWindow;
    if (!win) {
      frame.remove();
      return;
    }
    const doc = win.document;
    const { title, meta, note, codes } = this.fileLines();
    doc.documentElement.lang = resolveLang(this);
    doc.title = title;
    const element = (tag: string, text: string): HTMLElement => Object.assign(doc.createElement(tag), { textContent: text });
    const list = doc.createElement('ol');
    list.append(...codes.map((code) => element('li', groupCode(code))));
    doc.body.replaceChildren(element('h1', title), ...[...meta, note].map((line) => element('p', line)), list);
    const sheet = new (win as unknown as typeof globalThis).CSSStyleSheet();
    sheet.replaceSync(printSheet);
    doc.adoptedStyleSheets = [sheet];
    win.addEventListener('afterprint', () => frame.remove(), { once: true });
    this.printWindow(win);
  }

  /** @internal Prints the prepared frame; a seam for tests, where a print dialog would block. */
  printWindow(win: Window): void {
    win.focus();
    win.print();
  }

  override render() {
    const count = this.codes.length;
    if (!count) return nothing;
    return html`<div part="base" class="base">
      <p part="description">${this.t('recovery.intro', { count })}</p>
      <ul part="recovery-codes" class="codes" aria-label=${this.t('recovery.listLabel', { count })}>
        ${this.codes.map((code) => html`<li part="code"><code dir="ltr">${groupCode(code)}</code></li>`)}
      </ul>
      <div part="actions" class="actions">
        <button type="button" class="secondary" part="button copy-button" @click=${() => this.copy()}>
          ${this.t('recovery.copy', { count })}
        </button>
        <button type="button" class="secondary" part="button download-button" @click=${() => this.download()}>
          ${this.t('recovery.download')}
        </button>
        <button type="button" class="secondary" part="button print-button" @click=${() => this.print()}>
          ${this.t('recovery.print')}
        </button>
      </div>
      ${this._copyStatus ? html`<p part="copy-status" class="copy-status">${this._copyStatus}</p>` : nothing}
      <div part="confirm" class="confirm">
        <input
          id="saved"
          type="checkbox"
          part="checkbox"
          .checked=${this._saved}
          @change=${(event: Event) => (this._saved = (event.target as HTMLInputElement).checked)}
        />
        <label for="saved">${this.t('recovery.confirm', { count })}</label>
      </div>
      <div>
        <button
          type="button"
          part="button continue-button"
          ?disabled=${!this._saved}
          @click=${() => this._saved && this.dispatchEvent(new MfaRecoveryCodesSavedEvent())}
        >
          ${this.t('recovery.continue')}
        </button>
      </div>
      ${this.renderLiveRegion()}
    </div>`;
  }
}
