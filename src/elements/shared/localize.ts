/**
 * Localized text for the elements: built-in tables per language, picked from the nearest `lang`
 * attribute (crossing shadow roots), with the page's partial overrides (`strings` property) on top.
 * Templates are plain strings with `{name}` placeholders, or functions for plurals.
 */
export type Vars = Record<string, string | number>;
export type Template = string | ((vars: Vars) => string);
export type StringTable = Record<string, Template>;
/** An element's built-in text: `en`, complete. Other languages are registered tables (`src/locales`). */
export type Locales<T extends StringTable> = { en: T };

/** Plural choice on `{count}` for languages with one singular form (en, de, fr). */
export const one = (vars: Vars): boolean => Number(vars.count) === 1;

export function resolveLang(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang') || 'en';
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return (typeof navigator !== 'undefined' && navigator.language) || 'en';
}

export function format(template: Template | undefined, vars: Vars = {}): string {
  if (template === undefined) return '';
  if (typeof template === 'function') return template(vars);
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
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

const baseOf = (lang: string) => lang.toLowerCase().split('-')[0]!;

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
  const candidates = [lang.toLowerCase(), baseOf(lang)];
  const wanted = candidates.find((l) => loaders.has(l));
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

/** The registered template for `key`, trying `de-CH` then `de`. */
export function lookup(lang: string, namespace: string, key: string): Template | undefined {
  for (const candidate of [lang.toLowerCase(), baseOf(lang)]) {
    const template = translations.get(candidate)?.[namespace]?.[key];
    if (template !== undefined) return template;
  }
  return undefined;
}

export function onTranslationsChanged(listener: () => void): () => void {
  changeListeners.add(listener);
  return () => changeListeners.delete(listener);
}
