import { registerLocaleLoader, registerTranslation } from '../i18n/localize.js';
import { onDemand } from '../i18n/on-demand.js';

// Built-in translations, fetched the first time an element meets their language (the nearest
// `lang`, along the fallback chain in localize.ts). The tables are plain data, so a lazily loaded
// one shares no code chunk with the bundle that loads it. One literal import per language, so that
// bundlers (Vite, esbuild, webpack) emit one file per table.
const tables: Record<string, () => Promise<{ default: Parameters<typeof registerTranslation>[1] }>> = {
  de: () => import('./tables/de.js'),
  fr: () => import('./tables/fr.js'),
  es: () => import('./tables/es.js'),
  it: () => import('./tables/it.js'),
  'pt-BR': () => import('./tables/pt-BR.js'),
  nl: () => import('./tables/nl.js'),
  pl: () => import('./tables/pl.js'),
  sv: () => import('./tables/sv.js'),
  tr: () => import('./tables/tr.js'),
  ja: () => import('./tables/ja.js'),
  'zh-CN': () => import('./tables/zh-CN.js'),
  ar: () => import('./tables/ar.js'),
  he: () => import('./tables/he.js'),
};
for (const [lang, load] of Object.entries(tables)) {
  // A failed fetch is tried again, under a fresh URL, the next time an element meets the language.
  const table = onDemand(load);
  registerLocaleLoader(lang, () => table().then((m) => registerTranslation(lang, m.default)));
}
