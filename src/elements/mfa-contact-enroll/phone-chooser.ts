/**
 * Everything the phone flow's country chooser needs beyond the page: the country data, naming
 * them in a language, reading a typed number. One module fetched when a phone flow opens (most
 * visits never open one); the CDN build puts it in a file beside the page.
 */
import { defaultRegion, toE164 } from '../../core/phone.js';
import { COUNTRIES, type CountryDialing } from '../../core/phone-countries.js';

export { toE164 };

export interface CountryOption extends CountryDialing {
  /** The region's name in the element's language. */
  name: string;
  /** What the chooser shows: the name and the calling code (isolated, so it reads `+49` in RTL too). */
  label: string;
}

const KNOWN = new Set(COUNTRIES.map((c) => c.region));
let cached: { lang: string; options: CountryOption[] } | undefined;

/** The countries named in `lang` (Intl.DisplayNames) and sorted by that name; memoized per language. */
export function countryOptions(lang: string): CountryOption[] {
  if (cached?.lang === lang) return cached.options;
  let names: Intl.DisplayNames | undefined;
  try {
    names = new Intl.DisplayNames([lang, 'en'], { type: 'region' });
  } catch {
    names = undefined;
  }
  const collator = new Intl.Collator(lang);
  const options = COUNTRIES.map((c) => {
    const name = names?.of(c.region) ?? c.region;
    return { ...c, name, label: `${name} (\u2066+${c.callingCode}\u2069)` };
  }).sort((a, b) => collator.compare(a.name, b.name));
  cached = { lang, options };
  return options;
}

/** The chosen country, else the one preselected from the element's or the browser's language. */
export function countryFor(region: string | undefined, lang: string, browserLang: string | undefined): CountryDialing {
  const wanted = region ?? defaultRegion(lang, browserLang, KNOWN);
  return COUNTRIES.find((c) => c.region === wanted) ?? COUNTRIES.find((c) => c.region === 'US')!;
}
