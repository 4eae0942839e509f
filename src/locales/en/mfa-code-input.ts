import type { Locales, Template } from '../../i18n/localize.js';

/** Built-in text of `<mfa-code-input>`; `en` is complete. */
const en = {
  /** The accessible name (and visible label) when the `label` attribute is not set. */
  'codeInput.label': '{length}-digit code',
};

export type CodeInputStrings = Record<keyof typeof en, Template>;

/** English is built in; the other languages are tables in src/locales/, loaded when a page uses them. */
export const codeInputLocales: Locales<CodeInputStrings> = { en };
