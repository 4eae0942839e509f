import type { Locales } from '../shared/localize.js';

/** Built-in text of `<mfa-code-input>`: `en` complete, `de` and `fr`. */
const en = {
  /** The accessible name (and visible label) when the `label` attribute is not set. */
  'codeInput.label': (v: Record<string, string | number>) => `${v.length}-digit code`,
};

export type CodeInputStrings = typeof en;

const de: Partial<CodeInputStrings> = {
  'codeInput.label': (v) => `${v.length}-stelliger Code`,
};

const fr: Partial<CodeInputStrings> = {
  'codeInput.label': (v) => `Code à ${v.length} chiffres`,
};

export const codeInputLocales: Locales<CodeInputStrings> = { en, de, fr };
