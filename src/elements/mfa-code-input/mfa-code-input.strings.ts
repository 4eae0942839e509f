import type { Locales } from '../shared/localize.js';

/** Built-in text of `<mfa-code-input>`: `en` complete, `de` and `fr`. */
const en = {
  /** The accessible name (and visible label) when the `label` attribute is not set. */
  'codeInput.label': (v: Record<string, string | number>) => `${v.length}-digit code`,
};

export type CodeInputStrings = typeof en;

/** English is built in; `de` and `fr` are in src/locales/, loaded when a page uses them. */
export const codeInputLocales: Locales<CodeInputStrings> = { en };
