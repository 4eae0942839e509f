/**
 * Localized text for the elements: built-in tables per language, picked from the nearest `lang`
 * attribute (crossing shadow roots), with the page's partial overrides (`strings` property) on top.
 * Templates are plain strings with `{name}` placeholders, or functions for plurals.
 */
export type Vars = Record<string, string | number>;
/**
 * A plural message: the form for each `Intl.PluralRules` category of the language (Arabic uses
 * all six, Polish `one`/`few`/`many`), chosen on the number in `{plural}`; `other` is required. An
 * exact `=1` form wins over the category (for languages whose only category is `other`).
 */
export type PluralTemplate = { plural: string; other: string } & Partial<Record<Intl.LDMLPluralRule | `=${number}`, string>>;
/** Text with `{name}` placeholders; `{name:in}` (a countdown), `{name:duration}` and `{name:clock}` (m:ss) format seconds. */
export type Template = string | PluralTemplate | ((vars: Vars) => string);
export type StringTable = Record<string, Template>;
/** An element's built-in text: `en`, complete. Other languages are registered tables (`src/locales`). */
export type Locales<T extends StringTable> = { en: T };

export function resolveLang(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang') || 'en';
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return (typeof navigator !== 'undefined' && navigator.language) || 'en';
}

const rtl = /^(ar|he|iw|fa|ur)\b/i;
/** Right-to-left languages: their interpolated values (codes, numbers, addresses) are bidi-isolated. */
export const isRtl = (lang: string): boolean => rtl.test(lang);

const cache = new Map<string, unknown>();
/** One Intl formatter per kind, language and options; an invalid `lang` keeps English grammar. */
function intl<T>(Format: new (lang: string, options?: object) => T, lang: string, options?: object): T {
  const id = `${Format.name} ${lang} ${JSON.stringify(options)}`;
  let formatter = cache.get(id) as T | undefined;
  if (!formatter) {
    try {
      formatter = new Format(lang, options);
    } catch {
      formatter = new Format('en', options);
    }
    cache.set(id, formatter);
  }
  return formatter;
}

// A number and its unit never part across lines ("28 / secondes").
const glue = (text: string) => text.replace(/\s/g, '\u00a0');
/**
 * Languages whose digits are ASCII in every region: a small whole number in them is its own text.
 * The first `Intl.NumberFormat` of a page costs about 25 ms in Chromium (profiled in the list
 * bench: the "n of m methods set up" announcement), more than rendering twenty rows.
 */
const asciiDigits = /^(en|de|fr|es|it|nl|pl|pt|sv|tr|ja|zh|he)(-|$)/i;
const number = (n: number, lang: string, options?: object) =>
  !options && Number.isInteger(n) && n >= 0 && n < 1000 && asciiDigits.test(lang) && !/-u-/i.test(lang)
    ? String(n)
    : intl(Intl.NumberFormat, lang, options).format(n);
const formats: Record<string, (n: number, lang: string) => string> = {
  in: (n, lang) => glue(intl(Intl.RelativeTimeFormat, lang).format(n, 'second')),
  clock: (n, lang) => `${number(Math.floor(n / 60), lang)}:${number(n % 60, lang, { minimumIntegerDigits: 2 })}`,
  duration: (n, lang) => glue(number(n, lang, { style: 'unit', unit: 'second', unitDisplay: 'long' })),
};

export function format(template: Template | undefined, vars: Vars = {}, lang = 'en'): string {
  if (template === undefined) return '';
  if (typeof template === 'function') return template(vars);
  if (typeof template === 'object') {
    const n = Number(vars[template.plural]);
    template = template[`=${n}`] ?? template[intl(Intl.PluralRules, lang).select(n)] ?? template.other;
  }
  const isolate = isRtl(lang);
  return template.replace(/\{(\w+)(?::(\w+))?\}/g, (match, name: string, kind?: string) => {
    if (!(name in vars)) return match;
    const raw = vars[name]!;
    // Numbers in the language's digits and grouping, like those Intl writes in countdowns.
    const value = kind && formats[kind] ? formats[kind]!(Number(raw), lang) : typeof raw === 'number' ? number(raw, lang) : raw;
    // First-strong isolates: an LTR address or code inside RTL text keeps its own order.
    return isolate ? `\u2068${value}\u2069` : value;
  });
}

/**
 * Translations beyond English live in their own modules (src/locales/*.ts), registered here by
 * language and element namespace, so that English-only pages never download them. Built-in ones
 * load on demand the first time an element meets their `lang`; a page can also import one up
 * front (`import 'mfa-elements/locales/de.js'`) to avoid the brief English first render.
 */
export type Translation = Record<string, Partial<StringTable>>;

const translations = new Map<string, Translation>();
const loaders = new Map<string, () => Promise<unknown>>();
const loading = new Map<string, Promise<void>>();
const changeListeners = new Set<() => void>();

/** Where a base language falls back when no table has its own name. */
const aliases: Record<string, string> = { pt: 'pt-br', zh: 'zh-cn', iw: 'he' };
/**
 * The tags to try for `lang`, most specific first: `pt-PT` → `pt` → `pt-br`; `de-CH` → `de`.
 * Traditional Chinese (`zh-Hant`, `zh-TW`, `zh-HK`, `zh-MO`) never falls back to the Simplified
 * table: a reader of one script is better served by English than by the other, unless a page
 * registers `zh-Hant` or `zh-TW` itself.
 */
export function candidates(lang: string): string[] {
  const parts = lang.toLowerCase().split(/[-_]/);
  const tags: string[] = [];
  for (let i = parts.length; i > 0; i--) tags.push(parts.slice(0, i).join('-'));
  if (parts[0] === 'zh' && parts.some((p) => p === 'hant' || p === 'tw' || p === 'hk' || p === 'mo')) {
    return tags.filter((t) => t !== 'zh').concat(parts.includes('hant') ? [] : ['zh-hant']);
  }
  const alias = aliases[parts[0]!];
  if (alias && !tags.includes(alias)) tags.push(alias);
  return tags;
}

/** Adds (or overrides) text for `lang`, by namespace (`common`, or an element's namespace). */
export function registerTranslation(lang: string, translation: Translation): void {
  const key = lang.toLowerCase();
  const current = translations.get(key) ?? {};
  for (const [namespace, table] of Object.entries(translation)) current[namespace] = { ...current[namespace], ...table };
  translations.set(key, current);
  changeListeners.forEach((listener) => listener());
}

export function registerLocaleLoader(lang: string, loader: () => Promise<unknown>): void {
  loaders.set(lang.toLowerCase(), loader);
}

/** Loads the built-in translation for `lang` (or its base language) once; resolves when done. */
export function loadLocale(lang: string): Promise<void> {
  const wanted = candidates(lang).find((l) => loaders.has(l));
  if (!wanted || translations.has(wanted)) return Promise.resolve();
  let promise = loading.get(wanted);
  if (!promise) {
    promise = loaders
      .get(wanted)!()
      .then(() => undefined)
      // An offline page keeps English rather than failing; the next element may try again.
      .catch(() => void loading.delete(wanted));
    loading.set(wanted, promise);
  }
  return promise;
}

/** The registered template for `key`, along the fallback chain of `lang` (see `candidates`). */
export function lookup(lang: string, namespace: string, key: string): Template | undefined {
  // An English-only page has no table to look in (no tags to work out for every sentence).
  if (!translations.size) return undefined;
  for (const candidate of candidates(lang)) {
    const template = translations.get(candidate)?.[namespace]?.[key];
    if (template !== undefined) return template;
  }
  return undefined;
}

export function onTranslationsChanged(listener: () => void): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}

/**
 * The `dir` for a listed authenticator's name: phone numbers and email addresses are left to right
 * inside right-to-left text (their `+`, digits and `@` would otherwise be reordered); a device name
 * the user chose (or the label shown instead) takes the direction of its own first letters.
 */
export function nameDir(a: { factor: string; name?: string }): 'ltr' | 'auto' {
  return a.name && ['sms', 'voice', 'email'].includes(a.factor) ? 'ltr' : 'auto';
}
