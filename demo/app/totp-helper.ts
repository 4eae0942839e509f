/**
 * DEMO AID: stands in for an authenticator app. The visitor pastes the setup key (or the
 * `otpauth://` link) that `<mfa-otp-enroll>` shows, and this computes the current code with the
 * otpauth package, as the app on a phone would. A real page never asks for a secret like this.
 * (otpauth is a devDependency for this page only: an implementation apart from the emulator's own
 * node:crypto one, so a code the demo fills in checks the emulator too.)
 */
import { TOTP } from 'otpauth';
import { isBase32, normalizeBase32, parseOtpauthUri } from '../../src/core/index.js';

/** The enrolled demo user's authenticator-app key (docs/emulator.md). */
export const ENROLLED_SECRET = 'JBSWY3DPEHPK3PXP';

export interface TotpHelperElements {
  input: HTMLInputElement;
  fill: HTMLButtonElement;
  code: HTMLOutputElement;
  remaining: HTMLElement;
  error: HTMLElement;
}

interface Key {
  secret: string;
  algorithm: string;
  digits: number;
  period: number;
}

/** A base32 key (spaces and dashes allowed) or an otpauth:// URI; undefined when it is neither. */
export function parseKey(text: string): Key | undefined {
  const value = text.trim();
  if (!value) return undefined;
  if (/^otpauth:/i.test(value)) {
    try {
      const uri = parseOtpauthUri(value);
      return uri.kind === 'totp' ? { secret: uri.secret, algorithm: uri.algorithm, digits: uri.digits, period: uri.period } : undefined;
    } catch {
      return undefined;
    }
  }
  const secret = normalizeBase32(value.replace(/-/g, ''));
  return secret.length >= 16 && isBase32(secret) ? { secret, algorithm: 'SHA1', digits: 6, period: 30 } : undefined;
}

export class TotpHelper {
  readonly #ui: TotpHelperElements;
  #timer?: ReturnType<typeof setInterval>;
  #lastCode = '';

  constructor(ui: TotpHelperElements) {
    this.#ui = ui;
    ui.input.addEventListener('input', () => this.#update());
    ui.fill.addEventListener('click', () => {
      ui.input.value = ENROLLED_SECRET;
      this.#update();
      ui.input.focus();
    });
    this.#update();
  }

  #update(): void {
    clearInterval(this.#timer);
    this.#timer = undefined;
    const text = this.#ui.input.value;
    const key = parseKey(text);
    this.#ui.error.textContent = text.trim() && !key ? 'Not a base32 setup key or an otpauth://totp link.' : '';
    this.#ui.input.setAttribute('aria-invalid', String(Boolean(text.trim() && !key)));
    if (!key) {
      this.#show('', '');
      return;
    }
    const totp = new TOTP({ secret: key.secret, algorithm: key.algorithm, digits: key.digits, period: key.period });
    const tick = () => {
      const left = totp.period - (Math.floor(Date.now() / 1000) % totp.period);
      this.#show(totp.generate(), `${left} s left`);
    };
    tick();
    this.#timer = setInterval(tick, 1000);
  }

  #show(code: string, remaining: string): void {
    // Only a new code touches the <output> (a live region), not every second of the countdown.
    if (code !== this.#lastCode) this.#ui.code.value = code || '—';
    this.#lastCode = code;
    this.#ui.remaining.textContent = remaining;
  }
}
