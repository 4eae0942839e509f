/**
 * Phone numbers as users type them: national (with the chosen country's trunk prefix) or
 * international (`+…` or `00…`), turned into the E.164 form the MFA API takes. No DOM.
 */
import type { CountryDialing } from './phone-countries.js';
import { normalizePhone } from './input.js';

const SEPARATORS = /[\s\-().\u00a0/]/g;

/** The E.164 number for what was typed with `country` chosen, or undefined when it cannot be one. */
export function toE164(input: string, country: Pick<CountryDialing, 'callingCode' | 'trunk'>): string | undefined {
  const compact = input.trim().replace(SEPARATORS, '');
  if (compact.startsWith('+')) return normalizePhone(compact);
  if (compact.startsWith('00')) return normalizePhone(`+${compact.slice(2)}`);
  if (!/^\d+$/.test(compact)) return undefined;
  const national = country.trunk && compact.startsWith(country.trunk) ? compact.slice(country.trunk.length) : compact;
  // A national number has at least 4 digits after any trunk prefix (short numbers are not phones).
  if (national.length < 4) return undefined;
  // The North American plan: 10 digits, the area code not starting with 0 or 1.
  if (country.callingCode === '1' && !/^[2-9]\d{9}$/.test(national)) return undefined;
  return normalizePhone(`+${country.callingCode}${national}`);
}

/** The region of a BCP 47 tag when it names one (`de-CH` → `CH`), else undefined. */
export function regionOf(tag: string | undefined): string | undefined {
  if (!tag) return undefined;
  try {
    return new Intl.Locale(tag).region?.toUpperCase();
  } catch {
    return undefined;
  }
}

/**
 * The country to preselect: the element's language region, else the browser's, else the US;
 * only regions in `known`.
 */
export function defaultRegion(lang: string | undefined, browserLang: string | undefined, known: ReadonlySet<string>): string {
  for (const region of [regionOf(lang), regionOf(browserLang)]) if (region && known.has(region)) return region;
  return 'US';
}
