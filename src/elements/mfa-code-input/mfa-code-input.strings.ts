import type { Locales, Template } from '../shared/localize.js';

/** Built-in text of `<mfa-code-input>`: `en` complete, `de` and `fr`. */
const en = {
  /** The accessible name (and visible label) when the `label` attribute is not set. */
  'codeInput.label': '{length}-digit code',
};

export type CodeInputStrings = Record<keyof typeof en, Template>;

/** English is built in; `de` and `fr` are in src/locales/, loaded when a page uses them. */
export const codeInputLocales: Locales<CodeInputStrings> = { en };
