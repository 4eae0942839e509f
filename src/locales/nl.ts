import { registerTranslation } from '../i18n/localize.js';
import table from './tables/nl.js';

/** Import up front (`mfa-elements/locales/nl.js`) to skip the brief English first render. */
registerTranslation('nl', table);
