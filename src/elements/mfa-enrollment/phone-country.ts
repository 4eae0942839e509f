import type { CountryDialing } from '../../core/phone-countries.js';
import { onDemand } from '../shared/on-demand.js';

/**
 * The country chooser's data (calling codes, trunk prefixes) is fetched when a phone flow opens,
 * not with the page: most visits never open one. The CDN build puts it in a file beside the page.
 */
export const loadCountries = onDemand(() => import('../../core/phone-countries.js').then((m) => m.COUNTRIES));

export interface CountryOption extends CountryDialing {
  /** The region's name in the element's language. */
  name: string;
}

let cached: { lang: string; countries: readonly CountryDialing[]; options: CountryOption[] } | undefined;

/** The countries named in `lang` (Intl.DisplayNames) and sorted by that name; memoized per language. */
export function countryOptions(countries: readonly CountryDialing[], lang: string): CountryOption[] {
  if (cached?.lang === lang && cached.countries === countries) return cached.options;
  let names: Intl.DisplayNames | undefined;
  try {
    names = new Intl.DisplayNames([lang, 'en'], { type: 'region' });
  } catch {
    names = undefined;
  }
  const collator = new Intl.Collator(lang);
  const options = countries
    .map((c) => ({ ...c, name: names?.of(c.region) ?? c.region }))
    .sort((a, b) => collator.compare(a.name, b.name));
  cached = { lang, countries, options };
  return options;
}
