import { html, nothing, svg, type PropertyValues } from 'lit';
import { isOtpauthUri } from '../../core/otpauth.js';
import { MfaElement } from '../shared/mfa-element.js';
import { onDemand } from '../../i18n/on-demand.js';
import { baseStyles } from '../shared/styles.js';
import { qrLocales, type QrStrings } from '../../locales/en/mfa-qr-code.js';
import { qrStyles } from './mfa-qr-code.styles.js';

type QrModule = typeof import('qrcode');

/** Modules of light margin around the symbol: what ISO/IEC 18004 asks for and scanners expect. */
const QUIET_ZONE = 4;

/** `qrcode` is loaded only when a QR code is drawn (it is CommonJS: take its default export). */
const loadQrModule = onDemand(() => import('qrcode'));
const loadQr = (): Promise<QrModule> =>
  loadQrModule().then((mod) => (mod as QrModule & { default?: QrModule }).default ?? mod);

export interface QrMatrix {
  /** Modules per side, quiet zone included. */
  size: number;
  /** One path: a `h`/`v` rectangle per run of dark modules. */
  path: string;
}

/** The dark modules of `text` (error correction M) as one SVG path, offset by the quiet zone. */
export async function qrMatrix(text: string): Promise<QrMatrix> {
  const QRCode = await loadQr();
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  let path = '';
  for (let row = 0; row < n; row++) {
    for (let col = 0; col < n; col++) {
      const start = col;
      while (col < n && modules.get(row, col)) col++;
      // A run of dark modules ends at `col`, which is light (or past the edge): skip it too.
      const run = col - start;
      if (run) path += `M${start + QUIET_ZONE} ${row + QUIET_ZONE}h${run}v1h-${run}z`;
    }
  }
  return { size: n + 2 * QUIET_ZONE, path };
}

/**
 * A QR code for an `otpauth:` URI (a TOTP key or a Guardian enrollment), drawn as inline SVG:
 * dark modules on a light square with a four-module quiet zone in every theme, forced colours
 * included, so that every phone can scan it. No `data:` URL, no `innerHTML`: it works under a
 * strict CSP with Trusted Types. The `qrcode` module is imported only when a code is drawn.
 * Any other scheme is refused with a message.
 *
 * @summary QR code for an authenticator app.
 * @tag mfa-qr-code
 *
 * @csspart base - The light square around the code (also shown while it is drawn).
 * @csspart qr - The `<svg role="img">`.
 * @csspart error - The message shown instead of a refused or failed code.
 *
 * @cssprop --mfa-qr-size - Width and height of the code (default `13rem`).
 */
export class MfaQrCode extends MfaElement<QrStrings> {
  static override styles = [baseStyles, qrStyles];
  static override locales = qrLocales;
  static override i18n = 'mfa-qr-code';

  static override properties = {
    ...MfaElement.properties,
    value: { attribute: false },
    label: { type: String },
    _matrix: { state: true },
  };

  /**
   * The `otpauth:` URI to encode. A property only: it holds a secret, so it never appears as an
   * attribute in the DOM.
   */
  declare value: string;
  /** Accessible name of the image; defaults to the localized "QR code". */
  declare label?: string;
  /** @internal The drawn code; `null` when drawing failed. */
  declare _matrix?: QrMatrix | null;

  /** The last drawing started (kept once settled). */
  #drawing?: Promise<void>;
  #drawn?: string;

  constructor() {
    super();
    this.value = '';
  }

  /** True when `value` is an `otpauth:` URI, i.e. when a code is (or will be) drawn. */
  get valid(): boolean {
    return isOtpauthUri(this.value);
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (changed.has('value') && this.value !== this.#drawn) {
      this.#drawn = this.value;
      this._matrix = undefined;
      const value = this.value;
      const set = (matrix: QrMatrix | null) => {
        if (this.#drawn === value) this._matrix = matrix;
      };
      if (this.valid) this.#drawing = qrMatrix(value).then(set, () => set(null));
    }
  }

  /** Resolves once the code is drawn (or refused), not just rendered. */
  protected override async getUpdateComplete(): Promise<boolean> {
    let result = await super.getUpdateComplete();
    for (let awaited; awaited !== this.#drawing; ) {
      await (awaited = this.#drawing);
      result = await super.getUpdateComplete();
    }
    return result;
  }

  override render() {
    const matrix = this._matrix;
    if (!this.value) return nothing;
    if (!this.valid || matrix === null) {
      return html`<p part="error" role="alert">${this.t(matrix === null ? 'qr.failed' : 'qr.invalid')}</p>`;
    }
    return html`<div part="base" class="frame">
      ${matrix
        ? html`<svg
            part="qr"
            role="img"
            aria-label=${this.label || this.t('qr.label')}
            viewBox="0 0 ${matrix.size} ${matrix.size}"
            shape-rendering="crispEdges"
            xmlns="http://www.w3.org/2000/svg"
          >
            ${svg`<rect width=${matrix.size} height=${matrix.size} fill="#ffffff"></rect><path d=${matrix.path} fill="#000000"></path>`}
          </svg>`
        : html`<div class="placeholder" aria-busy="true">${this.t('qr.loading')}</div>`}
    </div>`;
  }
}
