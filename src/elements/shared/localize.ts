/**
 * Localized text for the elements: built-in tables per language, picked from the nearest `lang`
 * attribute (crossing shadow roots), with the page's partial overrides (`strings` property) on top.
 * Templates are plain strings with `{name}` placeholders, or functions for plurals.
 */
export type Vars = Record<string, string | number>;
export type Template = string | ((vars: Vars) => string);
export type StringTable = Record<string, Template>;
/** `en` is complete; other languages may leave keys out, which then fall back to English. */
export type Locales<T extends StringTable> = { en: T } & Record<string, Partial<T>>;

export function resolveLang(element: Element): string {
  let node: Node | null = element;
  while (node) {
    if (node instanceof Element && node.hasAttribute('lang')) return node.getAttribute('lang') || 'en';
    node = node.parentNode ?? (node instanceof ShadowRoot ? node.host : null);
  }
  return (typeof navigator !== 'undefined' && navigator.language) || 'en';
}

/** `de-CH` → `de-CH`, then `de`, then `en`. */
export function pickLocale<T extends StringTable>(locales: Locales<T>, lang: string): Partial<T> {
  const lower = lang.toLowerCase();
  return locales[lower] ?? locales[lower.split('-')[0]!] ?? {};
}

export function format(template: Template | undefined, vars: Vars = {}): string {
  if (template === undefined) return '';
  if (typeof template === 'function') return template(vars);
  return template.replace(/\{(\w+)\}/g, (match, name: string) => (name in vars ? String(vars[name]) : match));
}

/** Resolves a key through overrides, the page's language, then English. */
export function translate<T extends StringTable>(
  locales: Locales<T>,
  lang: string,
  overrides: Partial<T> | undefined,
  key: keyof T & string,
  vars?: Vars,
): string {
  const template = overrides?.[key] ?? pickLocale(locales, lang)[key] ?? locales.en[key];
  return format(template, vars);
}
