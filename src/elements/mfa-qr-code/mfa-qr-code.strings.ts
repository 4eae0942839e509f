import type { Locales } from '../shared/localize.js';

/** Built-in text of `<mfa-qr-code>`: `en` complete, `de` and `fr`. */
const en = {
  'qr.label': 'QR code',
  'qr.loading': 'Drawing the QR code…',
  'qr.invalid': 'This QR code cannot be shown: the address is not an authenticator key.',
  'qr.failed': 'The QR code could not be drawn.',
};

export type QrStrings = typeof en;

const de: Partial<QrStrings> = {
  'qr.label': 'QR-Code',
  'qr.loading': 'QR-Code wird erstellt …',
  'qr.invalid': 'Dieser QR-Code kann nicht angezeigt werden: Die Adresse ist kein Authenticator-Schlüssel.',
  'qr.failed': 'Der QR-Code konnte nicht erstellt werden.',
};

const fr: Partial<QrStrings> = {
  'qr.label': 'Code QR',
  'qr.loading': 'Création du code QR…',
  'qr.invalid': "Ce code QR ne peut pas être affiché : l’adresse n’est pas une clé d’authentification.",
  'qr.failed': "Le code QR n’a pas pu être créé.",
};

export const qrLocales: Locales<QrStrings> = { en, de, fr };
