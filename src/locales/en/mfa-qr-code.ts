import type { Locales, Template } from '../../i18n/localize.js';

/** Built-in text of `<mfa-qr-code>`; `en` is complete. */
const en = {
  'qr.label': 'QR code',
  'qr.loading': 'Drawing the QR code…',
  'qr.invalid': 'This QR code cannot be shown: the address is not an authenticator key.',
  'qr.failed': 'The QR code could not be drawn.',
};

export type QrStrings = Record<keyof typeof en, Template>;

/** English is built in; the other languages are tables in src/locales/, loaded when a page uses them. */
export const qrLocales: Locales<QrStrings> = { en };
